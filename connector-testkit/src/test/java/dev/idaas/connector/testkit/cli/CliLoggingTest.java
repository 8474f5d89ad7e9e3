package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import org.junit.jupiter.api.Test;

class CliLoggingTest {

  private static final System.Logger LOG = System.getLogger("dev.idaas.connector.testkit.Sample");
  private static final System.Logger JETTY = System.getLogger("org.eclipse.jetty.server.Server");

  private final StringWriter err = new StringWriter();

  @Test
  void showsOnlyWarningsAndErrorsInOneLineWithoutStackTrace() {
    try (CliLogging logging = CliLogging.install(new PrintWriter(err), false)) {
      LOG.log(Level.INFO, "Loaded something");
      LOG.log(Level.DEBUG, "Called something");
      LOG.log(Level.WARNING, "Plain http to {0}", "127.0.0.1");
      LOG.log(Level.ERROR, "Gave up", new IllegalStateException("boom"));
      JETTY.log(Level.WARNING, "Acceptors should be <= availableProcessors");
    }

    assertThat(err.toString())
        .isEqualTo(
            "warning: Plain http to 127.0.0.1\n"
                + "error: Gave up (java.lang.IllegalStateException: boom)\n");
  }

  @Test
  void showsTheSameWarningOnceUnlessVerbose() {
    try (CliLogging logging = CliLogging.install(new PrintWriter(err), false)) {
      LOG.log(Level.WARNING, "Plain http to {0}", "127.0.0.1");
      LOG.log(Level.WARNING, "Plain http to {0}", "127.0.0.1");
      LOG.log(Level.WARNING, "Plain http to {0}", "127.0.0.2");
    }

    assertThat(err.toString())
        .isEqualTo("warning: Plain http to 127.0.0.1\nwarning: Plain http to 127.0.0.2\n");
  }

  @Test
  void showsDebugLinesWithTheLoggerAndStackTracesWhenVerbose() {
    try (CliLogging logging = CliLogging.install(new PrintWriter(err), true)) {
      LOG.log(Level.DEBUG, "Called something");
      LOG.log(Level.ERROR, "Gave up", new IllegalStateException("boom"));
    }

    assertThat(err.toString())
        .startsWith(
            "debug [Sample]: Called something\n"
                + "error [Sample]: Gave up\n"
                + "java.lang.IllegalStateException: boom\n"
                + "\tat dev.idaas.connector.testkit.cli.CliLoggingTest.");
  }

  @Test
  void putsThePreviousConfigurationBackWhenClosed() {
    java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
    List<Handler> before = List.of(root.getHandlers());
    java.util.logging.Level levelBefore = root.getLevel();

    CliLogging.install(new PrintWriter(err), true).close();
    LOG.log(Level.WARNING, "After the command");

    assertThat(root.getHandlers()).containsExactlyElementsOf(before);
    assertThat(root.getLevel()).isEqualTo(levelBefore);
    assertThat(err.toString()).isEmpty();
  }
}
