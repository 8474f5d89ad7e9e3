package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sync, events and retry: commands on a state folder that a push made, given only the secret. A
 * small hand-made directory keeps each test quick.
 */
class StateFolderCommandsTest {

  static final String DIRECTORY =
      """
      {"source": "a small company",
       "orgUnits": [
         {"id": "d1", "parentId": null, "name": "Engineering", "order": 1},
         {"id": "d2", "parentId": "d1", "name": "Platform", "order": 2},
         {"id": "d3", "parentId": null, "name": "Sales", "order": 3}],
       "accounts": [
         {"id": "a1", "username": "lina", "email": "Li.Na@corp.example", "displayName": "Li Na",
          "orgUnitIds": ["d2"]},
         {"id": "a2", "username": "wangwu", "email": "wang.wu@corp.example",
          "displayName": "Wang Wu", "orgUnitIds": ["d1"]},
         {"id": "a3", "username": "chenjie", "email": "chen.jie@corp.example",
          "displayName": "Chen Jie", "orgUnitIds": ["d3"]},
         {"id": "a4", "username": "zhaomin", "email": "zhao.min@corp.example",
          "displayName": "Zhao Min", "orgUnitIds": ["d3"], "status": "DISABLED"}]}
      """;

  /** The same company a day later: Platform renamed, Chen Jie left, Sun Li joined. */
  static final String NEWER =
      DIRECTORY
          .replace("\"Platform\"", "\"Platform Team\"")
          .replace(
              "\"displayName\": \"Chen Jie\", \"orgUnitIds\": [\"d3\"]}",
              "\"displayName\": \"Chen Jie\", \"orgUnitIds\": [\"d3\"], \"status\": \"DISABLED\"}")
          .replace(
              "\"status\": \"DISABLED\"}]}",
              "\"status\": \"DISABLED\"},\n"
                  + "   {\"id\": \"a5\", \"username\": \"sunli\", \"email\":"
                  + " \"sun.li@corp.example\", \"displayName\": \"Sun Li\", \"orgUnitIds\":"
                  + " [\"d1\"]}]}");

  static final String ENDPOINT = "http://127.0.0.1:9/state-commands";
  static final String TOKEN = "tok-state-commands-3";

  @TempDir Path folder;

  final Cli cli = new Cli();
  FakeTarget target;
  String state;
  Path directory;
  Path newer;

  @BeforeEach
  void pushTheOracleHrDirectory() {
    target = FakeTarget.start(ENDPOINT, TOKEN);
    state = folder.resolve("state").toString();
    cli.variables.put("IDAAS_PARAM_token", TOKEN);
    directory = Cli.write(folder.resolve("company.json"), DIRECTORY);
    newer = Cli.write(folder.resolve("company-tomorrow.json"), NEWER);
    Cli.Result push =
        cli.run(
            "push",
            "--directory",
            directory.toString(),
            "--state",
            state,
            "--provider",
            FakeDirectoryProvider.ID,
            "--param",
            "endpoint=" + ENDPOINT,
            "--param",
            "domain=acme.example");
    assertThat(push.exitCode()).as(push.err()).isZero();
  }

  @AfterEach
  void stopTarget() {
    target.stop();
  }

