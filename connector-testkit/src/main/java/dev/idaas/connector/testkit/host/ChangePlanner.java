package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.SyncMode;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns a directory, a policy and what was pushed before into the {@link ChangeSet} of a run. No
 * I/O: the caller reads the state and passes it in.
 */
final class ChangePlanner {

  private static final System.Logger LOG = System.getLogger(ChangePlanner.class.getName());

  private ChangePlanner() {}

  /**
   * The changes in scope since the last push: units and accounts added, changed, moved, disabled or
   * enabled are upserts; those that left the scope or the directory are removals.
   *
   * @param pushedScope the scope as last pushed; empty before the first push
   * @param directory the whole directory now
   */
  static ChangeSet incremental(
      DirectorySnapshot pushedScope, DirectorySnapshot directory, AuthorizationPolicy policy) {
    DirectorySnapshot scope = policy.scopeOf(directory);
    DirectoryDiff diff = DirectoryDiff.between(pushedScope, scope);

    Set<String> changedUnits =
        ids(
            Stream.concat(
                diff.addedOrgUnits().stream().map(OrgUnit::id),
                Stream.of(diff.renamedOrgUnits(), diff.movedOrgUnits(), diff.changedOrgUnits())
                    .flatMap(List::stream)
                    .map(DirectoryDiff.Change::id)));
    Set<String> changedAccounts =
        ids(
            Stream.concat(
                diff.addedAccounts().stream().map(Account::id),
                Stream.of(
                        diff.changedAccounts(),
                        diff.movedAccounts(),
                        diff.disabledAccounts(),
                        diff.enabledAccounts())
                    .flatMap(List::stream)
                    .map(DirectoryDiff.Change::id)));

    return new ChangeSet(
        SyncMode.INCREMENTAL,
        scope.orgUnits().stream().filter(unit -> changedUnits.contains(unit.id())).toList(),
        scope.accounts().stream()
            .filter(account -> changedAccounts.contains(account.id()))
            .toList(),
        diff.removedOrgUnits().stream()
            .map(unit -> removal(unit.id(), unit.name(), directory.hasOrgUnit(unit.id())))
            .toList(),
        diff.removedAccounts().stream()
            .map(a -> removal(a.id(), displayKey(a), directory.hasAccount(a.id())))
            .toList(),
        diff);
  }

  /**
   * An incremental change set grown by the objects a unit in it was holding back: in-scope units
   * and accounts whose latest event is BLOCKED and that sit under a unit the change set pushes (an
   * account by its primary unit, a unit by its parent, at any depth). Without them, fixing a unit
   * (renaming a name the target refused, breaking a cycle) would push the unit alone, and what it
   * blocked would wait for the next Execute Add.
   *
   * @param scope the scope the change set was planned from
   * @param blocked the latest event of each object whose latest event is BLOCKED
   * @return the grown change set, and the attempt each added object is at
   */
  static Retry withBlockedDependents(
      ChangeSet changes, DirectorySnapshot scope, List<SyncEvent> blocked) {
    Map<ObjectKey, SyncEvent> waiting = new HashMap<>();
    blocked.forEach(event -> waiting.put(new ObjectKey(event.objectType(), event.hostId()), event));
    Map<ObjectKey, Integer> attempts = new HashMap<>();

    Set<String> units = ids(changes.orgUnitUpserts().stream().map(OrgUnit::id));
    Map<String, List<String>> children = new HashMap<>();
    for (OrgUnit unit : scope.orgUnits()) {
      if (unit.parentId() != null) {
        children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>()).add(unit.id());
      }
    }
    Deque<String> toVisit = new ArrayDeque<>(units);
    while (!toVisit.isEmpty()) {
      for (String child : children.getOrDefault(toVisit.pop(), List.of())) {
        SyncEvent event = waiting.get(new ObjectKey(ObjectType.ORG_UNIT, child));
        if (event != null && units.add(child)) {
          attempts.put(new ObjectKey(ObjectType.ORG_UNIT, child), event.attempt() + 1);
          toVisit.add(child);
        }
      }
    }

