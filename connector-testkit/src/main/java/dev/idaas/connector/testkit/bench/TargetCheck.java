package dev.idaas.connector.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure of a report read against its target.
 *
 * @param part the part it comes from
 * @param measure what is measured, in a few words
 * @param value the figure, as a number
 * @param figure the figure for people, with what it is made of
 * @param target the target for people; {@code -} for a figure shown for comparison only
 * @param met whether the target is met; null for a figure without a target
 */
public record TargetCheck(
    Part part, String measure, double value, String figure, String target, Boolean met) {

  /** The checks a report's parts allow, in part order. */
  static List<TargetCheck> of(BenchReport report) {
    List<TargetCheck> checks = new ArrayList<>();
    if (report.budgetBound() != null) {
      budgetBound(report, checks);
    }
    if (report.noOp() != null) {
      noOp(report.noOp(), checks);
    }
    if (report.overhead() != null) {
      overhead(report.overhead(), checks);
    }
    if (report.naive() != null) {
      naive(report.naive(), checks);
    }
    if (report.scale() != null) {
      scale(report.scale(), checks);
    }
    return checks;
  }

  private static void budgetBound(BenchReport report, List<TargetCheck> checks) {
    BenchReport.BudgetBound part = report.budgetBound();
    PushFigures push = part.push();
    checks.add(
        new TargetCheck(
            Part.BUDGET_BOUND,
            "writes of a first push",
            push.writes(),
            format("%,d", push.writes()),
            format(
                "≤ %,d (%,d units + ⌈%,d active ÷ %d⌉)",
                part.minimalWrites(),
                report.units(),
                report.activeAccounts(),
                PushBench.API_BATCH_LIMIT),
            push.writes() <= part.minimalWrites()));
    checks.add(
        new TargetCheck(
            Part.BUDGET_BOUND,
            "reads ÷ writes of a first push",
            part.readShare(),
            format("%.2f %% (%,d reads)", 100 * part.readShare(), push.reads()),
            "≤ 5 %",
            part.readShare() <= 0.05));
    checks.add(
        new TargetCheck(
            Part.BUDGET_BOUND,
            "budget-bound wall ÷ ideal",
            part.wallOverIdeal(),
            format(
                "%.3f (%.1f s ÷ %.1f s)",
                part.wallOverIdeal(), push.seconds(), part.ideal().toNanos() / 1e9),
            "≤ 1.10",
            part.wallOverIdeal() <= 1.10));
    checks.add(
        new TargetCheck(
            Part.BUDGET_BOUND,
            "throttled answers (429)",
            push.throttled(),
            format("%,d", push.throttled()),
            "0",
            push.throttled() == 0));
  }

  private static void noOp(BenchReport.NoOp part, List<TargetCheck> checks) {
    long writes = part.host().writes() + part.connector().writes();
    checks.add(
        new TargetCheck(
            Part.NO_OP,
            "writes of a no-op push",
            writes,
            format(
                "%,d (reads: %,d through the host, %,d alone)",
                writes, part.host().reads(), part.connector().reads()),
            "0",
            writes == 0));
    checks.add(
        new TargetCheck(
            Part.NO_OP,
            "no-op wall ÷ first push, host",
            part.hostShare(),
            format("%.2f %% (%.2f s)", 100 * part.hostShare(), part.host().seconds()),
            "≤ 5 %",
            part.hostShare() <= 0.05));
    checks.add(
        new TargetCheck(
            Part.NO_OP,
            "no-op wall ÷ first push, connector alone",
            part.connectorShare(),
            format("%.2f %% (%.2f s)", 100 * part.connectorShare(), part.connector().seconds()),
            "≤ 5 %",
            part.connectorShare() <= 0.05));
  }

  private static void overhead(BenchReport.Overhead part, List<TargetCheck> checks) {
    checks.add(
        new TargetCheck(
            Part.OVERHEAD,
            "connector alone ÷ plain loop (rate)",
            part.connectorRatio(),
            format(
                "%.2f (best of %d: %,.0f ÷ %,.0f objects/s; medians %.2f)",
                part.connectorRatio(),
                part.connectorRounds().size(),
                part.connector().rate(),
                part.plain().rate(),
                part.medianConnectorRatio()),
            "≥ 0.8",
            part.connectorRatio() >= 0.8));
    checks.add(
        new TargetCheck(
            Part.OVERHEAD,
            "through the host ÷ plain loop (rate)",
            part.hostRatio(),
            format(
                "%.2f (%,.0f ÷ %,.0f objects/s)",
                part.hostRatio(), part.host().rate(), part.plain().rate()),
            "-",
            null));
  }

  private static void naive(BenchReport.Naive part, List<TargetCheck> checks) {
    checks.add(
        new TargetCheck(
            Part.NAIVE,
            "naive ÷ ours (wall, budget-bound)",
            part.ratio(),
            format(
                "%.2f (%.0f s%s ÷ %.1f s)",
                part.ratio(),
                part.whole().toNanos() / 1e9,
                part.extrapolated()
                    ? format(
                        ", scaled up from %,d calls in %.1f s",
                        part.sample().calls().total(), part.sample().seconds())
                    : "",
                part.ours().toNanos() / 1e9),
            "≥ 3",
            part.ratio() >= 3));
  }

  private static void scale(BenchReport.Scale part, List<TargetCheck> checks) {
    checks.add(
        new TargetCheck(
            Part.SCALE,
            format("scale ×%d wall ÷ ×1 wall", part.factor()),
            part.wallRatio(),
            format(
                "%.2f (%.1f s ÷ %.1f s)",
                part.wallRatio(), part.scaled().seconds(), part.one().seconds()),
            format("≤ %d", part.factor() + 1),
            part.wallRatio() <= part.factor() + 1));
    checks.add(heap(part.factor(), part.scaled().heap(), 1024));
    checks.add(heap(1, part.one().heap(), 256));
  }

  private static TargetCheck heap(int factor, HeapFigures heap, int limitMib) {
    return new TargetCheck(
        Part.SCALE,
        format("peak heap at ×%d", factor),
        heap.peakUsedMib(),
        format(
            "%,.0f MiB used (%,.0f MiB live after GC; %,.0f before, %,.0f after)",
            heap.peakUsedMib(),
            heap.peakLiveMib(),
            (double) heap.before() / HeapFigures.MIB,
            (double) heap.after() / HeapFigures.MIB),
        format("≤ %,d MiB", limitMib),
        heap.peakUsedMib() <= limitMib);
  }

  private static String format(String format, Object... arguments) {
    return String.format(Locale.ROOT, format, arguments);
  }
}
