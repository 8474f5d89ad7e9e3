package dev.idaas.connector.testkit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.testkit.host.MassRevocationGuard;
import dev.idaas.connector.testkit.host.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints how a run ended: as lines for a person, or as one JSON object for a script.
 *
 * <p>The JSON object has {@code status} (SUCCESS, PARTIAL or FAILED), {@code runId} (null when no
 * run was needed), {@code trigger}, {@code orgUnits} and {@code accounts} (counts per outcome,
 * outcomes with none left out), {@code writes}, {@code durationMs} and {@code error} (the run-level
 * error, or null).
 */
final class RunReport {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunReport() {}

  /**
   * Prints a run's summary.
   *
   * @param stateFolder the state folder as the user gave it, for the hints on what to do next
   */
  static void print(PrintWriter out, OutputFormat format, RunSummary run, Path stateFolder) {
    if (format == OutputFormat.JSON) {
      out.println(json(run).toString());
    } else {
      printText(out, run, "", stateFolder);
    }
    out.flush();
  }

  /**
   * Prints a run's summary as text, each line indented, without hints: for a run whose state folder
   * the user cannot reach, such as the demo's.
   */
  static void printIndented(PrintWriter out, RunSummary run, String indent) {
    printText(out, run, indent, null);
    out.flush();
  }

  /** Prints that no run was needed, with the reason. */
  static void printNoRun(PrintWriter out, OutputFormat format, String reason) {
    if (format == OutputFormat.JSON) {
      out.println(noRunJson().toString());
    } else {
      out.println(reason);
    }
    out.flush();
  }

  /**
   * A run's error for the command line: the mass-revocation guard's hint says how to confirm here.
   */
  static String error(RunSummary run) {
    String error = run.error();
    if (error == null) {
      return null;
    }
    return error.replace(
        MassRevocationGuard.CONFIRMATION_HINT,
        "If the revocations are intended, run the same command again with"
            + " --confirm-mass-revocation.");
  }

  /** The JSON summary of a run. */
  static ObjectNode json(RunSummary run) {
    ObjectNode node = NODES.objectNode();
    node.put("status", run.status().name());
    node.put("runId", run.runId());
    node.put("trigger", run.trigger().name());
    node.set("orgUnits", counts(run.orgUnitCounts()));
    node.set("accounts", counts(run.accountCounts()));
    node.put("writes", run.writes());
    node.put("durationMs", run.duration().toMillis());
    node.put("error", error(run));
    return node;
  }

  /** The JSON summary when nothing had to be pushed. */
  static ObjectNode noRunJson() {
    ObjectNode node = NODES.objectNode();
    node.put("status", RunStatus.SUCCESS.name());
    node.putNull("runId");
    node.putNull("trigger");
    node.putObject("orgUnits");
    node.putObject("accounts");
    node.put("writes", 0);
    node.put("durationMs", 0);
    node.putNull("error");
    return node;
  }

  private static ObjectNode counts(Map<Outcome, Integer> counts) {
    ObjectNode node = NODES.objectNode();
    counts.forEach((outcome, count) -> node.put(outcome.name(), count));
    return node;
  }

  private static void printText(PrintWriter out, RunSummary run, String indent, Path stateFolder) {
    out.println(
        indent
            + title(run.trigger())
            + " "
            + run.runId()
            + ": "
            + run.status()
            + " in "
            + seconds(run.duration().toMillis()));
    out.println(indent + countLine("org units", run, ObjectType.ORG_UNIT));
    out.println(indent + countLine("accounts", run, ObjectType.ACCOUNT));
    out.println(
        indent
            + String.format(
                Locale.ROOT,
                "  %-11s %,5d%s",
                run.isPreview() ? "would write" : "writes",
                run.writes(),
                run.isPreview() ? "  (a preview: nothing was written)" : ""));
    run.runError().ifPresent(error -> out.println(indent + "  error: " + error(run)));
    if (run.problems() > 0 && stateFolder != null) {
      printProblemHints(out, run, stateFolder);
    }
  }

  private static void printProblemHints(PrintWriter out, RunSummary run, Path stateFolder) {
    int blocked =
        run.count(ObjectType.ORG_UNIT, Outcome.BLOCKED)
            + run.count(ObjectType.ACCOUNT, Outcome.BLOCKED);
    String statuses = blocked > 0 ? "FAILED,BLOCKED" : "FAILED";
    String state = quoted(stateFolder);
    out.println(
        String.format(
            Locale.ROOT,
            "  %,d %s attention; read why with:%n    idaas-host events --state %s --status %s"
                + " --run %s",
            run.problems(),
            run.problems() == 1 ? "object needs" : "objects need",
            state,
            statuses,
            run.runId()));
    if (!run.isPreview()) {
      out.println("  and once the cause is fixed, retry them with:");
      out.println("    idaas-host retry --state " + state + " --run " + run.runId());
    }
  }

  private static String countLine(String noun, RunSummary run, ObjectType type) {
    Map<Outcome, Integer> counts = run.counts(type);
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringJoiner outcomes = new StringJoiner(", ");
    counts.forEach(
        (outcome, count) ->
            outcomes.add(
                String.format(
                    Locale.ROOT, "%s %,d", outcome.name().toLowerCase(Locale.ROOT), count)));
    String detail = total == 0 ? "" : "  " + outcomes;
    return String.format(Locale.ROOT, "  %-11s %,5d%s", noun, total, detail);
  }

  static String title(Trigger trigger) {
    return switch (trigger) {
      case EXECUTE_ADD -> "Execute Add";
      case AUTOMATIC -> "Sync";
      case RETRY -> "Retry";
      case PREVIEW -> "Preview";
    };
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** A path as a shell reads it back: quoted when it holds anything but safe characters. */
  static String quoted(Path path) {
    String text = path.toString();
    return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
