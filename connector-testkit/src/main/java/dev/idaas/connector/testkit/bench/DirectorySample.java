package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part of a directory made of whole top-level subtrees, with the accounts whose primary unit is
 * in them, so that it pushes like the whole directory does, only shorter.
 */
final class DirectorySample {

  private DirectorySample() {}

  /**
   * The first top-level subtrees, in the directory's order, until they hold at least {@code share}
   * of its units. Accounts without a unit are taken in the same share, from the start.
   */
  static DirectorySnapshot of(DirectorySnapshot directory, double share) {
    if (share >= 1) {
      return directory;
    }
    Map<String, String> topOf = topUnits(directory.orgUnits());
    Map<String, Integer> sizes = new HashMap<>();
    topOf.values().forEach(top -> sizes.merge(top, 1, Integer::sum));

    Set<String> chosenTops = new HashSet<>();
    int wanted = (int) Math.ceil(share * directory.orgUnits().size());
    int taken = 0;
    for (OrgUnit unit : directory.orgUnits()) {
      if (taken >= wanted) {
        break;
      }
      if (unit.isTopLevel() && chosenTops.add(unit.id())) {
        taken += sizes.getOrDefault(unit.id(), 1);
      }
    }

    List<OrgUnit> units =
        directory.orgUnits().stream()
            .filter(unit -> chosenTops.contains(topOf.get(unit.id())))
            .toList();
    Set<String> unitIds = new HashSet<>();
    units.forEach(unit -> unitIds.add(unit.id()));
    List<Account> accounts = new ArrayList<>();
    List<Account> homeless = new ArrayList<>();
    for (Account account : directory.accounts()) {
      if (account.orgUnitIds().isEmpty()) {
        homeless.add(account);
      } else if (unitIds.contains(account.orgUnitIds().get(0))) {
        accounts.add(account);
      }
    }
    accounts.addAll(homeless.subList(0, (int) Math.ceil(share * homeless.size())));
    return new DirectorySnapshot(directory.source(), units, accounts);
  }

  /** The top-level unit above each unit; units on a cycle or under a missing parent have none. */
  private static Map<String, String> topUnits(List<OrgUnit> units) {
    Map<String, OrgUnit> byId = new HashMap<>();
    units.forEach(unit -> byId.put(unit.id(), unit));
    Map<String, String> topOf = new HashMap<>();
    for (OrgUnit unit : units) {
      OrgUnit current = unit;
      Set<String> seen = new HashSet<>();
      while (current != null && !current.isTopLevel() && seen.add(current.id())) {
        current = byId.get(current.parentId());
      }
      if (current != null && current.isTopLevel()) {
        topOf.put(unit.id(), current.id());
      }
    }
    return topOf;
  }
}
