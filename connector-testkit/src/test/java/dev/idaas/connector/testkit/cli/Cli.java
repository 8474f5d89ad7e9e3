package dev.idaas.connector.testkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;

/**
 * Runs {@code idaas-host} commands in this JVM with a test environment: chosen environment
 * variables, no terminal, a fixed clock (so every run lasts 0.0 s), and a stop signal the test
 * fires.
 */
final class Cli {

  static final Instant NOW = Instant.parse("2026-03-02T08:30:00Z");

  final Map<String, String> variables = new HashMap<>();
  final AtomicLong nanoTime = new AtomicLong();
  final CountDownLatch stop = new CountDownLatch(1);
  boolean terminal;

  /** What a command printed, and its exit code. */
  record Result(int exitCode, String out, String err) {}

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = IdaasHost.commandLine(environment());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }

  /** A command running on another thread, with what it printed so far. */
  record Running(StringWriter out, StringWriter err, CompletableFuture<Integer> exitCode) {}

  /** Starts a command that runs until stopped, such as the simulator; {@link #stop} stops it. */
  Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = IdaasHost.commandLine(environment());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Running(out, err, CompletableFuture.supplyAsync(() -> commandLine.execute(args)));
  }

  CliEnvironment environment() {
    return new CliEnvironment(
        variables,
        terminal,
        Clock.fixed(NOW, ZoneOffset.UTC),
        nanoTime::get,
        onStop -> {
          stop.await();
          onStop.run();
        });
  }

  /** An example snapshot of the repository's {@code examples} folder, found from any module. */
  static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above the working folder");
  }

  /** Writes a text file, returning its path. */
  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
