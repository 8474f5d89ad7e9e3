package dev.idaas.connector.alimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idaas.connector.alimail.AliMailProvider;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.testkit.host.HostSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter maps an administrator gets wrong, given to the host as a form would give them: every
 * problem is listed at once, each with its parameter and what to do, before anything runs, and no
 * secret is quoted.
 */
class BadParametersTest {

  private static final String PASSWORD = "Typed-Into-The-Form-1";

  @TempDir Path state;

  @Test
  void listsEveryProblemOfAMapAtOnceWithoutQuotingTheSecret() {
    Map<String, String> wrong = new HashMap<>();
    wrong.put("endpoint", "ftp://alimail.example/alimailws");
    wrong.put("accessPassword", PASSWORD + "x".repeat(300));
    wrong.put("accessTarget", "postmaster@acme.example");
    wrong.put("revocation", "burn");
    wrong.put("initialPassword", "fromLdap");
    wrong.put("nameFrom", "attributes.");
    wrong.put("requestsPerSecond", "400");
    wrong.put("accountBatchSize", "0");
    wrong.put("readTimeout", "soon");
    wrong.put("connectTimeout", "PT-5S");
    wrong.put("acessCode", "typo");

    InvalidConfigurationException refused = refusedWhenOpening(wrong);

    assertThat(refused.problems())
        .extracting(ParameterProblem::key)
        .containsExactly(
            "endpoint",
            "accessCode",
            "accessPassword",
            "accessTarget",
            "revocation",
            "initialPassword",
            "nameFrom",
            "requestsPerSecond",
            "accountBatchSize",
            "connectTimeout",
            "readTimeout",
            "acessCode");
    assertThat(refused.getMessage()).startsWith("The parameters of alimail have 12 problems:");
    assertThat(refused.getMessage()).doesNotContain(PASSWORD);
    assertThat(state).isEmptyDirectory();
  }

  @Test
  void refusesPlainHttpToAnotherMachineWhenTheHostOpensNotWhenItFirstRuns() {
    Map<String, String> parameters =
        Map.of(
            "endpoint", "http://alimail.example/alimailws",
            "accessCode", "code",
            "accessPassword", PASSWORD,
            "accessTarget", "acme.example");

    InvalidConfigurationException refused = refusedWhenOpening(parameters);

    assertThat(refused.problems())
        .containsExactly(
            new ParameterProblem(
                "endpoint",
                "'http://alimail.example/alimailws' is plain http:// to another machine, which"
                    + " would send the access password unencrypted; use https://, or http:// only"
                    + " to 127.0.0.1 or localhost for a simulator"));
  }

  private InvalidConfigurationException refusedWhenOpening(Map<String, String> parameters) {
    InvalidConfigurationException refused =
        catchThrowableOfType(
            InvalidConfigurationException.class,
            () ->
                HostSimulator.builder()
                    .provider(new AliMailProvider())
                    .parameters(parameters)
                    .stateFolder(state.resolve("state"))
                    .open()
                    .close());
    assertThat(refused).as("the host refuses to open").isNotNull();
    assertThat(Files.exists(state.resolve("state"))).as("no state folder is made").isFalse();
    return refused;
  }
}
