package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;

/**
 * A failure that ends the whole run rather than one object, such as a refused sign-in: every other
 * call would fail the same way, so reporting it once is kinder than thousands of failures.
 */
final class RunStoppedException extends ConnectorException {

  RunStoppedException(ConnectorException cause) {
    super(
        cause.kind(),
        cause.getMessage(),
        cause.targetCode().orElse(null),
        cause.retryAfter().orElse(null),
        cause.getCause());
  }

  @Override
  public boolean retryable() {
    // Retrying happened already, inside the sign-in; the run must stop now.
    return false;
  }
}
