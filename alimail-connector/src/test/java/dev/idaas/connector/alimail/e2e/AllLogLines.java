package dev.idaas.connector.alimail.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line the process writes while it is open, the project's at FINEST (the most detailed
 * debug level), everybody else's at their usual level, each formatted as a console would print it,
 * with the exception and its causes. Close it to stop.
 */
final class AllLogLines extends Handler implements AutoCloseable {

  private final Logger root = Logger.getLogger("");
  private final Logger project = Logger.getLogger("dev.idaas");
  private final Level projectLevel;
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new ArrayList<>();

  AllLogLines() {
    projectLevel = project.getLevel();
    project.setLevel(Level.ALL);
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    lines.add(formatter.format(record));
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** How many lines were at the project's debug levels (below INFO). */
  synchronized long debugLines() {
    return lines.stream().filter(line -> line.contains("FINE")).count();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
    project.setLevel(projectLevel);
  }
}
