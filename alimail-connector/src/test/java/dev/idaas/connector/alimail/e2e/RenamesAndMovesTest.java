package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
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
 * Units renamed in the directory, and people moving between units or belonging to several: the same
 * department and the same mailbox must follow, never a new one.
 */
class RenamesAndMovesTest {

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
  void renamesTheSameDepartmentInPlaceAndAFullPushAfterwardsWritesNothing() {
    DirectorySnapshot before =
        Org.directory(
            List.of(unit("D10", null, "Sales")), List.of(person("U1", "D10"), person("U2", "D10")));
    sync.host().executeAdd(before);
    String salesId = sync.departmentId("acme.example/Sales");
    sync.alimail.resetCalls();
    DirectorySnapshot renamed =
        before.toBuilder().updateOrgUnit("D10", unit -> unit.withName("Sales Development")).build();

    RunSummary rename = sync.host().applyChanges(renamed).run().orElseThrow();

    assertThat(sync.departments()).containsExactly("acme.example/Sales Development");
    assertThat(sync.departmentId("acme.example/Sales Development")).isEqualTo(salesId);
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u1@acme.example in acme.example/Sales Development",
            "u2@acme.example in acme.example/Sales Development");
    assertThat(sync.outline(rename.runId())).containsExactly("unit D10 UPSERT UPDATED");
    assertThat(sync.event(rename.runId(), "D10").message()).isEqualTo("Renamed from 'Sales'.");
    assertThat(sync.alimail.calls().writes()).isEqualTo(1);
    assertThat(sync.alimail.calls("/ud/updateDepartment")).isEqualTo(1);

    sync.alimail.resetCalls();
    RunSummary fullPush = sync.host().executeAdd(renamed);

    assertThat(fullPush.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(fullPush.writes()).isZero();
    assertThat(sync.alimail.calls().writes()).isZero();
  }

  @Test
  void movesEachMailboxOnceKeepsThePrimaryUnitAndDeletesTheEmptiedUnit() {
    DirectorySnapshot before =
        Org.directory(
            List.of(
                unit("D80", null, "Pumps"),
                unit("D81", null, "Valves"),
                unit("D82", null, "Seals")),
            List.of(person("U23", "D80"), person("U24", "D80", "D81")));
    sync.host().executeAdd(before);
    sync.alimail.resetCalls();
    DirectorySnapshot after =
        before.toBuilder()
            .updateAccount("U23", account -> account.withOrgUnits(List.of("D81")))
            .updateAccount("U24", account -> account.withOrgUnits(List.of("D81", "D82")))
            .removeOrgUnit("D80")
            .build();

    RunSummary batch = sync.host().applyChanges(after).run().orElseThrow();

    assertThat(sync.departments()).containsExactly("acme.example/Seals", "acme.example/Valves");
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u23@acme.example in acme.example/Valves",
            "u24@acme.example in acme.example/Valves");
    assertThat(sync.outline(batch.runId()))
        .containsExactly(
            "account U23 UPSERT MOVED", "account U24 UPSERT MOVED", "unit D80 REVOKE DELETED");
    assertThat(sync.event(batch.runId(), "U24").message())
        .startsWith(
            "Alibaba Mail keeps one department per mailbox: kept the primary org unit D81; not"
                + " kept: D82.");
    assertThat(sync.event(batch.runId(), "D80").message()).isNull();
    assertThat(sync.alimail.calls("/ud/createAccounts")).isZero();
    assertThat(batch.status()).isEqualTo(RunStatus.SUCCESS);

    sync.alimail.resetCalls();
    RunSummary fullPush = sync.host().executeAdd(after);

    assertThat(fullPush.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 2));
    assertThat(fullPush.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 2));
    assertThat(sync.alimail.calls().writes()).isZero();
  }
}
