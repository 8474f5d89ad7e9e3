package dev.idaas.connector.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the host's synchronization-event log: what happened to one object in one run. A host
 * makes it from an {@link ObjectResult} by adding what only the host knows.
 *
 * @param eventId unique within the host
 * @param runId the run the event belongs to
 * @param time when the result was reported, in UTC
 * @param applicationId the application instance (a provider plus its parameters)
 * @param trigger what started the run
 * @param attempt 1 for the first try of this object, counting up with each retry
 * @param result what the connector reported
 */
public record SyncEvent(
    String eventId,
    String runId,
    Instant time,
    String applicationId,
    Trigger trigger,
    int attempt,
    ObjectResult result) {

  public SyncEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(result, "result");
  }

  public ObjectType objectType() {
    return result.objectType();
  }

  public String hostId() {
    return result.hostId();
  }

  public String displayKey() {
    return result.displayKey();
  }

  public Operation operation() {
    return result.operation();
  }

  public Outcome outcome() {
    return result.outcome();
  }

  public String targetId() {
    return result.targetId();
  }

  public ErrorKind errorKind() {
    return result.errorKind();
  }

  public String message() {
    return result.message();
  }

  public Duration duration() {
    return result.duration();
  }
}
