package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.ADOPT_NEVER_DUPLICATE;
import static dev.idaas.connector.testkit.contract.BehaviourRule.HANDS_OFF;
import static dev.idaas.connector.testkit.contract.ContractDirectory.ENGINEERING;
import static dev.idaas.connector.testkit.contract.ContractDirectory.LI_NA;
import static dev.idaas.connector.testkit.contract.ContractDirectory.SUN_LI;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.List;

/** The checks on objects the target already had before the connector came. */
final class AdoptionContract {

  private final ContractFixture fixture;

  AdoptionContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void adoptsADepartmentWithTheSameNameUnderTheSameParent() {
    ContractTarget target = fixture.target();
    String handMade = target.createDepartment(target.rootDepartmentId(), "Engineering");
    TargetView before = fixture.view();
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();

    RunSummary run = host.executeAdd(tree);

    String situation = "Execute Add after an administrator made Engineering by hand under the root";
    SyncEvent event = host.event(run, ObjectType.ORG_UNIT, ENGINEERING, situation);
    TargetView now = fixture.view();
    List<String> ids = now.departmentsAt("Engineering").stream().map(TargetDepartment::id).toList();
    ContractAssertions.check(
        ADOPT_NEVER_DUPLICATE,
        ids.equals(List.of(handMade)) && event.outcome() == Outcome.LINKED,
        situation,
        "the hand-made department "
            + handMade
            + " adopted: the only one at Engineering, event LINKED",
        () -> "departments at Engineering: " + ids + "; the event " + ContractHost.describe(event));
    ContractAssertions.sameElements(
        ADOPT_NEVER_DUPLICATE,
        situation + ": the departments the target gained besides the hand-made one",
        ContractDirectory.departmentPaths(tree).stream()
            .filter(path -> !path.equals("Engineering"))
            .toList(),
        now.newDepartmentPaths(before));
  }

  void adoptsAnAccountWithTheSameKeyInAnotherCase() {
    ContractTarget target = fixture.target();
    String handMade = fixture.directory().email("LI.NA");
    target.createAccount(handMade, "Li Na", target.rootDepartmentId());
    String inDirectory = fixture.directory().email("Li.Na");
    DirectorySnapshot tree =
        fixture.directory().tree().toBuilder()
            .updateAccount(LI_NA, account -> withEmail(account, inDirectory))
            .build();
    ContractHost host = fixture.host();

    RunSummary run = host.executeAdd(tree);

    String situation =
        "Execute Add of " + inDirectory + " after an administrator made " + handMade + " by hand";
    SyncEvent event = host.event(run, ObjectType.ACCOUNT, LI_NA, situation);
    TargetView now = fixture.view();
    String key = fixture.directory().email("li.na");
    List<String> found = now.accounts(key).stream().map(TargetAccount::key).toList();
    ContractAssertions.check(
        ADOPT_NEVER_DUPLICATE,
        found.size() == 1 && event.outcome() == Outcome.LINKED,
        situation,
        "one account " + key + " (any case), the hand-made one adopted: event LINKED",
        () -> "accounts with that key: " + found + "; the event " + ContractHost.describe(event));
  }

  void leavesAloneWhatItDidNotCreateOrAdopt() {
    ContractTarget target = fixture.target();
    String archive = target.createDepartment(target.rootDepartmentId(), "Archive");
    target.createAccount(fixture.directory().email("keep.me"), "Keep Me", archive);
    target.createAccount(
        fixture.directory().email("root.only"), "Root Only", target.rootDepartmentId());
    TargetView before = fixture.view();
    DirectorySnapshot tree = fixture.directory().tree();
    ContractHost host = fixture.host();

    host.executeAdd(tree);
    host.executeAdd(tree.toBuilder().removeAccount(SUN_LI).build());

    String situation =
        "Execute Add, then Execute Add without sun.li, with a department and two accounts made by"
            + " hand that are not in the directory";
    TargetView now = fixture.view();
    ContractAssertions.sameElements(
        HANDS_OFF,
        situation + ": the accounts the target had before, as they are now",
        before.linesOf(before),
        now.linesOf(before));
    ContractAssertions.check(
        HANDS_OFF,
        now.department(archive).map(d -> now.pathOf(d.id())).orElse("gone").equals("Archive"),
        situation,
        "the hand-made department Archive untouched",
        () ->
            "it is " + now.department(archive).map(d -> "at " + now.pathOf(d.id())).orElse("gone"));
  }

  private static Account withEmail(Account account, String email) {
    return new Account(
        account.id(),
        account.username(),
        email,
        account.displayName(),
        account.mobile(),
        account.employeeNo(),
        account.jobTitle(),
        account.orgUnitIds(),
        account.status(),
        account.attributes());
  }
}
