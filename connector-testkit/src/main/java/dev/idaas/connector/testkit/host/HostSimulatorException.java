package dev.idaas.connector.testkit.host;

/**
 * A request the host simulator cannot carry out, with a message for the person who asked: what is
 * wrong and what to do. The command line prints the message as it is.
 *
 * <p>Failures of the connector itself are not thrown as this exception: a run-level {@link
 * dev.idaas.connector.api.ConnectorException} ends the run as {@code FAILED} and its message is
 * kept in the {@link RunSummary}.
 */
public class HostSimulatorException extends RuntimeException {

  public HostSimulatorException(String message) {
    super(message);
  }

  public HostSimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
