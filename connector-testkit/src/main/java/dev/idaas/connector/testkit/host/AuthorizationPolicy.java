package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which part of the directory an application receives, and whether directory changes are pushed as
 * they happen: the administrator's authorization policies for org units and accounts.
 *
 * <p>Scope rules, applied by {@link #scopeOf(DirectorySnapshot)}:
 *
 * <ul>
 *   <li><b>Org scope.</b> Empty means the whole directory. Otherwise each listed unit and every
 *       unit below it is in scope; listed ids the directory lacks are ignored ({@link
 *       #unknownOrgUnits}). An in-scope unit whose parent is out of scope is pushed as a top-level
 *       unit (parent null), so the connector places it under its configured root.
 *   <li><b>Account scope, following the org scope</b> (the default): an account is in scope when
 *       its <em>primary</em> unit is. The primary unit decides because a target such as AliMail
 *       keeps one department per account, made from the primary unit; an account whose primary unit
 *       is not pushed would have nowhere to go. An account with no unit is in scope only when the
 *       whole directory is.
 *   <li><b>Account scope, explicit:</b> exactly the listed accounts, wherever they are.
 *   <li>When the org scope is not the whole directory, an in-scope account's unit list is narrowed
 *       to in-scope units, so a connector never sees a unit the host does not push. An explicitly
 *       listed account with no unit left is pushed with none (the connector's root).
 *   <li>With the whole directory in scope nothing is rewritten: a unit whose parent is missing
 *       stays so, and the connector reports it.
 * </ul>
 *
 * <p>Leaving the scope revokes: an object pushed before and now out of scope becomes a removal with
 * reason {@code OUT_OF_SCOPE}.
 *
 * @param orgScope the ids of the units whose subtrees are in scope; empty for the whole directory
 * @param accountScope which accounts are in scope
 * @param automaticAuthorization whether directory changes and scope changes are pushed at once;
 *     when off they are only reported as pending, and Execute Add pushes them
 */
public record AuthorizationPolicy(
    Set<String> orgScope, AccountScope accountScope, boolean automaticAuthorization) {

  public AuthorizationPolicy {
    orgScope = Set.copyOf(orgScope);
    Objects.requireNonNull(accountScope, "accountScope");
  }

  /** The whole directory, accounts following it, automatic authorization on. */
  public static AuthorizationPolicy wholeDirectory() {
    return new AuthorizationPolicy(Set.of(), AccountScope.FOLLOWING_ORG_SCOPE, true);
  }

  /** The same policy with these units' subtrees as the org scope; none means everything. */
  public AuthorizationPolicy withOrgScope(String... unitIds) {
    return withOrgScope(Arrays.asList(unitIds));
  }

  /** The same policy with these units' subtrees as the org scope; empty means everything. */
  public AuthorizationPolicy withOrgScope(Collection<String> unitIds) {
    return new AuthorizationPolicy(Set.copyOf(unitIds), accountScope, automaticAuthorization);
  }

  /** The same policy with exactly these accounts in scope. */
  public AuthorizationPolicy withAccounts(Collection<String> accountIds) {
    return new AuthorizationPolicy(orgScope, AccountScope.only(accountIds), automaticAuthorization);
  }

  /** The same policy with the accounts following the org scope. */
  public AuthorizationPolicy withAccountsFollowingOrgScope() {
    return new AuthorizationPolicy(
        orgScope, AccountScope.FOLLOWING_ORG_SCOPE, automaticAuthorization);
  }

  /** The same policy with automatic authorization switched on or off. */
  public AuthorizationPolicy withAutomaticAuthorization(boolean on) {
    return new AuthorizationPolicy(orgScope, accountScope, on);
  }

  /** Whether every org unit is in scope. */
  public boolean coversWholeDirectory() {
    return orgScope.isEmpty();
  }

  /** The listed org-scope units that the directory does not have, sorted. */
  public List<String> unknownOrgUnits(DirectorySnapshot directory) {
    return orgScope.stream().filter(id -> !directory.hasOrgUnit(id)).sorted().toList();
  }

  /**
   * The part of a directory in scope, by the rules above, in the directory's order.
   *
   * @return a snapshot with the same source
   */
  public DirectorySnapshot scopeOf(DirectorySnapshot directory) {
    Set<String> unitsInScope = coversWholeDirectory() ? null : subtrees(directory);
    DirectorySnapshot.Builder scope = DirectorySnapshot.builder().source(directory.source());

    for (OrgUnit unit : directory.orgUnits()) {
      if (unitsInScope == null) {
        scope.put(unit);
      } else if (unitsInScope.contains(unit.id())) {
        boolean parentInScope = unit.parentId() != null && unitsInScope.contains(unit.parentId());
        scope.put(parentInScope ? unit : unit.withParent(null));
      }
    }
    for (Account account : directory.accounts()) {
      if (accountInScope(account, unitsInScope)) {
        scope.put(unitsInScope == null ? account : narrowed(account, unitsInScope));
      }
    }
    return scope.build();
  }

  private boolean accountInScope(Account account, Set<String> unitsInScope) {
    if (!accountScope.followsOrgScope()) {
      return accountScope.accountIds().contains(account.id());
    }
    if (unitsInScope == null) {
      return true;
    }
    return account.primaryOrgUnitId().map(unitsInScope::contains).orElse(false);
  }

  private static Account narrowed(Account account, Set<String> unitsInScope) {
    List<String> units = account.orgUnitIds().stream().filter(unitsInScope::contains).toList();
    return units.equals(account.orgUnitIds()) ? account : account.withOrgUnits(units);
  }

  /** The listed units and everything below them; iterative, so any depth or cycle is safe. */
  private Set<String> subtrees(DirectorySnapshot directory) {
    Map<String, List<String>> children = new HashMap<>();
    for (OrgUnit unit : directory.orgUnits()) {
      if (unit.parentId() != null) {
        children.computeIfAbsent(unit.parentId(), parent -> new ArrayList<>()).add(unit.id());
      }
    }
    Set<String> inScope = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>();
    orgScope.stream().filter(directory::hasOrgUnit).forEach(toVisit::add);
    while (!toVisit.isEmpty()) {
      String id = toVisit.pop();
      if (inScope.add(id)) {
        toVisit.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return inScope;
  }

  /**
   * Which accounts are in scope.
   *
   * @param followsOrgScope true when accounts follow the org scope by their primary unit
   * @param accountIds the accounts in scope when {@code followsOrgScope} is false; empty otherwise
   */
  public record AccountScope(boolean followsOrgScope, Set<String> accountIds) {

    /** Every account whose primary unit is in the org scope. */
    public static final AccountScope FOLLOWING_ORG_SCOPE = new AccountScope(true, Set.of());

    public AccountScope {
      accountIds = Set.copyOf(accountIds);
      if (followsOrgScope && !accountIds.isEmpty()) {
        throw new IllegalArgumentException(
            "an account scope that follows the org scope lists no accounts");
      }
    }

    /** Exactly these accounts. */
    public static AccountScope only(Collection<String> accountIds) {
      return new AccountScope(false, Set.copyOf(accountIds));
    }
  }
}
