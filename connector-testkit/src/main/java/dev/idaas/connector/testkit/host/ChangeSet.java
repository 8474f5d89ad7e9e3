package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.SyncMode;
import java.util.List;
import java.util.Objects;

/**
 * What one run sends to the connector, or would send: the host's side of a change set. The host
 * sends it in the order the SPI documents: org unit upserts, then account upserts and removals,
 * then org unit removals (so members have left a unit before it is deleted).
 *
 * @param mode FULL for Execute Add and its preview (the upserts are the whole scope), INCREMENTAL
 *     for directory changes, scope changes and retries
 * @param orgUnitUpserts the units to create or update, in directory order
 * @param accountUpserts the accounts to create or update (including those to disable or enable), in
 *     directory order
 * @param orgUnitRemovals the pushed units to revoke
 * @param accountRemovals the pushed accounts to revoke
 * @param diff how the scope changed since the last push, which this change set carries out; empty
 *     for a retry
 */
public record ChangeSet(
    SyncMode mode,
    List<OrgUnit> orgUnitUpserts,
    List<Account> accountUpserts,
    List<Removal> orgUnitRemovals,
    List<Removal> accountRemovals,
    DirectoryDiff diff) {

  public ChangeSet {
    Objects.requireNonNull(mode, "mode");
    orgUnitUpserts = List.copyOf(orgUnitUpserts);
    accountUpserts = List.copyOf(accountUpserts);
    orgUnitRemovals = List.copyOf(orgUnitRemovals);
    accountRemovals = List.copyOf(accountRemovals);
    Objects.requireNonNull(diff, "diff");
  }

  /** Nothing to send. */
  public static ChangeSet none() {
    return new ChangeSet(
        SyncMode.INCREMENTAL, List.of(), List.of(), List.of(), List.of(), DirectoryDiff.none());
  }

  /** Whether there is nothing to send. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** How many objects the change set is about. */
  public int size() {
    return orgUnitUpserts.size()
        + accountUpserts.size()
        + orgUnitRemovals.size()
        + accountRemovals.size();
  }

  /** The revocations of one type. */
  public List<Removal> removals(ObjectType type) {
    return type == ObjectType.ORG_UNIT ? orgUnitRemovals : accountRemovals;
  }
}
