package dev.idaas.connector.testkit.contract.mirror;

import static dev.idaas.connector.api.ObjectType.ACCOUNT;
import static dev.idaas.connector.api.ObjectType.ORG_UNIT;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.Secret;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.support.Redactor;
import dev.idaas.connector.api.support.RequestBudget;
import dev.idaas.connector.api.support.Retrier;
import dev.idaas.connector.api.support.RetryPolicy;
import dev.idaas.connector.api.support.TreeOrder;
import dev.idaas.connector.api.support.TreeProblem;
import dev.idaas.connector.testkit.contract.mirror.MirrorDirectory.Department;
import dev.idaas.connector.testkit.contract.mirror.MirrorDirectory.Member;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pushes org units and accounts into a {@link MirrorDirectory}. Each object is matched by its link
 * first, then by its natural key (a department by name under the same parent, an account by key
 * ignoring case), and only then created. A preview takes the same path and skips the writes.
 *
 * <p>Each rule lives in one small package-private method, which a deliberately broken variant in
 * the tests overrides.
 */
class DirectoryMirrorConnector implements Connector {

  private static final System.Logger LOG =
      System.getLogger(DirectoryMirrorConnector.class.getName());
  private static final String NEVER_PUSHED = "never pushed; nothing to revoke";

  private final String directoryName;
  private final Secret apiKey;
  private final boolean deleteOnRevoke;
  private final ConnectorContext context;
  private final LinkStore links;
  private final RequestBudget budget;
  private final Retrier retrier = new Retrier(RetryPolicy.DEFAULT);
  private final Redactor redactor;
  private MirrorDirectory target;
  private SyncResult.Tally tally;
  private boolean dryRun;

  DirectoryMirrorConnector(ConnectorConfig config, ConnectorContext context) {
    this.directoryName = config.text(DirectoryMirrorProvider.DIRECTORY);
    this.apiKey = config.secret(DirectoryMirrorProvider.API_KEY);
    this.deleteOnRevoke = config.text(DirectoryMirrorProvider.REVOCATION).equals("delete");
    this.context = context;
    this.links = context.links();
    this.budget =
        RequestBudget.perSecond(config.integer(DirectoryMirrorProvider.REQUESTS_PER_SECOND));
    this.redactor = Redactor.of(apiKey);
  }

  @Override
  public ConnectionCheck checkConnection() {
    signIn();
    return new ConnectionCheck(List.of("signed in to " + directoryName, "root department found"));
  }

  @Override
  public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
    start(request);
    TreeOrder<OrgUnit> order =
        TreeOrder.ofUnits(request.upserts(), unit -> departmentOf(unit).isPresent());
    for (TreeProblem problem : order.problems()) {
      Subject unit =
          new Subject(ORG_UNIT, problem.id(), nameOf(request, problem.id()), false, null);
      report(unit.blocked(problem.message()));
    }

    Map<OrgUnit, String> moves = new LinkedHashMap<>();
    for (OrgUnit unit : order.parentsFirst()) {
      Optional<String> parent = parentOf(unit);
      Optional<Department> linked = departmentOf(unit.id()).flatMap(target::department);
      if (parent.isPresent()
          && linked.isPresent()
          && !linked.get().parentId().equals(parent.get())) {
        moves.put(unit, parent.get()); // once every unit is placed, in an order safe for moves
      } else {
        report(attempt(Subject.of(unit), () -> place(unit, parent, linked)));
      }
    }
    for (OrgUnit unit : wholeTree(request.upserts()).inSafeMoveOrder(moves.keySet())) {
      report(attempt(Subject.of(unit), () -> move(unit, moves.get(unit))));
    }

