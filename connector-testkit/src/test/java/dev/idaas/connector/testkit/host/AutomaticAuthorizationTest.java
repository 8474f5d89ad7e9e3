package dev.idaas.connector.testkit.host;

import static dev.idaas.connector.testkit.host.HostFixture.hr;
import static dev.idaas.connector.testkit.host.HostFixture.outline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncMode;
import dev.idaas.connector.api.Trigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomaticAuthorizationTest {

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

  /**
   * IT renamed, Public Relations moved to London, Treasury deleted; one hire, one leave, one left.
   */
  private static DirectorySnapshot changedHr() {
    return hr().toBuilder()
        .updateOrgUnit("dept-60", unit -> unit.withName("Information Technology"))
        .updateOrgUnit("dept-70", unit -> unit.withParent("city-2400"))
        .removeOrgUnit("dept-120")
        .put(
            new Account(
                "emp-300",
                "mchen",
                "MCHEN@example.com",
                "Mei Chen",
                null,
                "300",
                "Programmer",
                List.of("dept-60"),
                AccountStatus.ACTIVE,
                Map.of()))
        .updateAccount("emp-101", a -> a.withStatus(AccountStatus.DISABLED))
        .removeAccount("emp-102")
        .build();
  }

  @Test
  void pushesExactlyTheDirectoryChangesInTheSpiOrder() {
    host.executeAdd(hr());

    ChangeResult result = host.applyChanges(changedHr());

    assertThat(result.isPending()).isFalse();
    RunSummary run = result.run().orElseThrow();
    assertThat(run.trigger()).isEqualTo(Trigger.AUTOMATIC);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.orgUnitCounts())
        .isEqualTo(Map.of(Outcome.UPDATED, 1, Outcome.MOVED, 1, Outcome.DELETED, 1));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.DISABLED, 2));
    assertThat(outline(host.events(EventFilter.all().inRun(run.runId()))))
        .containsExactly(
            "ORG_UNIT dept-60 UPSERT UPDATED",
            "ORG_UNIT dept-70 UPSERT MOVED",
            "ACCOUNT emp-101 DISABLE DISABLED",
            "ACCOUNT emp-300 UPSERT CREATED",
            "ACCOUNT emp-102 REVOKE DISABLED",
            "ORG_UNIT dept-120 REVOKE DELETED");
  }

  @Test
  void aPreviewOfTheChangesPredictsTheirEventsAndWritesNothing() {
    host.executeAdd(hr());
    int writes = fixture.target.writes();

    RunSummary preview = host.previewChanges(changedHr());

    assertThat(preview.trigger()).isEqualTo(Trigger.PREVIEW);
    assertThat(outline(host.events(EventFilter.all().inRun(preview.runId()))))
        .containsExactly(
            "ORG_UNIT dept-60 UPSERT UPDATED",
            "ORG_UNIT dept-70 UPSERT MOVED",
            "ACCOUNT emp-101 DISABLE DISABLED",
            "ACCOUNT emp-300 UPSERT CREATED",
            "ACCOUNT emp-102 REVOKE DISABLED",
            "ORG_UNIT dept-120 REVOKE DELETED");
    assertThat(fixture.target.writes()).isEqualTo(writes);
    assertThat(host.links().targetId(ObjectType.ORG_UNIT, "dept-120")).isPresent();
    assertThat(host.links().targetId(ObjectType.ACCOUNT, "emp-300")).isEmpty();
    assertThat(host.pendingChanges(changedHr()).size()).as("still to push").isEqualTo(6);
  }

  @Test
  void sendsAnIncrementalChangeSetWithTheReasonOfEachRemoval() {
    host.executeAdd(hr());

    ChangeSet changes = host.applyChanges(changedHr()).changes();

    assertThat(changes.mode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(changes.orgUnitUpserts())
        .extracting(OrgUnit::id)
        .containsExactly("dept-60", "dept-70");
    assertThat(changes.accountUpserts())
        .extracting(Account::id)
        .containsExactly("emp-101", "emp-300");
    assertThat(changes.orgUnitRemovals())
        .containsExactly(new Removal("dept-120", "Treasury", Removal.Reason.DELETED_IN_DIRECTORY));
    assertThat(changes.accountRemovals())
        .containsExactly(
            new Removal("emp-102", "LGARCIA@example.com", Removal.Reason.DELETED_IN_DIRECTORY));
    assertThat(changes.diff().summary())
        .isEqualTo(
            "org units: 1 renamed, 1 moved, 1 removed; accounts: 1 added, 1 disabled, 1 removed");
  }

  @Test
  void changesLandInTheTargetAndAFullPushAfterwardsWritesNothing() {
    host.executeAdd(hr());
    host.applyChanges(changedHr());
    int writes = fixture.target.writes();

    RunSummary full = host.executeAdd(changedHr());

    String pr = host.links().targetId(ObjectType.ORG_UNIT, "dept-70").orElseThrow();
    assertThat(fixture.target.pathOf(pr))
        .isEqualTo(
            "Europe/United Kingdom of Great Britain and Northern Ireland/London/Public Relations");
    assertThat(fixture.target.mailbox("nyang@example.com").orElseThrow().frozen()).isTrue();
    assertThat(fixture.target.mailbox("lgarcia@example.com").orElseThrow().frozen()).isTrue();
    assertThat(host.links().targetId(ObjectType.ORG_UNIT, "dept-120")).isEmpty();
    assertThat(full.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 39));
    assertThat(full.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(full.writes()).isZero();
    assertThat(fixture.target.writes()).isEqualTo(writes);
  }

  @Test
  void enablesTheSameMailboxWhenAnAccountIsActiveAgain() {
    host.executeAdd(hr());
    host.applyChanges(
        hr().toBuilder()
            .updateAccount("emp-101", a -> a.withStatus(AccountStatus.DISABLED))
            .build());

    ChangeResult result = host.applyChanges(hr());

    RunSummary run = result.run().orElseThrow();
    assertThat(outline(host.events(EventFilter.all().inRun(run.runId()))))
        .containsExactly("ACCOUNT emp-101 ENABLE ENABLED");
    assertThat(fixture.target.mailbox("NYANG@example.com").orElseThrow().frozen()).isFalse();
    assertThat(result.changes().diff().enabledAccounts()).hasSize(1);
  }

  @Test
  void anUnchangedDirectoryStartsNoRun() {
    host.executeAdd(hr());

    ChangeResult result = host.applyChanges(hr());

    assertThat(result.run()).isEmpty();
    assertThat(result.isPending()).isFalse();
    assertThat(result.changes().isEmpty()).isTrue();
    assertThat(host.runs()).hasSize(1);
  }

  @Test
  void withAutomaticAuthorizationOffChangesStayPendingUntilExecuteAdd() {
    host.changeScope(AuthorizationPolicy.wholeDirectory().withAutomaticAuthorization(false));
    host.executeAdd(hr());
    int writes = fixture.target.writes();

    ChangeResult result = host.applyChanges(changedHr());

    assertThat(result.isPending()).isTrue();
    assertThat(result.run()).isEmpty();
    assertThat(result.pendingReason())
        .contains(
            "automatic authorization is off; Execute Add, or switching it on, pushes these"
                + " changes");
    assertThat(result.changes().size()).isEqualTo(6);
    assertThat(fixture.target.writes()).isEqualTo(writes);

    RunSummary add = host.executeAdd(changedHr());

    assertThat(add.orgUnitCounts())
        .isEqualTo(
            Map.of(
                Outcome.UPDATED, 1, Outcome.MOVED, 1, Outcome.UNCHANGED, 37, Outcome.DELETED, 1));
    assertThat(add.accountCounts())
        .isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.DISABLED, 2, Outcome.UNCHANGED, 105));
  }

  @Test
  void switchingAutomaticAuthorizationOnPushesWhatWasPending() {
    host.changeScope(AuthorizationPolicy.wholeDirectory().withAutomaticAuthorization(false));
    host.executeAdd(hr());
    host.applyChanges(changedHr());

    ChangeResult result = host.changeScope(AuthorizationPolicy.wholeDirectory());

    assertThat(result.run().orElseThrow().status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.run().orElseThrow().writes()).isEqualTo(6);
  }

  @Test
  void changesBeforeTheFirstExecuteAddArePending() {
    ChangeResult result = host.applyChanges(hr());

    assertThat(result.isPending()).isTrue();
    assertThat(result.pendingReason())
        .contains(
            "nothing has been pushed to this application yet; Execute Add pushes the whole scope");
    assertThat(result.changes().orgUnitUpserts()).hasSize(40);
    assertThat(fixture.target.writes()).isZero();
  }

  @Test
  void narrowingTheScopeRevokesWhatLeftItAndMovesNewTopUnitsToTheRoot() {
    host.executeAdd(hr());

    ChangeResult result =
        host.changeScope(
            AuthorizationPolicy.wholeDirectory().withOrgScope("region-20", "country-GB"));

    RunSummary run = result.run().orElseThrow();
    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(outline(host.events(EventFilter.all().inRun(run.runId()))))
        .containsExactly(
            "ORG_UNIT country-GB UPSERT MOVED",
            "ACCOUNT emp-178 REVOKE DISABLED",
            "ACCOUNT emp-204 REVOKE DISABLED",
            "ORG_UNIT dept-70 REVOKE DELETED",
            "ORG_UNIT city-2700 REVOKE DELETED",
            "ORG_UNIT country-DE REVOKE DELETED",
            "ORG_UNIT region-10 REVOKE DELETED");
    assertThat(host.events(EventFilter.all().inRun(run.runId()).forObject("emp-204")))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("OUT_OF_SCOPE"));
    assertThat(result.changes().accountRemovals())
        .extracting(Removal::reason)
        .containsOnly(Removal.Reason.OUT_OF_SCOPE);
    String gb = host.links().targetId(ObjectType.ORG_UNIT, "country-GB").orElseThrow();
    assertThat(fixture.target.pathOf(gb))
        .isEqualTo("United Kingdom of Great Britain and Northern Ireland");
    assertThat(fixture.target.mailbox("HBROWN@example.com").orElseThrow().frozen()).isTrue();
  }

  @Test
  void wideningTheScopeAgainBringsBackTheSameMailboxes() {
    host.executeAdd(hr());
    host.changeScope(AuthorizationPolicy.wholeDirectory().withOrgScope("region-20", "country-GB"));

    RunSummary run = host.changeScope(AuthorizationPolicy.wholeDirectory()).run().orElseThrow();

    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 4, Outcome.MOVED, 1));
    assertThat(
            outline(host.events(EventFilter.all().inRun(run.runId()).ofType(ObjectType.ACCOUNT))))
        .containsExactly("ACCOUNT emp-178 ENABLE ENABLED", "ACCOUNT emp-204 ENABLE ENABLED");
    assertThat(fixture.target.mailboxes()).hasSize(107);
  }

  @Test
  void aScopeNarrowedWhileNothingIsPushedAutomaticallyIsRevokedByExecuteAdd() {
    host.executeAdd(hr());
    host.changeScope(
        AuthorizationPolicy.wholeDirectory()
            .withOrgScope("region-20", "country-GB")
            .withAutomaticAuthorization(false));

    RunSummary add = host.executeAdd(hr());

    assertThat(add.orgUnitCounts())
        .isEqualTo(Map.of(Outcome.MOVED, 1, Outcome.UNCHANGED, 35, Outcome.DELETED, 4));
    assertThat(add.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 105, Outcome.DISABLED, 2));
    assertThat(host.executeAdd(hr()).writes()).as("revoked objects are not revoked again").isZero();
  }
}
