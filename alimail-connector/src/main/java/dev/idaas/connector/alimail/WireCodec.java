package dev.idaas.connector.alimail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes the WebService request envelope and reads its answer.
 *
 * <p>Every request is {@code {"access":{"accessToken":…,"accessTarget":…},"param":{…}}}; every
 * answer is {@code {"status":{"statusCode":"…","statusMsg":"…"},"data":{…}}}. Reading is tolerant:
 * a status code sent as a number is read as text, a missing {@code data} is an empty object, and
 * fields of the wrong type read as absent. What cannot be an answer at all (not JSON, no status,
 * too large) is refused with a reason. Thread-safe.
 */
final class WireCodec {

  /** The largest answer read; the full department list of a big domain is well below it. */
  static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A new, empty {@code param} object. */
  static ObjectNode param() {
    return MAPPER.createObjectNode();
  }

  /** A JSON array of strings. */
  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  /**
   * The request body.
   *
   * @param accessToken the token, or an empty string for the login call
   * @param accessTarget the mail domain, a user's address, or an empty string for the login call
   */
  static byte[] request(String accessToken, String accessTarget, ObjectNode param) {
    ObjectNode envelope = MAPPER.createObjectNode();
    ObjectNode access = envelope.putObject("access");
    access.put("accessToken", accessToken);
    access.put("accessTarget", accessTarget);
    envelope.set("param", param);
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Reads an answer.
   *
   * @throws MalformedAnswerException if the body is too large, not JSON, or has no status code
   */
  static Answer answer(byte[] body) throws MalformedAnswerException {
    if (body.length > MAX_ANSWER_BYTES) {
      throw new MalformedAnswerException(
          "the answer is larger than " + MAX_ANSWER_BYTES / (1024 * 1024) + " MB");
    }
    JsonNode root = parse(body);
    JsonNode status = root.path("status");
    String code = text(status, "statusCode");
    if (code == null) {
      throw new MalformedAnswerException("the answer has no status.statusCode");
    }
    JsonNode data = root.path("data");
    return new Answer(code, text(status, "statusMsg"), data.isObject() ? data : param());
  }

  private static JsonNode parse(byte[] body) throws MalformedAnswerException {
    if (body.length == 0) {
      throw new MalformedAnswerException("the answer is empty");
    }
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root == null || !root.isObject()) {
        throw new MalformedAnswerException("the answer is not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new MalformedAnswerException("the answer is not JSON");
    }
  }

  /** A scalar field as text; null when absent, null, or not a scalar. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** A whole number sent as a number or as text; null when absent or not a number. */
  static Long number(JsonNode node, String field) {
    String text = text(node, field);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The elements of an array field; empty when absent or not an array. */
  static List<JsonNode> items(JsonNode node, String field) {
    JsonNode value = node.path(field);
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    }
    return items;
  }

  /** A status code or message that the server sent, and the data it came with. */
  record Answer(String code, String message, JsonNode data) {

    /** Success: Alibaba Mail answers {@code 100}, with the message {@code SYS_RESP_OK}. */
    boolean ok() {
      return "100".equals(code) || "SYS_RESP_OK".equals(code);
    }

    /** The access token is invalid or expired; sign in again. */
    boolean tokenExpired() {
      return "408".equals(code);
    }
  }

  /** A body that cannot be an answer. The message says why, and never quotes the body. */
  static final class MalformedAnswerException extends Exception {
    MalformedAnswerException(String reason) {
      super(reason);
    }
  }

  private WireCodec() {}
}
