package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input: one paragraph on standard error, the exit code, no stack trace. */
class BadInputTest {

  static final String ENDPOINT = "http://127.0.0.1:9/bad-input";
  static final String TOKEN = "tok-bad-input-1";

  @TempDir Path folder;

  final Cli cli = new Cli();
  FakeTarget target;
  Path state;
  Path params;

  @BeforeEach
  void startTarget() {
    target = FakeTarget.start(ENDPOINT, TOKEN);
    state = folder.resolve("state");
    params =
        Cli.write(
            folder.resolve("fake.properties"),
            "endpoint=" + ENDPOINT + "\ntoken=" + TOKEN + "\ndomain=acme.example\n");
  }

  @AfterEach
  void stopTarget() {
    target.stop();
  }

  Cli.Result push(Path directory, String... more) {
    String[] args = {
      "push",
      "--directory",
      directory.toString(),
      "--state",
      state.toString(),
      "--provider",
      FakeDirectoryProvider.ID,
      "--params",
      params.toString()
    };
    return cli.run(PushCommandTest.concat(args, more));
  }

  @Test
  void saysAParamNeedsKeyAndValue() {
    Cli.Result result = push(Cli.example("oracle-hr.json"), "--param", "noequals");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err()).isEqualTo("error: --param needs key=value, got 'noequals'.\n");
    assertThat(state).doesNotExist();
  }

  @Test
  void saysAParamNeedsAKeyBeforeTheEqualsSign() {
    Cli.Result result = push(Cli.example("oracle-hr.json"), "--param", "=value");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err()).isEqualTo("error: --param needs a key before '=', got '=value'.\n");
  }

  @Test
  void saysAStateFolderOfPushIsAFile() {
    state = Cli.write(folder.resolve("state.txt"), "a file");

    Cli.Result result = push(Cli.example("oracle-hr.json"));

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + state
                + " is a file, not a folder; --state takes the application's state folder (a new"
                + " or empty folder for a first push). Check the path.\n");
  }

  @Test
  void saysAStateFolderOfEventsIsAFile() {
    state = Cli.write(folder.resolve("state.txt"), "a file");

    Cli.Result result = cli.run("events", "--state", state.toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + state
                + " is a file, not a folder; --state takes the application's state folder (a new"
                + " or empty folder for a first push). Check the path.\n");
  }

  @Test
  void refusesAMissingDirectoryFile() {
    Path missing = folder.resolve("no-such.json");

    Cli.Result result = push(missing);

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The directory snapshot file "
                + missing
                + " does not exist. Check the path given with --directory.\n");
    assertThat(result.out()).isEmpty();
    assertThat(state).doesNotExist();
  }

  @Test
  void refusesMalformedJsonNamingLineColumnAndField() {
    Path broken =
        Cli.write(
            folder.resolve("broken.json"),
            "{\n"
                + "  \"orgUnits\": [\n"
                + "    {\"id\": \"d1\", \"name\": 7}\n"
                + "  ],\n"
                + "  \"accounts\": []\n"
                + "}\n");

    Cli.Result result = push(broken);

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: Cannot load the directory snapshot "
                + broken
                + ": orgUnits[0].name: expected a text, found 7 (line 3, column 26)."
                + " Fix the file and run the command again.\n");
  }

  @Test
  void refusesAnUnknownProviderListingTheKnownOnes() {
    Cli.Result result = cli.run("schema", "alimail");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: There is no connector provider 'alimail' on the class path; the known ones are"
                + " directory-mirror, fake-directory. List them with 'idaas-host providers'; add a"
                + " plug-in jar with --plugins DIR.\n");
  }

  @Test
  void listsEveryParameterProblemAtOnce() {
    params =
        Cli.write(
            folder.resolve("wrong.properties"),
            "endpoint=ftp://nowhere\ntenant=ACME\npageSize=0\ncolour=blue\n");

    Cli.Result result = push(Cli.example("oracle-hr.json"));

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            """
            error: The parameters of fake-directory have 6 problems:
              - endpoint: 'ftp://nowhere' is not an absolute http or https URL, such as https://host/path
              - token: is required: The token the fake target accepts.
              - domain: is required: The domain of the accounts.
              - tenant: 'ACME' has the wrong form: A tenant name in lower-case letters.
              - pageSize: 0 is out of range: give a number from 1 to 100
              - colour: is not a parameter of fake-directory; check the spelling (known: domain, endpoint, pageSize, readTimeout, revocation, tenant, token, verbatim)
            Give parameters with --param KEY=VALUE, a file with --params FILE, or environment\
             variables IDAAS_PARAM_<key>; 'idaas-host schema <provider>' describes each one.
            """);
    assertThat(state).doesNotExist();
  }

  @Test
  void refusesAStateFolderOfAnotherTarget() {
    push(Cli.example("oracle-hr.json"));
    FakeTarget other = FakeTarget.start("http://127.0.0.1:9/other", TOKEN);

    Cli.Result result =
        push(Cli.example("oracle-hr.json"), "--param", "endpoint=http://127.0.0.1:9/other");
    other.stop();

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The state folder "
                + state
                + " belongs to application 'fake-directory' with target endpoint="
                + ENDPOINT
                + ", domain=acme.example, but these parameters give"
                + " endpoint=http://127.0.0.1:9/other, domain=acme.example. Its links point to"
                + " objects in that other"
                + " target, so using them here would update or revoke the wrong objects. Choose"
                + " another (or an empty) state folder for this target, or correct the"
                + " parameters.\n");
  }

  @Test
  void refusesAStateFolderOfAnotherProvider() {
    push(Cli.example("oracle-hr.json"));

    Cli.Result result =
        cli.run(
            "push",
            "--directory",
            Cli.example("oracle-hr.json").toString(),
            "--state",
            state.toString(),
            "--provider",
            "alimail");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The state folder "
                + state
                + " belongs to an application of provider fake-directory, not alimail: its links"
                + " point to objects of that application. Use another (or an empty) state folder"
                + " for alimail, or leave out --provider.\n");
  }

  @Test
  void refusesAFolderThatIsNotAStateFolder() {
    Cli.Result result = cli.run("events", "--state", folder.toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: The folder "
                + folder
                + " is not a state folder of idaas-host: it has no idaas-host.properties. Run"
                + " 'idaas-host push --directory FILE --state "
                + folder
                + " --provider ID' first, then idaas-host events.\n");
  }

  @Test
  void refusesAnUnknownOptionWithAHintToTheHelp() {
    Cli.Result result =
        cli.run("push", "--directory", "d.json", "--state", state.toString(), "--dry-run");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .startsWith("error: Unknown option: '--dry-run'.\n")
        .endsWith("Run 'idaas-host push --help' to see what it takes.\n");
  }

  @Test
  void showsTheStackTraceOnlyWithVerbose() {
    Path missing = folder.resolve("no-such.json");

    Cli.Result quiet = push(missing);
    Cli.Result verbose = push(missing, "--verbose");

    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(verbose.err())
        .startsWith(quiet.err())
        .contains("java.nio.file.NoSuchFileException")
        .contains("\tat dev.idaas.connector.testkit.cli.");
  }

  @Test
  void listsTheCommandsWhenGivenNone() {
    Cli.Result result = cli.run();

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .startsWith("error: give a command, such as 'idaas-host demo'.\n\nUsage: idaas-host")
        .contains("  push ", "  sync ", "  simulate ", "  demo ");
  }
}
