package dev.idaas.connector.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.RecordedExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The floor a connector is measured against: the very requests a connector sent (recorded by the
 * simulator), sent again with {@code java.net.http} to a fresh simulated domain, with no connector
 * logic at all: no planning, links, events, retries or pacing.
 *
 * <p>Only what the API itself forces is kept. A request carries values earlier answers handed out
 * (the access token, the root department's id, the id of each department made), so each request
 * waits for the answers it needs and carries the new values in their place; everything else goes as
 * soon as a thread is free, on as many threads as the connector's pool. Every body is cut into its
 * fixed parts before the clock starts, so building a request is a few array copies.
 */
final class PlainLoop {

  static final String DRIVER = "plain loop";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answers whose data hands out a value later requests carry, and the field holding it. */
  private static final Map<String, String> HANDED_OUT =
      Map.of(
          "/control/wsLogin", "accessToken",
          "/ud/getDomainInfo", "rootDepartmentId",
          "/ud/createDepartment", "departmentId");

  private final List<Template> requests;

  private PlainLoop(List<Template> requests) {
    this.requests = requests;
  }

  /**
   * Prepares the replay of a recording.
   *
   * @throws IllegalArgumentException if a recorded body is not JSON
   */
  static PlainLoop replaying(List<RecordedExchange> recorded) {
    Map<String, Integer> handedOutBy = new HashMap<>();
    List<Template> requests = new ArrayList<>();
    for (int index = 0; index < recorded.size(); index++) {
      RecordedExchange exchange = recorded.get(index);
      requests.add(template(exchange, handedOutBy));
      String field = HANDED_OUT.get(exchange.path());
      String value =
          field == null ? null : read(exchange.answerBody()).path("data").path(field).asText("");
      if (value != null && !value.isEmpty()) {
        handedOutBy.putIfAbsent(value, index);
      }
    }
    return new PlainLoop(requests);
  }

  /** How many requests a replay sends. */
  int size() {
    return requests.size();
  }

  /**
   * Sends every request to {@code target}, which should be a fresh domain, and waits for the last
   * answer.
   *
   * @param threads how many requests may be in flight at once
   * @param objects the org units and accounts the recorded push was about, for the rate
   */
  PushFigures replay(AliMailSimulator target, int threads, int objects) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    String[] values = new String[requests.size()];
    AtomicLong problems = new AtomicLong();
    URI endpoint = URI.create(target.endpoint());
    target.resetCalls();

    long started = System.nanoTime();
    try {
      List<CompletableFuture<Void>> answered = new ArrayList<>();
      for (int index = 0; index < requests.size(); index++) {
        Template request = requests.get(index);
        int current = index;
        CompletableFuture<?>[] needed =
            request.needs().stream().map(answered::get).toArray(CompletableFuture[]::new);
        answered.add(
            CompletableFuture.allOf(needed)
                .thenRunAsync(
                    () -> values[current] = send(client, endpoint, request, values, problems),
                    pool));
      }
      CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdownNow();
    }
    long finished = System.nanoTime();

    return new PushFigures(
        DRIVER,
        objects,
        Duration.ofNanos(finished - started),
        target.calls(),
        target.throttledCalls(),
        Map.of(),
        Map.of(),
        problems.get(),
        null);
  }

  /** Sends one request; returns the value its answer hands out, or null. */
  private static String send(
      HttpClient client, URI endpoint, Template request, String[] values, AtomicLong problems) {
    HttpRequest http =
        HttpRequest.newBuilder(URI.create(endpoint + request.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.body(values)))
            .build();
    JsonNode answer;
    try {
      answer = read(client.send(http, HttpResponse.BodyHandlers.ofByteArray()).body());
    } catch (IOException e) {
      problems.incrementAndGet();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems.incrementAndGet();
      return null;
    }

    if (!"100".equals(answer.path("status").path("statusCode").asText())) {
      problems.incrementAndGet();
    }
    problems.addAndGet(answer.path("data").path("fail").size());
    String field = HANDED_OUT.get(request.path());
    return field == null ? null : answer.path("data").path(field).asText(null);
  }

  private static Template template(RecordedExchange exchange, Map<String, Integer> handedOutBy) {
    String body = new String(exchange.requestBody(), StandardCharsets.UTF_8);
    Set<String> carried = new LinkedHashSet<>();
    collectHandedOut(read(exchange.requestBody()), handedOutBy, carried);
    if (carried.isEmpty()) {
      return new Template(exchange.path(), List.of(exchange.requestBody()), new int[0]);
    }

    Pattern quoted =
        Pattern.compile(
            carried.stream()
                .map(value -> Pattern.quote("\"" + value + "\""))
                .collect(Collectors.joining("|")));
    List<byte[]> fixed = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    Matcher matcher = quoted.matcher(body);
    int from = 0;
    while (matcher.find()) {
      fixed.add(utf8(body.substring(from, matcher.start() + 1)));
      String value = matcher.group().substring(1, matcher.group().length() - 1);
      slots.add(handedOutBy.get(value));
      from = matcher.end() - 1;
    }
    fixed.add(utf8(body.substring(from)));
    return new Template(
        exchange.path(), fixed, slots.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Adds to {@code carried} every text value in the tree that an earlier answer handed out. */
  private static void collectHandedOut(
      JsonNode node, Map<String, Integer> handedOutBy, Set<String> carried) {
    if (node.isTextual() && handedOutBy.containsKey(node.asText())) {
      carried.add(node.asText());
    }
    node.forEach(child -> collectHandedOut(child, handedOutBy, carried));
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a recorded or replayed body is not JSON", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A request cut at the values earlier answers handed out: {@code fixed[0] value(slots[0])
   * fixed[1] … fixed[n]}.
   *
   * @param slots for each cut, the index of the request whose answer gives the value
   */
  private record Template(String path, List<byte[]> fixed, int[] slots) {

    /** The requests whose answers this one needs, each once. */
    List<Integer> needs() {
      return Arrays.stream(slots).distinct().boxed().toList();
    }

    byte[] body(String[] values) {
      if (slots.length == 0) {
        return fixed.get(0);
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(512);
      for (int i = 0; i < slots.length; i++) {
        body.writeBytes(fixed.get(i));
        body.writeBytes(utf8(String.valueOf(values[slots[i]])));
      }
      body.writeBytes(fixed.get(slots.length));
      return body.toByteArray();
    }
  }
}
