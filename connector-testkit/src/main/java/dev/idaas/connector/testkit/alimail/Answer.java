package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * What the simulator sends back for one request, before WireMock turns it into HTTP.
 *
 * @param connectionFault DROP or EMPTY_RESPONSE to break the connection instead; null to answer
 * @param delay how long to wait before answering
 */
record Answer(
    int httpStatus,
    String contentType,
    byte[] body,
    Map<String, String> headers,
    FaultAction.Kind connectionFault,
    Duration delay) {

  static final String JSON_TYPE = "application/json;charset=UTF-8";
  static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** HTTP 200 with status {@code 100} and this data. */
  static Answer ok(ObjectNode data) {
    return envelope(200, ServiceError.OK, ServiceError.message(ServiceError.OK, null), data);
  }

  /** HTTP 200 with the refusal's status and empty data. */
  static Answer refused(ServiceError refusal) {
    return envelope(200, refusal.code(), refusal.getMessage(), NODES.objectNode());
  }

  /** HTTP 429 with {@code Retry-After: 1} and status {@code 429}. */
  static Answer throttled() {
    Answer answer =
        envelope(
            429,
            ServiceError.THROTTLED,
            ServiceError.message(ServiceError.THROTTLED, "the request budget is used up"),
            NODES.objectNode());
    return new Answer(
        429, JSON_TYPE, answer.body(), Map.of("Retry-After", "1"), null, Duration.ZERO);
  }

  /** HTTP 500 with an HTML page, as a failing gateway sends. */
  static Answer serverError() {
    return text(500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>");
  }

  /** A connection broken without an answer. */
  static Answer broken(FaultAction.Kind fault) {
    return new Answer(0, null, new byte[0], Map.of(), fault, Duration.ZERO);
  }

  static Answer json(int httpStatus, Object document) {
    try {
      return new Answer(
          httpStatus, JSON_TYPE, JSON.writeValueAsBytes(document), Map.of(), null, Duration.ZERO);
    } catch (JsonProcessingException impossible) {
      // The simulator only writes trees and records it built itself.
      throw new IllegalStateException(impossible);
    }
  }

  static Answer text(int httpStatus, String contentType, String body) {
    return new Answer(
        httpStatus,
        contentType + ";charset=UTF-8",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(),
        null,
        Duration.ZERO);
  }

  /** The same answer, sent {@code extra} later. */
  Answer delayedBy(Duration extra) {
    return new Answer(httpStatus, contentType, body, headers, connectionFault, delay.plus(extra));
  }

  private static Answer envelope(int httpStatus, String code, String message, ObjectNode data) {
    ObjectNode document = NODES.objectNode();
    document.putObject("status").put("statusCode", code).put("statusMsg", message);
    document.set("data", data);
    return json(httpStatus, document);
  }
}
