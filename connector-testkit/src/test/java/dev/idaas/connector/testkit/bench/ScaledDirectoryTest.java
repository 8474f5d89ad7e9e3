package dev.idaas.connector.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScaledDirectoryTest {

  @Test
  void makesTenCopiesOfTheChineseAreasUnderTenNewTopUnits() {
    DirectorySnapshot base = ExampleDirectories.load("china-areas-2k.json");

    DirectorySnapshot scaled = ScaledDirectory.of(base, 10);

    assertThat(scaled.orgUnits()).hasSize(10 * 3_351 + 10);
    assertThat(scaled.accounts()).hasSize(10 * 2_000);
    assertThat(scaled.accounts()).filteredOn(account -> !account.isActive()).hasSize(10 * 37);
    assertThat(scaled.orgUnits())
        .filteredOn(OrgUnit::isTopLevel)
        .extracting(OrgUnit::id)
        .containsExactly(
            "copy-01", "copy-02", "copy-03", "copy-04", "copy-05", "copy-06", "copy-07", "copy-08",
            "copy-09", "copy-10");
  }

  @Test
  void givesEveryCopyUniqueIdsUsernamesAndAddressesAndKeepsEveryParentAndUnit() {
    DirectorySnapshot scaled =
        ScaledDirectory.of(ExampleDirectories.load("china-areas-2k.json"), 10);

    Set<String> unitIds = new HashSet<>();
    scaled.orgUnits().forEach(unit -> unitIds.add(unit.id()));
    Set<String> addresses = new HashSet<>();
    Set<String> localParts = new HashSet<>();
    Set<String> usernames = new HashSet<>();
    for (Account account : scaled.accounts()) {
      String address = account.email().toLowerCase(Locale.ROOT);
      addresses.add(address);
      localParts.add(address.substring(0, address.indexOf('@')));
      usernames.add(account.username());
    }

    assertThat(unitIds).hasSize(scaled.orgUnits().size());
    assertThat(addresses).hasSize(20_000);
    assertThat(localParts).as("mailbox names in the target domain").hasSize(20_000);
    assertThat(usernames).hasSize(20_000);
    assertThat(scaled.orgUnits())
        .as("units whose parent is missing")
        .filteredOn(unit -> !unit.isTopLevel() && !unitIds.contains(unit.parentId()))
        .isEmpty();
    assertThat(scaled.accounts())
        .as("accounts whose unit is missing")
        .filteredOn(account -> !unitIds.containsAll(account.orgUnitIds()))
        .isEmpty();
  }

  @Test
  void tagsIdsNamesAndAddressesWithTheCopyAndKeepsEverythingElse() {
    OrgUnit province = OrgUnit.of("11", null, "北京市", 1);
    OrgUnit district = OrgUnit.of("1101", "11", "市辖区", 2);
    Account account =
        new Account(
            "u1",
            "li.na",
            "Li.Na@example.com",
            "李娜",
            "+86 130",
            "E1",
            "工程师",
            List.of("1101"),
            AccountStatus.DISABLED,
            Map.of("hireDate", "2020-01-01"));
    DirectorySnapshot base =
        new DirectorySnapshot("test", List.of(province, district), List.of(account));

    DirectorySnapshot scaled = ScaledDirectory.of(base, 2);

    assertThat(scaled.orgUnits())
        .containsExactly(
            OrgUnit.of("copy-01", null, "Copy 01", 1),
            OrgUnit.of("c01-11", "copy-01", "北京市", 1),
            OrgUnit.of("c01-1101", "c01-11", "市辖区", 2),
            OrgUnit.of("copy-02", null, "Copy 02", 2),
            OrgUnit.of("c02-11", "copy-02", "北京市", 1),
            OrgUnit.of("c02-1101", "c02-11", "市辖区", 2));
    assertThat(scaled.account("c02-u1"))
        .contains(
            new Account(
                "c02-u1",
                "li.na.c02",
                "Li.Na.c02@example.com",
                "李娜",
                "+86 130",
                "E1",
                "工程师",
                List.of("c02-1101"),
                AccountStatus.DISABLED,
                Map.of("hireDate", "2020-01-01")));
    assertThat(scaled.source()).isEqualTo("test, ×2");
  }

  @Test
  void refusesLessThanOneCopy() {
    assertThatThrownBy(() -> ScaledDirectory.of(DirectorySnapshot.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one copy: 0");
  }
}
