package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.alimail.FaultSpec;
import dev.idaas.connector.testkit.alimail.ManualClock;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.ProgressListener;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run whose token is revoked or simply expires halfway, while several workers call at once;
 * and a run whose sign-in is refused halfway because the credentials were revoked.
 *
 * <p>By default 1,200 accounts in 30 units; {@code -De2e.full=true} runs 12,000 in 300.
 */
class TokenExpiryTest {

  private static final boolean FULL = Boolean.getBoolean("e2e.full");
  private static final int UNITS = FULL ? 300 : 30;
  private static final int ACCOUNTS = FULL ? 12_000 : 1_200;

  /**
   * Small batches make the run many calls long, paced over seconds, so calls are still to come when
   * half the accounts are reported, however many workers the connector runs.
   */
  private static final String BATCH = "20";

  @TempDir Path state;
  private SyncFixture sync;
  private final ManualClock tokenClock = new ManualClock();

  /** What to do once, when the host has recorded a given number of objects of the current run. */
  private final AtomicReference<Runnable> halfway = new AtomicReference<>();

  private final AtomicReference<Integer> trigger = new AtomicReference<>();

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void signsInOnceAgainWhenTheTokenIsRevokedAndWhenItExpiresAndLosesNothing() {
    start(FaultSpec.NONE);
    DirectorySnapshot first = directory(ACCOUNTS);
    whenHalfDone(first, sync.alimail::expireTokens);

    RunSummary revoked = sync.host().executeAdd(first);

    assertThat(revoked.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(revoked.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, ACCOUNTS));
    assertThat(sync.alimail.logins())
        .as("the first sign-in and one after the revocation")
        .isEqualTo(2);
    assertThat(sync.alimail.accounts()).hasSize(ACCOUNTS + 1);

    sync.alimail.resetCalls();
    DirectorySnapshot grown = directory(ACCOUNTS + ACCOUNTS / 2);
    int added = ACCOUNTS / 2;
    whenHalfDone(grown, () -> tokenClock.advance(Duration.ofSeconds(61)));

    RunSummary expired = sync.host().applyChanges(grown).run().orElseThrow();

    assertThat(expired.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(expired.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, added));
    assertThat(sync.alimail.logins()).isEqualTo(2);
    assertThat(sync.alimail.accounts()).hasSize(ACCOUNTS + added + 1);
    assertThat(sync.host().events(EventFilter.all().problemsOnly())).isEmpty();
  }

  @Test
  void stopsWithOneRunErrorWhenSigningInAgainIsRefusedAndTheNextRunFinishes() {
    start(FaultSpec.parse("1101@path:/control/wsLogin#2"));
    DirectorySnapshot directory = directory(ACCOUNTS);
    whenHalfDone(directory, sync.alimail::expireTokens);

    RunSummary refused = sync.host().executeAdd(directory);

    assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
    assertThat(refused.error())
        .isEqualTo(
            "Alibaba Mail refused wsLogin (code 1101: SYS_LOGIN_FAILED: injected fault). The access"
                + " code or access password is wrong: check accessCode and accessPassword, which"
                + " Alibaba Mail support issues.");
    assertThat(refused.count(ObjectType.ACCOUNT, Outcome.FAILED)).isZero();
    assertThat(sync.host().events(EventFilter.all().problemsOnly())).isEmpty();
    int reported = refused.count(ObjectType.ACCOUNT, Outcome.CREATED);
    assertThat(reported).isLessThan(ACCOUNTS);
    int madeBeforeTheStop = sync.alimail.accounts().size() - 1;

    RunSummary next = sync.host().executeAdd(directory);

    assertThat(next.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(
            next.count(ObjectType.ACCOUNT, Outcome.CREATED)
                + next.count(ObjectType.ACCOUNT, Outcome.LINKED))
        .isEqualTo(ACCOUNTS - reported);
    assertThat(next.count(ObjectType.ACCOUNT, Outcome.LINKED))
        .as("made in the stopped run but not reported there")
        .isEqualTo(madeBeforeTheStop - reported);
    assertThat(sync.alimail.accounts()).hasSize(ACCOUNTS + 1);
  }

  private void start(FaultSpec faults) {
    sync =
        SyncFixture.start(
            state,
            simulator ->
                simulator.clock(tokenClock).tokenLifetime(Duration.ofSeconds(60)).faults(faults),
            Map.of("accountBatchSize", BATCH));
    sync.listener(
        new ProgressListener() {
          @Override
          public void objectDone(Progress progress) {
            Integer at = trigger.get();
            Runnable action = halfway.get();
            if (at != null
                && action != null
                && progress.done() >= at
                && halfway.compareAndSet(action, null)) {
              action.run();
            }
          }
        });
  }

  /** Runs {@code action} once, when half the accounts the next push makes are recorded. */
  private void whenHalfDone(DirectorySnapshot directory, Runnable action) {
    int known = sync.alimail.accounts().size() - 1;
    int units = sync.departments().isEmpty() ? UNITS : 0;
    trigger.set(units + (directory.accounts().size() - known) / 2);
    halfway.set(action);
  }

  /** {@link #UNITS} units and {@code accounts} people. */
  private static DirectorySnapshot directory(int accounts) {
    List<OrgUnit> units = new ArrayList<>();
    for (int i = 1; i <= UNITS; i++) {
      units.add(unit("D" + i, i <= 10 ? null : "D" + (1 + i % 10), "Unit " + i));
    }
    List<Account> people = new ArrayList<>();
    for (int i = 1; i <= accounts; i++) {
      people.add(person(String.format("U%05d", i), "D" + (1 + i % UNITS)));
    }
    return Org.directory(units, people);
  }
}
