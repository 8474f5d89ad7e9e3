package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "providers",
        "schema",
        "check",
        "push",
        "sync",
        "events",
        "retry",
        "simulate",
        "simulate alimail",
        "demo"
      })
  void printsTheHelpOfEveryCommandWithExitCodeZeroAndNothingOnStandardError(String command) {
    Cli.Result result = new Cli().run((command + " --help").split(" "));

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("Usage: idaas-host " + command).contains("Exit codes: ");
    assertThat(result.err()).isEmpty();
  }
}
