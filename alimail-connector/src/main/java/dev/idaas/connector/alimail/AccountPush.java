package dev.idaas.connector.alimail;

import dev.idaas.connector.alimail.AliMailApi.NewMailbox;
import dev.idaas.connector.alimail.AliMailSettings.Revocation;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
  private final InitialPasswords passwords;
  private final Revocation revocation;
  private final int batchSize;
  private final Supplier<String> rootId;

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
    this.passwords = passwords;
    this.revocation = settings.revocation();
    this.batchSize = settings.accountBatchSize();
    this.rootId = rootId;
  }

  /**
   * Runs the phases. A run-level failure in any phase ends the push with that failure; what was
   * reported until then stays reported, and nothing half-done is reported as done.
   */
  void push(List<Account> upserts, List<Removal> removals) {
    List<AccountJob> jobs = plan(upserts, removals);

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

  // ---------------------------------------------------------------- plan

  private List<AccountJob> plan(List<Account> upserts, List<Removal> removals) {
    Map<String, String> owners = new HashMap<>();
    links
        .all(ObjectType.ACCOUNT)
        .forEach((account, address) -> owners.putIfAbsent(BatchResult.key(address), account));

    Set<String> seen = new HashSet<>();
    List<AccountJob> jobs = new ArrayList<>();
    for (Account account : upserts) {
      if (!seen.add(account.id())) {
        LOG.log(
            Level.WARNING,
            "Account {0} appears twice in one request; the first is kept",
            account.id());
        continue;
      }
      addIfWork(jobs, planUpsert(account, owners));
    }
    for (Removal removal : removals) {
      if (seen.add(removal.hostId())) {
        addIfWork(jobs, planRevocation(removal));
      }
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
          skipped(
              account, null, "Disabled in the directory and never pushed, so no mailbox is made."));
      return null;
    }

    String address;
    try {
      address = linked != null ? linked : mapper.address(account);
    } catch (ConnectorException invalid) {
      run.report(failed(account, null, invalid));
      return null;
    }
    if (MailboxMapper.isPostmaster(address)) {
      run.report(skipped(account, address, postmasterNote()));
      return null;
    }
    if (linked == null && !claim(owners, address, account)) {
      return null;
    }

    AccountJob job = AccountJob.upsert(account, address);
    job.linked = linked != null;
    job.profile = mapper.profile(account);
    job.departmentId = departmentFor(account, job);
    return job.departmentId == null ? null : job;
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
            operationOf(account),
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
              operationOf(account),
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
      run.report(revoked(removal, removal.displayKey(), Outcome.UNCHANGED, neverPushedNote()));
      return null;
    }
    if (MailboxMapper.isPostmaster(linked)) {
      run.report(revoked(removal, linked, Outcome.SKIPPED, postmasterNote()));
      return null;
    }
    return AccountJob.revocation(removal, linked);
  }

  // ---------------------------------------------------------------- read

  private void readLinked(List<AccountJob> jobs) {
    List<AccountJob> linked = select(jobs, job -> job.linked);
    workers.each(run, batches(linked, AliMailApi.PAGE), this::read);
    linked.stream()
        .filter(job -> job.current == null && !job.failed())
        .forEach(this::linkedButGone);
  }

  private void read(List<AccountJob> batch) {
    try {
      Map<String, Mailbox> found = api.accountsInfo(addresses(batch));
      batch.forEach(job -> job.current = found.get(BatchResult.key(job.address)));
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
      recoverLostCreate(batch, lost, mayRetry);
      return;
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      batch.forEach(job -> job.fail(cause));
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
      recoverLostCreate(
          unknown,
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
   * The answer to a create was lost. Alibaba Mail has no idempotency key, so creating again could
   * make a second mailbox or fail half-way: look every address up first; link what exists, and
   * create again, once, only what is known to be missing.
   */
  private void recoverLostCreate(
      List<AccountJob> batch, AmbiguousWriteException lost, boolean mayRetry) {
    Map<String, Mailbox> found;
    try {
      found = lookUp(addresses(batch));
    } catch (ConnectorException failure) {
      ConnectorException cause = run.objectLevel(failure);
      batch.forEach(job -> job.fail(cause));
      return;
    }

    List<AccountJob> missing = new ArrayList<>();
    for (AccountJob job : batch) {
      Mailbox mailbox = found.get(BatchResult.key(job.address));
      if (mailbox == null) {
        missing.add(job);
      } else {
        job.address = mailbox.email();
        job.current = mailbox;
        links.link(ObjectType.ACCOUNT, job.hostId(), job.address);
        job.origin = Outcome.CREATED;
        job.note("The answer was lost; the mailbox was found and linked.");
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    if (mayRetry) {
      LOG.log(
          Level.DEBUG,
          "{0} lost mailbox(es) were not made; creating them once more",
          missing.size());
      createBatch(missing, false);
    } else {
      missing.forEach(job -> job.fail(lost));
    }
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
      job.address = mailbox.email();
      job.current = mailbox;
      job.origin = Outcome.LINKED;
      links.link(ObjectType.ACCOUNT, job.hostId(), job.address);
      job.note("Adopted the existing mailbox with the same address.");
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
    job.moveTo = now != null && !now.equals(job.departmentId) ? job.departmentId : null;
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
        job -> job.did("moved to department " + department));
  }

  private void setStatus(boolean frozen, List<AccountJob> batch) {
    forEachResult(
        batch,
        () -> api.updateAccountsStatus(addresses(batch), frozen),
        job -> job.did(frozen ? "frozen" : "unfrozen"));
  }

  private void delete(List<AccountJob> batch) {
    forEachResult(
        batch,
        () -> api.removeAccounts(addresses(batch)),
        job -> {
          links.unlink(ObjectType.ACCOUNT, job.hostId());
          job.did("deleted");
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
    run.report(resultOf(job));
  }

  private ObjectResult resultOf(AccountJob job) {
    Operation operation = operationOf(job);
    ConnectorException failure = job.failure();
    if (failure != null) {
      String message =
          job.done().isEmpty()
              ? failure.getMessage()
              : failure.getMessage() + " Done before that: " + String.join("; ", job.done()) + ".";
      return new ObjectResult(
          ObjectType.ACCOUNT,
          job.hostId(),
          job.displayKey(),
          operation,
          Outcome.FAILED,
          null,
          failure.kind(),
          message,
          Duration.ZERO);
    }
    Outcome outcome = outcomeOf(job);
    String target = outcome == Outcome.DELETED || job.gone ? null : job.address;
    return ObjectResult.done(
        ObjectType.ACCOUNT,
        job.hostId(),
        job.displayKey(),
        operation,
        outcome,
        target,
        noteOf(job, outcome));
  }

  private static Outcome outcomeOf(AccountJob job) {
    List<String> done = job.done();
    if (job.gone) {
      return job.isRevocation() ? Outcome.UNCHANGED : Outcome.SKIPPED;
    }
    if (job.origin != null) {
      return job.origin;
    }
    if (done.contains("deleted")) {
      return Outcome.DELETED;
    }
    if (done.contains("frozen")) {
      return Outcome.DISABLED;
    }
    if (done.contains("unfrozen")) {
      return Outcome.ENABLED;
    }
    if (done.stream().anyMatch(change -> change.startsWith("moved"))) {
      return Outcome.MOVED;
    }
    return done.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  private static String noteOf(AccountJob job, Outcome outcome) {
    List<String> parts = new ArrayList<>(job.notes());
    if (job.gone && !job.isRevocation()) {
      parts.add("The account is disabled in the directory, so no mailbox is made again.");
    } else if (job.gone) {
      parts.add("The mailbox was already gone.");
    }
    if (!job.done().isEmpty() && outcome != Outcome.DELETED) {
      parts.add("Changes: " + String.join("; ", job.done()) + ".");
    }
    if (job.isRevocation() && outcome == Outcome.UNCHANGED && !job.gone) {
      parts.add("The mailbox was already frozen.");
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static Operation operationOf(AccountJob job) {
    if (job.isRevocation()) {
      return Operation.REVOKE;
    }
    if (job.done().contains("unfrozen")) {
      return Operation.ENABLE;
    }
    return operationOf(job.account);
  }

  private static Operation operationOf(Account account) {
    return account.isActive() ? Operation.UPSERT : Operation.DISABLE;
  }

  private static ObjectResult skipped(Account account, String address, String note) {
    return ObjectResult.done(
        ObjectType.ACCOUNT,
        account.id(),
        address != null ? address : displayKeyOf(account),
        operationOf(account),
        Outcome.SKIPPED,
        null,
        note);
  }

  private static ObjectResult failed(Account account, String address, ConnectorException failure) {
    return ObjectResult.failed(
        ObjectType.ACCOUNT,
        account.id(),
        address != null ? address : displayKeyOf(account),
        operationOf(account),
        failure.kind(),
        failure.getMessage());
  }

  private static ObjectResult revoked(
      Removal removal, String address, Outcome outcome, String note) {
    return ObjectResult.done(
        ObjectType.ACCOUNT, removal.hostId(), address, Operation.REVOKE, outcome, null, note);
  }

  private static String displayKeyOf(Account account) {
    return account.email() != null && !account.email().isBlank()
        ? account.email()
        : account.username();
  }

  private String postmasterNote() {
    return "postmaster@ is the domain administrator's mailbox; this connector never changes it.";
  }

  private String neverPushedNote() {
    return "Never pushed to Alibaba Mail; nothing to revoke.";
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
