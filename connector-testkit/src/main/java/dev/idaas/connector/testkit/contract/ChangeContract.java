package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.ADOPT_NEVER_DUPLICATE;
import static dev.idaas.connector.testkit.contract.BehaviourRule.DISABLED_ACCOUNTS;
import static dev.idaas.connector.testkit.contract.BehaviourRule.ONE_EVENT_PER_OBJECT;
import static dev.idaas.connector.testkit.contract.BehaviourRule.REVOCATION_DISABLES;
import static dev.idaas.connector.testkit.contract.BehaviourRule.SAFE_ORDER;
import static dev.idaas.connector.testkit.contract.ContractDirectory.EMEA;
import static dev.idaas.connector.testkit.contract.ContractDirectory.KERNEL;
import static dev.idaas.connector.testkit.contract.ContractDirectory.LI_NA;
import static dev.idaas.connector.testkit.contract.ContractDirectory.PLATFORM;
import static dev.idaas.connector.testkit.contract.ContractDirectory.QUALITY;
import static dev.idaas.connector.testkit.contract.ContractDirectory.SALES;
import static dev.idaas.connector.testkit.contract.ContractDirectory.WANG_WU;
import static dev.idaas.connector.testkit.contract.ContractDirectory.WU_HAO;
import static dev.idaas.connector.testkit.contract.ContractDirectory.ZHOU_YAN;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The checks on incremental pushes after Execute Add: renames, moves, deletions, and the status of
 * accounts.
 */
final class ChangeContract {

  private final ContractFixture fixture;
  private final PushContract push;

  ChangeContract(ContractFixture fixture) {
    this.fixture = fixture;
    this.push = new PushContract(fixture);
  }

