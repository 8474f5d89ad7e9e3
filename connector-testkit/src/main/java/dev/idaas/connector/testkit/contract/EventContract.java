package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.BAD_TREES;
import static dev.idaas.connector.testkit.contract.BehaviourRule.BLOCKED_NOT_MISPLACED;
import static dev.idaas.connector.testkit.contract.BehaviourRule.ONE_EVENT_PER_OBJECT;
import static dev.idaas.connector.testkit.contract.ContractDirectory.GHOST;
import static dev.idaas.connector.testkit.contract.ContractDirectory.GHOST_USER;
import static dev.idaas.connector.testkit.contract.ContractDirectory.MISSING;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/** The checks on what a connector reports: one event per object, and honest run statuses. */
final class EventContract {

  private final ContractFixture fixture;
  private final PushContract push;

  EventContract(ContractFixture fixture) {
    this.fixture = fixture;
    this.push = new PushContract(fixture);
  }

  void reportsOneEventPerObjectWithItsOutcome() {
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();

    RunSummary run = host.executeAdd(tree);

    String situation = "Execute Add of the small directory into an empty target";
    List<SyncEvent> events = host.events(run);
    ContractAssertions.sameElements(
        ONE_EVENT_PER_OBJECT,
        situation + ": its events",
        expectedEvents(tree, Outcome.CREATED),
        events.stream().map(ContractHost::brief).toList());
    for (SyncEvent event : events) {
      String expectedKey = displayKeyOf(tree, event);
      ContractAssertions.check(
          ONE_EVENT_PER_OBJECT,
          event.targetId() != null && event.displayKey().equalsIgnoreCase(expectedKey),
          situation,
          "the event of " + event.hostId() + " with a target id and the display key " + expectedKey,
          () -> "target id " + event.targetId() + ", display key " + event.displayKey());
    }
    requireHonestResults(situation);
  }

  void reportsAPartialRunWhenAUnitCannotBePlaced() {
    DirectorySnapshot tree = fixture.directory().withGhost(fixture.directory().tree());
    ContractHost host = fixture.host();

    RunSummary run = host.executeAdd(tree);

    String situation =
        "Execute Add of the small directory plus unit "
            + GHOST
            + " whose parent "
            + MISSING
            + " does not exist, and its member "
            + GHOST_USER;
    List<SyncEvent> events = host.events(run);
    ContractAssertions.sameElements(
        ONE_EVENT_PER_OBJECT,
        situation + ": the objects its events are about",
        objects(tree),
        events.stream().map(e -> e.objectType() + " " + e.hostId()).toList());
    ContractAssertions.check(
        ONE_EVENT_PER_OBJECT,
        run.status() == RunStatus.PARTIAL && run.problems() == 2,
        situation,
        "status PARTIAL with 2 problems (" + GHOST + " and " + GHOST_USER + ")",
        () ->
            "status "
                + run.status()
                + " with "
                + run.problems()
                + " problems; events:\n"
                + ContractHost.outline(events));
    requireHonestResults(situation);

    SyncEvent unit = host.event(run, ObjectType.ORG_UNIT, GHOST, situation);
    ContractAssertions.check(
        BAD_TREES,
        unit.outcome().isProblem() && String.valueOf(unit.message()).contains(MISSING),
        situation,
        "the event of " + GHOST + " BLOCKED or FAILED, its message naming the missing " + MISSING,
        () -> "the event " + ContractHost.describe(unit));
    SyncEvent member = host.event(run, ObjectType.ACCOUNT, GHOST_USER, situation);
    ContractAssertions.check(
        BLOCKED_NOT_MISPLACED,
        member.outcome() == Outcome.BLOCKED && String.valueOf(member.message()).contains(GHOST),
        situation,
        "the event of " + GHOST_USER + " BLOCKED, its message naming its unit " + GHOST,
        () -> "the event " + ContractHost.describe(member));
    push.requireTarget(situation, fixture.directory().tree());
  }

  void takesUpBlockedObjectsInTheNextRun() {
    DirectorySnapshot broken = fixture.directory().withGhost(fixture.directory().tree());
    ContractHost host = fixture.host();
    host.executeAdd(broken);
    DirectorySnapshot repaired =
        broken.toBuilder().put(OrgUnit.of(MISSING, null, "Recovered", 3)).build();

    RunSummary run = host.executeAdd(repaired);

    String situation =
        "Execute Add again after the missing parent " + MISSING + " was added to the directory";
    List<String> expected =
        new ArrayList<>(expectedEvents(fixture.directory().tree(), Outcome.UNCHANGED));
    expected.add("ORG_UNIT " + MISSING + " UPSERT CREATED");
    expected.add("ORG_UNIT " + GHOST + " UPSERT CREATED");
    expected.add("ACCOUNT " + GHOST_USER + " UPSERT CREATED");
    ContractAssertions.sameElements(
        ONE_EVENT_PER_OBJECT,
        situation + ": its events",
        expected,
        host.events(run).stream().map(ContractHost::brief).toList());
    push.requireTarget(situation, repaired);
  }

  /**
   * Fails unless each of the connector's own results agrees with what it reported during the call:
   * the same counts, and PARTIAL (or FAILED) whenever an object failed or was blocked.
   */
  private void requireHonestResults(String situation) {
    for (RecordingProvider.Call call : fixture.calls()) {
      SyncResult.Tally tally = SyncResult.tally();
      call.reported().forEach(tally::add);
      SyncResult expected = tally.result();
      SyncResult actual = call.result();
      ContractAssertions.check(
          ONE_EVENT_PER_OBJECT,
          actual != null
              && actual.status() == expected.status()
              && actual.counts().equals(expected.counts()),
          situation,
          call.method()
              + " returning status "
              + expected.status()
              + " with "
              + counts(expected)
              + ", as the results it reported",
          () ->
              actual == null
                  ? "it returned null"
                  : "status " + actual.status() + " with " + counts(actual));
    }
  }

  private static String counts(SyncResult result) {
    return new EnumMap<Outcome, Integer>(result.counts()).toString();
  }

  /** {@code TYPE hostId UPSERT outcome} for every object of a directory. */
  static List<String> expectedEvents(DirectorySnapshot directory, Outcome outcome) {
    List<String> lines = new ArrayList<>();
    directory
        .orgUnits()
        .forEach(u -> lines.add("ORG_UNIT " + u.id() + " " + Operation.UPSERT + " " + outcome));
    directory
        .accounts()
        .forEach(a -> lines.add("ACCOUNT " + a.id() + " " + Operation.UPSERT + " " + outcome));
    return lines;
  }

  private static List<String> objects(DirectorySnapshot directory) {
    List<String> lines = new ArrayList<>();
    directory.orgUnits().forEach(u -> lines.add("ORG_UNIT " + u.id()));
    directory.accounts().forEach(a -> lines.add("ACCOUNT " + a.id()));
    return lines;
  }

  private static String displayKeyOf(DirectorySnapshot directory, SyncEvent event) {
    return event.objectType() == ObjectType.ORG_UNIT
        ? directory.orgUnit(event.hostId()).map(OrgUnit::name).orElse("?")
        : directory.account(event.hostId()).map(Account::email).orElse("?");
  }
}
