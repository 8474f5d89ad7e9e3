package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The first phase of an account push, without a single call to Alibaba Mail: each account's mailbox
 * address, owner and department. What needs no call is reported here and gets no job: a disabled
 * account never pushed (skipped), the postmaster (skipped), an account whose org unit has no
 * department (blocked), an address another account owns (conflict), an account without an address
 * (invalid data), a revocation of something never pushed (unchanged).
 *
 * <p>Ownership of an address is stable across runs: the account linked to a mailbox owns it; among
 * unlinked accounts, the first in the request does.
 */
final class AccountPlanner {

  private static final System.Logger LOG = System.getLogger(AccountPlanner.class.getName());

  private final LinkStore links;
  private final Run run;
  private final MailboxMapper mapper;
  private final Supplier<String> rootId;

  AccountPlanner(LinkStore links, Run run, MailboxMapper mapper, Supplier<String> rootId) {
    this.links = links;
    this.run = run;
    this.mapper = mapper;
    this.rootId = rootId;
  }

  /** The jobs that need Alibaba Mail, in request order: upserts, then revocations. */
  List<AccountJob> plan(List<Account> upserts, List<Removal> removals) {
    Map<String, String> owners = new HashMap<>();
    links
        .all(ObjectType.ACCOUNT)
        .forEach((account, address) -> owners.putIfAbsent(BatchResult.key(address), account));

    Set<String> seen = new HashSet<>();
    List<AccountJob> jobs = new ArrayList<>();
    for (Account account : upserts) {
      if (!seen.add(account.id())) {
        LOG.log(
            Level.WARNING, "Account {0} is twice in one request; the first is kept", account.id());
        continue;
      }
      addIfWork(jobs, planUpsert(account, owners));
    }
    for (Removal removal : removals) {
      if (!seen.add(removal.hostId())) {
        LOG.log(
            Level.WARNING,
            "Account {0} is both pushed and revoked; it is pushed",
            removal.hostId());
        continue;
      }
      addIfWork(jobs, planRevocation(removal));
    }
    return jobs;
  }

  private static void addIfWork(List<AccountJob> jobs, AccountJob job) {
    if (job != null) {
      jobs.add(job);
    }
  }

  private AccountJob planUpsert(Account account, Map<String, String> owners) {
    String linked = links.targetId(ObjectType.ACCOUNT, account.id()).orElse(null);
    if (linked == null && !account.isActive()) {
      run.report(
          AccountResults.skipped(
              account, null, "Disabled in the directory and never pushed, so no mailbox is made."));
      return null;
    }

    String address;
    try {
      address = linked != null ? linked : mapper.address(account);
    } catch (ConnectorException invalid) {
      run.report(AccountResults.failed(account, null, invalid));
      return null;
    }
    if (MailboxMapper.isPostmaster(address)) {
      run.report(AccountResults.skipped(account, address, AccountResults.POSTMASTER));
      return null;
    }
    if (linked == null && !claim(owners, address, account)) {
      return null;
    }

    AccountJob job = AccountJob.upsert(account, address);
    job.linked = linked != null;
    job.profile = mapper.profile(account);
    if (job.linked && !account.isActive() && !hasDepartment(account)) {
      // Freezing must never wait for a department: the mailbox stays where it is.
      job.note("Its org unit has no Alibaba Mail department, so the mailbox stays where it is.");
      return job;
    }
    job.departmentId = departmentFor(account, job);
    return job.departmentId == null ? null : job;
  }

  private boolean hasDepartment(Account account) {
    return account
        .primaryOrgUnitId()
        .map(unit -> links.targetId(ObjectType.ORG_UNIT, unit).isPresent())
        .orElse(true);
  }

  /** Makes the account the owner of an address, unless another account owns it already. */
  private boolean claim(Map<String, String> owners, String address, Account account) {
    String owner = owners.putIfAbsent(BatchResult.key(address), account.id());
    if (owner == null || owner.equals(account.id())) {
      return true;
    }
    run.report(
        ObjectResult.failed(
            ObjectType.ACCOUNT,
            account.id(),
            address,
            AccountResults.operationOf(account),
            ErrorKind.CONFLICT,
            "The mailbox "
                + address
                + " belongs to directory account "
                + owner
                + ", which maps to the same address; give one of them another e-mail address."));
    return false;
  }

  /** The department the account belongs in; null (after reporting it blocked) when it has none. */
  private String departmentFor(Account account, AccountJob job) {
    if (account.orgUnitIds().isEmpty()) {
      return rootId.get();
    }
    String primary = account.orgUnitIds().get(0);
    String department = links.targetId(ObjectType.ORG_UNIT, primary).orElse(null);
    if (department == null) {
      run.report(
          ObjectResult.blocked(
              ObjectType.ACCOUNT,
              account.id(),
              job.address,
              AccountResults.operationOf(account),
              "Not pushed: its org unit "
                  + primary
                  + " has no Alibaba Mail department (the unit was not pushed, or its push failed"
                  + " or was blocked)."));
      return null;
    }
    if (account.orgUnitIds().size() > 1) {
      List<String> others = account.orgUnitIds().subList(1, account.orgUnitIds().size());
      job.note(
          "Alibaba Mail keeps one department per mailbox: kept the primary org unit "
              + primary
              + "; not kept: "
              + String.join(", ", others)
              + ".");
    }
    return department;
  }

  private AccountJob planRevocation(Removal removal) {
    String linked = links.targetId(ObjectType.ACCOUNT, removal.hostId()).orElse(null);
    if (linked == null) {
      run.report(
          AccountResults.revoked(
              removal,
              removal.displayKey(),
              Outcome.UNCHANGED,
              "Never pushed to Alibaba Mail; nothing to revoke."));
      return null;
    }
    if (MailboxMapper.isPostmaster(linked)) {
      run.report(
          AccountResults.revoked(removal, linked, Outcome.SKIPPED, AccountResults.POSTMASTER));
      return null;
    }
    return AccountJob.revocation(removal, linked);
  }
}
