package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.host.AuthorizationPolicy;
import dev.idaas.connector.testkit.host.ChangeResult;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authorization scope narrows and people move across its edge: who leaves is frozen at once,
 * who enters is created, and mailboxes the connector never made are never touched.
 */
class ScopeTest {

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
  void freezesWhoLeavesTheScopeCreatesWhoEntersItAndLeavesUnmanagedMailboxesAlone() {
    String handMade = sync.alimail.createDepartment(sync.alimail.rootDepartmentId(), "Board");
    sync.alimail.createAccount("chair@acme.example", "Chair", handMade);
    sync.alimail.createAccount(
        "reception@acme.example", "Reception", sync.alimail.rootDepartmentId());
    DirectorySnapshot directory =
        Org.directory(
            List.of(
                unit("D10", null, "Sales"),
                unit("D20", null, "Support"),
                unit("D30", null, "Legal")),
            List.of(person("U28", "D10"), person("U29", "D20"), person("U30", "D30")));
    AuthorizationPolicy twoUnits = AuthorizationPolicy.wholeDirectory().withOrgScope("D10", "D20");
    sync.policy(twoUnits);
    sync.host().executeAdd(directory);

    assertThat(sync.mailboxes())
        .containsExactly(
            "chair@acme.example in acme.example/Board",
            "postmaster@acme.example in acme.example",
            "reception@acme.example in acme.example",
            "u28@acme.example in acme.example/Sales",
            "u29@acme.example in acme.example/Support");

    ChangeResult narrowed = sync.host().changeScope(twoUnits.withOrgScope("D10"));

    RunSummary narrowing = narrowed.run().orElseThrow();
    assertThat(sync.outline(narrowing.runId()))
        .containsExactly("account U29 REVOKE DISABLED", "unit D20 REVOKE DELETED");
    assertThat(sync.event(narrowing.runId(), "U29").message()).isEqualTo("Changes: frozen.");
    assertThat(narrowed.changes().accountRemovals())
        .extracting(Removal::reason)
        .containsExactly(Removal.Reason.OUT_OF_SCOPE);
    assertThat(sync.mailbox("u29@acme.example"))
        .isEqualTo("u29@acme.example in acme.example (frozen)");

    DirectorySnapshot movedOut =
        directory.toBuilder()
            .updateAccount("U28", account -> account.withOrgUnits(List.of("D30")))
            .build();
    RunSummary leaving = sync.host().applyChanges(movedOut).run().orElseThrow();

    assertThat(sync.outline(leaving.runId())).containsExactly("account U28 REVOKE DISABLED");
    assertThat(sync.mailbox("u28@acme.example"))
        .isEqualTo("u28@acme.example in acme.example/Sales (frozen)");

    DirectorySnapshot movedIn =
        movedOut.toBuilder()
            .updateAccount("U30", account -> account.withOrgUnits(List.of("D10")))
            .build();
    RunSummary entering = sync.host().applyChanges(movedIn).run().orElseThrow();

    assertThat(sync.outline(entering.runId())).containsExactly("account U30 UPSERT CREATED");
    assertThat(entering.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(sync.mailboxes())
        .containsExactly(
            "chair@acme.example in acme.example/Board",
            "postmaster@acme.example in acme.example",
            "reception@acme.example in acme.example",
            "u28@acme.example in acme.example/Sales (frozen)",
            "u29@acme.example in acme.example (frozen)",
            "u30@acme.example in acme.example/Sales");
    assertThat(sync.departments()).containsExactly("acme.example/Board", "acme.example/Sales");
  }
}
