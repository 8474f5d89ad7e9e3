package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import dev.idaas.connector.testkit.host.SnapshotFormatException;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Directory snapshots that are broken or hostile. A file that is not a snapshot is refused whole,
 * naming the place, before anything is pushed; a snapshot that loads but holds what the target
 * cannot take gives a failed or blocked event for exactly those objects, and the rest is pushed.
 */
class BadDirectoryTest {

  @TempDir Path state;
  @TempDir Path files;
  private SyncFixture sync;

  @BeforeEach
  void start() {
    sync = SyncFixture.start(state);
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          truncated       | {"orgUnits":[{"id":"D1","name":"Sales"}],"accounts":[{"id":"U1",         | accounts[0].id: the file ends before the snapshot is complete; it may be truncated (line 1, column 65)
          wrong type      | {"orgUnits":[{"id":"D1","name":"Sales","order":"first"}],"accounts":[]}   | orgUnits[0].order: expected a whole number, found "first" (line 1, column 48)
          a list for text | {"orgUnits":[{"id":["D1"],"name":"Sales"}],"accounts":[]}                  | orgUnits[0].id: expected a text, found an array (line 1, column 20)
          duplicate id    | {"orgUnits":[{"id":"D1","name":"A"},{"id":"D1","name":"B"}],"accounts":[]} | orgUnits[1].id: "D1" is already the id of orgUnits[0] (line 1, column 20); ids must be unique (line 1, column 43)
          control char    | {"orgUnits":[{"id":"D1","name":"Sa\\u0007les"}],"accounts":[]}            | orgUnits[0].name: contains the control character U+0007 at position 3; remove it in the directory (line 1, column 32)
          not an object   | ["orgUnits"]                                                              | expected an object with source, orgUnits and accounts (line 1, column 1)
          empty           | ' '                                                                       | the file is empty; a snapshot is an object with source, orgUnits and accounts (line 1, column 1)
          """)
  void refusesAFileThatIsNotASnapshotNamingThePlaceAndPushesNothing(
      String what, String content, String problem) throws IOException {
    Path file = files.resolve("directory.json");
    Files.writeString(file, content);

    SnapshotFormatException refused =
        catchThrowableOfType(SnapshotFormatException.class, () -> new SnapshotReader().read(file));

    assertThat(refused).as(what).isNotNull();
    assertThat(refused.getMessage())
        .isEqualTo("Cannot load the directory snapshot " + file + ": " + problem);
    assertThat(sync.alimail.calls().total()).isZero();
  }

  @Test
  void refusesAHugeNameNamingItsLength() throws IOException {
    Path file = files.resolve("huge.json");
    Files.writeString(
        file,
        "{\"orgUnits\":[{\"id\":\"D1\",\"name\":\""
            + "长".repeat(100_000)
            + "\"}],\"accounts\":[]}");

    SnapshotFormatException refused =
        catchThrowableOfType(SnapshotFormatException.class, () -> new SnapshotReader().read(file));

    assertThat(refused.detail())
        .isEqualTo(
            "orgUnits[0].name: is 100000 characters long; at most 1024 are allowed (line 1,"
                + " column 32)");
  }

  @Test
  void pushesWhatTheTargetCanTakeAndReportsEachObjectItCannot() {
    String longName = "部".repeat(1_000);
    DirectorySnapshot directory =
        Org.directory(
            List.of(
                unit("D1", null, "Sales"), unit("D2", null, longName), unit("D3", "D404", "Lost")),
            List.of(
                person("U1", "D1"),
                person("U2", "D2"),
                person("U3", "D404"),
                Org.withEmail("U4", "张三@corp.example", "D1"),
                Org.withEmail("U5", null, "D1"),
                Org.withEmail("U6", "li na@corp.example", "D1"),
                new Account(
                    "U7",
                    "u7",
                    "U7@corp.example",
                    "A very long name " + "x".repeat(1_000),
                    null,
                    null,
                    null,
                    List.of("D1"),
                    AccountStatus.ACTIVE,
                    Map.of())));

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(sync.outline(run.runId()))
        .containsExactly(
            "account U1 UPSERT CREATED",
            "account U2 UPSERT BLOCKED",
            "account U3 UPSERT BLOCKED",
            "account U4 UPSERT FAILED",
            "account U5 UPSERT FAILED",
            "account U6 UPSERT FAILED",
            "account U7 UPSERT CREATED",
            "unit D1 UPSERT CREATED",
            "unit D2 UPSERT FAILED",
            "unit D3 UPSERT BLOCKED");
    SyncEvent longUnit = sync.event(run.runId(), "D2");
    assertThat(longUnit.errorKind()).isEqualTo(ErrorKind.INVALID_DATA);
    assertThat(longUnit.message())
        .startsWith(
            "Alibaba Mail refused createDepartment (code 2961: APP_UD_DEPARTMENT_INVALID: the name"
                + " has 1000 characters, more than 64).");
    assertThat(sync.event(run.runId(), "U3").message()).contains("its org unit D404");
    assertThat(sync.event(run.runId(), "U4").message())
        .isEqualTo(
            "Alibaba Mail refused createAccounts for 张三@acme.example (code 1603:"
                + " APP_UD_ACCOUNT_INVALID: not a valid e-mail address). Alibaba Mail refused the"
                + " account's data (for example an address outside the domain, or a field it does"
                + " not accept): fix it in the directory.");
    assertThat(sync.event(run.runId(), "U5").message())
        .isEqualTo(
            "The account has no e-mail address to make a mailbox address from: give it one in the"
                + " directory, or set mailboxLocalPart to username.");
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u1@acme.example in acme.example/Sales",
            "u7@acme.example in acme.example/Sales");
  }
}
