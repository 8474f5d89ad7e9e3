package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.EventSink;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.SyncResult;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of {@code authorizeOrganizations} or {@code authorizeAccounts}: reports each object's
 * result once, counts them, and remembers the first failure that stops the whole run. Shared by the
 * run's workers; thread-safe.
 */
final class Run {

  /** Failures no other object of the run could escape, so the run stops at the first. */
  private static final Set<ErrorKind> RUN_LEVEL =
      Set.of(
          ErrorKind.AUTHENTICATION,
          ErrorKind.PERMISSION,
          ErrorKind.INVALID_CONFIGURATION,
          ErrorKind.CANCELLED);

  private final EventSink sink;
  private final Cancellation cancellation;
  private final SyncResult.Tally tally = SyncResult.tally();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final AtomicReference<ConnectorException> stop = new AtomicReference<>();

  Run(EventSink sink, Cancellation cancellation) {
    this.sink = sink;
    this.cancellation = cancellation;
  }

  /** Whether a failure ends the run rather than one object. */
  static boolean stopsRun(ConnectorException failure) {
    return failure instanceof RunStoppedException || RUN_LEVEL.contains(failure.kind());
  }

  /**
   * Reports one object's result to the host and counts it.
   *
   * @throws IllegalStateException if the object was already reported in this run (a bug)
   */
  void report(ObjectResult result) {
    if (!reported.add(result.objectType() + "\u0000" + result.hostId())) {
      throw new IllegalStateException(
          "reported twice in one run: " + result.objectType() + " " + result.hostId());
    }
    sink.report(result);
    tally.add(result);
  }

  /** Whether an object's result was reported in this run. */
  boolean wasReported(ObjectType type, String hostId) {
    return reported.contains(type + "\u0000" + hostId);
  }

  /** Stops the run; the first stop wins. */
  void stop(ConnectorException failure) {
    stop.compareAndSet(null, failure);
  }

  /** Whether work may go on: not stopped, not cancelled. */
  boolean going() {
    return stop.get() == null && !cancellation.isCancelled();
  }

  /**
   * Throws the failure that stopped the run, or a cancellation if the host asked to stop.
   *
   * @throws ConnectorException if the run must not go on
   */
  void checkGoing() {
    if (stop.get() == null && cancellation.isCancelled()) {
      stop(new ConnectorException(ErrorKind.CANCELLED, "The run was cancelled by the host."));
    }
    ConnectorException stopped = stop.get();
    if (stopped != null) {
      throw stopped;
    }
  }

  /**
   * Hands back an object-level failure so the caller can report it; stops the run and throws for a
   * run-level one.
   */
  ConnectorException objectLevel(ConnectorException failure) {
    if (stopsRun(failure)) {
      stop(failure);
      throw failure;
    }
    return failure;
  }

  /**
   * The result of the run.
   *
   * @throws ConnectorException the failure that stopped the run, if one did
   */
  SyncResult finish() {
    checkGoing();
    return tally.result();
  }
}
