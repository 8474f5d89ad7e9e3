package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.alimail.FaultSpec;
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
 * Units deleted while they still have sub-units or members, and deletions Alibaba Mail refuses:
 * leaves go first, members leave before their unit, no mailbox is deleted on the way, and a refusal
 * is never reported as done.
 */
class DeletionsTest {

  @TempDir Path state;
  private SyncFixture sync;
  private DirectorySnapshot tree;

  @BeforeEach
  void pushATreeWithMembersAtEveryLevel() {
    sync = SyncFixture.start(state);
    tree =
        Org.directory(
            List.of(
                unit("D30", null, "Research"),
                unit("D31", "D30", "Lab"),
                unit("D32", null, "Archive")),
            List.of(person("U9", "D30"), person("U8", "D31")));
    sync.host().executeAdd(tree);
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void deletesUnitsLeafFirstAfterTheirMembersMovedAndDeletesNoMailbox() {
    DirectorySnapshot after =
        tree.toBuilder()
            .removeOrgUnit("D30")
            .removeOrgUnit("D31")
            .updateAccount("U9", account -> account.withOrgUnits(List.of()))
            .updateAccount("U8", account -> account.withStatus(AccountStatus.DISABLED))
            .removeOrgUnit("D32")
            .build();

    RunSummary batch = sync.host().applyChanges(after).run().orElseThrow();

    assertThat(sync.departments()).isEmpty();
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u8@acme.example in acme.example (frozen)",
            "u9@acme.example in acme.example");
    assertThat(sync.outline(batch.runId()))
        .containsExactly(
            "account U8 DISABLE DISABLED",
            "account U9 UPSERT MOVED",
            "unit D30 REVOKE DELETED",
            "unit D31 REVOKE DELETED",
            "unit D32 REVOKE DELETED");
    assertThat(sync.event(batch.runId(), "D31").message())
        .isEqualTo("Moved 1 mailbox(es) to the root department first.");
    assertThat(batch.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(sync.alimail.calls("/ud/removeAccounts")).isZero();
    assertThat(sync.links(ObjectType.ORG_UNIT)).isZero();
  }

  @Test
  void aDeletionRefusedInsideASuccessfulAnswerIsFailedAndTheNextTryDeletesIt() {
    sync.alimail.inject(FaultSpec.parse("2965@path:/ud/removeDepartment#1"));
    DirectorySnapshot after = tree.toBuilder().removeOrgUnit("D32").build();

    RunSummary refused = sync.host().applyChanges(after).run().orElseThrow();

    SyncEvent event = sync.event(refused.runId(), "D32");
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.errorKind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(event.message())
        .isEqualTo(
            "Alibaba Mail refused removeDepartment (code 2965: APP_UD_DEPARTMENT_HAS_ACCOUNTS:"
                + " injected fault). The department is not empty: it still has mailboxes.");
    assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
    assertThat(sync.departments()).contains("acme.example/Archive");
    assertThat(sync.links(ObjectType.ORG_UNIT)).isEqualTo(3);

    RunSummary retried = sync.host().retryFailed().orElseThrow();

    assertThat(retried.orgUnitCounts()).isEqualTo(Map.of(Outcome.DELETED, 1));
    assertThat(sync.event(retried.runId(), "D32").attempt()).isEqualTo(2);
    assertThat(sync.departments())
        .containsExactly("acme.example/Research", "acme.example/Research/Lab");
    assertThat(sync.links(ObjectType.ORG_UNIT)).isEqualTo(2);
  }

  @Test
  void keepsADepartmentThatHoldsAMailboxMadeByHandAndSaysWhichOne() {
    sync.alimail.createAccount(
        "shared.inbox@acme.example", "Shared inbox", sync.departmentId("acme.example/Archive"));
    DirectorySnapshot after = tree.toBuilder().removeOrgUnit("D32").build();

    RunSummary run = sync.host().applyChanges(after).run().orElseThrow();

    assertThat(sync.mailbox("shared.inbox@acme.example"))
        .isEqualTo("shared.inbox@acme.example in acme.example/Archive");
    SyncEvent event = sync.event(run.runId(), "D32");
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.errorKind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(event.message())
        .isEqualTo(
            "Not deleted: the department holds 1 mailbox(es) this connector does not manage"
                + " (shared.inbox@acme.example); move or delete them in Alibaba Mail first.");
    assertThat(sync.alimail.calls("/ud/removeDepartment")).isZero();
    assertThat(sync.alimail.calls("/ud/moveAccountsToDepartment")).isZero();
  }
}
