package dev.idaas.connector.alimail;

import dev.idaas.connector.alimail.AliMailApi.NewMailbox;
import dev.idaas.connector.alimail.AliMailSettings.Revocation;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Pushes accounts as mailboxes, for one run, in phases that each use the worker pool:
 *
 * <ol>
 *   <li><b>Plan</b> without calls: address, owner, department. What needs no call (skipped,
 *       blocked, conflicting) is reported at once.
 *   <li><b>Read</b> the linked mailboxes with {@code getAccountsInfo}, 100 addresses a call. This
 *       costs one call per 100 accounts however they spread over departments, where listing each
 *       department with {@code getAccountList} costs at least one call per department, and would
 *       also return mailboxes this connector must not touch.
 *   <li><b>Create</b> unlinked mailboxes in batches, without reading first: on a first push almost
 *       none exist, so reading would cost as many calls as creating. An address that is taken (code
 *       1601) is looked up and adopted; a batch whose answer was lost is looked up too, never
 *       created blindly again.
 *   <li><b>Apply</b> the differences between each read or adopted mailbox and the directory:
 *       changed profile fields ({@code updateAccountInfo}, only those fields), department moves
 *       (batched by department), freezes and unfreezes, deletions.
 *   <li><b>Report</b> one result per account.
 * </ol>
 */
final class AccountPush {

  private static final System.Logger LOG = System.getLogger(AccountPush.class.getName());

  private final AliMailApi api;
  private final LinkStore links;
  private final Run run;
  private final Workers workers;
  private final MailboxMapper mapper;
  private final AccountPlanner planner;
  private final InitialPasswords passwords;
  private final Revocation revocation;
  private final int batchSize;

  AccountPush(
      AliMailApi api,
      LinkStore links,
      Run run,
      Workers workers,
      AliMailSettings settings,
      InitialPasswords passwords,
      Supplier<String> rootId) {
    this.api = api;
    this.links = links;
    this.run = run;
    this.workers = workers;
    this.mapper = new MailboxMapper(settings);
    this.planner = new AccountPlanner(links, run, mapper, rootId);
    this.passwords = passwords;
    this.revocation = settings.revocation();
    this.batchSize = settings.accountBatchSize();
  }

  /**
   * Runs the phases. A run-level failure in any phase ends the push with that failure; what was
   * reported until then stays reported, and nothing half-done is reported as done.
   */
  void push(List<Account> upserts, List<Removal> removals) {
    List<AccountJob> jobs = planner.plan(upserts, removals);

    readLinked(jobs);
    run.checkGoing();
    create(select(jobs, job -> !job.isRevocation() && job.current == null && !job.gone));
    run.checkGoing();
    adopt(select(jobs, job -> job.taken && !job.failed()));
    run.checkGoing();

    jobs.forEach(this::findChanges);
    apply(jobs);
    run.checkGoing();
    jobs.forEach(this::report);
  }

  // ---------------------------------------------------------------- read

  private void readLinked(List<AccountJob> jobs) {
    List<AccountJob> linked = select(jobs, job -> job.linked);
    workers.each(run, batches(linked, AliMailApi.PAGE), this::read);
    linked.stream()
        .filter(job -> job.current == null && !job.failed())
        .forEach(this::linkedButGone);
  }

  /**
   * Reads a batch of linked mailboxes. A mailbox the answer neither lists nor says is missing is
   * not taken as gone: forgetting its link would also forget its revocation, so the job fails and
   * the next run reads it again.
   */
  private void read(List<AccountJob> batch) {
    try {
      AliMailApi.MailboxLookup lookup = api.lookUp(addresses(batch));
      for (AccountJob job : batch) {
        job.current = lookup.found().get(BatchResult.key(job.address));
        if (!lookup.mentions(job.address)) {
          job.fail(
              new ConnectorException(
                  ErrorKind.UNAVAILABLE,
                  AliMailErrors.SYSTEM
                      + "'s answer to getAccountsInfo did not mention the mailbox "
                      + job.address
                      + ", neither as found nor as missing; it is read again next time."));
        }
      }
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      batch.forEach(job -> job.fail(cause));
    }
  }

  /** A linked mailbox that no longer exists: forget the link, and make it again if it is wanted. */
  private void linkedButGone(AccountJob job) {
    links.unlink(ObjectType.ACCOUNT, job.hostId());
    job.gone = true;
    job.note("The linked mailbox " + job.address + " no longer existed.");
    if (job.isRevocation() || job.wantsFrozen()) {
      return;
    }
    try {
      job.address = mapper.address(job.account);
      job.gone = false;
    } catch (ConnectorException invalid) {
      job.fail(invalid);
    }
  }

  // ---------------------------------------------------------------- create

  private void create(List<AccountJob> jobs) {
    workers.each(
        run,
        batches(select(jobs, job -> !job.failed()), batchSize),
        batch -> createBatch(batch, true));
  }

