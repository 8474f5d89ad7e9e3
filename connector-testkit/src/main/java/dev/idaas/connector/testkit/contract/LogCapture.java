package dev.idaas.connector.testkit.contract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what is logged through {@code java.util.logging}, and so through {@link System.Logger}
 * (which the JDK routes there unless a host installs another backend), while a test runs.
 *
 * <p>The connector's own loggers and those of this kit are opened down to the finest level, so
 * debug lines are checked too; other libraries (the HTTP server of a simulator, say) keep their
 * level, so their debug chatter is neither produced nor kept.
 */
final class LogCapture implements AutoCloseable {

  private final Logger root = Logger.getLogger("");
  private final List<Logger> opened = new ArrayList<>();
  private final List<Level> previousLevels = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final Formatter formatter = new SimpleFormatter();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          keep(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private LogCapture(Set<String> loggerNames) {
    handler.setLevel(Level.ALL);
    for (String name : loggerNames) {
      // Held in a field: java.util.logging keeps loggers weakly, and would forget the level.
      Logger logger = Logger.getLogger(name);
      opened.add(logger);
      previousLevels.add(logger.getLevel());
      logger.setLevel(Level.ALL);
    }
    root.addHandler(handler);
  }

  /** Starts collecting, opening the loggers under each package name to every level. */
  static LogCapture start(String... packageNames) {
    return new LogCapture(new LinkedHashSet<>(List.of(packageNames)));
  }

  /** The lines so far: logger, level, formatted message and any exception's messages. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Stops collecting and puts the levels back. */
  @Override
  public void close() {
    root.removeHandler(handler);
    for (int i = 0; i < opened.size(); i++) {
      opened.get(i).setLevel(previousLevels.get(i));
    }
  }

  private synchronized void keep(LogRecord record) {
    StringBuilder line =
        new StringBuilder()
            .append(record.getLoggerName())
            .append(' ')
            .append(record.getLevel())
            .append(' ')
            .append(formatter.formatMessage(record));
    for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
      line.append(" | ").append(thrown);
    }
    lines.add(line.toString());
  }
}
