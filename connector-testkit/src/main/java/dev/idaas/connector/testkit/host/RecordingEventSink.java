package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.EventSink;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.api.support.Redactor;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sink a connector reports to during one run: turns each result into a {@link SyncEvent},
 * records it (committed before {@link #report} returns), counts it and tells the progress listener.
 * Thread-safe: reports are handled one at a time, so events keep the order they arrived in.
 */
final class RecordingEventSink implements EventSink {

  private final EventLog log;
  private final Clock clock;
  private final Redactor redactor;
  private final ProgressListener listener;
  private final String applicationId;
  private final String runId;
  private final Trigger trigger;
  private final Map<ObjectKey, Integer> attempts;
  private final int total;

  private final Map<ObjectType, Map<Outcome, Integer>> counts = new EnumMap<>(ObjectType.class);
  private int done;
  private int failures;

  /**
   * @param attempts the attempt number of objects being retried; others are at attempt 1
   * @param total how many objects the run is about, for progress
   */
  RecordingEventSink(
      EventLog log,
      Clock clock,
      Redactor redactor,
      ProgressListener listener,
      String applicationId,
      String runId,
      Trigger trigger,
      Map<ObjectKey, Integer> attempts,
      int total) {
    this.log = log;
    this.clock = clock;
    this.redactor = redactor;
    this.listener = listener;
    this.applicationId = applicationId;
    this.runId = runId;
    this.trigger = trigger;
    this.attempts = Map.copyOf(attempts);
    this.total = total;
    for (ObjectType type : ObjectType.values()) {
      counts.put(type, new EnumMap<>(Outcome.class));
    }
  }

  @Override
  public synchronized void report(ObjectResult result) {
    ObjectResult clean = scrubbed(result);
    int attempt = attempts.getOrDefault(new ObjectKey(clean.objectType(), clean.hostId()), 1);
    long number = log.nextEventNumber();
    SyncEvent event =
        new SyncEvent(
            EventLog.eventId(number),
            runId,
            clock.instant(),
            applicationId,
            trigger,
            attempt,
            clean);
    log.record(number, event);

    counts.get(clean.objectType()).merge(clean.outcome(), 1, Integer::sum);
    done++;
    if (clean.outcome().isProblem()) {
      failures++;
    }
    listener.objectDone(new ProgressListener.Progress(runId, done, total, failures));
  }

  /** The counts of one type so far. */
  synchronized Map<Outcome, Integer> counts(ObjectType type) {
    return Map.copyOf(counts.get(type));
  }

  /** How many results were reported. */
  synchronized int reported() {
    return done;
  }

  /** The result with its message scrubbed; connectors should have done it, the host makes sure. */
  private ObjectResult scrubbed(ObjectResult result) {
    String message = redactor.scrub(result.message());
    if (message == null || message.equals(result.message())) {
      return result;
    }
    return new ObjectResult(
        result.objectType(),
        result.hostId(),
        result.displayKey(),
        result.operation(),
        result.outcome(),
        result.targetId(),
        result.errorKind(),
        message,
        result.duration());
  }
}
