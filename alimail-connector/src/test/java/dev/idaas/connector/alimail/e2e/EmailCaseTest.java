package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.withEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses that differ only in case: a mailbox made by hand is adopted, not duplicated, and two
 * directory people who map to one mailbox get a stable owner and a stable conflict.
 */
class EmailCaseTest {

  @TempDir Path state;
  private SyncFixture sync;

  @BeforeEach
  void start() {
    sync = SyncFixture.start(state);
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void adoptsAMailboxMadeByHandAndKeepsOneOwnerForAnAddressTwoPeopleShare() {
    sync.alimail.createAccount("li.na@acme.example", "Person U61", sync.alimail.rootDepartmentId());
    DirectorySnapshot directory =
        Org.directory(
            List.of(),
            List.of(
                withEmail("U61", "Li.Na@Acme.Example"),
                withEmail("U62", "wang.wu@acme.example"),
                withEmail("U63", "Wang.Wu@acme.example")));

    RunSummary first = sync.host().executeAdd(directory);

    assertThat(sync.mailboxes())
        .containsExactly(
            "li.na@acme.example in acme.example",
            "postmaster@acme.example in acme.example",
            "wang.wu@acme.example in acme.example");
    assertThat(sync.outline(first.runId()))
        .containsExactly(
            "account U61 UPSERT LINKED", "account U62 UPSERT CREATED", "account U63 UPSERT FAILED");
    SyncEvent conflict = sync.event(first.runId(), "U63");
    assertThat(conflict.errorKind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(conflict.message())
        .isEqualTo(
            "The mailbox wang.wu@acme.example belongs to directory account U62, which maps to the"
                + " same address; give one of them another e-mail address.");
    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);

    sync.alimail.resetCalls();
    RunSummary second = sync.host().executeAdd(directory);

    assertThat(second.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 2, Outcome.FAILED, 1));
    assertThat(sync.event(second.runId(), "U63").message()).isEqualTo(conflict.message());
    assertThat(sync.alimail.calls().writes()).isZero();
    assertThat(sync.alimail.accounts()).hasSize(3);
  }

  @Test
  void theSecondOwnerOfAnAddressStaysTheConflictWhenTheDirectoryListsItFirst() {
    DirectorySnapshot directory =
        Org.directory(
            List.of(),
            List.of(
                withEmail("U62", "wang.wu@acme.example"),
                withEmail("U63", "Wang.Wu@acme.example")));
    sync.host().executeAdd(directory);
    DirectorySnapshot reordered =
        Org.directory(
            List.of(),
            List.of(
                withEmail("U63", "Wang.Wu@acme.example"),
                withEmail("U62", "wang.wu@acme.example")));

    RunSummary again = sync.host().executeAdd(reordered);

    assertThat(sync.outline(again.runId()))
        .containsExactly("account U62 UPSERT UNCHANGED", "account U63 UPSERT FAILED");
  }
}