  void renamesAUnitInPlace() {
    Pushed pushed = pushTree();
    String before = pushed.departmentOf(PLATFORM);
    DirectorySnapshot renamed =
        pushed.tree().toBuilder()
            .updateOrgUnit(PLATFORM, unit -> unit.withName("Platform Services"))
            .build();

    RunSummary run = pushed.host().push(renamed);

    String situation = "renaming Platform to Platform Services after Execute Add";
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, PLATFORM, Outcome.UPDATED);
    requireSameDepartment(situation, before, "Engineering/Platform Services");
    push.requireTarget(situation, renamed);
  }

  void movesAUnitUnderAnotherParent() {
    Pushed pushed = pushTree();
    String before = pushed.departmentOf(QUALITY);
    DirectorySnapshot moved =
        pushed.tree().toBuilder().updateOrgUnit(QUALITY, unit -> unit.withParent(SALES)).build();

    RunSummary run = pushed.host().push(moved);

    String situation = "moving Quality (with its member) from Engineering to Sales";
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, QUALITY, Outcome.MOVED);
    requireSameDepartment(situation, before, "Sales/Quality");
    push.requireTarget(situation, moved);
  }

  void swapsAParentAndItsChild() {
    Pushed pushed = pushTree();
    String sales = pushed.departmentOf(SALES);
    String emea = pushed.departmentOf(EMEA);
    DirectorySnapshot swapped =
        pushed.tree().toBuilder()
            .updateOrgUnit(SALES, unit -> unit.withParent(EMEA))
            .updateOrgUnit(EMEA, unit -> unit.withParent(null))
            .build();

    RunSummary run = pushed.host().push(swapped);

    String situation = "swapping Sales and its child EMEA, so EMEA is on top and Sales under it";
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, EMEA, Outcome.MOVED);
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, SALES, Outcome.MOVED);
    requireSameDepartment(situation, emea, "EMEA");
    requireSameDepartment(situation, sales, "EMEA/Sales");
    push.requireTarget(situation, swapped);
  }

  void deletesUnitsLeavesFirst() {
    Pushed pushed = pushTree();
    DirectorySnapshot deleted =
        pushed.tree().toBuilder()
            .updateAccount(LI_NA, a -> a.withOrgUnits(List.of(QUALITY)))
            .updateAccount(WANG_WU, a -> a.withOrgUnits(List.of(QUALITY)))
            .removeOrgUnit(PLATFORM)
            .removeOrgUnit(KERNEL)
            .build();

    RunSummary run = pushed.host().push(deleted);

    String situation =
        "deleting Platform and its child Kernel (sent parent first) after moving their members to"
            + " Quality";
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, KERNEL, Outcome.DELETED);
    requireOutcome(situation, pushed.host(), run, ObjectType.ORG_UNIT, PLATFORM, Outcome.DELETED);
    PushContract.requireRun(
        situation, run, RunStatus.SUCCESS, Map.of(Outcome.DELETED, 2), Map.of(Outcome.MOVED, 2));
    push.requireTarget(situation, deleted);
  }

  void movesAnAccountToAnotherUnit() {
    Pushed pushed = pushTree();
    DirectorySnapshot moved =
        pushed.tree().toBuilder().updateAccount(LI_NA, a -> a.withOrgUnits(List.of(SALES))).build();

    RunSummary run = pushed.host().push(moved);

    String situation = "moving li.na from Kernel to Sales";
    requireOutcome(situation, pushed.host(), run, ObjectType.ACCOUNT, LI_NA, Outcome.MOVED);
    push.requireTarget(situation, moved);
  }

  void disablesAnAccountDisabledInTheDirectory() {
    Pushed pushed = pushTree();
    DirectorySnapshot disabled = withStatus(pushed.tree(), WU_HAO, AccountStatus.DISABLED);

    RunSummary run = pushed.host().push(disabled);

    String situation = "disabling wu.hao in the directory after Execute Add";
    requireOutcome(situation, pushed.host(), run, ObjectType.ACCOUNT, WU_HAO, Outcome.DISABLED);
    requireAccount(situation, pushed.email(WU_HAO), "Sales/EMEA", false);
  }

  void enablesTheSameAccountAgain() {
    Pushed pushed = pushTree();
    pushed.host().push(withStatus(pushed.tree(), WU_HAO, AccountStatus.DISABLED));

    RunSummary run = pushed.host().push(pushed.tree());

    String situation = "enabling wu.hao again after it was disabled";
    requireOutcome(situation, pushed.host(), run, ObjectType.ACCOUNT, WU_HAO, Outcome.ENABLED);
    requireAccount(situation, pushed.email(WU_HAO), "Sales/EMEA", true);
  }

  void revocationDisablesTheAccountAndKeepsIt() {
    Pushed pushed = pushTree();
    DirectorySnapshot without = pushed.tree().toBuilder().removeAccount(ZHOU_YAN).build();

    RunSummary run = pushed.host().push(without);

    String situation =
        "deleting zhou.yan in the directory after Execute Add, with the default revocation policy";
    SyncEvent event = pushed.host().event(run, ObjectType.ACCOUNT, ZHOU_YAN, situation);
    List<TargetAccount> left = fixture.view().accounts(pushed.email(ZHOU_YAN));
    ContractAssertions.check(
        REVOCATION_DISABLES,
        event.outcome() == Outcome.DISABLED && left.size() == 1 && !left.get(0).enabled(),
        situation,
        "the event REVOKE DISABLED, and the account still in the target, disabled",
        () ->
            "the event "
                + ContractHost.describe(event)
                + "; in the target: "
                + (left.isEmpty()
                    ? "the account is gone"
                    : left.stream().map(fixture.view()::line).toList()));
  }

  void neverCreatesAnAccountDisabledInTheDirectory() {
    ContractHost host = fixture.host();
    Account disabled =
        fixture
            .directory()
            .account("a-he-ping", "he.ping", "He Ping", SALES)
            .withStatus(AccountStatus.DISABLED);
    DirectorySnapshot tree = fixture.directory().tree().toBuilder().put(disabled).build();

    RunSummary run = host.executeAdd(tree);

    String situation = "Execute Add of the small directory plus he.ping, disabled and never pushed";
    SyncEvent event = host.event(run, ObjectType.ACCOUNT, "a-he-ping", situation);
    ContractAssertions.check(
        DISABLED_ACCOUNTS,
        event.outcome() == Outcome.SKIPPED,
        situation,
        "the event of a-he-ping SKIPPED",
        () -> "the event " + ContractHost.describe(event));
    int found = fixture.view().accounts(disabled.email()).size();
    ContractAssertions.check(
        DISABLED_ACCOUNTS,
        found == 0,
        situation,
        "no account he.ping in the target",
        () -> found + " accounts he.ping in the target");
    PushContract.requireRun(
        situation,
        run,
        RunStatus.SUCCESS,
        Map.of(Outcome.CREATED, 6),
        Map.of(Outcome.CREATED, 8, Outcome.SKIPPED, 1));
  }

  /** The small directory pushed by Execute Add, and the host that pushed it. */
  record Pushed(ContractHost host, DirectorySnapshot tree, TargetView view) {

    /** The target id of the department a unit's path leads to after Execute Add. */
    String departmentOf(String unitId) {
      List<TargetDepartment> at = view.departmentsAt(ContractDirectory.pathOf(tree, unitId));
      return at.isEmpty() ? "(none)" : at.get(0).id();
    }

    String email(String accountId) {
      return tree.account(accountId).orElseThrow().email();
    }
  }

  private Pushed pushTree() {
    ContractHost host = fixture.host();
    DirectorySnapshot tree = fixture.directory().tree();
    RunSummary run = host.executeAdd(tree);
    PushContract.requireRun(
        "Execute Add of the small directory, before the change under test",
        run,
        RunStatus.SUCCESS,
        Map.of(Outcome.CREATED, 6),
        Map.of(Outcome.CREATED, 8));
    return new Pushed(host, tree, fixture.view());
  }

  private static DirectorySnapshot withStatus(
      DirectorySnapshot tree, String accountId, AccountStatus status) {
    UnaryOperator<Account> change = account -> account.withStatus(status);
    return tree.toBuilder().updateAccount(accountId, change).build();
  }

  private void requireOutcome(
      String situation,
      ContractHost host,
      RunSummary run,
      ObjectType type,
      String hostId,
      Outcome expected) {
    SyncEvent event = host.event(run, type, hostId, situation);
    ContractAssertions.check(
        ruleFor(expected),
        event.outcome() == expected,
        situation,
        "the event of " + type + " " + hostId + " " + expected,
        () ->
            "the event "
                + ContractHost.describe(event)
                + "; run "
                + ContractHost.describe(run)
                + "; its events:\n"
                + ContractHost.outline(host.events(run)));
  }

  private static BehaviourRule ruleFor(Outcome expected) {
    return switch (expected) {
      case MOVED, DELETED -> SAFE_ORDER;
      case DISABLED, ENABLED -> DISABLED_ACCOUNTS;
      default -> ONE_EVENT_PER_OBJECT;
    };
  }

  /** Fails unless the department made for a unit is still the same one, now at {@code path}. */
  private void requireSameDepartment(String situation, String departmentId, String path) {
    TargetView now = fixture.view();
    ContractAssertions.check(
        ADOPT_NEVER_DUPLICATE,
        now.department(departmentId).map(d -> now.pathOf(d.id()).equals(path)).orElse(false),
        situation,
        "the same department " + departmentId + ", changed in place, now at " + path,
        () ->
            now.department(departmentId).isEmpty()
                ? "department " + departmentId + " is gone; the target now:\n" + now.describe()
                : "department " + departmentId + " is at " + now.pathOf(departmentId));
  }

  /** Fails unless the target holds exactly one account with this e-mail, as given. */
  private void requireAccount(String situation, String email, String path, boolean enabled) {
    TargetView now = fixture.view();
    List<String> lines = now.accounts(email).stream().map(now::line).toList();
    ContractAssertions.same(
        DISABLED_ACCOUNTS,
        situation,
        List.of(TargetView.accountLine(email, path, enabled)).toString(),
        lines.toString());
  }
}
