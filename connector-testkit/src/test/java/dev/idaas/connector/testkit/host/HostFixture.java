package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.SyncEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A host simulator over an {@link InMemoryTarget}, with a fixed clock and known parameters. */
final class HostFixture {

  static final Instant NOW = Instant.parse("2026-03-02T08:30:00Z");
  static final String API_KEY = "k-7f3a-SECRET-91";
  static final Map<String, String> PARAMETERS = Map.of("domain", "acme.example", "apiKey", API_KEY);
  static final String APPLICATION = "hr-mail";

  final InMemoryTarget target = new InMemoryTarget();
  final Path stateFolder;

  HostFixture(Path stateFolder) {
    this.stateFolder = stateFolder;
  }

  /** A builder with the provider, the parameters, the state folder, the clock and the id set. */
  HostSimulator.Builder builder() {
    return HostSimulator.builder()
        .provider(new InMemoryDirectoryProvider(target))
        .parameters(PARAMETERS)
        .stateFolder(stateFolder)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .applicationId(APPLICATION);
  }

  HostSimulator open() {
    return builder().open();
  }

  static DirectorySnapshot hr() {
    return Examples.load("oracle-hr.json");
  }

  /** Each event as "TYPE hostId OPERATION OUTCOME", for exact comparisons of a run. */
  static List<String> outline(List<SyncEvent> events) {
    return events.stream()
        .map(e -> e.objectType() + " " + e.hostId() + " " + e.operation() + " " + e.outcome())
        .toList();
  }
}
