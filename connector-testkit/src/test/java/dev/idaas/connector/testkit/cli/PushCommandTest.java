package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PushCommandTest {

  static final String ENDPOINT = "http://127.0.0.1:9/push-test";
  static final String TOKEN = "tok-5ecret-77";

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

  Cli.Result push(String... more) {
    String[] args = {
      "push",
      "--directory",
      Cli.example("oracle-hr.json").toString(),
      "--state",
      state.toString(),
      "--provider",
      FakeDirectoryProvider.ID,
      "--params",
      params.toString()
    };
    return cli.run(concat(args, more));
  }

  @Test
  void pushesTheWholeDirectoryAndSummarizesTheRun() {
    Cli.Result result = push();

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            Execute Add run-1: SUCCESS in 0.0 s
              org units      40  created 40
              accounts      107  created 107
              writes        147
            """);
    assertThat(result.err()).isEmpty();
    assertThat(target.units).hasSize(40);
    assertThat(target.accounts).hasSize(107).containsEntry("sking@acme.example", "Steven King");
  }

  @Test
  void printsOneJsonObjectWithTheRunsCountsAndNothingElseOnStandardOutput() throws IOException {
    Cli.Result result = push("--format", "json");

    JsonNode summary = new ObjectMapper().readTree(result.out());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).endsWith("}\n").hasLineCount(1);
    assertThat(summary.toString())
        .isEqualTo(
            "{\"status\":\"SUCCESS\",\"runId\":\"run-1\",\"trigger\":\"EXECUTE_ADD\","
                + "\"orgUnits\":{\"CREATED\":40},\"accounts\":{\"CREATED\":107},\"writes\":147,"
                + "\"durationMs\":0,\"error\":null}");
  }

  @Test
  void writesNothingOnASecondPushOfTheSameDirectory() {
    push();
    int writesAfterFirst = target.writes.get();

    Cli.Result second = push("--format", "json");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out())
        .contains("\"orgUnits\":{\"UNCHANGED\":40},\"accounts\":{\"UNCHANGED\":107},\"writes\":0");
    assertThat(target.writes.get()).isEqualTo(writesAfterFirst);
  }

  @Test
  void previewsWithoutWritingAndSaysSo() {
    Cli.Result result = push("--preview");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            Preview run-1: SUCCESS in 0.0 s
              org units      40  created 40
              accounts      107  created 107
              would write   147  (a preview: nothing was written)
            """);
    assertThat(target.writes.get()).isZero();
  }

  @Test
  void endsPartialWithExitCodeOneAndSaysWhereToReadTheFailures() {
    target.refusedEmails.add("sking@acme.example");

    Cli.Result result = push();

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            """
            Execute Add run-1: PARTIAL in 0.0 s
              org units      40  created 40
              accounts      107  created 106, failed 1
              writes        146
              1 object needs attention; read why with:
                idaas-host events --state %s --status FAILED --run run-1
              and once the cause is fixed, retry them with:
                idaas-host retry --state %s --run run-1
            """
                .formatted(state, state));
  }

  @Test
  void failsWithExitCodeTwoWhenTheTargetCannotBeReached() {
    target.stop();

    Cli.Result result = push("--format", "json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .isEqualTo(
            "{\"status\":\"FAILED\",\"runId\":\"run-1\",\"trigger\":\"EXECUTE_ADD\","
                + "\"orgUnits\":{},\"accounts\":{},\"writes\":0,\"durationMs\":0,"
                + "\"error\":\"Cannot reach the fake target at "
                + ENDPOINT
                + ": connection refused. Check the endpoint, and that the target runs.\"}\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void printsTheErrorOfAFailedRunOnceInTheSummary() {
    target.stop();

    Cli.Result result = push();

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .isEqualTo(
            """
            Execute Add run-1: FAILED in 0.0 s
              org units       0
              accounts        0
              writes          0
              error: Cannot reach the fake target at %s: connection refused. Check the endpoint,\
             and that the target runs.
            """
                .formatted(ENDPOINT));
    assertThat(result.err()).isEmpty();
  }

  @Test
  void tellsToConfirmAMassRevocationWithTheCommandLineOption() {
    push();
    Path smaller =
        Cli.write(
            folder.resolve("one-unit.json"),
            "{\"source\":\"test\",\"orgUnits\":[{\"id\":\"u1\",\"name\":\"Only\"}],"
                + "\"accounts\":[]}");

    Cli.Result result =
        cli.run(
            "push",
            "--directory",
            smaller.toString(),
            "--state",
            state.toString(),
            "--params",
            params.toString(),
            "--format",
            "json");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .endsWith(
            "A directory feed that suddenly lacks many objects is often broken: check the"
                + " snapshot first. If the revocations are intended, run the same command again"
                + " with --confirm-mass-revocation.\"}\n");
    assertThat(result.err()).isEmpty();
    assertThat(target.frozen).isEmpty();
  }

  @Test
  void pushesOnlyTheOrgScopeAndKeepsItForTheNextPush() {
    Cli.Result scoped = push("--org-scope", "region-10", "--format", "json");
    Cli.Result next = push("--format", "json");

    assertThat(scoped.exitCode()).as(scoped.err()).isZero();
    assertThat(scoped.out()).contains("\"orgUnits\":{\"CREATED\":9},\"accounts\":{\"CREATED\":36}");
    assertThat(next.out())
        .contains("\"orgUnits\":{\"UNCHANGED\":9},\"accounts\":{\"UNCHANGED\":36}");
    assertThat(target.units).containsEntry("region-10", "Europe").doesNotContainKey("region-20");
  }

  @Test
  void keepsTheApplicationButNoSecretInTheStateFolder() throws IOException {
    push();

    String record = java.nio.file.Files.readString(state.resolve(ApplicationRecord.FILE_NAME));

    assertThat(record)
        .isEqualTo(
            """
            # The application this state folder belongs to, kept by idaas-host.
            # No secret is stored: give secrets with --params FILE or IDAAS_PARAM_<key>.
            provider=fake-directory
            param.domain=acme.example
            param.endpoint=http\\://127.0.0.1\\:9/push-test
            """);
    assertThat(record).doesNotContain(TOKEN);
  }

  @Test
  void aPreviewWithANarrowerAccountScopeLeavesNothingForTheNextSyncToRevoke() throws IOException {
    push();
    String recordBefore = Files.readString(state.resolve(ApplicationRecord.FILE_NAME));

    Cli.Result preview = push("--account-scope", "emp-100", "--preview", "--param", "tenant=acme");
    Cli.Result sync = sync();

    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(preview.out()).contains("accounts      107  unchanged 1, disabled 106");
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    assertThat(sync.out())
        .isEqualTo("No changes in scope since the last push; nothing was sent.\n");
    assertThat(target.frozen).isEmpty();
    assertThat(Files.readString(state.resolve(ApplicationRecord.FILE_NAME)))
        .isEqualTo(recordBefore);
  }

  @Test
  void aPreviewWithANarrowerOrgScopeLeavesNothingForTheNextSyncToRevoke() {
    push();

    Cli.Result preview = push("--org-scope", "region-10", "--preview");
    Cli.Result sync = sync();

    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    assertThat(sync.out())
        .isEqualTo("No changes in scope since the last push; nothing was sent.\n");
    assertThat(target.frozen).isEmpty();
    assertThat(target.units).hasSize(40);
  }

  @Test
  void refusesAnOrgScopeUnitTheDirectoryDoesNotHaveBeforeSendingOrStoringAnything() {
    Cli.Result result = push("--org-scope", "nosuch-unit", "--preview");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: --org-scope names 1 org unit the directory snapshot "
                + Cli.example("oracle-hr.json")
                + " does not have: nosuch-unit. Nothing was sent or stored. Give the ids (the"
                + " \"id\" field) of org units in that snapshot, or leave out --org-scope.\n");
    assertThat(target.writes.get()).isZero();
    assertThat(state).doesNotExist();
  }

  @Test
  void refusesUnknownAccountScopeIdsNamingTheFirstFiveAndCountingTheRest() {
    push();

    Cli.Result result =
        push("--account-scope", "emp-100,x1,x2,x3,x4,x5,x6,emp-101", "--format", "json");
    Cli.Result sync = sync();

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: --account-scope names 6 accounts the directory snapshot "
                + Cli.example("oracle-hr.json")
                + " does not have: x1, x2, x3, x4, x5 and 1 more. Nothing was sent or stored."
                + " Give the ids (the \"id\" field) of accounts in that snapshot, or leave out"
                + " --account-scope.\n");
    assertThat(sync.out())
        .isEqualTo("No changes in scope since the last push; nothing was sent.\n");
    assertThat(target.frozen).isEmpty();
  }

  @Test
  void keepsNoParameterGivenToARunThatFailed() throws IOException {
    push();
    String recordBefore = Files.readString(state.resolve(ApplicationRecord.FILE_NAME));
    target.stop();

    Cli.Result failed = push("--param", "tenant=xyz");

    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(Files.readString(state.resolve(ApplicationRecord.FILE_NAME)))
        .isEqualTo(recordBefore)
        .doesNotContain("tenant");
  }

  @Test
  void recordsNoApplicationWhenTheFirstRunFailed() {
    target.stop();

    Cli.Result failed = push();

    assertThat(failed.exitCode()).isEqualTo(2);
    assertThat(state.resolve(ApplicationRecord.FILE_NAME)).doesNotExist();
  }

  Cli.Result sync() {
    return cli.run(
        "sync",
        "--directory",
        Cli.example("oracle-hr.json").toString(),
        "--state",
        state.toString(),
        "--params",
        params.toString());
  }

  static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
