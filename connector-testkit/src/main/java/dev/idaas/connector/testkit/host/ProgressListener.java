package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Trigger;

/**
 * Follows a run as it goes, for a progress bar. The host calls it one call at a time, but from the
 * connector's threads: keep each call quick and do not call back into the {@link HostSimulator}.
 * Every method has an empty default.
 */
public interface ProgressListener {

  /** A listener that does nothing. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A run starts.
   *
   * @param objects how many objects the run is about
   */
  default void runStarted(String runId, Trigger trigger, int objects) {}

  /** The connector reported one more object. */
  default void objectDone(Progress progress) {}

  /** The run ended; also called for a run the mass-revocation guard stopped. */
  default void runFinished(RunSummary summary) {}

  /**
   * Where a run is.
   *
   * @param runId the run
   * @param done the objects reported so far
   * @param total the objects the run is about
   * @param failures the objects reported as failed or blocked so far
   */
  record Progress(String runId, int done, int total, int failures) {}
}
