package dev.idaas.connector.testkit.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link BenchReport} for people (a table against the targets) or for machines (JSON). */
public final class ReportFormat {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFormat() {}

  /** The figures against their targets, then each push's calls and outcomes. */
  public static String table(BenchReport report) {
    StringBuilder out = new StringBuilder();
    header(report, out);
    List<TargetCheck> checks = TargetCheck.of(report);
    int measureWidth = width(checks.stream().map(TargetCheck::measure).toList(), "measure");
    int figureWidth = width(checks.stream().map(TargetCheck::figure).toList(), "figure");
    int targetWidth = width(checks.stream().map(TargetCheck::target).toList(), "target");
    String row =
        "%-2s %-" + measureWidth + "s  %-" + figureWidth + "s  %-" + targetWidth + "s  %s%n";
    out.append(String.format(Locale.ROOT, row, "", "measure", "figure", "target", ""));
    for (TargetCheck check : checks) {
      out.append(
          String.format(
              Locale.ROOT,
              row,
              check.part().number(),
              check.measure(),
              check.figure(),
              check.target(),
              check.met() == null ? "" : check.met() ? "met" : "MISSED"));
    }
    out.append(System.lineSeparator()).append("Pushes:").append(System.lineSeparator());
    pushes(report).forEach((name, push) -> out.append(describe(name, push)));
    return out.toString();
  }

  /**
   * The whole report as JSON: settings, machine, the directory's counts, each part's raw figures
   * (times in milliseconds, heap in bytes) and the checks against the targets.
   */
  public static String json(BenchReport report) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode settings = root.putObject("settings");
    settings.put("directory", report.settings().directory().toString());
    settings.put("latencyMillis", report.settings().latency().toMillis());
    settings.put("budget", report.settings().budget());
    ArrayNode parts = settings.putArray("parts");
    report.settings().parts().stream().map(Part::number).sorted().forEach(parts::add);
    settings.put("scale", report.settings().scale());
    settings.put("naiveShare", report.settings().naiveShare());
    root.putObject("machine")
        .put("processors", report.machine().processors())
        .put("java", report.machine().java())
        .put("maxHeapBytes", report.machine().maxHeapBytes());
    root.putObject("directory")
        .put("units", report.units())
        .put("accounts", report.accounts())
        .put("activeAccounts", report.activeAccounts());

    ObjectNode pushes = root.putObject("pushes");
    pushes(report).forEach((name, push) -> pushes.set(name, json(push)));
    if (report.overhead() != null) {
      ObjectNode rounds = root.putObject("overheadRounds");
      ArrayNode plain = rounds.putArray("plainLoopWallMillis");
      report.overhead().plainRounds().forEach(push -> plain.add(push.wall().toMillis()));
      ArrayNode connector = rounds.putArray("connectorWallMillis");
      report.overhead().connectorRounds().forEach(push -> connector.add(push.wall().toMillis()));
    }
    ArrayNode checks = root.putArray("checks");
    for (TargetCheck check : TargetCheck.of(report)) {
      ObjectNode node =
          checks
              .addObject()
              .put("part", check.part().number())
              .put("measure", check.measure())
              .put("value", check.value())
              .put("figure", check.figure())
              .put("target", check.target());
      if (check.met() != null) {
        node.put("met", check.met());
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // Defensive: a tree of plain values always serializes.
      throw new IllegalStateException(e);
    }
  }

  private static void header(BenchReport report, StringBuilder out) {
    BenchSettings settings = report.settings();
    out.append(
        String.format(
            Locale.ROOT,
            "Push benchmark of %s: %,d org units, %,d accounts (%,d active)%n"
                + "latency %d ms, budget %d calls/s, scale ×%d; %d processors, %s, max heap %,d"
                + " MiB%n%n",
            settings.directory(),
            report.units(),
            report.accounts(),
            report.activeAccounts(),
            settings.latency().toMillis(),
            settings.budget(),
            settings.scale(),
            report.machine().processors(),
            report.machine().java(),
            report.machine().maxHeapBytes() / HeapFigures.MIB));
  }

  /** Every push of the report, named by part and driver, in part order. */
  private static Map<String, PushFigures> pushes(BenchReport report) {
    Map<String, PushFigures> pushes = new LinkedHashMap<>();
    if (report.budgetBound() != null) {
      pushes.put("1 first push, host", report.budgetBound().push());
    }
    if (report.noOp() != null) {
      pushes.put("2 no-op push, host", report.noOp().host());
      pushes.put("2 no-op push, connector alone", report.noOp().connector());
    }
    if (report.overhead() != null) {
      pushes.put("3 plain loop, best round", report.overhead().plain());
      pushes.put("3 connector alone, best round", report.overhead().connector());
      pushes.put("3 host", report.overhead().host());
    }
    if (report.naive() != null) {
      pushes.put(
          report.naive().extrapolated() ? "4 naive client, sample" : "4 naive client",
          report.naive().sample());
    }
    if (report.scale() != null) {
      pushes.put("5 connector alone, ×1", report.scale().one());
      pushes.put("5 connector alone, ×" + report.scale().factor(), report.scale().scaled());
    }
    return pushes;
  }

  private static String describe(String name, PushFigures push) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "  %s: %,d objects in %.2f s (%,.0f/s), %,d calls (%,d writes), %,d throttled%n",
            name,
            push.objects(),
            push.seconds(),
            push.rate(),
            push.calls().total(),
            push.writes(),
            push.throttled()));
    out.append("    calls: ")
        .append(
            push.calls().byPath().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append(System.lineSeparator());
    if (!push.unitOutcomes().isEmpty() || !push.accountOutcomes().isEmpty()) {
      out.append("    org units: ")
          .append(outcomes(push.unitOutcomes()))
          .append("; accounts: ")
          .append(outcomes(push.accountOutcomes()))
          .append(System.lineSeparator());
    }
    if (push.problems() > 0) {
      out.append(String.format(Locale.ROOT, "    refusals: %,d%n", push.problems()));
    }
    return out.toString();
  }

  private static String outcomes(Map<Outcome, Integer> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static ObjectNode json(PushFigures push) {
    ObjectNode node = JSON.createObjectNode();
    node.put("driver", push.driver());
    node.put("objects", push.objects());
    node.put("wallMillis", push.wall().toMillis());
    node.put("objectsPerSecond", push.rate());
    node.put("calls", push.calls().total());
    node.put("writes", push.writes());
    node.put("reads", push.reads());
    node.put("throttled", push.throttled());
    ObjectNode byPath = node.putObject("callsByPath");
    push.calls().byPath().forEach(byPath::put);
    ObjectNode units = node.putObject("unitOutcomes");
    push.unitOutcomes().forEach((outcome, count) -> units.put(outcome.name(), count));
    ObjectNode accounts = node.putObject("accountOutcomes");
    push.accountOutcomes().forEach((outcome, count) -> accounts.put(outcome.name(), count));
    node.put("problems", push.problems());
    if (push.heap() != null) {
      node.putObject("heap")
          .put("beforeBytes", push.heap().before())
          .put("peakUsedBytes", push.heap().peakUsed())
          .put("peakLiveBytes", push.heap().peakLive())
          .put("afterBytes", push.heap().after());
    }
    return node;
  }

  private static int width(List<String> texts, String heading) {
    return Math.max(heading.length(), texts.stream().mapToInt(String::length).max().orElse(0));
  }
}
