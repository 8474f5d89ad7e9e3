package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Operation;
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
 * Accounts disabled, enabled again and deleted in the directory: the same mailbox is frozen and
 * unfrozen, never deleted by default, and a disabled account never pushed gets no mailbox.
 */
class AccountStatusTest {

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
  void freezesUnfreezesAndFreezesAgainTheSameMailboxAndNeverCreatesADisabledOne() {
    DirectorySnapshot directory =
        Org.directory(
            List.of(unit("D1", null, "Support")),
            List.of(
                person("U25", "D1"),
                person("U26", "D1").withStatus(AccountStatus.DISABLED),
                person("U27", "D1")));

    RunSummary push = sync.host().executeAdd(directory);

    assertThat(sync.outline(push.runId()))
        .containsExactly(
            "account U25 UPSERT CREATED",
            "account U26 DISABLE SKIPPED",
            "account U27 UPSERT CREATED",
            "unit D1 UPSERT CREATED");
    assertThat(sync.event(push.runId(), "U26").message())
        .isEqualTo("Disabled in the directory and never pushed, so no mailbox is made.");
    assertThat(push.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(sync.alimail.account("u26@acme.example")).isEmpty();

    DirectorySnapshot disabled =
        directory.toBuilder()
            .updateAccount("U27", account -> account.withStatus(AccountStatus.DISABLED))
            .build();
    RunSummary disable = sync.host().applyChanges(disabled).run().orElseThrow();

    assertThat(sync.outline(disable.runId())).containsExactly("account U27 DISABLE DISABLED");
    assertThat(sync.mailbox("u27@acme.example"))
        .isEqualTo("u27@acme.example in acme.example/Support (frozen)");

    RunSummary enable = sync.host().applyChanges(directory).run().orElseThrow();

    assertThat(sync.outline(enable.runId())).containsExactly("account U27 ENABLE ENABLED");
    assertThat(sync.mailbox("u27@acme.example"))
        .isEqualTo("u27@acme.example in acme.example/Support");

    DirectorySnapshot deleted = directory.toBuilder().removeAccount("U27").build();
    RunSummary delete = sync.host().applyChanges(deleted).run().orElseThrow();

    SyncEvent revoked = sync.event(delete.runId(), "U27");
    assertThat(revoked.operation()).isEqualTo(Operation.REVOKE);
    assertThat(revoked.outcome()).isEqualTo(Outcome.DISABLED);
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u25@acme.example in acme.example/Support",
            "u27@acme.example in acme.example/Support (frozen)");
    assertThat(sync.alimail.calls("/ud/createAccounts")).isEqualTo(1);
    assertThat(sync.alimail.calls("/ud/removeAccounts")).isZero();

    RunSummary fullPush = sync.host().executeAdd(deleted);

    assertThat(fullPush.accountCounts())
        .isEqualTo(Map.of(Outcome.UNCHANGED, 1, Outcome.SKIPPED, 1));
    assertThat(fullPush.writes()).isZero();
  }
}
