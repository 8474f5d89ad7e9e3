package dev.idaas.connector.api;

/**
 * Lets a host stop a long run. A connector checks it between objects and stops cleanly: what was
 * done is reported, nothing is left half-written.
 */
@FunctionalInterface
public interface Cancellation {

  /** A cancellation that never fires. */
  Cancellation NEVER = () -> false;

  /** Whether the host asked the run to stop. */
  boolean isCancelled();

  /**
   * @throws ConnectorException of kind {@link ErrorKind#CANCELLED} if the host asked to stop
   */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new ConnectorException(ErrorKind.CANCELLED, "The run was cancelled by the host.");
    }
  }
}
