package dev.idaas.connector.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one unchecked exception a connector and the host-side registry throw. {@link #kind()} says
 * what a host can do about it; the message says it to a person.
 *
 * <p>Messages name the system, the operation, the target's code when there is one, and a hint. They
 * never contain a secret, and a connector scrubs any text the target echoed before putting it in
 * one.
 */
public class ConnectorException extends RuntimeException {

  private final ErrorKind kind;
  private final String targetCode;
  private final Duration retryAfter;

  public ConnectorException(ErrorKind kind, String message) {
    this(kind, message, null, null, null);
  }

  public ConnectorException(ErrorKind kind, String message, Throwable cause) {
    this(kind, message, null, null, cause);
  }

  /**
   * @param targetCode the target's own error code, such as {@code 1610}; may be null
   * @param retryAfter how long the target asked to wait; may be null
   * @param cause the underlying failure; may be null
   */
  public ConnectorException(
      ErrorKind kind, String message, String targetCode, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.targetCode = targetCode;
    this.retryAfter = retryAfter;
  }

  public ErrorKind kind() {
    return kind;
  }

  /**
   * Whether the same call may succeed later without a change; see {@link ErrorKind#retryable()}.
   */
  public boolean retryable() {
    return kind.retryable();
  }

  /** The target's own error code, if it gave one. */
  public Optional<String> targetCode() {
    return Optional.ofNullable(targetCode);
  }

  /** How long the target asked the caller to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