    Set<String> accounts = ids(changes.accountUpserts().stream().map(Account::id));
    for (Account account : scope.accounts()) {
      ObjectKey key = new ObjectKey(ObjectType.ACCOUNT, account.id());
      SyncEvent event = waiting.get(key);
      boolean underPushedUnit = account.primaryOrgUnitId().map(units::contains).orElse(false);
      if (event != null && underPushedUnit && accounts.add(account.id())) {
        attempts.put(key, event.attempt() + 1);
      }
    }
    if (attempts.isEmpty()) {
      return new Retry(changes, Map.of());
    }
    ChangeSet grown =
        new ChangeSet(
            changes.mode(),
            scope.orgUnits().stream().filter(unit -> units.contains(unit.id())).toList(),
            scope.accounts().stream().filter(account -> accounts.contains(account.id())).toList(),
            changes.orgUnitRemovals(),
            changes.accountRemovals(),
            changes.diff());
    return new Retry(grown, attempts);
  }

  /**
   * The whole scope as upserts, and a removal for every linked object out of scope that has not
   * been revoked yet.
   *
   * @param links the linked host ids of each type
   * @param revoked the objects whose latest event is a revocation that worked
   * @param lastDisplayKey the display key an object had in its latest event, or null
   */
  static ChangeSet full(
      DirectorySnapshot pushedScope,
      DirectorySnapshot directory,
      AuthorizationPolicy policy,
      Map<ObjectType, Set<String>> links,
      Set<ObjectKey> revoked,
      Function<ObjectKey, String> lastDisplayKey) {
    DirectorySnapshot scope = policy.scopeOf(directory);

    List<Removal> unitRemovals = new ArrayList<>();
    for (String id : sorted(links.get(ObjectType.ORG_UNIT))) {
      ObjectKey key = new ObjectKey(ObjectType.ORG_UNIT, id);
      if (!scope.hasOrgUnit(id) && !revoked.contains(key)) {
        String name =
            pushedScope
                .orgUnit(id)
                .or(() -> directory.orgUnit(id))
                .map(OrgUnit::name)
                .orElseGet(() -> orId(lastDisplayKey.apply(key), id));
        unitRemovals.add(removal(id, name, directory.hasOrgUnit(id)));
      }
    }
    List<Removal> accountRemovals = new ArrayList<>();
    for (String id : sorted(links.get(ObjectType.ACCOUNT))) {
      ObjectKey key = new ObjectKey(ObjectType.ACCOUNT, id);
      if (!scope.hasAccount(id) && !revoked.contains(key)) {
        String name =
            pushedScope
                .account(id)
                .or(() -> directory.account(id))
                .map(ChangePlanner::displayKey)
                .orElseGet(() -> orId(lastDisplayKey.apply(key), id));
        accountRemovals.add(removal(id, name, directory.hasAccount(id)));
      }
    }
    return new ChangeSet(
        SyncMode.FULL,
        scope.orgUnits(),
        scope.accounts(),
        unitRemovals,
        accountRemovals,
        DirectoryDiff.between(pushedScope, scope));
  }

  /**
   * A retry of the objects whose latest event is a problem: failed revocations are revoked again;
   * other objects are upserted as the scope was last pushed, and left out (with a log line) when
   * they are no longer in it.
   *
   * @param problems the latest event of each object to retry
   */
  static Retry retry(
      List<SyncEvent> problems, DirectorySnapshot pushedScope, DirectorySnapshot directory) {
    List<OrgUnit> units = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();
    List<Removal> unitRemovals = new ArrayList<>();
    List<Removal> accountRemovals = new ArrayList<>();
    Map<ObjectKey, Integer> attempts = new HashMap<>();

    for (SyncEvent failed : problems) {
      String id = failed.hostId();
      boolean unit = failed.objectType() == ObjectType.ORG_UNIT;
      boolean planned = true;
      if (failed.operation() == Operation.REVOKE) {
        boolean stillThere = unit ? directory.hasOrgUnit(id) : directory.hasAccount(id);
        (unit ? unitRemovals : accountRemovals).add(removal(id, failed.displayKey(), stillThere));
      } else if (unit) {
        planned = pushedScope.orgUnit(id).map(units::add).orElse(false);
      } else {
        planned = pushedScope.account(id).map(accounts::add).orElse(false);
      }
      if (planned) {
        attempts.put(new ObjectKey(failed.objectType(), id), failed.attempt() + 1);
      } else {
        LOG.log(
            Level.INFO,
            "{0} {1} failed before but is no longer in the pushed scope; it is not retried.",
            failed.objectType(),
            id);
      }
    }
    ChangeSet changes =
        new ChangeSet(
            SyncMode.INCREMENTAL,
            units,
            accounts,
            unitRemovals,
            accountRemovals,
            DirectoryDiff.none());
    return new Retry(changes, attempts);
  }

  /**
   * What a retry sends, or a change set that sends some objects again.
   *
   * @param changes the objects to send
   * @param attempts the attempt number of each object sent again; others are at attempt 1
   */
  record Retry(ChangeSet changes, Map<ObjectKey, Integer> attempts) {}

  /** How an account is named in events: its e-mail, or its username when it has none. */
  static String displayKey(Account account) {
    return account.email() != null ? account.email() : account.username();
  }

  /** A removal whose reason depends on whether the directory still has the object. */
  static Removal removal(String id, String displayKey, boolean stillInDirectory) {
    return new Removal(
        id,
        displayKey,
        stillInDirectory ? Removal.Reason.OUT_OF_SCOPE : Removal.Reason.DELETED_IN_DIRECTORY);
  }

  private static Set<String> ids(Stream<String> ids) {
    Set<String> set = new HashSet<>();
    ids.forEach(set::add);
    return set;
  }

  private static List<String> sorted(Set<String> ids) {
    return ids == null ? List.of() : ids.stream().sorted().toList();
  }

  private static String orId(String displayKey, String id) {
    return displayKey == null ? id : displayKey;
  }
}
