package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.BLOCKED_NOT_MISPLACED;
import static dev.idaas.connector.testkit.contract.BehaviourRule.HONEST_PREVIEWS;
import static dev.idaas.connector.testkit.contract.BehaviourRule.IDEMPOTENT_PUSHES;
import static dev.idaas.connector.testkit.contract.BehaviourRule.ONE_EVENT_PER_OBJECT;
import static dev.idaas.connector.testkit.contract.BehaviourRule.SAFE_ORDER;

import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The checks on full pushes: Execute Add, its repetition and its preview. */
final class PushContract {

  private final ContractFixture fixture;

  PushContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void executeAddCreatesExactlyTheTreeAndItsAccounts() {
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();

    RunSummary run = host.executeAdd(tree);

    String situation = "Execute Add of the small directory into an empty target";
    requireRun(situation, run, RunStatus.SUCCESS, created(6), created(8));
    requireTarget(situation, tree);
  }

  void aSecondExecuteAddWritesNothing() {
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();
    host.executeAdd(tree);
    long writesBefore = fixture.target().writes();

    RunSummary second = host.executeAdd(tree);

    String situation = "a second Execute Add of the same directory";
    long targetWrites = fixture.target().writes() - writesBefore;
    ContractAssertions.check(
        IDEMPOTENT_PUSHES,
        second.writes() == 0 && targetWrites == 0,
        situation,
        "0 objects written (RunSummary.writes()) and 0 writes counted by the target",
        () ->
            second.writes()
                + " objects written and "
                + targetWrites
                + " writes counted by the target; its events:\n"
                + ContractHost.outline(host.events(second)));
    requireRun(
        situation,
        second,
        RunStatus.SUCCESS,
        Map.of(Outcome.UNCHANGED, 6),
        Map.of(Outcome.UNCHANGED, 8));
    requireTarget(situation, tree);
  }

  void previewOfExecuteAddWritesNothingAndPredictsTheRun() {
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();
    Written before = written();

    RunSummary preview = host.preview(tree);

    String situation = "a preview of Execute Add of the small directory";
    requireNothingWritten(situation, before);
    RunSummary run = host.executeAdd(tree);
    requireSamePrediction(situation, host, preview, run);
  }

  void previewOfChangesWritesNothingAndPredictsTheRun() {
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();
    host.executeAdd(tree);
    DirectorySnapshot changed =
        tree.toBuilder()
            .updateOrgUnit(ContractDirectory.QUALITY, unit -> unit.withName("Quality Assurance"))
            .updateAccount(
                ContractDirectory.LI_NA, a -> a.withOrgUnits(List.of(ContractDirectory.PLATFORM)))
            .build();
    Written before = written();

    RunSummary preview = host.previewChanges(changed);

    String situation = "a preview of renaming Quality and moving li.na to Platform";
    requireNothingWritten(situation, before);
    RunSummary run = host.push(changed);
    requireSamePrediction(situation, host, preview, run);
  }

  /** The target's write count and content at one moment. */
  private record Written(long writes, String content) {}

  private Written written() {
    return new Written(fixture.target().writes(), fixture.view().describe());
  }

  private void requireNothingWritten(String situation, Written before) {
    Written now = written();
    ContractAssertions.check(
        HONEST_PREVIEWS,
        now.equals(before),
        situation,
        "0 writes counted by the target, and the target as it was:\n" + before.content(),
        () ->
            (now.writes() - before.writes())
                + " writes counted by the target; the target now:\n"
                + now.content());
  }

  private static void requireSamePrediction(
      String situation, ContractHost host, RunSummary preview, RunSummary run) {
    ContractAssertions.sameElements(
        HONEST_PREVIEWS,
        situation + ", then the same push for real: the preview's events against the run's",
        host.events(preview).stream().map(ContractHost::brief).toList(),
        host.events(run).stream().map(ContractHost::brief).toList());
  }

  static Map<Outcome, Integer> created(int count) {
    return Map.of(Outcome.CREATED, count);
  }

  /** Fails unless the run ended with this status and exactly these counts. */
  static void requireRun(
      String situation,
      RunSummary run,
      RunStatus status,
      Map<Outcome, Integer> orgUnits,
      Map<Outcome, Integer> accounts) {
    Map<Outcome, Integer> units = run.counts(ObjectType.ORG_UNIT);
    Map<Outcome, Integer> members = run.counts(ObjectType.ACCOUNT);
    ContractAssertions.check(
        ONE_EVENT_PER_OBJECT,
        run.status() == status && units.equals(orgUnits) && members.equals(accounts),
        situation,
        "status " + status + ", org units " + sorted(orgUnits) + ", accounts " + sorted(accounts),
        () ->
            "status "
                + run.status()
                + ", org units "
                + sorted(units)
                + ", accounts "
                + sorted(members)
                + (run.error() == null ? "" : "; run-level error: " + run.error()));
  }

  /** Counts in the order of {@link Outcome}, so expected and actual read alike. */
  private static String sorted(Map<Outcome, Integer> counts) {
    return counts.isEmpty() ? "{}" : new EnumMap<>(counts).toString();
  }

  /** Fails unless the target holds exactly the directory's tree and accounts, besides its own. */
  void requireTarget(String situation, DirectorySnapshot directory) {
    TargetView now = fixture.view();
    ContractAssertions.sameElements(
        SAFE_ORDER,
        situation + ": the departments the target gained, by path",
        ContractDirectory.departmentPaths(directory),
        now.newDepartmentPaths(fixture.baseline()));
    ContractAssertions.sameElements(
        BLOCKED_NOT_MISPLACED,
        situation + ": the accounts the target gained, each in its primary unit (no unit: root)",
        ContractDirectory.accountLines(directory),
        now.newAccountLines(fixture.baseline()));
  }
}
