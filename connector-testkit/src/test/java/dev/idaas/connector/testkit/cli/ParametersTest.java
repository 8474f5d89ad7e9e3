package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where parameters come from, which wins, and how secrets are kept out of sight. */
class ParametersTest {

  static final String ENDPOINT = "http://127.0.0.1:9/parameters";
  static final String TOKEN = "tok-PARAMS-s3cr3t";

  @TempDir Path folder;

  final Cli cli = new Cli();
  FakeTarget target;

  @BeforeEach
  void startTarget() {
    target = FakeTarget.start(ENDPOINT, TOKEN);
  }

  @AfterEach
  void stopTarget() {
    target.stop();
  }

  @Test
  void takesTheCommandLineOverTheFileAndTheFileOverTheEnvironment() {
    cli.variables.put("IDAAS_PARAM_endpoint", ENDPOINT);
    cli.variables.put("IDAAS_PARAM_token", TOKEN);
    cli.variables.put("IDAAS_PARAM_domain", "env.example");
    cli.variables.put("IDAAS_PARAM_tenant", "fromenvironment");
    Path file = Cli.write(folder.resolve("p.properties"), "domain=file.example\ntenant=fromfile\n");

    Cli.Result all =
        cli.run(
            "check",
            FakeDirectoryProvider.ID,
            "--params",
            file.toString(),
            "--param",
            "tenant=fromcommandline");
    Cli.Result withoutCommandLine =
        cli.run("check", FakeDirectoryProvider.ID, "--params", file.toString());
    Cli.Result environmentOnly = cli.run("check", FakeDirectoryProvider.ID);

    assertThat(all.out())
        .isEqualTo(
            """
            The connection of fake-directory works:
              ok  reached http://127.0.0.1:9/parameters
              ok  signed in
              ok  tenant fromcommandline found
            """);
    assertThat(withoutCommandLine.out()).contains("ok  tenant fromfile found");
    assertThat(environmentOnly.out()).contains("ok  tenant fromenvironment found");
    assertThat(all.err()).isEmpty();
  }

  @Test
  void exitsTwoWhenTheTargetRefusesTheConfigurationOnAConnectionCheck() {
    cli.variables.put("IDAAS_PARAM_endpoint", ENDPOINT);
    cli.variables.put("IDAAS_PARAM_token", TOKEN);
    cli.variables.put("IDAAS_PARAM_domain", "acme.example");

    Cli.Result result = cli.run("check", FakeDirectoryProvider.ID, "--param", "tenant=unmanaged");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: The connection check of fake-directory failed: The fake target does not"
                + " manage the tenant unmanaged (code 1103). Check the tenant parameter.\n");
  }

  @Test
  void exitsTwoWhenTheTargetRefusesTheCredentialsOnAConnectionCheck() {
    cli.variables.put("IDAAS_PARAM_endpoint", ENDPOINT);
    cli.variables.put("IDAAS_PARAM_token", "wrong-token");
    cli.variables.put("IDAAS_PARAM_domain", "acme.example");

    Cli.Result result = cli.run("check", FakeDirectoryProvider.ID);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: The connection check of fake-directory failed: The fake target refused the"
                + " token (code 1101). Check the token parameter.\n");
  }

  @Test
  void warnsAboutASecretOnTheCommandLineWithoutEverPrintingIt() {
    Cli.Result result =
        cli.run(
            "check",
            FakeDirectoryProvider.ID,
            "--param",
            "endpoint=" + ENDPOINT,
            "--param",
            "domain=acme.example",
            "--param",
            "token=" + TOKEN);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err())
        .isEqualTo(
            "warning: the secret parameter token was given with --param. Other users of this"
                + " machine can see command lines (ps), and your shell history keeps them. Put it"
                + " in a file given with --params FILE, or in the environment variable"
                + " IDAAS_PARAM_token, instead.\n");
    assertThat(result.out() + result.err()).doesNotContain(TOKEN);
  }

  @Test
  void failsWithExitCodeTwoWhenTheTargetRefusesTheSecretAndNeverShowsItEvenVerbose() {
    cli.variables.put("IDAAS_PARAM_token", "wrong-" + TOKEN);

    Cli.Result result =
        cli.run(
            "check",
            FakeDirectoryProvider.ID,
            "--param",
            "endpoint=" + ENDPOINT,
            "--param",
            "domain=acme.example",
            "--verbose");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "\nerror: The connection check of fake-directory failed: The fake target refused the"
                + " token (code 1101). Check the token parameter.\n")
        .contains("Caused by: dev.idaas.connector.api.ConnectorException")
        .doesNotContain(TOKEN);
  }

  @Test
  void failsWithExitCodeTwoWhenTheEndpointCannotBeReached() {
    Cli.Result result =
        cli.run(
            "check",
            FakeDirectoryProvider.ID,
            "--param",
            "endpoint=http://127.0.0.1:9/nothing-here",
            "--param",
            "domain=acme.example",
            "--params",
            Cli.write(folder.resolve("secret.properties"), "token=" + TOKEN).toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: The connection check of fake-directory failed: Cannot reach the fake target"
                + " at http://127.0.0.1:9/nothing-here: connection refused. Check the endpoint,"
                + " and that the target runs.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void refusesAMissingParametersFile() {
    Path missing = folder.resolve("missing.properties");

    Cli.Result result = cli.run("check", FakeDirectoryProvider.ID, "--params", missing.toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The parameters file "
                + missing
                + " does not exist. Check the path given with --params.\n");
  }
}
