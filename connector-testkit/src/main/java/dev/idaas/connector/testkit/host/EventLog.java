package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs and the sync-event log of a state folder. Each event is inserted, and so committed, as
 * it is recorded. Run ids ({@code run-1}, {@code run-2}…) and event ids ({@code event-1}…) count up
 * within the folder.
 */
final class EventLog {

  /** The error kept for a run that was under way when the host stopped. */
  static final String INTERRUPTED =
      "The host stopped before this run finished (the process ended or crashed). The events it"
          + " reported before are kept; run Execute Add or retry the failed events to finish.";

  private static final String EVENT_COLUMNS =
      "e.event_id, e.run_id, e.event_time, e.application_id, e.run_trigger, e.attempt,"
          + " e.object_type, e.host_id, e.display_key, e.operation, e.outcome, e.target_id,"
          + " e.error_kind, e.message, e.duration_nanos";
  private static final String LATEST_PER_OBJECT =
      "SELECT MAX(seq) AS seq FROM sync_event WHERE run_trigger <> 'PREVIEW'"
          + " GROUP BY object_type, host_id";
  private static final String PROBLEM = "('FAILED', 'BLOCKED')";

  private final StateDatabase database;
  private final AtomicLong lastEvent;
  private final AtomicLong lastRun;

  EventLog(StateDatabase database) {
    this.database = database;
    this.lastEvent = new AtomicLong(maxSeq("sync_event"));
    this.lastRun = new AtomicLong(maxSeq("run"));
  }

  /** Ends, as FAILED, every run that was still under way when the host last stopped. */
  void closeInterruptedRuns(Instant now) {
    database.update(
        "UPDATE run SET finished = ?, status = 'FAILED', error = ? WHERE status IS NULL",
        now.toString(),
        INTERRUPTED);
  }

  /** Records a run as started; returns its id. */
  String startRun(Trigger trigger, Instant started) {
    long seq = lastRun.incrementAndGet();
    String runId = "run-" + seq;
    database.update(
        "INSERT INTO run (seq, run_id, run_trigger, started) VALUES (?, ?, ?, ?)",
        seq,
        runId,
        trigger.name(),
        started.toString());
    return runId;
  }

  /** Records how a run ended. */
  void finishRun(String runId, Instant finished, RunStatus status, String error) {
    database.update(
        "UPDATE run SET finished = ?, status = ?, error = ? WHERE run_id = ?",
        finished.toString(),
        status.name(),
        error,
        runId);
  }

  /** The number of the next event. */
  long nextEventNumber() {
    return lastEvent.incrementAndGet();
  }

  /** The id of an event by its number. */
  static String eventId(long number) {
    return "event-" + number;
  }

  /**
   * Inserts one event, committed when this returns.
   *
   * @param seq the number its id was made from
   */
  void record(long seq, SyncEvent event) {
    database.update(
        "INSERT INTO sync_event (seq, event_id, run_id, event_time, application_id, run_trigger,"
            + " attempt, object_type, host_id, display_key, operation, outcome, target_id,"
            + " error_kind, message, duration_nanos)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        seq,
        event.eventId(),
        event.runId(),
        event.time().toString(),
        event.applicationId(),
        event.trigger().name(),
        event.attempt(),
        event.objectType().name(),
        event.hostId(),
        event.displayKey(),
        event.operation().name(),
        event.outcome().name(),
        event.targetId(),
        event.errorKind() == null ? null : event.errorKind().name(),
        event.message(),
        event.duration().toNanos());
  }

