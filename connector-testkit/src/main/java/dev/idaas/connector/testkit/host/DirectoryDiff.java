package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What changed in a directory between two snapshots, object by object. Pure: no I/O.
 *
 * <p>An object changed in several ways is listed under each of them: a unit renamed and moved is in
 * {@link #renamedOrgUnits()} and in {@link #movedOrgUnits()}; an account moved and disabled is in
 * {@link #movedAccounts()} and in {@link #disabledAccounts()}. Added and removed objects are listed
 * only as such. Lists follow the newer snapshot's order, removals the older one's.
 *
 * @param addedOrgUnits units only in the newer snapshot
 * @param renamedOrgUnits units whose name changed
 * @param movedOrgUnits units whose parent changed
 * @param changedOrgUnits units whose order or attributes changed
 * @param removedOrgUnits units only in the older snapshot
 * @param addedAccounts accounts only in the newer snapshot
 * @param changedAccounts accounts whose data changed: any field but the status and the primary
 *     unit, see {@link AccountChange#changedFields()}
 * @param movedAccounts accounts whose primary unit changed (gained, lost or replaced)
 * @param disabledAccounts accounts that went from ACTIVE to DISABLED
 * @param enabledAccounts accounts that went from DISABLED to ACTIVE
 * @param removedAccounts accounts only in the older snapshot
 */
public record DirectoryDiff(
    List<OrgUnit> addedOrgUnits,
    List<OrgUnitChange> renamedOrgUnits,
    List<OrgUnitChange> movedOrgUnits,
    List<OrgUnitChange> changedOrgUnits,
    List<OrgUnit> removedOrgUnits,
    List<Account> addedAccounts,
    List<AccountChange> changedAccounts,
    List<AccountChange> movedAccounts,
    List<AccountChange> disabledAccounts,
    List<AccountChange> enabledAccounts,
    List<Account> removedAccounts) {

  public DirectoryDiff {
    addedOrgUnits = List.copyOf(addedOrgUnits);
    renamedOrgUnits = List.copyOf(renamedOrgUnits);
    movedOrgUnits = List.copyOf(movedOrgUnits);
    changedOrgUnits = List.copyOf(changedOrgUnits);
    removedOrgUnits = List.copyOf(removedOrgUnits);
    addedAccounts = List.copyOf(addedAccounts);
    changedAccounts = List.copyOf(changedAccounts);
    movedAccounts = List.copyOf(movedAccounts);
    disabledAccounts = List.copyOf(disabledAccounts);
    enabledAccounts = List.copyOf(enabledAccounts);
    removedAccounts = List.copyOf(removedAccounts);
  }

  /** No change at all. */
  public static DirectoryDiff none() {
    return between(DirectorySnapshot.empty(), DirectorySnapshot.empty());
  }

  /**
   * Compares two snapshots of the same directory, matching objects by id. Linear in their size.
   *
   * @param older the earlier snapshot, such as the last one pushed
   * @param newer the later one
   */
  public static DirectoryDiff between(DirectorySnapshot older, DirectorySnapshot newer) {
    Builder diff = new Builder();
    for (OrgUnit unit : newer.orgUnits()) {
      older
          .orgUnit(unit.id())
          .ifPresentOrElse(was -> diff.compare(was, unit), () -> diff.added(unit));
    }
    for (OrgUnit unit : older.orgUnits()) {
      if (!newer.hasOrgUnit(unit.id())) {
        diff.removedOrgUnits.add(unit);
      }
    }
    for (Account account : newer.accounts()) {
      older
          .account(account.id())
          .ifPresentOrElse(was -> diff.compare(was, account), () -> diff.added(account));
    }
    for (Account account : older.accounts()) {
      if (!newer.hasAccount(account.id())) {
        diff.removedAccounts.add(account);
      }
    }
    return diff.build();
  }

  /** Whether nothing changed. */
  public boolean isEmpty() {
    return orgUnitsChanged() == 0 && accountsChanged() == 0;
  }

  /** How many distinct org units changed in any way. */
  public int orgUnitsChanged() {
    return addedOrgUnits.size()
        + removedOrgUnits.size()
        + distinct(List.of(renamedOrgUnits, movedOrgUnits, changedOrgUnits));
  }

  /** How many distinct accounts changed in any way. */
  public int accountsChanged() {
    return addedAccounts.size()
        + removedAccounts.size()
        + distinct(List.of(changedAccounts, movedAccounts, disabledAccounts, enabledAccounts));
  }

  /**
   * One line for people, such as {@code org units: 3 renamed, 1 removed; accounts: 2 added}, or
   * {@code no changes}.
   */
  public String summary() {
    StringJoiner units = new StringJoiner(", ");
    count(units, addedOrgUnits.size(), "added");
    count(units, renamedOrgUnits.size(), "renamed");
    count(units, movedOrgUnits.size(), "moved");
    count(units, changedOrgUnits.size(), "changed");
    count(units, removedOrgUnits.size(), "removed");
    StringJoiner accounts = new StringJoiner(", ");
    count(accounts, addedAccounts.size(), "added");
    count(accounts, changedAccounts.size(), "changed");
    count(accounts, movedAccounts.size(), "moved");
    count(accounts, disabledAccounts.size(), "disabled");
    count(accounts, enabledAccounts.size(), "enabled");
    count(accounts, removedAccounts.size(), "removed");

    StringJoiner summary = new StringJoiner("; ");
    if (units.length() > 0) {
      summary.add("org units: " + units);
    }
    if (accounts.length() > 0) {
      summary.add("accounts: " + accounts);
    }
    return summary.length() == 0 ? "no changes" : summary.toString();
  }

  private static void count(StringJoiner joiner, int count, String what) {
    if (count > 0) {
      joiner.add(count + " " + what);
    }
  }

  private static int distinct(List<List<? extends Change>> lists) {
    return (int) lists.stream().flatMap(List::stream).map(Change::id).distinct().count();
  }

  /** A changed object, before and after. */
  public sealed interface Change permits OrgUnitChange, AccountChange {
    /** The object's id. */
    String id();
  }

  /**
   * One org unit that exists in both snapshots and differs.
   *
   * @param before as the older snapshot has it
   * @param after as the newer snapshot has it
   */
  public record OrgUnitChange(OrgUnit before, OrgUnit after) implements Change {

    public OrgUnitChange {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public String id() {
      return after.id();
    }
  }

  /**
   * One account that exists in both snapshots and differs.
   *
   * @param before as the older snapshot has it
   * @param after as the newer snapshot has it
   */
  public record AccountChange(Account before, Account after) implements Change {

    public AccountChange {
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }

    @Override
    public String id() {
      return after.id();
    }

    /**
     * The names of the fields that differ, other than the status and the primary unit, in the order
     * of the snapshot format: {@code username}, {@code email}, {@code displayName}, {@code mobile},
     * {@code employeeNo}, {@code jobTitle}, {@code orgUnitIds} (when the units after the primary
     * one differ) and {@code attributes}. Attributes whose name says they hold a secret (such as
     * {@code initialPassword}) are not compared: the state folder does not keep their values, and a
     * connector uses them only when it creates an object.
     */
    public List<String> changedFields() {
      List<String> fields = new ArrayList<>();
      differs(fields, "username", before.username(), after.username());
      differs(fields, "email", before.email(), after.email());
      differs(fields, "displayName", before.displayName(), after.displayName());
      differs(fields, "mobile", before.mobile(), after.mobile());
      differs(fields, "employeeNo", before.employeeNo(), after.employeeNo());
      differs(fields, "jobTitle", before.jobTitle(), after.jobTitle());
      differs(fields, "orgUnitIds", secondaryUnits(before), secondaryUnits(after));
      differs(
          fields,
          "attributes",
          SecretAttributes.without(before.attributes()),
          SecretAttributes.without(after.attributes()));
      return fields;
    }

    private static List<String> secondaryUnits(Account account) {
      List<String> units = account.orgUnitIds();
      return units.isEmpty() ? units : units.subList(1, units.size());
    }

    private static void differs(List<String> fields, String name, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        fields.add(name);
      }
    }
  }

  /** Sorts each compared pair into the lists it belongs to. */
  private static final class Builder {
    final List<OrgUnit> addedOrgUnits = new ArrayList<>();
    final List<OrgUnitChange> renamedOrgUnits = new ArrayList<>();
    final List<OrgUnitChange> movedOrgUnits = new ArrayList<>();
    final List<OrgUnitChange> changedOrgUnits = new ArrayList<>();
    final List<OrgUnit> removedOrgUnits = new ArrayList<>();
    final List<Account> addedAccounts = new ArrayList<>();
    final List<AccountChange> changedAccounts = new ArrayList<>();
    final List<AccountChange> movedAccounts = new ArrayList<>();
    final List<AccountChange> disabledAccounts = new ArrayList<>();
    final List<AccountChange> enabledAccounts = new ArrayList<>();
    final List<Account> removedAccounts = new ArrayList<>();

    void added(OrgUnit unit) {
      addedOrgUnits.add(unit);
    }

    void added(Account account) {
      addedAccounts.add(account);
    }

    void compare(OrgUnit before, OrgUnit after) {
      OrgUnitChange change = new OrgUnitChange(before, after);
      if (!before.name().equals(after.name())) {
        renamedOrgUnits.add(change);
      }
      if (!Objects.equals(before.parentId(), after.parentId())) {
        movedOrgUnits.add(change);
      }
      boolean attributesDiffer =
          !SecretAttributes.without(before.attributes())
              .equals(SecretAttributes.without(after.attributes()));
      if (before.order() != after.order() || attributesDiffer) {
        changedOrgUnits.add(change);
      }
    }

    void compare(Account before, Account after) {
      AccountChange change = new AccountChange(before, after);
      if (!change.changedFields().isEmpty()) {
        changedAccounts.add(change);
      }
      if (!before.primaryOrgUnitId().equals(after.primaryOrgUnitId())) {
        movedAccounts.add(change);
      }
      if (before.status() != after.status()) {
        (after.status() == AccountStatus.DISABLED ? disabledAccounts : enabledAccounts).add(change);
      }
    }

    DirectoryDiff build() {
      return new DirectoryDiff(
          addedOrgUnits,
          renamedOrgUnits,
          movedOrgUnits,
          changedOrgUnits,
          removedOrgUnits,
          addedAccounts,
          changedAccounts,
          movedAccounts,
          disabledAccounts,
          enabledAccounts,
          removedAccounts);
    }
  }
}