  @Test
  void syncsExactlyTheChangesOfANewerDirectory() {
    Cli.Result result = cli.run("sync", "--directory", newer.toString(), "--state", state);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            Changes: org units: 1 renamed; accounts: 1 added, 1 disabled
            Sync run-2: SUCCESS in 0.0 s
              org units       1  updated 1
              accounts        2  created 1, disabled 1
              writes          3
            """);
    assertThat(target.units).containsEntry("d2", "Platform Team");
    assertThat(target.frozen).containsExactly("chen.jie@acme.example");
    assertThat(target.accounts).containsEntry("sun.li@acme.example", "Sun Li").hasSize(4);
  }

  @Test
  void saysSoWhenNothingChanged() {
    Cli.Result text = cli.run("sync", "--directory", directory.toString(), "--state", state);
    Cli.Result json =
        cli.run("sync", "--directory", directory.toString(), "--state", state, "--format", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .isEqualTo("No changes in scope since the last push; nothing was sent.\n");
    assertThat(json.out())
        .isEqualTo(
            "{\"status\":\"SUCCESS\",\"runId\":null,\"trigger\":null,\"orgUnits\":{},"
                + "\"accounts\":{},\"writes\":0,\"durationMs\":0,\"error\":null}\n");
  }

  @Test
  void asksForTheSecretAgainSinceTheStateFolderNeverKeepsIt() {
    cli.variables.clear();

    Cli.Result result = cli.run("sync", "--directory", newer.toString(), "--state", state);

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            """
            error: The parameters of fake-directory have 1 problem:
              - token: is required: The token the fake target accepts.
            Give parameters with --param KEY=VALUE, a file with --params FILE, or environment\
             variables IDAAS_PARAM_<key>; 'idaas-host schema <provider>' describes each one. A\
             state folder never keeps secrets: give them again on each command that reaches the\
             target.
            """);
  }

  @Test
  void listsTheFailedEventsWithoutAnySecret() {
    target.refusedEmails.add("sun.li@acme.example");
    cli.run("sync", "--directory", newer.toString(), "--state", state);
    cli.variables.clear();

    Cli.Result result = cli.run("events", "--state", state, "--status", "failed");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            TIME                  RUN    TYPE     ID  OBJECT               OPERATION  OUTCOME  TARGET  TRY  MESSAGE
            2026-03-02T08:30:00Z  run-2  account  a5  sun.li@acme.example  UPSERT     FAILED   -       1    INVALID_DATA: the target refuses sun.li@acme.example
            1 events
            """);
  }

  @Test
  void printsTheEventsOfARunAsAJsonArray() throws IOException {
    cli.run("sync", "--directory", newer.toString(), "--state", state);

    Cli.Result result = cli.run("events", "--state", state, "--run", "run-2", "--format", "json");

    JsonNode events = new ObjectMapper().readTree(result.out());
    assertThat(result.exitCode()).isZero();
    assertThat(events).hasSize(3);
    assertThat(events.get(0).toString())
        .isEqualTo(
            "{\"eventId\":\""
                + events.get(0).get("eventId").asText()
                + "\",\"runId\":\"run-2\","
                + "\"time\":\"2026-03-02T08:30:00Z\",\"applicationId\":\"fake-directory\","
                + "\"trigger\":\"AUTOMATIC\",\"attempt\":1,\"objectType\":\"ORG_UNIT\","
                + "\"hostId\":\"d2\",\"displayKey\":\"Platform Team\","
                + "\"operation\":\"UPSERT\",\"outcome\":\"UPDATED\",\"targetId\":\"u-d2\","
                + "\"errorKind\":null,\"message\":null,\"durationMs\":0}");
    assertThat(result.out()).startsWith("[\n{").endsWith("}\n]\n");
  }

  @Test
  void refusesAnUnknownRun() {
    Cli.Result result = cli.run("events", "--state", state, "--run", "run-9");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: There is no run run-9 in the state folder "
                + state
                + "; its runs are run-1.\n");
  }

  @Test
  void retriesTheFailedObjectsOnceTheCauseIsFixed() {
    target.refusedEmails.add("sun.li@acme.example");
    cli.run("sync", "--directory", newer.toString(), "--state", state);
    target.refusedEmails.clear();

    Cli.Result retry = cli.run("retry", "--state", state, "--format", "json");
    Cli.Result again = cli.run("retry", "--state", state);

    assertThat(retry.exitCode()).isZero();
    assertThat(retry.out())
        .isEqualTo(
            "{\"status\":\"SUCCESS\",\"runId\":\"run-3\",\"trigger\":\"RETRY\",\"orgUnits\":{},"
                + "\"accounts\":{\"CREATED\":1},\"writes\":1,\"durationMs\":0,\"error\":null}\n");
    assertThat(again.out())
        .isEqualTo("Nothing to retry: no object failed or was blocked since it last ran.\n");
  }
}
