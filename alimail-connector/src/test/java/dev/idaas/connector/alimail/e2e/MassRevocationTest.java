package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory feed that suddenly lacks most people: nothing is frozen until the operator confirms,
 * while a small deliberate change goes through at once.
 */
class MassRevocationTest {

  private static final int PEOPLE = 40;

  @TempDir Path state;
  private SyncFixture sync;
  private DirectorySnapshot everyone;

  @BeforeEach
  void pushForty() {
    sync = SyncFixture.start(state);
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= PEOPLE; i++) {
      accounts.add(person(String.format("U%02d", i), "D1"));
    }
    everyone = Org.directory(List.of(unit("D1", null, "Staff")), accounts);
    sync.host().executeAdd(everyone);
    sync.alimail.resetCalls();
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void aSnapshotLackingMostAccountsFreezesNothingUntilTheOperatorConfirms() {
    DirectorySnapshot.Builder broken = everyone.toBuilder();
    for (int i = 6; i <= PEOPLE; i++) {
      broken.removeAccount(String.format("U%02d", i));
    }
    DirectorySnapshot truncated = broken.build();

    RunSummary stopped = sync.host().executeAdd(truncated);
    RunSummary stoppedAgain = sync.host().applyChanges(truncated).run().orElseThrow();

    assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stopped.error())
        .startsWith(
            "Stopped before revoking anything: this run would revoke 35 of the 40 linked accounts"
                + " (88 %), more than the mass-revocation guard allows");
    assertThat(stoppedAgain.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stopped.total() + stoppedAgain.total()).isZero();
    assertThat(sync.alimail.calls().total()).as("the target was not even called").isZero();
    assertThat(sync.alimail.accounts()).noneMatch(AccountSnapshot::isFrozen);

    sync.host().confirmMassRevocation();
    RunSummary confirmed = sync.host().executeAdd(truncated);

    assertThat(confirmed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(confirmed.accountCounts())
        .isEqualTo(Map.of(Outcome.UNCHANGED, 5, Outcome.DISABLED, 35));
    assertThat(sync.alimail.accounts()).filteredOn(AccountSnapshot::isFrozen).hasSize(35);
    assertThat(sync.alimail.accounts()).hasSize(PEOPLE + 1);
  }

  @Test
  void aSnapshotMarkingMostAccountsDisabledFreezesNothingUntilTheOperatorConfirms() {
    DirectorySnapshot.Builder broken = everyone.toBuilder();
    for (int i = 6; i <= PEOPLE; i++) {
      broken.updateAccount(
          String.format("U%02d", i), account -> account.withStatus(AccountStatus.DISABLED));
    }
    DirectorySnapshot allDisabled = broken.build();

    RunSummary stopped = sync.host().applyChanges(allDisabled).run().orElseThrow();

    assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stopped.error())
        .startsWith(
            "Stopped before revoking anything: this run would revoke 35 of the 40 linked accounts"
                + " (88 %; 35 disabled in the directory), more than the mass-revocation guard"
                + " allows");
    assertThat(sync.alimail.accounts()).noneMatch(AccountSnapshot::isFrozen);

    sync.host().confirmMassRevocation();
    RunSummary confirmed = sync.host().applyChanges(allDisabled).run().orElseThrow();

    assertThat(confirmed.accountCounts()).isEqualTo(Map.of(Outcome.DISABLED, 35));
    assertThat(sync.alimail.accounts()).filteredOn(AccountSnapshot::isFrozen).hasSize(35);
  }

  @Test
  void aSmallDeliberateChangeIsNeverHeldBack() {
    DirectorySnapshot threeLeft =
        everyone.toBuilder().removeAccount("U01").removeAccount("U02").removeAccount("U03").build();

    RunSummary run = sync.host().applyChanges(threeLeft).run().orElseThrow();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.DISABLED, 3));
  }
}
