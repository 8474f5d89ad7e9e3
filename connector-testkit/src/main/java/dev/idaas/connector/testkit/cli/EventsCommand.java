package dev.idaas.connector.testkit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.ProgressListener;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code idaas-host events}: the synchronization events of an application, as the host's event page
 * lists them: what happened to each object in each run, and why it failed.
 *
 * <p>Reading events needs no secret: the connector is never opened, so a secret the state folder
 * lacks is replaced, for validation only, by a placeholder that goes nowhere.
 */
@Command(
    name = "events",
    sortOptions = false,
    description = {
      "List the sync events of the application in a state folder, oldest first: one line per"
          + " object and run, with the outcome and the reason of a failure."
    },
    footer = {
      "",
      "Examples:",
      "  idaas-host events --state state --status FAILED,BLOCKED",
      "  idaas-host events --state state --run run-2 --format json",
      "",
      "Exit codes: 0 listed (even when empty), 64 bad usage or input."
    })
final class EventsCommand extends StateFolderCommand {

  /** Stands in for a secret the state folder does not keep; never sent, since nothing is called. */
  private static final String SECRET_PLACEHOLDER = "(not needed to read events)";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Option(
      names = "--status",
      paramLabel = "OUTCOME",
      split = ",",
      description =
          "Only events with these outcomes, such as FAILED or FAILED,BLOCKED. One of:"
              + " ${COMPLETION-CANDIDATES}.")
  List<Outcome> statuses = new ArrayList<>();

  @Option(
      names = "--run",
      paramLabel = "RUN",
      description = "Only the events of this run, such as run-2.")
  String runId;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "A table, or a JSON array with one event object per line (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    ApplicationRecord record = ApplicationRecord.require(state, "idaas-host events");
    LoadedProvider provider = host.providers().get(record.providerId());
    Map<String, String> raw = withPlaceholders(provider.descriptor(), record.parameters());

    List<SyncEvent> events;
    try (HostSimulator simulator = open(provider, raw, null, ProgressListener.NONE)) {
      if (runId != null && simulator.run(runId).isEmpty()) {
        throw CliException.usage(
            "There is no run "
                + runId
                + " in the state folder "
                + state
                + "; its runs are "
                + runIds(simulator)
                + ".");
      }
      events = simulator.events(filter());
    }
    if (format == OutputFormat.JSON) {
      printJson(out(), events);
    } else {
      printTable(out(), events);
    }
    out().flush();
    return ExitCode.SUCCESS;
  }

  private EventFilter filter() {
    EventFilter filter = EventFilter.all().withOutcomes(statuses);
    return runId == null ? filter : filter.inRun(runId);
  }

  private static Map<String, String> withPlaceholders(
      ConnectorDescriptor descriptor, Map<String, String> stored) {
    Map<String, String> raw = new TreeMap<>(stored);
    for (ParameterSpec spec : descriptor.parameters()) {
      if (spec.secret() && spec.required()) {
        raw.put(spec.key(), SECRET_PLACEHOLDER);
      }
    }
    return raw;
  }

  private static String runIds(HostSimulator simulator) {
    List<String> ids = simulator.runs().stream().map(run -> run.runId()).toList();
    return ids.isEmpty() ? "none yet" : String.join(", ", ids);
  }

  private static void printTable(PrintWriter out, List<SyncEvent> events) {
    if (events.isEmpty()) {
      out.println("No sync events match.");
      return;
    }
    TextTable table =
        new TextTable(
            "TIME",
            "RUN",
            "TYPE",
            "ID",
            "OBJECT",
            "OPERATION",
            "OUTCOME",
            "TARGET",
            "TRY",
            "MESSAGE");
    for (SyncEvent event : events) {
      table.add(
          event.time().truncatedTo(ChronoUnit.SECONDS).toString(),
          event.runId(),
          event.objectType() == ObjectType.ORG_UNIT ? "org unit" : "account",
          event.hostId(),
          event.displayKey(),
          event.operation().name(),
          event.outcome().name(),
          event.targetId() == null ? "-" : event.targetId(),
          Integer.toString(event.attempt()),
          messageOf(event));
    }
    table.print(out);
    out.println(String.format(Locale.ROOT, "%,d events", events.size()));
  }

  private static String messageOf(SyncEvent event) {
    String kind = event.errorKind() == null ? "" : event.errorKind().name() + ": ";
    String message = event.message() == null ? "" : event.message();
    return (kind + message).replace('\n', ' ');
  }

  private static void printJson(PrintWriter out, List<SyncEvent> events) {
    out.print("[");
    for (int i = 0; i < events.size(); i++) {
      out.print(i == 0 ? "\n" : ",\n");
      out.print(json(events.get(i)).toString());
    }
    out.println(events.isEmpty() ? "]" : "\n]");
  }

  private static ObjectNode json(SyncEvent event) {
    ObjectNode node = NODES.objectNode();
    node.put("eventId", event.eventId());
    node.put("runId", event.runId());
    node.put("time", event.time().toString());
    node.put("applicationId", event.applicationId());
    node.put("trigger", event.trigger().name());
    node.put("attempt", event.attempt());
    node.put("objectType", event.objectType().name());
    node.put("hostId", event.hostId());
    node.put("displayKey", event.displayKey());
    node.put("operation", event.operation().name());
    node.put("outcome", event.outcome().name());
    node.put("targetId", event.targetId());
    node.put("errorKind", event.errorKind() == null ? null : event.errorKind().name());
    node.put("message", event.message());
    node.put("durationMs", event.duration().toMillis());
    return node;
  }
}