    for (Removal removal : deletionOrder(request.removals())) {
      Subject unit = Subject.of(ORG_UNIT, removal);
      report(attempt(unit, () -> deleteDepartment(unit, removal)));
    }
    return tally.result();
  }

  @Override
  public SyncResult authorizeAccounts(SyncRequest<Account> request) {
    start(request);
    for (Account account : request.upserts()) {
      report(attempt(Subject.of(account), () -> upsert(account)));
    }
    for (Removal removal : request.removals()) {
      Subject account = Subject.of(ACCOUNT, removal);
      Optional<Member> current = links.targetId(ACCOUNT, removal.hostId()).flatMap(target::account);
      report(
          attempt(
              account,
              () ->
                  current.isEmpty()
                      ? account.revoked(Outcome.SKIPPED, null, NEVER_PUSHED)
                      : revoke(removal, current.get())));
    }
    return tally.result();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "DirectoryMirrorConnector[" + directoryName + ", apiKey " + apiKey + "]";
  }

  // ---- org units

  private ObjectResult place(OrgUnit unit, Optional<String> parent, Optional<Department> linked) {
    if (parent.isEmpty()) {
      return Subject.of(unit).blocked("its parent " + unit.parentId() + " has no department");
    }
    if (linked.isPresent()) {
      String id = linked.get().id();
      boolean renamed = !linked.get().name().equals(unit.name());
      write(
          "updateDepartment",
          renamed,
          () -> target.updateDepartment(id, parent.get(), unit.name()));
      return Subject.of(unit).upserted(renamed ? Outcome.UPDATED : Outcome.UNCHANGED, id);
    }
    Optional<Department> same = findDepartment(parent.get(), unit.name());
    String id = same.isPresent() ? same.get().id() : create(unit, parent.get());
    links.link(ORG_UNIT, unit.id(), id);
    return Subject.of(unit).upserted(same.isPresent() ? Outcome.LINKED : Outcome.CREATED, id);
  }

  private String create(OrgUnit unit, String parent) {
    if (dryRun) {
      return "preview-" + unit.id(); // a link in the preview's throw-away link store only
    }
    return call("createDepartment", () -> target.createDepartment(parent, unit.name()));
  }

  private ObjectResult move(OrgUnit unit, String parent) {
    String id = departmentOf(unit.id()).orElseThrow();
    write("updateDepartment", true, () -> target.updateDepartment(id, parent, unit.name()));
    return Subject.of(unit).upserted(Outcome.MOVED, id);
  }

  private ObjectResult deleteDepartment(Subject unit, Removal removal) {
    Optional<String> id =
        departmentOf(removal.hostId()).filter(d -> target.department(d).isPresent());
    if (id.isEmpty()) {
      return unit.revoked(Outcome.SKIPPED, null, NEVER_PUSHED);
    }
    write("deleteDepartment", true, () -> target.deleteDepartment(id.get()));
    links.unlink(ORG_UNIT, removal.hostId());
    return unit.revoked(Outcome.DELETED, id.get(), null);
  }

  /** Deletions leaf-first: the deepest department goes first, so no parent still has a child. */
  List<Removal> deletionOrder(List<Removal> removals) {
    Comparator<Removal> depth =
        Comparator.comparingInt(r -> departmentOf(r.hostId()).map(target::depth).orElse(0));
    return removals.stream().sorted(depth.reversed()).toList();
  }

  Optional<Department> findDepartment(String parentId, String name) {
    return target.departments().stream()
        .filter(d -> parentId.equals(d.parentId()) && d.name().equals(name))
        .findFirst();
  }

  /**
   * The tree as it will be: every linked unit where the mirror has it, with the request's units
   * where they go. Moves are ordered by depth in this whole tree, not in the request alone, so
   * units whose new parents lie outside the request still move in a safe order.
   */
  private TreeOrder<OrgUnit> wholeTree(List<OrgUnit> upserts) {
    Map<String, String> unitOf = new HashMap<>();
    links.all(ORG_UNIT).forEach((unit, department) -> unitOf.put(department, unit));
    Map<String, OrgUnit> units = new LinkedHashMap<>();
    unitOf.forEach(
        (department, unit) ->
            target
                .department(department)
                .ifPresent(
                    d -> units.put(unit, OrgUnit.of(unit, unitOf.get(d.parentId()), "", 0))));
    upserts.forEach(unit -> units.put(unit.id(), unit));
    return TreeOrder.ofUnits(units.values(), parent -> false);
  }

  // ---- accounts

  private ObjectResult upsert(Account account) {
    Subject subject = Subject.of(account);
    if (account.email() == null) {
      return subject.failed(ErrorKind.INVALID_DATA, "no e-mail address, the mirror's account key");
    }
    Optional<String> unit = account.primaryOrgUnitId();
    Optional<String> department =
        unit.isEmpty() ? Optional.of(MirrorDirectory.ROOT) : departmentOf(unit.get());
    if (department.isEmpty()) {
      return subject.blocked("its org unit " + unit.get() + " has no department");
    }
    String key = account.email().toLowerCase(Locale.ROOT);
    Member wanted = new Member(key, account.displayName(), department.get(), account.isActive());

    Optional<Member> linked = links.targetId(ACCOUNT, account.id()).flatMap(target::account);
    if (linked.isPresent()) {
      return update(subject, linked.get(), wanted);
    }
    Optional<Member> existing = findAccount(key);
    if (existing.isPresent()) {
      return adopt(subject, existing.get(), wanted);
    }
    if (!account.isActive()) {
      return subject.upserted(Outcome.SKIPPED, null, "disabled in the directory, never pushed");
    }
    write("putAccount", true, () -> target.putAccount(wanted));
    links.link(ACCOUNT, account.id(), key);
    return subject.upserted(Outcome.CREATED, key);
  }

  private ObjectResult update(Subject account, Member current, Member wanted) {
    Member changed =
        new Member(current.key(), wanted.name(), wanted.departmentId(), wanted.enabled());
    if (!accountChanged(current, changed)) {
      return account.upserted(Outcome.UNCHANGED, current.key());
    }
    write("putAccount", true, () -> target.putAccount(changed));
    if (current.enabled() != changed.enabled()) {
      return changed.enabled()
          ? account.done(Operation.ENABLE, Outcome.ENABLED, current.key(), null)
          : account.done(Operation.DISABLE, Outcome.DISABLED, current.key(), null);
    }
    boolean moved = !current.departmentId().equals(changed.departmentId());
    return account.upserted(moved ? Outcome.MOVED : Outcome.UPDATED, current.key());
  }

  private ObjectResult adopt(Subject account, Member existing, Member wanted) {
    Optional<String> owner =
        links.all(ACCOUNT).entrySet().stream()
            .filter(link -> link.getValue().equals(existing.key()))
            .map(Map.Entry::getKey)
            .filter(hostId -> !hostId.equals(account.hostId()))
            .findFirst();
    if (owner.isPresent()) {
      return account.failed(ErrorKind.CONFLICT, existing.key() + " belongs to " + owner.get());
    }
    Member adopted =
        new Member(existing.key(), wanted.name(), wanted.departmentId(), wanted.enabled());
    write("putAccount", !adopted.equals(existing), () -> target.putAccount(adopted));
    links.link(ACCOUNT, account.hostId(), existing.key());
    return account.upserted(Outcome.LINKED, existing.key());
  }

  /** Revocation disables by default, and parks the account in the root so its unit can go. */
  ObjectResult revoke(Removal removal, Member current) {
    return deleteOnRevoke ? deleteAccount(removal, current) : disableAccount(removal, current);
  }

  /** Deletes a revoked account: only when the operator chose deletion. */
  final ObjectResult deleteAccount(Removal removal, Member current) {
    write("deleteAccount", true, () -> target.deleteAccount(current.key()));
    links.unlink(ACCOUNT, removal.hostId());
    return Subject.of(ACCOUNT, removal)
        .revoked(Outcome.DELETED, current.key(), removal.reason().name());
  }

  private ObjectResult disableAccount(Removal removal, Member current) {
    Member parked = new Member(current.key(), current.name(), MirrorDirectory.ROOT, false);
    boolean changed = !parked.equals(current);
    write("putAccount", changed, () -> target.putAccount(parked));
    Outcome outcome = changed ? Outcome.DISABLED : Outcome.UNCHANGED;
    return Subject.of(ACCOUNT, removal).revoked(outcome, current.key(), removal.reason().name());
  }

  Optional<Member> findAccount(String key) {
    return target.accounts().stream().filter(a -> a.key().equalsIgnoreCase(key)).findFirst();
  }

  boolean accountChanged(Member current, Member wanted) {
    return !current.equals(wanted);
  }

  // ---- shared

  /** Whether a request writes; false for a preview. */
  boolean writes(SyncRequest<?> request) {
    return !request.preview();
  }

  /** Reports one result to the host, as soon as it is known, and counts it. */
  void report(ObjectResult result) {
    context.events().report(result);
    tally.add(result);
  }

  private void start(SyncRequest<?> request) {
    target = signIn();
    tally = SyncResult.tally();
    dryRun = !writes(request);
    LOG.log(Level.DEBUG, "{0} objects for {1}, preview {2}", request.size(), directoryName, dryRun);
  }

  /**
   * The directory, once the key is accepted.
   *
   * @throws ConnectorException a run-level failure: no such directory, or the key refused
   */
  private MirrorDirectory signIn() {
    MirrorDirectory directory =
        MirrorDirectory.named(directoryName)
            .orElseThrow(
                () ->
                    new ConnectorException(
                        ErrorKind.UNAVAILABLE,
                        "There is no mirror directory " + directoryName + "; check 'directory'."));
    if (!directory.accepts(apiKey)) {
      throw new ConnectorException(
          ErrorKind.AUTHENTICATION,
          "The mirror directory " + directoryName + " refused the API key; check 'apiKey'.");
    }
    return directory;
  }

  private Optional<String> departmentOf(String unitId) {
    return links.targetId(ORG_UNIT, unitId);
  }

  private Optional<String> parentOf(OrgUnit unit) {
    return unit.isTopLevel() ? Optional.of(MirrorDirectory.ROOT) : departmentOf(unit.parentId());
  }

  /** Does the work for one object; a refusal of the target fails that object only. */
  private ObjectResult attempt(Subject subject, Supplier<ObjectResult> work) {
    try {
      return work.get();
    } catch (ConnectorException refused) {
      return subject.failed(refused.kind(), redactor.scrub(refused.getMessage()));
    }
  }

  /** Calls the mirror within the budget, retrying what a real target refuses for a moment. */
  private <T> T call(String what, Supplier<T> call) {
    try {
      budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ErrorKind.CANCELLED, "Interrupted before " + what + ".", e);
    }
    LOG.log(Level.DEBUG, "Calling {0} on {1}", what, directoryName);
    return retrier.call(what, call);
  }

  /** Makes a write, unless it is not needed or the request is a preview. */
  private void write(String what, boolean needed, Runnable write) {
    if (needed && !dryRun) {
      call(
          what,
          () -> {
            write.run();
            return null;
          });
    }
  }

  private static String nameOf(SyncRequest<OrgUnit> request, String unitId) {
    return request.upserts().stream()
        .filter(unit -> unit.id().equals(unitId))
        .map(OrgUnit::name)
        .findFirst()
        .orElse(unitId);
  }

  /**
   * The object a result is about.
   *
   * @param revocation whether the work on it is a revocation rather than an upsert
   * @param note what the connector could not keep, added to a successful result; may be null
   */
  private record Subject(
      ObjectType type, String hostId, String key, boolean revocation, String note) {

    static Subject of(OrgUnit unit) {
      return new Subject(ORG_UNIT, unit.id(), unit.name(), false, null);
    }

    static Subject of(Account account) {
      List<String> units = account.orgUnitIds();
      String note =
          units.size() < 2
              ? null
              : "one department per account; not kept: " + units.subList(1, units.size());
      String key = account.email() == null ? account.username() : account.email();
      return new Subject(ACCOUNT, account.id(), key, false, note);
    }

    static Subject of(ObjectType type, Removal removal) {
      return new Subject(type, removal.hostId(), removal.displayKey(), true, null);
    }

    ObjectResult done(Operation operation, Outcome outcome, String targetId, String message) {
      String text = message == null ? note : message;
      return ObjectResult.done(type, hostId, key, operation, outcome, targetId, text);
    }

    ObjectResult upserted(Outcome outcome, String targetId) {
      return done(Operation.UPSERT, outcome, targetId, null);
    }

    ObjectResult upserted(Outcome outcome, String targetId, String message) {
      return done(Operation.UPSERT, outcome, targetId, message);
    }

    ObjectResult revoked(Outcome outcome, String targetId, String message) {
      return done(Operation.REVOKE, outcome, targetId, message);
    }

    ObjectResult blocked(String why) {
      return ObjectResult.blocked(type, hostId, key, Operation.UPSERT, "Not pushed: " + why + ".");
    }

    ObjectResult failed(ErrorKind kind, String message) {
      Operation operation = revocation ? Operation.REVOKE : Operation.UPSERT;
      return ObjectResult.failed(type, hostId, key, operation, kind, message);
    }
  }
}
