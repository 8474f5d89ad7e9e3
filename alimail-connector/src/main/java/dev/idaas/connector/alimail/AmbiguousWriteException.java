package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;

/**
 * A create whose answer was lost: a timeout, a dropped connection, a server error or an unreadable
 * answer after the request was sent. The object may or may not exist now, so the caller looks it up
 * instead of trying again; that is why it is not retryable although its kind is.
 */
final class AmbiguousWriteException extends ConnectorException {

  AmbiguousWriteException(ConnectorException lost) {
    super(
        ErrorKind.UNAVAILABLE,
        lost.getMessage() + " Whether it was done is unknown; it is looked up before any retry.",
        lost.targetCode().orElse(null),
        null,
        lost);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
