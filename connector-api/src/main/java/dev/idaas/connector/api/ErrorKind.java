package dev.idaas.connector.api;

/**
 * What kind of failure a {@link ConnectorException} or a failed {@link ObjectResult} is, so a host
 * can act on it without parsing messages.
 */
public enum ErrorKind {
  /** The parameters are wrong; the administrator must change them. */
  INVALID_CONFIGURATION(false),
  /** The target refused the credentials; nothing will work until they are fixed. */
  AUTHENTICATION(false),
  /** The credentials work but lack a right, or the caller's address is not allowed. */
  PERMISSION(false),
  /** An object the request refers to does not exist in the target. */
  NOT_FOUND(false),
  /** The object clashes with another, for example an e-mail address already taken. */
  CONFLICT(false),
  /** A plan limit of the target is reached, for example its seats. */
  QUOTA(false),
  /** The target asked to slow down; the same call may succeed later. */
  RATE_LIMITED(true),
  /** The target could not be reached or failed; the same call may succeed later. */
  UNAVAILABLE(true),
  /** The target refused the object's data, for example a name it does not allow. */
  INVALID_DATA(false),
  /** The host cancelled the run. */
  CANCELLED(false),
  /** A plug-in jar cannot be used by this host. */
  INCOMPATIBLE_PROVIDER(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether repeating the same call later may succeed without anyone changing anything. */
  public boolean retryable() {
    return retryable;
  }
}
