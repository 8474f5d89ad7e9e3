package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The options of {@code idaas-host bench}. The benchmark itself needs the alimail connector, which
 * this module does not have: the distribution's end-to-end test runs it.
 */
class BenchCommandTest {

  private final Cli cli = new Cli();

  @Test
  void refusesAPartThatDoesNotExist() {
    Cli.Result result = cli.run("bench", "--parts", "1,7");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: idaas-host bench: there is no part 7; the parts are numbered 1 to 5."
                + System.lineSeparator());
  }

  @Test
  void refusesABudgetTheConnectorCannotTake() {
    Cli.Result result = cli.run("bench", "--budget", "0");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .contains("idaas-host bench: the budget must be at least 1 call a second: 0.");
  }

  @Test
  void refusesALatencyThatIsNotADuration() {
    Cli.Result result = cli.run("bench", "--latency", "soon");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .contains("'soon' is not a duration; write 100 (milliseconds), 100ms, 2s or PT0.1S");
  }

  @Test
  void saysWhichProviderItNeedsWhenTheClassPathHasNone() {
    Cli.Result result = cli.run("bench", "--directory", Cli.example("oracle-hr.json").toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err()).contains("There is no connector provider 'alimail' on the class path");
  }
}
