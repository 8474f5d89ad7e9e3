package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.ChangeResult;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A host simulator for one contract test: the whole directory in scope, automatic authorization on,
 * a fixed clock, and the connector behind a {@link RecordingProvider}.
 */
final class ContractHost implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

  private final HostSimulator host;
  private final RecordingProvider recorder;

  private ContractHost(HostSimulator host, RecordingProvider recorder) {
    this.host = host;
    this.recorder = recorder;
  }

  /**
   * Opens a host for a provider with raw parameters.
   *
   * @throws dev.idaas.connector.api.InvalidConfigurationException if the parameters are refused
   */
  static ContractHost open(
      ConnectorProvider provider, Map<String, String> parameters, Path stateFolder) {
    RecordingProvider recorder = new RecordingProvider(provider);
    HostSimulator host =
        HostSimulator.builder()
            .provider(recorder)
            .parameters(parameters)
            .stateFolder(stateFolder)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .open();
    return new ContractHost(host, recorder);
  }

  HostSimulator simulator() {
    return host;
  }

  RecordingProvider recorder() {
    return recorder;
  }

  RunSummary executeAdd(DirectorySnapshot directory) {
    return host.executeAdd(directory);
  }

  RunSummary preview(DirectorySnapshot directory) {
    return host.preview(directory);
  }

  RunSummary previewChanges(DirectorySnapshot newer) {
    return host.previewChanges(newer);
  }

  /**
   * Pushes the changes from the directory as last pushed to {@code newer}, as automatic
   * authorization does.
   */
  RunSummary push(DirectorySnapshot newer) {
    ChangeResult change = host.applyChanges(newer);
    return change
        .run()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the contract suite expected a run for its change, but got: " + change));
  }

  List<SyncEvent> events(RunSummary run) {
    return host.events(EventFilter.all().inRun(run.runId()));
  }

  /** The latest event of one object in a run; fails the contract if there is none. */
  SyncEvent event(RunSummary run, ObjectType type, String hostId, String situation) {
    List<SyncEvent> events =
        events(run).stream()
            .filter(e -> e.objectType() == type && e.hostId().equals(hostId))
            .toList();
    ContractAssertions.check(
        BehaviourRule.ONE_EVENT_PER_OBJECT,
        events.size() == 1,
        situation,
        "one event for " + type + " " + hostId,
        () -> events.size() + " events for it; the run's events:\n" + outline(events(run)));
    return events.get(0);
  }

  @Override
  public void close() {
    host.close();
  }

  /** A run in one line: id, trigger, status, counts, and the run-level error if any. */
  static String describe(RunSummary run) {
    return run.runId()
        + " ("
        + run.trigger()
        + ") ended "
        + run.status()
        + ": org units "
        + counts(run.counts(ObjectType.ORG_UNIT))
        + ", accounts "
        + counts(run.counts(ObjectType.ACCOUNT))
        + (run.error() == null ? "" : "; run-level error: " + run.error());
  }

  /** Each event as {@code TYPE hostId OPERATION OUTCOME}, and its message if it has one. */
  static String outline(List<SyncEvent> events) {
    return events.isEmpty()
        ? "(no events)"
        : events.stream().map(ContractHost::describe).collect(Collectors.joining("\n"));
  }

  static String describe(SyncEvent event) {
    return brief(event)
        + (event.errorKind() == null ? "" : " " + event.errorKind())
        + (event.message() == null ? "" : ": " + event.message());
  }

  /** {@code TYPE hostId OPERATION OUTCOME}: what a preview and its run must agree on. */
  static String brief(SyncEvent event) {
    return event.objectType()
        + " "
        + event.hostId()
        + " "
        + event.operation()
        + " "
        + event.outcome();
  }

  private static String counts(Map<Outcome, Integer> counts) {
    return counts.isEmpty() ? "{}" : counts.toString();
  }
}
