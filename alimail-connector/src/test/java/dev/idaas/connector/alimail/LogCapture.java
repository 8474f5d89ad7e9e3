package dev.idaas.connector.alimail;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log line of the project, at every level, as the JDK's default {@code
 * System.Logger} backend (java.util.logging) formats it. Close it to stop capturing.
 */
final class LogCapture extends Handler implements AutoCloseable {

  private static final String ROOT = "dev.idaas";

  private final Logger logger = Logger.getLogger(ROOT);
  private final Level previousLevel;
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<LogRecord> records = new ArrayList<>();

  LogCapture() {
    previousLevel = logger.getLevel();
    setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
  }

  /** Each captured line, formatted with its parameters, the thrown exception included. */
  synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    records.forEach(record -> lines.add(formatter.format(record)));
    return lines;
  }

  /** The captured lines at one level, message only. */
  synchronized List<String> messagesAt(Level level) {
    List<String> lines = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLevel().equals(level)) {
        lines.add(formatter.formatMessage(record));
      }
    }
    return lines;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
