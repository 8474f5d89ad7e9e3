package dev.idaas.connector.testkit.host;

import static dev.idaas.connector.testkit.host.HostFixture.hr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MassRevocationGuardTest {

  private static final String NINETY_PERCENT_STOP =
      "Stopped before revoking anything: this run would revoke 96 of the 107 linked accounts (90"
          + " %), more than the mass-revocation guard allows (more than 20 % of the linked objects"
          + " of a type and more than 10). A directory feed that suddenly lacks many objects is"
          + " often broken: check the snapshot first. If the revocations are intended, confirm"
          + " the mass revocation and run again.";

  @TempDir Path stateFolder;

  private HostFixture fixture;
  private HostSimulator host;

  @BeforeEach
  void pushTheDirectory() {
    fixture = new HostFixture(stateFolder);
    host = fixture.open();
    host.executeAdd(hr());
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  /** The directory with only its first {@code kept} accounts. */
  private static DirectorySnapshot keepingAccounts(int kept) {
    DirectorySnapshot.Builder feed = hr().toBuilder();
    List<Account> accounts = hr().accounts();
    accounts.subList(kept, accounts.size()).forEach(a -> feed.removeAccount(a.id()));
    return feed.build();
  }

  @Test
  void stopsAFeedMissingNinetyPercentOfTheAccountsBeforeRevokingAnything() {
    int writes = fixture.target.writes();

    ChangeResult result = host.applyChanges(keepingAccounts(11));

    RunSummary run = result.run().orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).isEqualTo(NINETY_PERCENT_STOP);
    assertThat(run.total()).isZero();
    assertThat(fixture.target.writes()).isEqualTo(writes);
    assertThat(host.pendingChanges(keepingAccounts(11)).accountRemovals()).hasSize(96);
  }

  @Test
  void countsLinkedAccountsTheFeedSuddenlyMarksDisabled() {
    DirectorySnapshot.Builder feed = hr().toBuilder();
    hr().accounts().stream()
        .skip(11)
        .forEach(a -> feed.updateAccount(a.id(), x -> x.withStatus(AccountStatus.DISABLED)));
    int writes = fixture.target.writes();

    RunSummary run = host.applyChanges(feed.build()).run().orElseThrow();

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error())
        .startsWith(
            "Stopped before revoking anything: this run would revoke 96 of the 107 linked"
                + " accounts (90 %; 96 disabled in the directory), more than");
    assertThat(fixture.target.writes()).isEqualTo(writes);
  }

  @Test
  void stopsExecuteAddOfSuchAFeedToo() {
    RunSummary run = host.executeAdd(keepingAccounts(11));

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).isEqualTo(NINETY_PERCENT_STOP);
  }

  @Test
  void letsAConfirmedMassRevocationThroughOnce() {
    host.applyChanges(keepingAccounts(11));
    host.confirmMassRevocation();

    RunSummary confirmed = host.applyChanges(keepingAccounts(11)).run().orElseThrow();

    assertThat(confirmed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(confirmed.accountCounts()).isEqualTo(Map.of(Outcome.DISABLED, 96));

    RunSummary next = host.executeAdd(keepingAccounts(1).toBuilder().build());
    assertThat(next.status()).as("the confirmation was used up").isEqualTo(RunStatus.SUCCESS);
    assertThat(next.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 1, Outcome.DISABLED, 10));
  }

  @Test
  void aConfirmationIsUsedByTheNextRunOnly() {
    host.confirmMassRevocation();
    host.applyChanges(hr().toBuilder().removeAccount("emp-200").build());

    RunSummary run = host.applyChanges(keepingAccounts(11)).run().orElseThrow();

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error())
        .startsWith("Stopped before revoking anything: this run would revoke 95");
  }

  @Test
  void letsASmallDeliberateChangeThrough() {
    DirectorySnapshot threeLeft =
        hr().toBuilder()
            .removeAccount("emp-150")
            .removeAccount("emp-151")
            .removeAccount("emp-152")
            .build();

    RunSummary run = host.applyChanges(threeLeft).run().orElseThrow();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.DISABLED, 3));
  }

  @Test
  void stopsANarrowedScopeThatRevokesMostOfEurope() {
    RunSummary run =
        host.changeScope(AuthorizationPolicy.wholeDirectory().withOrgScope("region-20"))
            .run()
            .orElseThrow();

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error())
        .startsWith(
            "Stopped before revoking anything: this run would revoke 37 of the 107 linked"
                + " accounts (35 %), more than");
    assertThat(host.policy().orgScope())
        .as("the policy itself is saved")
        .containsExactly("region-20");
  }

  @Test
  void namesBothTypesWhenBothAreOverTheGuard() {
    host.close();
    host = fixture.builder().massRevocationGuard(new MassRevocationGuard(0.05, 2)).open();

    RunSummary run =
        host.changeScope(AuthorizationPolicy.wholeDirectory().withOrgScope("region-20"))
            .run()
            .orElseThrow();

    assertThat(run.error())
        .startsWith(
            "Stopped before revoking anything: this run would revoke 37 of the 107 linked"
                + " accounts (35 %) and 9 of the 40 linked org units (23 %), more than the"
                + " mass-revocation guard allows (more than 5 % of the linked objects of a type"
                + " and more than 2).");
  }

  @Test
  void tripsOnlyWhenBothTheShareAndTheCountAreExceeded() {
    MassRevocationGuard guard = MassRevocationGuard.DEFAULT;

    assertThat(guard.trips(11, 50)).isTrue();
    assertThat(guard.trips(10, 12)).as("ten is never too many").isFalse();
    assertThat(guard.trips(20, 100)).as("twenty percent is allowed").isFalse();
    assertThat(guard.trips(21, 100)).isTrue();
    assertThat(MassRevocationGuard.OFF.trips(1000, 1000)).isFalse();
    assertThatThrownBy(() -> new MassRevocationGuard(1.5, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxShare must be from 0 to 1: 1.5");
  }
}
