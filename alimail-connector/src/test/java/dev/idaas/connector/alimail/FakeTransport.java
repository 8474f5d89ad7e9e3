package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A transport for unit tests: answers each path from a queue, or from a function of the request,
 * records every request, and fails loudly on a call nobody expected.
 */
final class FakeTransport implements Transport {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One way of answering: give a response, or throw. */
  @FunctionalInterface
  interface Reply {
    Response answer(JsonNode request) throws TransportException;
  }

  /** A request as sent. */
  record Sent(String path, JsonNode body) {
    String token() {
      return body.path("access").path("accessToken").asText();
    }
  }

  private final Map<String, Deque<Reply>> queues = new HashMap<>();
  private final Map<String, Reply> standing = new HashMap<>();
  private final List<Sent> sent = new ArrayList<>();

  /** Answers the next calls to {@code path} with these replies, in turn. */
  synchronized FakeTransport on(String path, Reply... replies) {
    Deque<Reply> queue = queues.computeIfAbsent(path, key -> new ArrayDeque<>());
    for (Reply reply : replies) {
      queue.add(reply);
    }
    return this;
  }

  /** Answers every call to {@code path} that no queued reply takes. */
  synchronized FakeTransport always(String path, Reply reply) {
    standing.put(path, reply);
    return this;
  }

  @Override
  public Response post(String path, byte[] body) throws TransportException {
    JsonNode request = parse(body);
    Reply reply;
    synchronized (this) {
      sent.add(new Sent(path, request));
      Deque<Reply> queue = queues.get(path);
      reply = queue != null && !queue.isEmpty() ? queue.poll() : standing.get(path);
    }
    if (reply == null) {
      throw new AssertionError("unexpected call to " + path + ": " + request);
    }
    return reply.answer(request);
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  synchronized long count(String path) {
    return sent.stream().filter(request -> request.path().equals(path)).count();
  }

  /** A 200 answer with status 100 and this data. */
  static Reply ok(String data) {
    return request ->
        json(
            200,
            "{\"status\":{\"statusCode\":\"100\",\"statusMsg\":\"SYS_RESP_OK\"},\"data\":"
                + data
                + "}");
  }

  /** A 200 answer with another status code. */
  static Reply status(String code, String message) {
    return request ->
        json(
            200,
            "{\"status\":{\"statusCode\":\""
                + code
                + "\",\"statusMsg\":\""
                + message
                + "\"},\"data\":{}}");
  }

  static Reply http(int status, String body, String... headerPairs) {
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
    }
    return request -> new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  static Reply fail(TransportException.Failure failure) {
    return request -> {
      throw new TransportException(failure, "simulated " + failure, null);
    };
  }

  /** A reply chosen by the request. */
  static Reply by(Function<JsonNode, Reply> choice) {
    return request -> choice.apply(request).answer(request);
  }

  static Response json(int status, String body) {
    return new Response(status, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
