package dev.idaas.connector.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What happened to one object in a run, as a connector reports it to {@link EventSink}. The host
 * adds the run, time, application and trigger to make a {@link SyncEvent}.
 *
 * @param objectType org unit or account
 * @param hostId the host's id of the object
 * @param displayKey the unit's name or the account's e-mail, for people reading events
 * @param operation what the connector set out to do
 * @param outcome how it ended
 * @param targetId the target's id of the object (for AliMail: department id, or the mailbox
 *     address); null when there is none
 * @param errorKind why it failed; null unless the outcome is FAILED (and, optionally, BLOCKED)
 * @param message a note for people (what was not kept, why it failed, what blocked it), free of
 *     secrets; null when there is nothing to say
 * @param duration the time spent on the object, or zero when not measured
 */
public record ObjectResult(
    ObjectType objectType,
    String hostId,
    String displayKey,
    Operation operation,
    Outcome outcome,
    String targetId,
    ErrorKind errorKind,
    String message,
    Duration duration) {

  public ObjectResult {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(displayKey, "displayKey");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    duration = duration == null ? Duration.ZERO : duration;
    if (outcome == Outcome.FAILED && errorKind == null) {
      throw new IllegalArgumentException("a FAILED result needs an error kind: " + hostId);
    }
  }

  /** A result that is not a problem, with an optional note. */
  public static ObjectResult done(
      ObjectType type,
      String hostId,
      String displayKey,
      Operation operation,
      Outcome outcome,
      String targetId,
      String note) {
    return new ObjectResult(
        type, hostId, displayKey, operation, outcome, targetId, null, note, Duration.ZERO);
  }

  /** A refused or failed object. */
  public static ObjectResult failed(
      ObjectType type,
      String hostId,
      String displayKey,
      Operation operation,
      ErrorKind kind,
      String message) {
    return new ObjectResult(
        type, hostId, displayKey, operation, Outcome.FAILED, null, kind, message, Duration.ZERO);
  }

  /** An object not attempted because something it needs failed; the message says what. */
  public static ObjectResult blocked(
      ObjectType type, String hostId, String displayKey, Operation operation, String message) {
    return new ObjectResult(
        type, hostId, displayKey, operation, Outcome.BLOCKED, null, null, message, Duration.ZERO);
  }

  /** The same result with a measured duration. */
  public ObjectResult took(Duration spent) {
    return new ObjectResult(
        objectType, hostId, displayKey, operation, outcome, targetId, errorKind, message, spent);
  }
}
