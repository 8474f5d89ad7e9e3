package dev.idaas.connector.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code idaas-host simulate alimail} running in a process of its own, as a user starts it: its
 * standard output is the parameters file the other commands read.
 */
final class SimulatorProcess implements AutoCloseable {

  private static final Pattern ENDPOINT =
      Pattern.compile("(?m)^endpoint=(http://127\\.0\\.0\\.1:\\d+)/alimailws$");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path parameters;
  private final Path errors;
  private final String baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SimulatorProcess(Process process, Path parameters, Path errors, String baseUrl) {
    this.process = process;
    this.parameters = parameters;
    this.errors = errors;
    this.baseUrl = baseUrl;
  }

  /** Starts the simulator on a free port, keeping its domain in {@code data}. */
  static SimulatorProcess start(Path folder, Path data) throws IOException, InterruptedException {
    Path parameters = folder.resolve("alimail.properties");
    Path errors = folder.resolve("simulator.err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.idaas.connector.testkit.cli.IdaasHost");
    command.addAll(List.of("simulate", "alimail", "--port", "0", "--data", data.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(parameters.toFile())
            .redirectError(errors.toFile())
            .start();
    return new SimulatorProcess(
        process, parameters, errors, awaitEndpoint(process, parameters, errors));
  }

  /** The parameters file the simulator printed. */
  Path parameters() {
    return parameters;
  }

  /** What the simulator printed on standard error. */
  String errors() throws IOException {
    return Files.readString(errors);
  }

  /** {@code GET /__sim/state}. */
  JsonNode state() throws IOException, InterruptedException {
    return get("/__sim/state");
  }

  /** {@code GET /__sim/calls}. */
  JsonNode calls() throws IOException, InterruptedException {
    return get("/__sim/calls");
  }

  /**
   * Stops the process as {@code kill} does (SIGTERM) and waits for it.
   *
   * @return the exit code
   */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the simulator did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }

  private static String awaitEndpoint(Process process, Path parameters, Path errors)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String printed = Files.readString(parameters);
      Matcher endpoint = ENDPOINT.matcher(printed);
      if (endpoint.find() && printed.contains("accessTarget=")) {
        return endpoint.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the simulator stopped with " + process.exitValue() + ": " + Files.readString(errors));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the simulator printed no endpoint in " + START_TIMEOUT);
  }
}