  private void createBatch(List<AccountJob> batch, boolean mayRetry) {
    List<NewMailbox> mailboxes = new ArrayList<>();
    for (AccountJob job : batch) {
      mailboxes.add(
          new NewMailbox(
              job.address, job.profile, passwords.forAccount(job.account), job.departmentId));
    }

    BatchResult result;
    try {
      result = api.createAccounts(mailboxes);
    } catch (AmbiguousWriteException lost) {
      lookUpAfterCreate(batch, Outcome.CREATED, lost, mayRetry);
      return;
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      if ("1601".equals(cause.targetCode().orElse(null))) {
        // The whole call was refused because some address exists; which ones, a look-up tells.
        lookUpAfterCreate(batch, Outcome.LINKED, cause, mayRetry);
      } else {
        batch.forEach(job -> job.fail(cause));
      }
      return;
    }

    List<AccountJob> unknown = new ArrayList<>();
    for (AccountJob job : batch) {
      ConnectorException refused = result.failureOf(job.address);
      if (result.succeeded().contains(BatchResult.key(job.address))) {
        created(job, null);
      } else if (refused != null && "1601".equals(refused.targetCode().orElse(null))) {
        job.taken = true;
      } else if (refused != null) {
        job.fail(refused);
      } else {
        unknown.add(job);
      }
    }
    if (!unknown.isEmpty()) {
      lookUpAfterCreate(
          unknown,
          Outcome.CREATED,
          new AmbiguousWriteException(
              new ConnectorException(
                  ErrorKind.UNAVAILABLE,
                  AliMailErrors.SYSTEM + "'s answer to createAccounts did not list this mailbox.")),
          mayRetry);
    }
  }

  private void created(AccountJob job, String note) {
    links.link(ObjectType.ACCOUNT, job.hostId(), job.address);
    job.origin = Outcome.CREATED;
    job.gone = false;
    job.note(note);
    report(job);
  }

