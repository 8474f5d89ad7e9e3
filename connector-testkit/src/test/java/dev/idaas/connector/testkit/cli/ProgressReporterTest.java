package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.testkit.host.ProgressListener.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  private static final long SECOND = 1_000_000_000L;

  private final StringWriter err = new StringWriter();
  private final AtomicLong now = new AtomicLong(7 * SECOND);

  @Test
  void printsNothingForAShortRunWithoutATerminal() {
    ProgressReporter reporter = new ProgressReporter(new PrintWriter(err), false, now::get);

    reporter.runStarted("run-1", Trigger.EXECUTE_ADD, 100);
    for (int done = 1; done <= 100; done++) {
      now.addAndGet(SECOND / 100);
      reporter.objectDone(new Progress("run-1", done, 100, 0));
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsAPlainLineEveryFiveSecondsOrEveryTenthOnceARunIsLong() {
    ProgressReporter reporter = new ProgressReporter(new PrintWriter(err), false, now::get);

    reporter.runStarted("run-2", Trigger.EXECUTE_ADD, 1000);
    for (int done = 1; done <= 1000; done++) {
      now.addAndGet(done <= 100 ? SECOND / 10 : SECOND / 1000);
      reporter.objectDone(new Progress("run-2", done, 1000, done >= 990 ? done - 989 : 0));
    }

    assertThat(err.toString())
        .isEqualTo(
            """
            run-2: 50 of 1,000 objects (5 %), 10.0/s, no failures
            run-2: 100 of 1,000 objects (10 %), 10.0/s, no failures
            run-2: 200 of 1,000 objects (20 %), 19.8/s, no failures
            run-2: 300 of 1,000 objects (30 %), 29.4/s, no failures
            run-2: 400 of 1,000 objects (40 %), 38.8/s, no failures
            run-2: 500 of 1,000 objects (50 %), 48.1/s, no failures
            run-2: 600 of 1,000 objects (60 %), 57.1/s, no failures
            run-2: 700 of 1,000 objects (70 %), 66.0/s, no failures
            run-2: 800 of 1,000 objects (80 %), 74.8/s, no failures
            run-2: 900 of 1,000 objects (90 %), 83.3/s, no failures
            run-2: 1,000 of 1,000 objects (100 %), 91.7/s, 11 failures so far
            """);
  }

  @Test
  void redrawsOneLineOnATerminalAndWipesItAtTheEnd() {
    ProgressReporter reporter = new ProgressReporter(new PrintWriter(err), true, now::get);

    reporter.runStarted("run-3", Trigger.AUTOMATIC, 3);
    now.addAndGet(SECOND);
    reporter.objectDone(new Progress("run-3", 1, 3, 1));
    now.addAndGet(SECOND / 100);
    reporter.objectDone(new Progress("run-3", 2, 3, 1));
    now.addAndGet(SECOND);
    reporter.objectDone(new Progress("run-3", 3, 3, 1));
    reporter.runFinished(null);

    String first = "\rrun-3: 1 of 3 objects (33 %), 1.0/s, 1 failure so far";
    String last = "\rrun-3: 3 of 3 objects (100 %), 1.5/s, 1 failure so far";
    String wipe = "\r" + " ".repeat(last.length() - 1) + "\r";
    assertThat(err.toString()).isEqualTo(first + last + wipe);
  }
}
