package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The demo itself runs in the distribution's tests, where the alimail connector is. */
class DemoCommandTest {

  @Test
  void saysHowToGetTheAliMailConnectorWhenItIsMissing() {
    Cli.Result result = new Cli().run("demo");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The demo needs the alimail connector, which is not on the class path. Build"
                + " the project and use the launcher: ./mvnw -B -q package -DskipTests &&"
                + " ./idaas-host demo\n");
  }

  @Test
  void shipsTheExampleDirectoriesOnTheClassPath() {
    assertThat(Demo.class.getResource(Demo.EXAMPLES + Demo.ORACLE_HR.resource())).isNotNull();
    assertThat(Demo.class.getResource(Demo.EXAMPLES + Demo.CHINA_AREAS.resource())).isNotNull();
  }
}