  /**
   * A create whose outcome per address is unknown: its answer was lost, did not list some
   * addresses, or refused the whole call because some address exists. Alibaba Mail has no
   * idempotency key, so creating again blindly could make a second mailbox: look every address up
   * first, link what exists (as {@code foundOrigin}), and create again, once, only what is known to
   * be missing.
   */
  private void lookUpAfterCreate(
      List<AccountJob> batch, Outcome foundOrigin, ConnectorException cause, boolean mayRetry) {
    Map<String, Mailbox> found;
    try {
      found = lookUp(addresses(batch));
    } catch (ConnectorException failure) {
      ConnectorException lookupFailure = run.objectLevel(failure);
      batch.forEach(job -> job.fail(lookupFailure));
      return;
    }

    List<AccountJob> missing = new ArrayList<>();
    for (AccountJob job : batch) {
      Mailbox mailbox = found.get(BatchResult.key(job.address));
      if (mailbox == null) {
        missing.add(job);
      } else {
        linkFound(job, mailbox, foundOrigin);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (mayRetry) {
      LOG.log(
          Level.DEBUG,
          "{0} mailbox(es) are known to be missing; creating them once more",
          missing.size());
      createBatch(missing, false);
    } else {
      missing.forEach(job -> job.fail(cause));
    }
  }

  private void linkFound(AccountJob job, Mailbox mailbox, Outcome origin) {
    job.address = mailbox.email();
    job.current = mailbox;
    job.origin = origin;
    links.link(ObjectType.ACCOUNT, job.hostId(), job.address);
    job.note(
        origin == Outcome.LINKED
            ? "Adopted the existing mailbox with the same address."
            : "The answer was lost; the mailbox was found and linked.");
  }

  // ---------------------------------------------------------------- adopt

  private void adopt(List<AccountJob> taken) {
    workers.each(run, batches(taken, AliMailApi.PAGE), this::adoptBatch);
  }

  private void adoptBatch(List<AccountJob> batch) {
    Map<String, Mailbox> found;
    try {
      found = api.accountsInfo(addresses(batch));
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      batch.forEach(job -> job.fail(cause));
      return;
    }
    for (AccountJob job : batch) {
      Mailbox mailbox = found.get(BatchResult.key(job.address));
      if (mailbox == null) {
        job.fail(
            new ConnectorException(
                ErrorKind.CONFLICT,
                AliMailErrors.SYSTEM
                    + " says the mailbox "
                    + job.address
                    + " exists (code 1601) but cannot find it by that address; it may be an alias"
                    + " of another mailbox, or in the recycle bin."));
        continue;
      }
      linkFound(job, mailbox, Outcome.LINKED);
    }
  }

  private Map<String, Mailbox> lookUp(List<String> addresses) {
    Map<String, Mailbox> found = new HashMap<>();
    for (List<String> batch : batches(addresses, AliMailApi.PAGE)) {
      found.putAll(api.accountsInfo(batch));
    }
    return found;
  }

  // ---------------------------------------------------------------- apply

  private void findChanges(AccountJob job) {
    if (job.reported || job.failed() || job.current == null) {
      return;
    }
    Boolean frozen = job.current.frozen();
    if (job.isRevocation()) {
      job.delete = revocation == Revocation.DELETE;
      job.freezeTo = !job.delete && !Boolean.TRUE.equals(frozen) ? Boolean.TRUE : null;
      return;
    }
    job.fieldChanges = MailboxMapper.changes(job.profile, job.current);
    String now = job.current.departmentId();
    boolean elsewhere = job.departmentId != null && now != null && !now.equals(job.departmentId);
    job.moveTo = elsewhere ? job.departmentId : null;
    if (job.wantsFrozen()) {
      // Unknown status counts as not frozen: freezing twice is harmless, missing a freeze is not.
      job.freezeTo = Boolean.TRUE.equals(frozen) ? null : Boolean.TRUE;
    } else {
      job.freezeTo = Boolean.TRUE.equals(frozen) ? Boolean.FALSE : null;
    }
  }

  private void apply(List<AccountJob> jobs) {
    List<AccountJob> ready =
        select(jobs, job -> !job.reported && !job.failed() && job.hasChanges());
    List<Runnable> calls = new ArrayList<>();
    for (AccountJob job : select(ready, job -> !job.fieldChanges.isEmpty())) {
      calls.add(() -> updateProfile(job));
    }
    for (Group group :
        groupedBatches(select(ready, job -> job.moveTo != null), job -> job.moveTo)) {
      calls.add(() -> move(group.key(), group.jobs()));
    }
    for (Group group :
        groupedBatches(
            select(ready, job -> job.freezeTo != null), job -> job.freezeTo.toString())) {
      calls.add(() -> setStatus(Boolean.parseBoolean(group.key()), group.jobs()));
    }
    for (List<AccountJob> batch : batches(select(ready, job -> job.delete), batchSize)) {
      calls.add(() -> delete(batch));
    }
    workers.each(run, calls, Runnable::run);
  }

  private void updateProfile(AccountJob job) {
    try {
      api.updateAccountInfo(job.address, job.fieldChanges);
      job.did("updated " + String.join(", ", wireNames(job.fieldChanges.keySet())));
    } catch (ConnectorException failure) {
      job.fail(run.objectLevel(failure));
    }
  }

  private void move(String department, List<AccountJob> batch) {
    forEachResult(
        batch,
        () -> api.moveAccounts(department, addresses(batch)),
        job -> job.did(AccountResults.MOVED_TO + department));
  }

  private void setStatus(boolean frozen, List<AccountJob> batch) {
    forEachResult(
        batch,
        () -> api.updateAccountsStatus(addresses(batch), frozen),
        job -> job.did(frozen ? AccountResults.FROZEN : AccountResults.UNFROZEN));
  }

  private void delete(List<AccountJob> batch) {
    forEachResult(
        batch,
        () -> api.removeAccounts(addresses(batch)),
        job -> {
          links.unlink(ObjectType.ACCOUNT, job.hostId());
          job.did(AccountResults.DELETED);
        });
  }

  /** Runs one batch call and records each address's result on its job. */
  private void forEachResult(
      List<AccountJob> batch, Supplier<BatchResult> call, Consumer<AccountJob> onSuccess) {
    BatchResult result;
    try {
      result = call.get();
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      batch.forEach(job -> job.fail(cause));
      return;
    }
    for (AccountJob job : batch) {
      ConnectorException refused = result.failureOf(job.address);
      if (refused == null) {
        onSuccess.accept(job);
      } else if (job.isRevocation() && "1602".equals(refused.targetCode().orElse(null))) {
        links.unlink(ObjectType.ACCOUNT, job.hostId());
        job.gone = true;
      } else {
        job.fail(refused);
      }
    }
  }

  // ---------------------------------------------------------------- report

  private void report(AccountJob job) {
    if (job.reported) {
      return;
    }
    job.reported = true;
    run.report(AccountResults.resultOf(job));
  }

  // ---------------------------------------------------------------- helpers

  private static List<AccountJob> select(List<AccountJob> jobs, Predicate<AccountJob> wanted) {
    return jobs.stream().filter(wanted).toList();
  }

  private static List<String> addresses(List<AccountJob> jobs) {
    return jobs.stream().map(job -> job.address).toList();
  }

  private static List<String> wireNames(Set<MailboxField> fields) {
    return fields.stream().map(MailboxField::wireName).toList();
  }

  static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
    }
    return batches;
  }

  /** Jobs that share a key (a department, a status), cut into batches. */
  private record Group(String key, List<AccountJob> jobs) {}

  private List<Group> groupedBatches(List<AccountJob> jobs, Function<AccountJob, String> key) {
    Map<String, List<AccountJob>> groups = new LinkedHashMap<>();
    jobs.forEach(job -> groups.computeIfAbsent(key.apply(job), k -> new ArrayList<>()).add(job));
    List<Group> batched = new ArrayList<>();
    groups.forEach(
        (group, members) ->
            batches(members, batchSize).forEach(batch -> batched.add(new Group(group, batch))));
    return batched;
  }
}
