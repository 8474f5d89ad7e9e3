package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.alimail.FaultSpec;
import dev.idaas.connector.testkit.alimail.FiredFault;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that throttles, enforces a request budget and answers a create too late: every object
 * exactly once, no twin from a create whose answer was lost, and an honest partial run when the
 * throttling outlasts the retries.
 */
class ThrottlingAndTimeoutsTest {

  private static final int UNITS = 30;
  private static final int ACCOUNTS = 200;

  /** Four batches of accounts, so a lost batch and the throttled ones are a quarter each. */
  private static final String BATCH = "50";

  @TempDir Path state;
  private SyncFixture sync;

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void pushesEveryObjectOnceUnderTheBudgetHonouringRetryAfterAndLinksTheLateCreate() {
    sync =
        SyncFixture.start(
            state,
            simulator ->
                simulator
                    .requestBudget(20)
                    .faults(
                        FaultSpec.parse(
                            "429@path:/ud/createDepartment#5,429@path:/ud/createDepartment#6,"
                                + "late@path:/ud/createAccounts#2:3000ms")),
            Map.of("requestsPerSecond", "20", "accountBatchSize", BATCH));

    RunSummary run = sync.host().executeAdd(directory());

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, UNITS));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, ACCOUNTS));
    assertThat(sync.departments()).hasSize(UNITS).doesNotHaveDuplicates();
    assertThat(sync.alimail.accounts()).hasSize(ACCOUNTS + 1);
    assertThat(sync.alimail.firedFaults())
        .extracting(FiredFault::action)
        .containsExactly("429", "429", "late:3000ms");
    assertThat(sync.alimail.throttledCalls()).as("only the injected ones").isEqualTo(2);
    assertThat(run.duration())
        .as("Retry-After: 1 was honoured")
        .isGreaterThan(Duration.ofSeconds(1));
    List<SyncEvent> found =
        sync.host().events(EventFilter.all().inRun(run.runId()).ofType(ObjectType.ACCOUNT)).stream()
            .filter(event -> event.message() != null)
            .toList();
    assertThat(found)
        .hasSize(50)
        .extracting(SyncEvent::message)
        .containsOnly("The answer was lost; the mailbox was found and linked.");
    assertThat(sync.alimail.calls("/ud/createAccounts")).isEqualTo(4);
  }

  @Test
  void throttlingThatOutlastsTheRetriesFailsTheRestAndTheNextRunFinishesWithoutTwins() {
    StringJoiner throttles = new StringJoiner(",");
    for (int call = 1; call <= 24; call++) {
      throttles.add("429@path:/ud/createAccounts#" + call);
    }
    sync =
        SyncFixture.start(
            state,
            simulator -> simulator.faults(FaultSpec.parse(throttles.toString())),
            Map.of("accountBatchSize", BATCH));

    RunSummary throttled = sync.host().executeAdd(directory());

    assertThat(throttled.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(throttled.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, UNITS));
    assertThat(throttled.accountCounts()).isEqualTo(Map.of(Outcome.FAILED, ACCOUNTS));
    SyncEvent failed = sync.event(throttled.runId(), "U001");
    assertThat(failed.errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(failed.message())
        .isEqualTo(
            "Alibaba Mail throttled createAccounts (HTTP 429). Alibaba Mail asked to slow down;"
                + " lower requestsPerSecond if this keeps happening.");
    assertThat(sync.alimail.accounts()).hasSize(1);

    RunSummary next = sync.host().executeAdd(directory());

    assertThat(next.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(next.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, UNITS));
    assertThat(next.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, ACCOUNTS));
    assertThat(sync.alimail.accounts()).hasSize(ACCOUNTS + 1);
  }

  /** 30 units under 3 top units, and 200 people spread over them. */
  private static DirectorySnapshot directory() {
    List<OrgUnit> units = new ArrayList<>();
    for (int i = 1; i <= UNITS; i++) {
      String parent = i <= 3 ? null : "D" + (1 + i % 3);
      units.add(unit("D" + i, parent, "Unit " + i));
    }
    List<Account> accounts = new ArrayList<>();
    for (int i = 1; i <= ACCOUNTS; i++) {
      accounts.add(person(String.format("U%03d", i), "D" + (1 + i % UNITS)));
    }
    return Org.directory(units, accounts);
  }
}
