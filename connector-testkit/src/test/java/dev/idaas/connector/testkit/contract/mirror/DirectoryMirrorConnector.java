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
 * <p>The methods a deliberately broken variant overrides are package-private and small: each holds
 * one rule.
 */
class DirectoryMirrorConnector implements Connector {

  private static final System.Logger LOG =
      System.getLogger(DirectoryMirrorConnector.class.getName());

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
    return new ConnectionCheck(
        List.of("signed in to the mirror directory " + directoryName, "root department found"));
  }

  @Override
  public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
    start(request);
    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(request.upserts(), this::hasDepartment);
    for (TreeProblem problem : order.problems()) {
      report(blocked(ORG_UNIT, problem.id(), nameOf(request, problem.id()), problem.message()));
    }
    Map<OrgUnit, String> moves = new LinkedHashMap<>();
    for (OrgUnit unit : order.parentsFirst()) {
      String parent =
          unit.isTopLevel() ? MirrorDirectory.ROOT : departmentOf(unit.parentId()).orElse(null);
      Optional<Department> linked = departmentOf(unit.id()).flatMap(target::department);
      if (parent != null && linked.isPresent() && !linked.get().parentId().equals(parent)) {
        moves.put(unit, parent); // after every unit is placed, in an order safe for moves
      } else {
        report(
            attempt(
                ORG_UNIT,
                unit.id(),
                unit.name(),
                Operation.UPSERT,
                () -> place(unit, parent, linked)));
      }
    }
    for (OrgUnit unit : wholeTree(request.upserts()).inSafeMoveOrder(moves.keySet())) {
      move(unit, moves.get(unit));
    }
    for (Removal removal : deletionOrder(request.removals())) {
      report(
          attempt(
              ORG_UNIT,
              removal.hostId(),
              removal.displayKey(),
              Operation.REVOKE,
              () -> deleteDepartment(removal)));
    }
    return tally.result();
  }

  @Override
  public SyncResult authorizeAccounts(SyncRequest<Account> request) {
    start(request);
    for (Account account : request.upserts()) {
      report(
          attempt(
              ACCOUNT, account.id(), displayKey(account), Operation.UPSERT, () -> upsert(account)));
    }
    for (Removal removal : request.removals()) {
      Optional<Member> current = links.targetId(ACCOUNT, removal.hostId()).flatMap(target::account);
      report(
          attempt(
              ACCOUNT,
              removal.hostId(),
              removal.displayKey(),
              Operation.REVOKE,
              () ->
                  current.isEmpty()
                      ? done(
                          ACCOUNT,
                          removal.hostId(),
                          removal.displayKey(),
                          Operation.REVOKE,
                          Outcome.SKIPPED,
                          null,
                          "never pushed; nothing to revoke")
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

  private ObjectResult place(OrgUnit unit, String parent, Optional<Department> linked) {
    if (parent == null) {
      return blocked(
          ORG_UNIT,
          unit.id(),
          unit.name(),
          "its parent org unit " + unit.parentId() + " has no department");
    }
    if (linked.isPresent()) {
      Department current = linked.get();
      boolean renamed = !current.name().equals(unit.name());
      write(
          "updateDepartment",
          renamed,
          () -> target.updateDepartment(current.id(), parent, unit.name()));
      return unitDone(unit, renamed ? Outcome.UPDATED : Outcome.UNCHANGED, current.id());
    }
    Optional<Department> same = findDepartment(parent, unit.name());
    String id =
        same.map(Department::id)
            .orElseGet(
                () ->
                    dryRun
                        ? "preview-" + unit.id()
                        : call(
                            "createDepartment",
                            () -> target.createDepartment(parent, unit.name())));
    links.link(ORG_UNIT, unit.id(), id);
    return unitDone(unit, same.isPresent() ? Outcome.LINKED : Outcome.CREATED, id);
  }

  private void move(OrgUnit unit, String parent) {
    String id = departmentOf(unit.id()).orElseThrow();
    report(
        attempt(
            ORG_UNIT,
            unit.id(),
            unit.name(),
            Operation.UPSERT,
            () -> {
              write(
                  "updateDepartment", true, () -> target.updateDepartment(id, parent, unit.name()));
              return unitDone(unit, Outcome.MOVED, id);
            }));
  }

  private ObjectResult deleteDepartment(Removal removal) {
    Optional<String> id =
        departmentOf(removal.hostId()).filter(d -> target.department(d).isPresent());
    if (id.isEmpty()) {
      return done(
          ORG_UNIT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          Outcome.SKIPPED,
          null,
          "never pushed; nothing to revoke");
    }
    write("deleteDepartment", true, () -> target.deleteDepartment(id.get()));
    links.unlink(ORG_UNIT, removal.hostId());
    return done(
        ORG_UNIT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        Outcome.DELETED,
        id.get(),
        null);
  }

  /** Deletions leaf-first: the deepest department goes first, so no parent still has a child. */
  List<Removal> deletionOrder(List<Removal> removals) {
    Comparator<Removal> deepestFirst =
        Comparator.comparingInt(r -> departmentOf(r.hostId()).map(target::depth).orElse(0));
    return removals.stream().sorted(deepestFirst.reversed()).toList();
  }

  Optional<Department> findDepartment(String parentId, String name) {
    return target.departments().stream()
        .filter(d -> parentId.equals(d.parentId()) && d.name().equals(name))
        .findFirst();
  }

  /**
   * The tree as it will be: every linked unit where the mirror has it, with the request's units
   * where they go. Moves are ordered by depth in this whole tree, not in the request alone, so two
   * units whose new parents lie outside the request still move in a safe order.
   */
  private TreeOrder<OrgUnit> wholeTree(List<OrgUnit> upserts) {
    Map<String, String> unitOfDepartment = new HashMap<>();
    links.all(ORG_UNIT).forEach((unit, department) -> unitOfDepartment.put(department, unit));
    Map<String, OrgUnit> units = new LinkedHashMap<>();
    links
        .all(ORG_UNIT)
        .forEach(
            (unit, department) ->
                target
                    .department(department)
                    .ifPresent(
                        d ->
                            units.put(
                                unit,
                                OrgUnit.of(
                                    unit, unitOfDepartment.get(d.parentId()), d.name(), 0))));
    upserts.forEach(unit -> units.put(unit.id(), unit));
    return TreeOrder.ofUnits(units.values(), parent -> false);
  }

  // ---- accounts

  private ObjectResult upsert(Account account) {
    String key = account.email() == null ? null : account.email().toLowerCase(Locale.ROOT);
    if (key == null) {
      return ObjectResult.failed(
          ACCOUNT,
          account.id(),
          displayKey(account),
          Operation.UPSERT,
          ErrorKind.INVALID_DATA,
          "has no e-mail address, the mirror's account key");
    }
    String unit = account.primaryOrgUnitId().orElse(null);
    String department = unit == null ? MirrorDirectory.ROOT : departmentOf(unit).orElse(null);
    if (department == null) {
      return blocked(
          ACCOUNT, account.id(), account.email(), "its org unit " + unit + " has no department");
    }
    Member wanted = new Member(key, account.displayName(), department, account.isActive());
    String note =
        account.orgUnitIds().size() > 1
            ? "the mirror keeps one department; not kept: "
                + account.orgUnitIds().subList(1, account.orgUnitIds().size())
            : null;

    Optional<Member> linked = links.targetId(ACCOUNT, account.id()).flatMap(target::account);
    if (linked.isPresent()) {
      return update(account, linked.get(), wanted, note);
    }
    Optional<Member> existing = findAccount(key);
    if (existing.isPresent()) {
      return adopt(account, existing.get(), wanted, note);
    }
    if (!account.isActive()) {
      return done(
          ACCOUNT,
          account.id(),
          account.email(),
          Operation.UPSERT,
          Outcome.SKIPPED,
          null,
          "disabled in the directory and never pushed");
    }
    write("putAccount", true, () -> target.putAccount(wanted));
    links.link(ACCOUNT, account.id(), key);
    return done(
        ACCOUNT, account.id(), account.email(), Operation.UPSERT, Outcome.CREATED, key, note);
  }

  private ObjectResult update(Account account, Member current, Member wanted, String note) {
    Member changed =
        new Member(current.key(), wanted.name(), wanted.departmentId(), wanted.enabled());
    if (!accountChanged(current, changed)) {
      return done(
          ACCOUNT,
          account.id(),
          account.email(),
          Operation.UPSERT,
          Outcome.UNCHANGED,
          current.key(),
          note);
    }
    write("putAccount", true, () -> target.putAccount(changed));
    if (current.enabled() != changed.enabled()) {
      Operation operation = changed.enabled() ? Operation.ENABLE : Operation.DISABLE;
      return done(
          ACCOUNT,
          account.id(),
          account.email(),
          operation,
          changed.enabled() ? Outcome.ENABLED : Outcome.DISABLED,
          current.key(),
          note);
    }
    Outcome outcome =
        current.departmentId().equals(changed.departmentId()) ? Outcome.UPDATED : Outcome.MOVED;
    return done(
        ACCOUNT, account.id(), account.email(), Operation.UPSERT, outcome, current.key(), note);
  }

  private ObjectResult adopt(Account account, Member existing, Member wanted, String note) {
    boolean taken =
        links.all(ACCOUNT).entrySet().stream()
            .anyMatch(
                link ->
                    link.getValue().equals(existing.key()) && !link.getKey().equals(account.id()));
    if (taken) {
      return ObjectResult.failed(
          ACCOUNT,
          account.id(),
          account.email(),
          Operation.UPSERT,
          ErrorKind.CONFLICT,
          "the key " + existing.key() + " belongs to another directory account");
    }
    Member adopted =
        new Member(existing.key(), wanted.name(), wanted.departmentId(), existing.enabled());
    write("putAccount", !adopted.equals(existing), () -> target.putAccount(adopted));
    links.link(ACCOUNT, account.id(), existing.key());
    return done(
        ACCOUNT,
        account.id(),
        account.email(),
        Operation.UPSERT,
        Outcome.LINKED,
        existing.key(),
        note);
  }

  /** Revocation disables by default, and parks the account in the root so its unit can go. */
  ObjectResult revoke(Removal removal, Member current) {
    return deleteOnRevoke ? deleteAccount(removal, current) : disableAccount(removal, current);
  }

  /** Deletes a revoked account: only when the operator chose deletion. */
  final ObjectResult deleteAccount(Removal removal, Member current) {
    write("deleteAccount", true, () -> target.deleteAccount(current.key()));
    links.unlink(ACCOUNT, removal.hostId());
    return done(
        ACCOUNT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        Outcome.DELETED,
        current.key(),
        removal.reason().name());
  }

  private ObjectResult disableAccount(Removal removal, Member current) {
    Member parked = new Member(current.key(), current.name(), MirrorDirectory.ROOT, false);
    boolean changed = !parked.equals(current);
    write("putAccount", changed, () -> target.putAccount(parked));
    return done(
        ACCOUNT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        changed ? Outcome.DISABLED : Outcome.UNCHANGED,
        current.key(),
        removal.reason().name());
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

  /** Reports one result to the host and counts it. */
  void report(ObjectResult result) {
    context.events().report(result);
    tally.add(result);
  }

  private void start(SyncRequest<?> request) {
    target = signIn();
    tally = SyncResult.tally();
    dryRun = !writes(request);
    LOG.log(
        Level.DEBUG,
        "{0} objects for the mirror directory {1}{2}",
        request.size(),
        directoryName,
        dryRun ? " (preview)" : "");
  }

  private MirrorDirectory signIn() {
    MirrorDirectory directory =
        MirrorDirectory.named(directoryName)
            .orElseThrow(
                () ->
                    new ConnectorException(
                        ErrorKind.UNAVAILABLE,
                        "There is no mirror directory named "
                            + directoryName
                            + "; check the directory parameter."));
    if (!directory.accepts(apiKey)) {
      throw new ConnectorException(
          ErrorKind.AUTHENTICATION,
          "The mirror directory "
              + directoryName
              + " refused the API key; check the apiKey parameter.");
    }
    return directory;
  }

  private boolean hasDepartment(String unitId) {
    return departmentOf(unitId).isPresent();
  }

  private Optional<String> departmentOf(String unitId) {
    return links.targetId(ORG_UNIT, unitId);
  }

  /** Calls the mirror within the budget, retrying what a real target may refuse for a moment. */
  private <T> T call(String what, Supplier<T> call) {
    try {
      budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(
          ErrorKind.CANCELLED, "Interrupted while waiting to call the mirror.", e);
    }
    LOG.log(Level.DEBUG, "Calling {0} on the mirror directory {1}", what, directoryName);
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

  /** Does the work for one object; a refusal fails that object only. */
  private ObjectResult attempt(
      ObjectType type,
      String hostId,
      String key,
      Operation operation,
      Supplier<ObjectResult> work) {
    try {
      return work.get();
    } catch (ConnectorException refused) {
      return failed(type, hostId, key, operation, refused);
    }
  }

  private ObjectResult failed(
      ObjectType type, String hostId, String key, Operation operation, ConnectorException refused) {
    return ObjectResult.failed(
        type, hostId, key, operation, refused.kind(), redactor.scrub(refused.getMessage()));
  }

  private static ObjectResult blocked(ObjectType type, String hostId, String key, String why) {
    return ObjectResult.blocked(type, hostId, key, Operation.UPSERT, "Not pushed: " + why + ".");
  }

  private static ObjectResult done(
      ObjectType type,
      String hostId,
      String key,
      Operation operation,
      Outcome outcome,
      String targetId,
      String note) {
    return ObjectResult.done(type, hostId, key, operation, outcome, targetId, note);
  }

  private static ObjectResult unitDone(OrgUnit unit, Outcome outcome, String id) {
    return done(ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, outcome, id, null);
  }

  private static String displayKey(Account account) {
    return account.email() == null ? account.username() : account.email();
  }

  private static String nameOf(SyncRequest<OrgUnit> request, String unitId) {
    return request.upserts().stream()
        .filter(u -> u.id().equals(unitId))
        .findFirst()
        .map(OrgUnit::name)
        .orElse(unitId);
  }
}
