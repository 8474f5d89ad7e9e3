package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
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
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.support.TreeOrder;
import dev.idaas.connector.api.support.TreeProblem;
import dev.idaas.connector.testkit.host.InMemoryTarget.Department;
import dev.idaas.connector.testkit.host.InMemoryTarget.Mailbox;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A small but honest connector into an {@link InMemoryTarget}, for driving the host simulator: it
 * follows the rules every connector follows. It reports one result per object; honours links;
 * adopts a department by name under the same parent and a mailbox by e-mail ignoring case; makes
 * parents first and deletes leaves first; revokes an account by freezing it and parking it in the
 * root (so its department can go); never creates a mailbox for a disabled account; and in a preview
 * plans the same way while writing only to the throw-away link store.
 */
final class InMemoryDirectoryConnector implements Connector {

  private final InMemoryTarget target;
  private final ConnectorContext context;
  private final LinkStore links;
  private int reported;

  InMemoryDirectoryConnector(InMemoryTarget target, ConnectorContext context) {
    this.target = target;
    this.context = context;
    this.links = context.links();
  }

  @Override
  public ConnectionCheck checkConnection() {
    target.checkRun(0);
    return new ConnectionCheck(List.of("signed in", "root department found"));
  }

  @Override
  public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
    SyncResult.Tally tally = SyncResult.tally();
    target.checkRun(reported);

