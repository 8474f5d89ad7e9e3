package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.testkit.host.ProgressListener;
import dev.idaas.connector.testkit.host.RunSummary;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows how far a run is on standard error: objects done of the total, the rate, and the failures
 * so far.
 *
 * <p>On a terminal the line is redrawn in place (at most ten times a second) and wiped when the run
 * ends, so only the summary stays. Otherwise (a log file, a CI job) a run that lasts longer than
 * {@value #QUIET_SECONDS} seconds gets a plain line every {@value #PLAIN_INTERVAL_SECONDS} seconds
 * or every tenth of the work, whichever comes first; a short run prints nothing.
 */
final class ProgressReporter implements ProgressListener {

  static final int QUIET_SECONDS = 2;
  static final int PLAIN_INTERVAL_SECONDS = 5;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final long REDRAW_NANOS = NANOS_PER_SECOND / 10;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoTime;

  private long started;
  private long lastShown;
  private int lastTenth;
  private int drawnWidth;

  ProgressReporter(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
  }

  @Override
  public synchronized void runStarted(String runId, Trigger trigger, int objects) {
    started = nanoTime.getAsLong();
    lastShown = started;
    lastTenth = 0;
    drawnWidth = 0;
  }

  @Override
  public synchronized void objectDone(Progress progress) {
    long now = nanoTime.getAsLong();
    if (terminal) {
      if (now - lastShown >= REDRAW_NANOS || progress.done() == progress.total()) {
        redraw(describe(progress, now));
        lastShown = now;
      }
      return;
    }
    int tenth = progress.total() == 0 ? 10 : progress.done() * 10 / progress.total();
    boolean longRun = now - started >= QUIET_SECONDS * NANOS_PER_SECOND;
    boolean due = now - lastShown >= PLAIN_INTERVAL_SECONDS * NANOS_PER_SECOND;
    if (longRun && (due || tenth > lastTenth)) {
      err.println(describe(progress, now));
      err.flush();
      lastShown = now;
      lastTenth = tenth;
    }
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    if (terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  /** {@code run-3: 1,200 of 5,351 objects (22 %), 41.5/s, 2 failures so far}. */
  private String describe(Progress progress, long now) {
    double seconds = Math.max(now - started, 1) / (double) NANOS_PER_SECOND;
    long percent = progress.total() == 0 ? 100 : 100L * progress.done() / progress.total();
    String failures =
        switch (progress.failures()) {
          case 0 -> "no failures";
          case 1 -> "1 failure so far";
          default -> String.format(Locale.ROOT, "%,d failures so far", progress.failures());
        };
    return String.format(
        Locale.ROOT,
        "%s: %,d of %,d objects (%d %%), %.1f/s, %s",
        progress.runId(),
        progress.done(),
        progress.total(),
        percent,
        progress.done() / seconds,
        failures);
  }

  private void redraw(String line) {
    String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
    err.print("\r" + line + padding);
    err.flush();
    drawnWidth = line.length();
  }
}
