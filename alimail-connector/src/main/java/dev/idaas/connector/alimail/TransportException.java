package dev.idaas.connector.alimail;

/**
 * No answer arrived for a call. {@link #failure()} says why, which decides both the message and
 * whether the server may have done the work anyway.
 */
final class TransportException extends Exception {

  /** Why no answer arrived. */
  enum Failure {
    /** The host name did not resolve or the connection was refused: nothing was sent. */
    UNREACHABLE(false),
    /** No connection within the connect timeout: nothing was sent. */
    CONNECT_TIMEOUT(false),
    /** The TLS handshake failed: nothing was sent. */
    TLS(false),
    /** The request was sent but no answer came within the read timeout. */
    TIMEOUT(true),
    /** The connection dropped after the request may have been sent. */
    DROPPED(true),
    /** The thread was interrupted; the request may have been sent. */
    INTERRUPTED(true);

    private final boolean mayHaveReachedServer;

    Failure(boolean mayHaveReachedServer) {
      this.mayHaveReachedServer = mayHaveReachedServer;
    }
  }

  private final Failure failure;

  TransportException(Failure failure, String detail, Throwable cause) {
    super(detail, cause);
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }

  /** Whether the server may have received and done the call, so its effect is unknown. */
  boolean mayHaveReachedServer() {
    return failure.mayHaveReachedServer;
  }
}