    TreeOrder<OrgUnit> order =
        TreeOrder.ofUnits(
            request.upserts(), parent -> links.targetId(ObjectType.ORG_UNIT, parent).isPresent());
    for (TreeProblem problem : order.problems()) {
      OrgUnit unit =
          request.upserts().stream()
              .filter(u -> u.id().equals(problem.id()))
              .findFirst()
              .orElseThrow();
      report(
          tally,
          ObjectResult.failed(
              ObjectType.ORG_UNIT,
              unit.id(),
              unit.name(),
              Operation.UPSERT,
              ErrorKind.INVALID_DATA,
              problem.message()));
    }
    for (OrgUnit unit : order.parentsFirst()) {
      report(tally, upsert(unit, request.preview()));
    }
    for (Removal removal : leavesFirst(request.removals())) {
      report(tally, remove(removal, request.preview()));
    }
    return tally.result();
  }

  @Override
  public SyncResult authorizeAccounts(SyncRequest<Account> request) {
    SyncResult.Tally tally = SyncResult.tally();
    target.checkRun(reported);

    for (Account account : request.upserts()) {
      report(tally, upsert(account, request.preview()));
    }
    for (Removal removal : request.removals()) {
      report(tally, revoke(removal, request.preview()));
    }
    return tally.result();
  }

  @Override
  public void close() {}

  // ---- org units

  private ObjectResult upsert(OrgUnit unit, boolean preview) {
    context.cancellation().throwIfCancelled();
    Optional<ConnectorException> fault = target.faultOf(unit.id());
    if (fault.isPresent()) {
      return failed(ObjectType.ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, fault.get());
    }
    String parent =
        unit.parentId() == null
            ? InMemoryTarget.ROOT
            : links.targetId(ObjectType.ORG_UNIT, unit.parentId()).orElse(null);
    if (parent == null) {
      return ObjectResult.blocked(
          ObjectType.ORG_UNIT,
          unit.id(),
          unit.name(),
          Operation.UPSERT,
          "its parent " + unit.parentId() + " has no department");
    }

    Optional<Department> linked =
        links.targetId(ObjectType.ORG_UNIT, unit.id()).flatMap(target::department);
    if (linked.isPresent()) {
      return update(unit, linked.get(), parent, preview);
    }
    Optional<Department> sameName = target.findDepartment(parent, unit.name());
    if (sameName.isPresent()) {
      links.link(ObjectType.ORG_UNIT, unit.id(), sameName.get().id());
      return unitDone(unit, Outcome.LINKED, sameName.get().id());
    }
    String created =
        preview ? "preview-" + unit.id() : target.createDepartment(parent, unit.name());
    links.link(ObjectType.ORG_UNIT, unit.id(), created);
    return unitDone(unit, Outcome.CREATED, created);
  }

  private ObjectResult update(OrgUnit unit, Department department, String parent, boolean preview) {
    boolean moved = !parent.equals(department.parentId());
    boolean renamed = !unit.name().equals(department.name());
    if (!moved && !renamed) {
      return unitDone(unit, Outcome.UNCHANGED, department.id());
    }
    if (!preview) {
      target.updateDepartment(department.id(), parent, unit.name());
    }
    return unitDone(unit, moved ? Outcome.MOVED : Outcome.UPDATED, department.id());
  }

  private ObjectResult remove(Removal removal, boolean preview) {
    context.cancellation().throwIfCancelled();
    Optional<ConnectorException> fault = target.faultOf(removal.hostId());
    if (fault.isPresent()) {
      return failed(
          ObjectType.ORG_UNIT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          fault.get());
    }
    Optional<String> linked =
        links
            .targetId(ObjectType.ORG_UNIT, removal.hostId())
            .filter(id -> target.department(id).isPresent());
    if (linked.isEmpty()) {
      return ObjectResult.done(
          ObjectType.ORG_UNIT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          Outcome.SKIPPED,
          null,
          "never pushed; nothing to revoke");
    }
    String blocker = target.deletionBlocker(linked.get());
    if (blocker != null) {
      return ObjectResult.failed(
          ObjectType.ORG_UNIT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          ErrorKind.CONFLICT,
          blocker);
    }
    if (!preview) {
      target.deleteDepartment(linked.get());
    }
    links.unlink(ObjectType.ORG_UNIT, removal.hostId());
    return ObjectResult.done(
        ObjectType.ORG_UNIT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        Outcome.DELETED,
        linked.get(),
        null);
  }

  private List<Removal> leavesFirst(List<Removal> removals) {
    return removals.stream()
        .sorted(
            Comparator.comparingInt(
                    (Removal r) ->
                        links
                            .targetId(ObjectType.ORG_UNIT, r.hostId())
                            .map(target::depth)
                            .orElse(0))
                .reversed())
        .toList();
  }

  private static ObjectResult unitDone(OrgUnit unit, Outcome outcome, String departmentId) {
    return ObjectResult.done(
        ObjectType.ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, outcome, departmentId, null);
  }

  // ---- accounts

  private ObjectResult upsert(Account account, boolean preview) {
    context.cancellation().throwIfCancelled();
    String key = account.email() == null ? account.username() : account.email();
    Optional<ConnectorException> fault = target.faultOf(account.id());
    if (fault.isPresent()) {
      return failed(ObjectType.ACCOUNT, account.id(), key, Operation.UPSERT, fault.get());
    }
    if (account.email() == null) {
      return ObjectResult.failed(
          ObjectType.ACCOUNT,
          account.id(),
          key,
          Operation.UPSERT,
          ErrorKind.INVALID_DATA,
          "has no e-mail address");
    }
    // An account with no unit goes to the root; one whose unit has no department is blocked.
    String department =
        account.primaryOrgUnitId().isEmpty()
            ? InMemoryTarget.ROOT
            : links.targetId(ObjectType.ORG_UNIT, account.primaryOrgUnitId().get()).orElse(null);
    if (department == null) {
      return ObjectResult.blocked(
          ObjectType.ACCOUNT,
          account.id(),
          key,
          Operation.UPSERT,
          "its org unit " + account.primaryOrgUnitId().orElseThrow() + " has no department");
    }
    String email = account.email().toLowerCase(Locale.ROOT);
    Mailbox wanted =
        new Mailbox(
            email, account.displayName(), department, account.jobTitle(), !account.isActive());

    Optional<Mailbox> linked =
        links.targetId(ObjectType.ACCOUNT, account.id()).flatMap(target::mailbox);
    if (linked.isPresent()) {
      return update(account, key, linked.get(), wanted, preview);
    }
    Optional<Mailbox> existing = target.mailbox(email);
    if (existing.isPresent()) {
      return adopt(account, key, existing.get(), wanted, preview);
    }
    if (!account.isActive()) {
      return ObjectResult.done(
          ObjectType.ACCOUNT,
          account.id(),
          key,
          Operation.UPSERT,
          Outcome.SKIPPED,
          null,
          "disabled in the directory and never pushed");
    }
    if (!preview) {
      target.putMailbox(wanted);
    }
    links.link(ObjectType.ACCOUNT, account.id(), email);
    return accountDone(account, key, Operation.UPSERT, Outcome.CREATED, email);
  }

  private ObjectResult update(
      Account account, String key, Mailbox current, Mailbox wanted, boolean preview) {
    if (current.equals(wanted)) {
      return accountDone(account, key, Operation.UPSERT, Outcome.UNCHANGED, current.email());
    }
    if (!preview) {
      target.putMailbox(wanted);
    }
    if (current.frozen() != wanted.frozen()) {
      return wanted.frozen()
          ? accountDone(account, key, Operation.DISABLE, Outcome.DISABLED, current.email())
          : accountDone(account, key, Operation.ENABLE, Outcome.ENABLED, current.email());
    }
    Outcome outcome =
        current.departmentId().equals(wanted.departmentId()) ? Outcome.UPDATED : Outcome.MOVED;
    return accountDone(account, key, Operation.UPSERT, outcome, current.email());
  }

  private ObjectResult adopt(
      Account account, String key, Mailbox existing, Mailbox wanted, boolean preview) {
    boolean owned =
        links.all(ObjectType.ACCOUNT).entrySet().stream()
            .anyMatch(
                link ->
                    link.getValue().equals(existing.email())
                        && !link.getKey().equals(account.id()));
    if (owned) {
      return ObjectResult.failed(
          ObjectType.ACCOUNT,
          account.id(),
          key,
          Operation.UPSERT,
          ErrorKind.CONFLICT,
          "the e-mail address belongs to another account");
    }
    if (!preview && !existing.equals(wanted)) {
      target.putMailbox(wanted);
    }
    links.link(ObjectType.ACCOUNT, account.id(), existing.email());
    return accountDone(account, key, Operation.UPSERT, Outcome.LINKED, existing.email());
  }

  private ObjectResult revoke(Removal removal, boolean preview) {
    context.cancellation().throwIfCancelled();
    Optional<ConnectorException> fault = target.faultOf(removal.hostId());
    if (fault.isPresent()) {
      return failed(
          ObjectType.ACCOUNT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          fault.get());
    }
    Optional<Mailbox> linked =
        links.targetId(ObjectType.ACCOUNT, removal.hostId()).flatMap(target::mailbox);
    if (linked.isEmpty()) {
      return ObjectResult.done(
          ObjectType.ACCOUNT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          Outcome.SKIPPED,
          null,
          "never pushed; nothing to revoke");
    }
    Mailbox current = linked.get();
    Mailbox parked =
        new Mailbox(current.email(), current.name(), InMemoryTarget.ROOT, current.jobTitle(), true);
    if (current.equals(parked)) {
      return ObjectResult.done(
          ObjectType.ACCOUNT,
          removal.hostId(),
          removal.displayKey(),
          Operation.REVOKE,
          Outcome.UNCHANGED,
          current.email(),
          null);
    }
    if (!preview) {
      target.putMailbox(parked);
    }
    return ObjectResult.done(
        ObjectType.ACCOUNT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        Outcome.DISABLED,
        current.email(),
        removal.reason().name());
  }

  private static ObjectResult accountDone(
      Account account, String key, Operation operation, Outcome outcome, String email) {
    return ObjectResult.done(
        ObjectType.ACCOUNT, account.id(), key, operation, outcome, email, null);
  }

  // ---- shared

  private static ObjectResult failed(
      ObjectType type, String hostId, String key, Operation operation, ConnectorException fault) {
    return ObjectResult.failed(type, hostId, key, operation, fault.kind(), fault.getMessage());
  }

  private void report(SyncResult.Tally tally, ObjectResult result) {
    Objects.requireNonNull(result);
    context.events().report(result);
    tally.add(result);
    reported++;
    target.checkRun(reported);
  }
}
