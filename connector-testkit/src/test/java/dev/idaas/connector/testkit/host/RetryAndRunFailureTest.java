package dev.idaas.connector.testkit.host;

import static dev.idaas.connector.testkit.host.HostFixture.hr;
import static dev.idaas.connector.testkit.host.HostFixture.outline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryAndRunFailureTest {

  @TempDir Path stateFolder;

  private HostFixture fixture;
  private HostSimulator host;

  @BeforeEach
  void openHost() {
    fixture = new HostFixture(stateFolder);
    host = fixture.open();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void failedAndBlockedObjectsMakeTheRunPartial() {
    fixture.target.failObject("dept-60", ErrorKind.INVALID_DATA, "the name IT is refused");
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");

    RunSummary run = host.executeAdd(hr());

    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 39, Outcome.FAILED, 1));
    assertThat(run.accountCounts())
        .isEqualTo(Map.of(Outcome.CREATED, 101, Outcome.FAILED, 1, Outcome.BLOCKED, 5));
    assertThat(run.problems()).isEqualTo(7);
    assertThat(host.events(EventFilter.all().forObject("emp-105")))
        .singleElement()
        .satisfies(
            e -> assertThat(e.message()).isEqualTo("its org unit dept-60 has no department"));
  }

  @Test
  void aClearedFaultRetriedSucceedsAtTheSecondAttempt() {
    fixture.target.failObject("dept-60", ErrorKind.INVALID_DATA, "the name IT is refused");
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.executeAdd(hr());
    fixture.target.clearFault("dept-60");
    fixture.target.clearFault("emp-200");

    RunSummary retry = host.retryFailed().orElseThrow();

    assertThat(retry.trigger()).isEqualTo(Trigger.RETRY);
    assertThat(retry.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(retry.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 1));
    assertThat(retry.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 6));
    assertThat(outline(host.events(EventFilter.all().inRun(retry.runId()))))
        .containsExactly(
            "ORG_UNIT dept-60 UPSERT CREATED",
            "ACCOUNT emp-103 UPSERT CREATED",
            "ACCOUNT emp-104 UPSERT CREATED",
            "ACCOUNT emp-105 UPSERT CREATED",
            "ACCOUNT emp-106 UPSERT CREATED",
            "ACCOUNT emp-107 UPSERT CREATED",
            "ACCOUNT emp-200 UPSERT CREATED");
    assertThat(host.events(EventFilter.all().inRun(retry.runId())))
        .extracting(SyncEvent::attempt, SyncEvent::trigger)
        .containsOnly(tuple(2, Trigger.RETRY));
    assertThat(host.retryFailed()).as("nothing is left to retry").isEmpty();
    assertThat(host.executeAdd(hr()).writes()).isZero();
  }

  @Test
  void aUnitFixedByADirectoryChangeBringsAlongTheAccountsItBlocked() {
    fixture.target.failObject("dept-60", ErrorKind.INVALID_DATA, "the name IT is refused");
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.executeAdd(hr());
    fixture.target.clearFault("dept-60");
    fixture.target.clearFault("emp-200");
    DirectorySnapshot renamed =
        hr().toBuilder().updateOrgUnit("dept-60", unit -> unit.withName("Information")).build();

    RunSummary change = host.applyChanges(renamed).run().orElseThrow();

    assertThat(outline(host.events(EventFilter.all().inRun(change.runId()))))
        .as("the failed account waits for a retry; the blocked ones come with their unit")
        .containsExactly(
            "ORG_UNIT dept-60 UPSERT CREATED",
            "ACCOUNT emp-103 UPSERT CREATED",
            "ACCOUNT emp-104 UPSERT CREATED",
            "ACCOUNT emp-105 UPSERT CREATED",
            "ACCOUNT emp-106 UPSERT CREATED",
            "ACCOUNT emp-107 UPSERT CREATED");
    assertThat(host.events(EventFilter.all().inRun(change.runId()).forObject("emp-103")))
        .extracting(SyncEvent::attempt)
        .containsExactly(2);
    assertThat(host.events(EventFilter.all().inRun(change.runId()).forObject("dept-60")))
        .extracting(SyncEvent::attempt)
        .containsExactly(1);
    assertThat(change.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void aFaultThatPersistsCountsItsAttemptsUp() {
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.executeAdd(hr());
    host.retryFailed();

    RunSummary third = host.retryFailed().orElseThrow();

    assertThat(third.status()).isEqualTo(RunStatus.FAILED);
    assertThat(host.events(EventFilter.all().inRun(third.runId())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attempt()).isEqualTo(3);
              assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
              assertThat(e.errorKind()).isEqualTo(ErrorKind.QUOTA);
            });
  }

  @Test
  void retriesOnlyTheObjectsOfTheRunItIsGiven() {
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.executeAdd(hr());
    fixture.target.failObject("emp-300", ErrorKind.INVALID_DATA, "bad name");
    host.applyChanges(
        hr().toBuilder().put(DirectoryDiffTest.person("emp-300", "mchen", "dept-60")).build());
    fixture.target.clearFault("emp-200");
    fixture.target.clearFault("emp-300");

    RunSummary retry = host.retryFailed("run-2").orElseThrow();

    assertThat(outline(host.events(EventFilter.all().inRun(retry.runId()))))
        .containsExactly("ACCOUNT emp-300 UPSERT CREATED");
    assertThat(host.retryFailed("run-2")).isEmpty();
    assertThat(
            outline(host.events(EventFilter.all().inRun(host.retryFailed().orElseThrow().runId()))))
        .containsExactly("ACCOUNT emp-200 UPSERT CREATED");
  }

  @Test
  void refusesToRetryARunThatDoesNotExist() {
    assertThatThrownBy(() -> host.retryFailed("run-42"))
        .isInstanceOf(HostSimulatorException.class)
        .hasMessage(
            "There is no run run-42 in the state folder "
                + host.stateFolder()
                + "; runs() lists them.");
  }

  @Test
  void retriesAFailedRevocation() {
    host.executeAdd(hr());
    fixture.target.failObject("emp-102", ErrorKind.UNAVAILABLE, "the target did not answer");
    host.applyChanges(hr().toBuilder().removeAccount("emp-102").build());
    fixture.target.clearFault("emp-102");

    RunSummary retry = host.retryFailed().orElseThrow();

    assertThat(outline(host.events(EventFilter.all().inRun(retry.runId()))))
        .containsExactly("ACCOUNT emp-102 REVOKE DISABLED");
    assertThat(host.events(EventFilter.all().inRun(retry.runId())).get(0).message())
        .isEqualTo("DELETED_IN_DIRECTORY");
  }

  @Test
  void aRunLevelErrorEndsTheRunFailedWithItsMessage() {
    fixture.target.failRuns(
        0,
        new ConnectorException(
            ErrorKind.AUTHENTICATION,
            "The target refused the API key " + HostFixture.API_KEY + "; check apiKey."));

    RunSummary run = host.executeAdd(hr());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).isEqualTo("The target refused the API key ******; check apiKey.");
    assertThat(run.total()).isZero();
    assertThat(host.lastPushedScope())
        .as("a stopped run does not advance the pushed scope")
        .isEmpty();
  }

  @Test
  void eventsReportedBeforeARunLevelErrorAreKeptAndTheNextRunFinishes() {
    fixture.target.failRuns(
        10, new ConnectorException(ErrorKind.UNAVAILABLE, "The target stopped answering."));

    RunSummary stopped = host.executeAdd(hr());

    assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
    assertThat(stopped.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 10));
    assertThat(host.events(EventFilter.all().inRun(stopped.runId()))).hasSize(10);

    fixture.target.clearRunFailure();
    RunSummary next = host.executeAdd(hr());

    assertThat(next.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 10, Outcome.CREATED, 30));
    assertThat(next.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 107));
  }

  @Test
  void aStoppedAutomaticRunIsSentAgainByTheNextChange() {
    host.executeAdd(hr());
    DirectorySnapshot renamed =
        hr().toBuilder()
            .updateOrgUnit("dept-60", unit -> unit.withName("Information Technology"))
            .build();
    fixture.target.failRuns(0, new ConnectorException(ErrorKind.UNAVAILABLE, "down"));
    host.applyChanges(renamed);
    fixture.target.clearRunFailure();

    ChangeResult again = host.applyChanges(renamed);

    assertThat(outline(host.events(EventFilter.all().inRun(again.run().orElseThrow().runId()))))
        .containsExactly("ORG_UNIT dept-60 UPSERT UPDATED");
  }

  @Test
  void aCancelledRunEndsFailedAndKeepsWhatWasDone() {
    host.close();
    AtomicInteger checks = new AtomicInteger();
    host = fixture.builder().cancellation(() -> checks.incrementAndGet() > 25).open();

    RunSummary run = host.executeAdd(hr());

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error()).isEqualTo("The run was cancelled by the host.");
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 25));
    assertThat(fixture.target.departments()).hasSize(26);
  }

  @Test
  void scrubsSecretsFromEventMessages() {
    fixture.target.failObject(
        "emp-200", ErrorKind.INVALID_DATA, "refused {\"apiKey\":\"" + HostFixture.API_KEY + "\"}");

    host.executeAdd(hr());

    assertThat(host.events(EventFilter.all().problemsOnly()))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("refused {\"apiKey\":\"******\"}"));
  }
}
