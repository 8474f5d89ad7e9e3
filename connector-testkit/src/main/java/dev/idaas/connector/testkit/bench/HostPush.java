package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Drives a connector through the host simulator, as {@code idaas-host} does: Execute Add, with
 * every event and link committed to the host's database in a temporary state folder, which {@link
 * #close()} deletes.
 */
final class HostPush implements AutoCloseable {

  static final String DRIVER = "host";

  private final AliMailSimulator target;
  private final Path stateFolder;
  private final HostSimulator host;

  /**
   * @param requestsPerSecond the connector's pace; 0 for none
   * @throws UncheckedIOException if the temporary state folder cannot be made
   */
  HostPush(ConnectorProvider provider, AliMailSimulator target, int requestsPerSecond) {
    this.target = target;
    try {
      this.stateFolder = Files.createTempDirectory("idaas-bench-host");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary state folder for the host", e);
    }
    this.host =
        HostSimulator.builder()
            .provider(provider)
            .parameters(Simulators.connectorParameters(target, requestsPerSecond))
            .stateFolder(stateFolder)
            .open();
  }

  /**
   * Runs Execute Add of the directory, counting the target's calls from zero.
   *
   * @throws IllegalStateException if the run stopped with a run-level error
   */
  PushFigures executeAdd(DirectorySnapshot directory) {
    target.resetCalls();
    long started = System.nanoTime();
    RunSummary run = host.executeAdd(directory);
    long finished = System.nanoTime();
    if (run.error() != null) {
      throw new IllegalStateException("the benchmark's push stopped: " + run.error());
    }
    return new PushFigures(
        DRIVER,
        directory.orgUnits().size() + directory.accounts().size(),
        Duration.ofNanos(finished - started),
        target.calls(),
        target.throttledCalls(),
        run.counts(ObjectType.ORG_UNIT),
        run.counts(ObjectType.ACCOUNT),
        0,
        null);
  }

  /** The host's links, as the connector left them. */
  LinkStore links() {
    return host.links();
  }

  /** Closes the host and deletes its state folder. */
  @Override
  public void close() {
    host.close();
    try (Stream<Path> files = Files.walk(stateFolder)) {
      files.sorted(Comparator.reverseOrder()).forEach(HostPush::deleteQuietly);
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the figures are complete.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // See close(): a leftover temporary file is harmless.
    }
  }
}
