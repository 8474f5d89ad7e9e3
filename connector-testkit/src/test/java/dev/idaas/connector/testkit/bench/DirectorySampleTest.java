package dev.idaas.connector.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectorySampleTest {

  private final DirectorySnapshot areas = ExampleDirectories.load("china-areas-2k.json");

  @Test
  void takesWholeProvincesUntilATenthOfTheUnitsWithTheirPeople() {
    DirectorySnapshot sample = DirectorySample.of(areas, 0.1);

    Set<String> unitIds = new HashSet<>();
    sample.orgUnits().forEach(unit -> unitIds.add(unit.id()));
    assertThat(sample.orgUnits())
        .filteredOn(OrgUnit::isTopLevel)
        .extracting(OrgUnit::name)
        .containsExactly("北京市", "天津市", "河北省", "山西省");
    assertThat(sample.orgUnits()).as("at least 336, a tenth of 3,351").hasSize(371);
    assertThat(sample.orgUnits())
        .as("units whose parent is missing")
        .filteredOn(unit -> !unit.isTopLevel() && !unitIds.contains(unit.parentId()))
        .isEmpty();
    assertThat(sample.accounts())
        .hasSize(230)
        .filteredOn(account -> !unitIds.contains(account.orgUnitIds().get(0)))
        .isEmpty();
    assertThat(areas.accounts())
        .filteredOn(account -> unitIds.contains(account.orgUnitIds().get(0)))
        .hasSize(230);
  }

  @Test
  void isTheWholeDirectoryForAShareOfOne() {
    assertThat(DirectorySample.of(areas, 1)).isSameAs(areas);
  }
}
