package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls the simulator the way a real client does: a POST with the {@code access}/{@code param}
 * envelope over {@link HttpClient}, and the answer read with Jackson.
 */
final class WebServiceClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AliMailSimulator simulator;
  private Duration timeout = Duration.ofSeconds(10);
  private String token = "";

  WebServiceClient(AliMailSimulator simulator) {
    this.simulator = simulator;
  }

  WebServiceClient withTimeout(Duration requestTimeout) {
    this.timeout = requestTimeout;
    return this;
  }

  /** Logs in with the simulator's credentials and keeps the token; fails if refused. */
  String login() {
    Reply reply =
        login(
            simulator.connectorParameters().get("accessCode"),
            simulator.connectorParameters().get("accessPassword"));
    if (!reply.code().equals("100")) {
      throw new AssertionError("login refused: " + reply.body());
    }
    token = reply.data().get("accessToken").asText();
    return token;
  }

  Reply login(String accessCode, String accessPassword) {
    return send(
        "/control/wsLogin",
        "",
        "",
        Map.of("accessCode", accessCode, "accessPassword", accessPassword));
  }

  /** The same as {@link #call}, letting a broken connection or a timeout through as it is. */
  Reply callOrThrow(String path, Object param) throws IOException {
    return sendOrThrow(path, token, simulator.domain(), param);
  }

  /** A call on the domain with the kept token. */
  Reply call(String path, Object param) {
    return send(path, token, simulator.domain(), param);
  }

  /** A call with the kept token on another access target. */
  Reply callOn(String target, String path, Object param) {
    return send(path, token, target, param);
  }

  Reply send(String path, String accessToken, String accessTarget, Object param) {
    try {
      return sendOrThrow(path, accessToken, accessTarget, param);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The same, letting a broken connection or a timeout through as it is. */
  Reply sendOrThrow(String path, String accessToken, String accessTarget, Object param)
      throws IOException {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.putObject("access").put("accessToken", accessToken).put("accessTarget", accessTarget);
    envelope.set("param", JSON.valueToTree(param));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(simulator.endpoint() + path))
            .timeout(timeout)
            .header("Content-Type", "application/json;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(envelope)))
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", interrupted);
    }
  }

  /** A GET of a simulator document, such as {@code /__sim/state}. */
  String inspect(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(simulator.inspectionUrl() + path)).GET().build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** One answer. */
  record Reply(int httpStatus, Map<String, List<String>> headers, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException notJson) {
        throw new AssertionError("not JSON: " + body, notJson);
      }
    }

    String code() {
      return json().path("status").path("statusCode").asText();
    }

    String message() {
      return json().path("status").path("statusMsg").asText();
    }

    JsonNode data() {
      return json().path("data");
    }

    /** The {@code fail} items as {@code email=code} strings. */
    List<String> failures() {
      return itemsOf("fail").stream()
          .map(item -> item.path("email").asText() + "=" + item.path("errorCode").asText())
          .toList();
    }

    /** The e-mails of the {@code success} items. */
    List<String> successes() {
      return itemsOf("success").stream().map(item -> item.path("email").asText()).toList();
    }

    private List<JsonNode> itemsOf(String list) {
      List<JsonNode> items = new java.util.ArrayList<>();
      data().path(list).forEach(items::add);
      return items;
    }
  }
}
