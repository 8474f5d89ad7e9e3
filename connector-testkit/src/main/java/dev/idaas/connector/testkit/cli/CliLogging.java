package dev.idaas.connector.testkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The command line's logging: every {@link System.Logger} and java.util.logging record goes to
 * standard error in one short line ({@code warning: …}).
 *
 * <p>By default only warnings and errors show, each the first time only, so the INFO lines
 * libraries write for a host's log do not clutter the output, and no stack trace is ever printed.
 * With {@code --verbose} the project's own loggers show everything down to debug (FINE), other
 * libraries show INFO, and records carry the logger's name and their stack trace. Jetty (the
 * simulator's web server) shows only errors unless verbose.
 *
 * <p>{@link #close()} puts the previous configuration back, so a test running commands in-process
 * leaves logging as it found it.
 */
final class CliLogging implements AutoCloseable {

  private static final String PROJECT_LOGGERS = "dev.idaas";

  /**
   * Jetty, under WireMock, warns about its own thread settings on a small machine; nothing a user
   * can act on, so only its errors show unless verbose.
   */
  private static final String JETTY_LOGGERS = "org.eclipse.jetty";

  private final Logger root = LogManager.getLogManager().getLogger("");
  private final Logger project = Logger.getLogger(PROJECT_LOGGERS);
  private final Logger jetty = Logger.getLogger(JETTY_LOGGERS);
  private final List<Handler> previousHandlers;
  private final Level previousRootLevel;
  private final Level previousProjectLevel;
  private final Level previousJettyLevel;
  private final WriterHandler handler;

  private CliLogging(PrintWriter err, boolean verbose) {
    previousHandlers = List.of(root.getHandlers());
    previousRootLevel = root.getLevel();
    previousProjectLevel = project.getLevel();
    previousJettyLevel = jetty.getLevel();

    handler = new WriterHandler(err, verbose);
    handler.setLevel(Level.ALL);
    previousHandlers.forEach(root::removeHandler);
    root.addHandler(handler);
    root.setLevel(verbose ? Level.INFO : Level.WARNING);
    project.setLevel(verbose ? Level.FINE : Level.WARNING);
    jetty.setLevel(verbose ? Level.INFO : Level.SEVERE);
  }

  /**
   * Holds back the lines logged from now on until {@link #releaseHeld}, so that a run's stop, which
   * the library and the connector both log and the run's summary reports, is printed once. Verbose
   * logging holds nothing back.
   */
  void holdBack() {
    handler.holdBack();
  }

  /**
   * Prints the held-back lines, leaving out those that repeat a run's error the command reports
   * itself, and stops holding back.
   *
   * @param reportedError the run-level error the command prints; null for none
   */
  void releaseHeld(String reportedError) {
    handler.release(reportedError);
  }

  /** Sends logging to {@code err}, at WARNING, or with {@code verbose} at FINE for the project. */
  static CliLogging install(PrintWriter err, boolean verbose) {
    return new CliLogging(err, verbose);
  }

  @Override
  public void close() {
    handler.release(null);
    root.removeHandler(handler);
    new ArrayList<>(previousHandlers).forEach(root::addHandler);
    root.setLevel(previousRootLevel);
    project.setLevel(previousProjectLevel);
    jetty.setLevel(previousJettyLevel);
  }

  /** Writes each record as one line to a writer; stack traces only when verbose. */
  private static final class WriterHandler extends Handler {
    private final PrintWriter err;
    private final boolean verbose;
    private final Set<String> shown = new HashSet<>();
    private List<String> held;

    WriterHandler(PrintWriter err, boolean verbose) {
      this.err = err;
      this.verbose = verbose;
      setFormatter(new ConciseFormatter(verbose));
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      String line = getFormatter().format(record);
      synchronized (err) {
        if (held != null) {
          held.add(line);
          return;
        }
        print(line);
      }
    }

    void holdBack() {
      synchronized (err) {
        if (!verbose && held == null) {
          held = new ArrayList<>();
        }
      }
    }

    void release(String reportedError) {
      synchronized (err) {
        if (held == null) {
          return;
        }
        List<String> lines = held;
        held = null;
        for (String line : lines) {
          if (reportedError == null || !line.contains(reportedError)) {
            print(line);
          }
        }
      }
    }

    private void print(String line) {
      // A connector warns each time it is opened, and a command may open it for several runs.
      if (verbose || shown.add(line)) {
        err.print(line);
        err.flush();
      }
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }

    @Override
    public String toString() {
      return "idaas-host log handler" + (verbose ? " (verbose)" : "");
    }
  }

  /** {@code warning: message}, or verbose {@code debug [logger] message} plus the stack trace. */
  private static final class ConciseFormatter extends Formatter {
    private final boolean verbose;

    ConciseFormatter(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder(levelName(record.getLevel()));
      if (verbose) {
        line.append(" [").append(shortName(record.getLoggerName())).append(']');
      }
      line.append(": ").append(formatMessage(record));
      if (record.getThrown() != null) {
        line.append(
            verbose ? "\n" + stackTrace(record.getThrown()) : " (" + record.getThrown() + ")");
      }
      return line.append(System.lineSeparator()).toString();
    }

    private static String levelName(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "error";
      }
      if (level.intValue() >= Level.WARNING.intValue()) {
        return "warning";
      }
      return level.intValue() >= Level.INFO.intValue() ? "info" : "debug";
    }

    private static String shortName(String loggerName) {
      if (loggerName == null) {
        return "root";
      }
      return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    private static String stackTrace(Throwable thrown) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      return trace.toString().stripTrailing();
    }
  }
}
