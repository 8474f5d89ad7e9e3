package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.CLEAR_CONNECTION_CHECK;

import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.util.Map;

/** The checks on a connection check, with good and with wrong credentials. */
final class ConnectionContract {

  private final ContractFixture fixture;

  ConnectionContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void checksTheConnectionWithGoodCredentials() {
    String situation = "a connection check with the test's parameters";
    long writesBefore = fixture.target().writes();

    ConnectionCheck check;
    try {
      check = fixture.host().simulator().checkConnection();
    } catch (ConnectorException failed) {
      throw new ContractViolation(
          CLEAR_CONNECTION_CHECK,
          situation,
          "the check passes",
          failed.kind() + ": " + fixture.secrets().mask(String.valueOf(failed.getMessage())));
    }

    ContractAssertions.check(
        CLEAR_CONNECTION_CHECK,
        !check.steps().isEmpty() && check.steps().stream().noneMatch(String::isBlank),
        situation,
        "the steps that passed, such as \"signed in\", none blank",
        () -> "steps " + check.steps());
    long writes = fixture.target().writes() - writesBefore;
    ContractAssertions.check(
        CLEAR_CONNECTION_CHECK,
        writes == 0,
        situation,
        "no write to the target",
        () -> writes + " writes counted by the target");
    for (String step : check.steps()) {
      fixture.secrets().requireAbsent(situation, "the step '" + step + "'", step);
    }
  }

  void refusesWrongCredentialsAsAnAuthenticationError() {
    Map<String, String> wrong =
        fixture.target().parametersWithWrongCredentials(fixture.parameters());
    String situation = "a connection check with wrong credentials";

    ConnectorException refused;
    try {
      ConnectionCheck check = fixture.host(wrong).simulator().checkConnection();
      throw new ContractViolation(
          CLEAR_CONNECTION_CHECK,
          situation,
          "a ConnectorException of kind " + ErrorKind.AUTHENTICATION,
          "the check passed with steps " + check.steps());
    } catch (ConnectorException e) {
      refused = e;
    }

    String message = String.valueOf(refused.getMessage());
    ErrorKind kind = refused.kind();
    ContractAssertions.check(
        CLEAR_CONNECTION_CHECK,
        kind == ErrorKind.AUTHENTICATION,
        situation,
        "a ConnectorException of kind " + ErrorKind.AUTHENTICATION,
        () -> "a ConnectorException of kind " + kind + ": " + fixture.secrets().mask(message));
    ContractAssertions.check(
        CLEAR_CONNECTION_CHECK,
        !message.isBlank(),
        situation,
        "a message that says what to fix",
        () -> "a blank message");
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      fixture
          .secrets()
          .requireAbsent(
              situation,
              "the message of the " + cause.getClass().getSimpleName(),
              String.valueOf(cause.getMessage()));
    }
  }
}
