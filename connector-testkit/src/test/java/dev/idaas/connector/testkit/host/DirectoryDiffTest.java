package dev.idaas.connector.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectoryDiff.AccountChange;
import dev.idaas.connector.testkit.host.DirectoryDiff.Change;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryDiffTest {

  @Test
  void findsExactlyTheChangesMadeToTheChinaAreasDirectory() {
    DirectorySnapshot original = Examples.load("china-areas-2k.json");
    DirectorySnapshot changed =
        original.toBuilder()
            .updateOrgUnit("1301", unit -> unit.withName("石家庄"))
            .updateOrgUnit("35", unit -> unit.withName("福建"))
            .updateOrgUnit("110102", unit -> unit.withName("西城"))
            .updateOrgUnit("1302", unit -> unit.withParent("12"))
            .updateOrgUnit("110107", unit -> unit.withParent("1201"))
            .removeOrgUnit("110111")
            .put(person("u002001", "zhaoliu", "110101"))
            .put(person("u002002", "sunqi", "1201"))
            .updateAccount("u000001", a -> a.withStatus(AccountStatus.DISABLED))
            .updateAccount("u000002", a -> a.withStatus(AccountStatus.DISABLED))
            .updateAccount("u000003", a -> a.withStatus(AccountStatus.DISABLED))
            .updateAccount("u000004", a -> a.withStatus(AccountStatus.DISABLED))
            .updateAccount("u000053", a -> a.withStatus(AccountStatus.ACTIVE))
            .updateAccount("u000010", a -> withJobTitle(a, "高级工程师"))
            .updateAccount("u000011", a -> withJobTitle(a, "高级工程师"))
            .updateAccount("u000012", a -> withJobTitle(a, "高级经理"))
            .updateAccount("u000013", a -> withJobTitle(a, "高级专员"))
            .updateAccount("u000014", a -> withJobTitle(a, "高级主管"))
            .updateAccount("u000020", a -> a.withOrgUnits(List.of("110101")))
            .updateAccount("u000021", a -> a.withOrgUnits(List.of("110101")))
            .updateAccount("u000022", a -> a.withOrgUnits(List.of("110101")))
            .removeAccount("u001999")
            .removeAccount("u002000")
            .build();

    DirectoryDiff diff = DirectoryDiff.between(original, changed);

    assertThat(diff.addedOrgUnits()).isEmpty();
    assertThat(ids(diff.renamedOrgUnits())).containsExactly("35", "1301", "110102");
    assertThat(diff.renamedOrgUnits().get(0).before().name()).isEqualTo("福建省");
    assertThat(ids(diff.movedOrgUnits())).containsExactly("1302", "110107");
    assertThat(diff.movedOrgUnits().get(0).after().parentId()).isEqualTo("12");
    assertThat(diff.changedOrgUnits()).isEmpty();
    assertThat(diff.removedOrgUnits()).extracting(OrgUnit::id).containsExactly("110111");
    assertThat(diff.addedAccounts()).extracting(Account::id).containsExactly("u002001", "u002002");
    assertThat(ids(diff.changedAccounts()))
        .containsExactly("u000010", "u000011", "u000012", "u000013", "u000014");
    assertThat(diff.changedAccounts())
        .allSatisfy(change -> assertThat(change.changedFields()).containsExactly("jobTitle"));
    assertThat(ids(diff.movedAccounts())).containsExactly("u000020", "u000021", "u000022");
    assertThat(ids(diff.disabledAccounts()))
        .containsExactly("u000001", "u000002", "u000003", "u000004");
    assertThat(ids(diff.enabledAccounts())).containsExactly("u000053");
    assertThat(diff.removedAccounts())
        .extracting(Account::id)
        .containsExactly("u001999", "u002000");
    assertThat(diff.orgUnitsChanged()).isEqualTo(6);
    assertThat(diff.accountsChanged()).isEqualTo(17);
    assertThat(diff.summary())
        .isEqualTo(
            "org units: 3 renamed, 2 moved, 1 removed; accounts: 2 added, 5 changed, 3 moved,"
                + " 4 disabled, 1 enabled, 2 removed");
  }

  @Test
  void findsNoChangeBetweenEqualSnapshots() {
    DirectorySnapshot hr = Examples.load("oracle-hr.json");

    DirectoryDiff diff = DirectoryDiff.between(hr, hr.toBuilder().build());

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.summary()).isEqualTo("no changes");
  }

  @Test
  void listsAnObjectChangedInSeveralWaysUnderEachOfThem() {
    DirectorySnapshot before =
        DirectorySnapshot.builder()
            .put(OrgUnit.of("d1", null, "Sales", 1))
            .put(OrgUnit.of("d2", null, "Support", 2))
            .put(person("u1", "li", "d1"))
            .build();
    DirectorySnapshot after =
        before.toBuilder()
            .updateOrgUnit("d2", unit -> new OrgUnit("d2", "d1", "Customer Care", 5, Map.of()))
            .updateAccount(
                "u1",
                a ->
                    new Account(
                        "u1",
                        "li",
                        "LI@acme.example",
                        "Li Na",
                        "+86 139",
                        null,
                        null,
                        List.of("d2", "d1"),
                        AccountStatus.DISABLED,
                        Map.of("site", "Hangzhou")))
            .build();

    DirectoryDiff diff = DirectoryDiff.between(before, after);

    assertThat(ids(diff.renamedOrgUnits())).containsExactly("d2");
    assertThat(ids(diff.movedOrgUnits())).containsExactly("d2");
    assertThat(ids(diff.changedOrgUnits())).containsExactly("d2");
    assertThat(diff.orgUnitsChanged()).isEqualTo(1);
    assertThat(ids(diff.movedAccounts())).containsExactly("u1");
    assertThat(ids(diff.disabledAccounts())).containsExactly("u1");
    assertThat(diff.changedAccounts())
        .singleElement()
        .extracting(AccountChange::changedFields)
        .isEqualTo(
            List.of("email", "displayName", "mobile", "jobTitle", "orgUnitIds", "attributes"));
    assertThat(diff.accountsChanged()).isEqualTo(1);
  }

  @Test
  void treatsGainingOrLosingEveryUnitAsAMove() {
    DirectorySnapshot before =
        DirectorySnapshot.builder()
            .put(person("u1", "li", "d1"))
            .put(person("u2", "wu", null))
            .build();
    DirectorySnapshot after =
        before.toBuilder()
            .updateAccount("u1", a -> a.withOrgUnits(List.of()))
            .updateAccount("u2", a -> a.withOrgUnits(List.of("d1")))
            .build();

    DirectoryDiff diff = DirectoryDiff.between(before, after);

    assertThat(ids(diff.movedAccounts())).containsExactly("u1", "u2");
    assertThat(diff.changedAccounts()).isEmpty();
  }

  private static List<String> ids(Collection<? extends Change> changes) {
    return changes.stream().map(Change::id).toList();
  }

  static Account person(String id, String username, String unitId) {
    return new Account(
        id,
        username,
        username + "@example.cn",
        username,
        null,
        null,
        "工程师",
        unitId == null ? List.of() : List.of(unitId),
        AccountStatus.ACTIVE,
        Map.of());
  }

  static Account withJobTitle(Account a, String jobTitle) {
    return new Account(
        a.id(),
        a.username(),
        a.email(),
        a.displayName(),
        a.mobile(),
        a.employeeNo(),
        jobTitle,
        a.orgUnitIds(),
        a.status(),
        a.attributes());
  }

  @Test
  void comparesNoAttributeWhoseNameSaysItHoldsASecret() {
    Account before = person("u1", "li", "D1");
    Account after =
        new Account(
            "u1",
            before.username(),
            before.email(),
            before.displayName(),
            before.mobile(),
            before.employeeNo(),
            before.jobTitle(),
            before.orgUnitIds(),
            before.status(),
            Map.of("initialPassword", "changed-in-the-directory"));

    DirectoryDiff diff =
        DirectoryDiff.between(
            new DirectorySnapshot(null, List.of(), List.of(before)),
            new DirectorySnapshot(null, List.of(), List.of(after)));

    assertThat(diff.isEmpty()).isTrue();
  }
}