  /** The events that pass a filter, in the order they were recorded. */
  List<SyncEvent> events(EventFilter filter) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (!filter.outcomes().isEmpty()) {
      where.append(" AND e.outcome IN (");
      filter.outcomes().stream().sorted().forEach(outcome -> parameters.add(outcome.name()));
      where.append("?, ".repeat(filter.outcomes().size() - 1)).append("?)");
    }
    filter.objectType().ifPresent(type -> condition(where, parameters, "object_type", type.name()));
    filter.hostId().ifPresent(id -> condition(where, parameters, "host_id", id));
    filter.runId().ifPresent(id -> condition(where, parameters, "run_id", id));
    filter.trigger().ifPresent(t -> condition(where, parameters, "run_trigger", t.name()));
    return queryEvents(
        "SELECT " + EVENT_COLUMNS + " FROM sync_event e" + where + " ORDER BY e.seq",
        parameters.toArray());
  }

  /** The latest event of each object, previews left out. */
  Map<ObjectKey, SyncEvent> latestEvents() {
    Map<ObjectKey, SyncEvent> latest = new HashMap<>();
    for (SyncEvent event :
        queryEvents(
            "SELECT "
                + EVENT_COLUMNS
                + " FROM sync_event e JOIN ("
                + LATEST_PER_OBJECT
                + ") latest ON e.seq = latest.seq")) {
      latest.put(new ObjectKey(event.objectType(), event.hostId()), event);
    }
    return latest;
  }

  /**
   * The latest event of each object whose latest event is a problem (failed or blocked), previews
   * left out, in the order they were recorded.
   *
   * @param runId only objects that had a problem in this run; null for all
   */
  List<SyncEvent> latestProblems(String runId) {
    String sql =
        "SELECT "
            + EVENT_COLUMNS
            + " FROM sync_event e JOIN ("
            + LATEST_PER_OBJECT
            + ") latest ON e.seq = latest.seq WHERE e.outcome IN "
            + PROBLEM;
    if (runId == null) {
      return queryEvents(sql + " ORDER BY e.seq");
    }
    return queryEvents(
        sql
            + " AND EXISTS (SELECT 1 FROM sync_event p WHERE p.run_id = ?"
            + " AND p.object_type = e.object_type AND p.host_id = e.host_id"
            + " AND p.outcome IN "
            + PROBLEM
            + ") ORDER BY e.seq",
        runId);
  }

  /** Every finished run, oldest first. */
  List<RunSummary> runs() {
    return queryRuns(null, " WHERE status IS NOT NULL ORDER BY seq");
  }

  /** One run, if it exists and has finished. */
  Optional<RunSummary> run(String runId) {
    return queryRuns(runId, " WHERE status IS NOT NULL AND run_id = ?", runId).stream().findFirst();
  }

  private List<RunSummary> queryRuns(String onlyRun, String where, Object... parameters) {
    return database.sql(
        c -> {
          Map<String, Map<ObjectType, Map<Outcome, Integer>>> counts = counts(c, onlyRun);
          List<RunSummary> runs = new ArrayList<>();
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT run_id, run_trigger, status, started, finished, error FROM run"
                      + where)) {
            StateDatabase.bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                String runId = row.getString(1);
                Map<ObjectType, Map<Outcome, Integer>> ofRun = counts.getOrDefault(runId, Map.of());
                runs.add(
                    new RunSummary(
                        runId,
                        Trigger.valueOf(row.getString(2)),
                        RunStatus.valueOf(row.getString(3)),
                        Instant.parse(row.getString(4)),
                        Instant.parse(row.getString(5)),
                        ofRun.getOrDefault(ObjectType.ORG_UNIT, Map.of()),
                        ofRun.getOrDefault(ObjectType.ACCOUNT, Map.of()),
                        row.getString(6)));
              }
            }
          }
          return runs;
        });
  }

  /** Events per run, type and outcome; of one run, or of all when {@code onlyRun} is null. */
  private static Map<String, Map<ObjectType, Map<Outcome, Integer>>> counts(
      Connection c, String onlyRun) throws SQLException {
    Map<String, Map<ObjectType, Map<Outcome, Integer>>> counts = new LinkedHashMap<>();
    String where = onlyRun == null ? "" : " WHERE run_id = ?";
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT run_id, object_type, outcome, COUNT(*) FROM sync_event"
                + where
                + " GROUP BY run_id, object_type, outcome")) {
      if (onlyRun != null) {
        query.setString(1, onlyRun);
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          counts
              .computeIfAbsent(row.getString(1), run -> new EnumMap<>(ObjectType.class))
              .computeIfAbsent(
                  ObjectType.valueOf(row.getString(2)), type -> new EnumMap<>(Outcome.class))
              .put(Outcome.valueOf(row.getString(3)), row.getInt(4));
        }
      }
    }
    return counts;
  }

  private List<SyncEvent> queryEvents(String sql, Object... parameters) {
    return database.sql(
        c -> {
          List<SyncEvent> events = new ArrayList<>();
          try (PreparedStatement query = c.prepareStatement(sql)) {
            StateDatabase.bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
              while (row.next()) {
                events.add(event(row));
              }
            }
          }
          return events;
        });
  }

  private static SyncEvent event(ResultSet row) throws SQLException {
    String errorKind = row.getString(13);
    ObjectResult result =
        new ObjectResult(
            ObjectType.valueOf(row.getString(7)),
            row.getString(8),
            row.getString(9),
            Operation.valueOf(row.getString(10)),
            Outcome.valueOf(row.getString(11)),
            row.getString(12),
            errorKind == null ? null : ErrorKind.valueOf(errorKind),
            row.getString(14),
            Duration.ofNanos(row.getLong(15)));
    return new SyncEvent(
        row.getString(1),
        row.getString(2),
        Instant.parse(row.getString(3)),
        row.getString(4),
        Trigger.valueOf(row.getString(5)),
        row.getInt(6),
        result);
  }

  private static void condition(
      StringBuilder where, List<Object> parameters, String column, String value) {
    where.append(" AND e.").append(column).append(" = ?");
    parameters.add(value);
  }

  private long maxSeq(String table) {
    return database.sql(
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM " + table);
              ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
          }
        });
  }
}
