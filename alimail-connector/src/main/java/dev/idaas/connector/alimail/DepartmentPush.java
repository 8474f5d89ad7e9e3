package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.support.TreeOrder;
import dev.idaas.connector.api.support.TreeProblem;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes org units as departments, for one run.
 *
 * <p>Upserts: each unit is matched by its link (while the linked department still exists), then by
 * its name under the same parent (adopted and linked), else created with the host id as {@code
 * customDepartmentId}. A unit starts as soon as its parent is placed, on the worker pool, so a wide
 * tree is not held back level by level. Renames happen in place; moves wait until every unit is
 * placed and then go in an order that never puts a department under its own descendant.
 */
final class DepartmentPush {

  private static final System.Logger LOG = System.getLogger(DepartmentPush.class.getName());

  private final AliMailApi api;
  private final LinkStore links;
  private final Run run;
  private final Workers workers;
  private final DepartmentIndex index;
  private final String rootId;
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  DepartmentPush(
      AliMailApi api,
      LinkStore links,
      Run run,
      Workers workers,
      DepartmentIndex index,
      String rootId) {
    this.api = api;
    this.links = links;
    this.run = run;
    this.workers = workers;
    this.index = index;
    this.rootId = rootId;
    links.all(ObjectType.ORG_UNIT).forEach((unit, department) -> owners.put(department, unit));
  }

  /** Where a unit ended up: its department, or why it has none, and a move still to make. */
  private record Placement(String departmentId, String problem, Move move) {
    static Placement at(String departmentId) {
      return new Placement(departmentId, null, null);
    }

    static Placement none(String problem) {
      return new Placement(null, problem, null);
    }
  }

  /** A linked department that must go under another parent, and perhaps get a new name. */
  private record Move(OrgUnit unit, Department department, String newParentId) {}

  void upsert(List<OrgUnit> units) {
    TreeOrder<OrgUnit> order =
        TreeOrder.ofUnits(units, parent -> links.targetId(ObjectType.ORG_UNIT, parent).isPresent());
    reportTreeProblems(units, order);

    Map<String, CompletableFuture<Placement>> placements = new LinkedHashMap<>();
    for (OrgUnit unit : order.parentsFirst()) {
      placements.put(
          unit.id(),
          parentOf(unit, placements)
              .thenApplyAsync(parent -> placeSafely(unit, parent), workers.executor()));
    }
    List<Move> moves = awaitMoves(placements);
    run.checkGoing();

    Map<String, Move> byUnit = new HashMap<>();
    moves.forEach(move -> byUnit.put(move.unit().id(), move));
    for (OrgUnit unit : order.inSafeMoveOrder(moves.stream().map(Move::unit).toList())) {
      run.checkGoing();
      move(byUnit.get(unit.id()));
    }
  }

  private void reportTreeProblems(List<OrgUnit> units, TreeOrder<OrgUnit> order) {
    Set<String> seen = new HashSet<>();
    for (OrgUnit unit : units) {
      if (!seen.add(unit.id())) {
        LOG.log(
            Level.WARNING,
            "Org unit {0} appears twice in one request; the first is kept",
            unit.id());
        continue;
      }
      Optional<TreeProblem> problem = order.problemOf(unit.id());
      problem.ifPresent(p -> run.report(treeProblem(unit, p)));
    }
  }

  /**
   * A unit the directory places where no department can go (on a cycle, under itself, under a
   * parent that does not exist), and everything under it, is blocked: not attempted, and a problem
   * that makes the run partial, since the directory must be fixed.
   */
  private static ObjectResult treeProblem(OrgUnit unit, TreeProblem problem) {
    return blocked(unit, "Not pushed: " + problem.message() + ".");
  }

  private CompletableFuture<Placement> parentOf(
      OrgUnit unit, Map<String, CompletableFuture<Placement>> placements) {
    if (unit.isTopLevel()) {
      return CompletableFuture.completedFuture(Placement.at(rootId));
    }
    CompletableFuture<Placement> inThisRequest = placements.get(unit.parentId());
    if (inThisRequest != null) {
      return inThisRequest.thenApply(
          parent ->
              parent.departmentId() != null
                  ? Placement.at(parent.departmentId())
                  : Placement.none("its parent org unit " + unit.parentId() + " was not pushed"));
    }
    String linked = links.targetId(ObjectType.ORG_UNIT, unit.parentId()).orElse(null);
    if (linked != null && index.contains(linked)) {
      return CompletableFuture.completedFuture(Placement.at(linked));
    }
    return CompletableFuture.completedFuture(
        Placement.none(
            "its parent org unit "
                + unit.parentId()
                + " is linked to department "
                + linked
                + ", which no longer exists in Alibaba Mail; push the parent again first"));
  }

  private List<Move> awaitMoves(Map<String, CompletableFuture<Placement>> placements) {
    List<Move> moves = new ArrayList<>();
    for (CompletableFuture<Placement> placement : placements.values()) {
      try {
        Placement placed = placement.join();
        if (placed.move() != null) {
          moves.add(placed.move());
        }
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
      }
    }
    return moves;
  }

  /** Places one unit; never throws an object-level failure, which it reports instead. */
  private Placement placeSafely(OrgUnit unit, Placement parent) {
    if (!run.going()) {
      return Placement.none("the run stopped");
    }
    if (parent.departmentId() == null) {
      run.report(blocked(unit, "Not pushed: " + parent.problem() + "."));
      return Placement.none(parent.problem());
    }
    try {
      return place(unit, parent.departmentId());
    } catch (ConnectorException failure) {
      if (Run.stopsRun(failure)) {
        run.stop(failure);
        return Placement.none("the run stopped");
      }
      run.report(failed(unit, Operation.UPSERT, failure));
      return Placement.none(failure.getMessage());
    }
  }

  private Placement place(OrgUnit unit, String parentId) {
    String linked = links.targetId(ObjectType.ORG_UNIT, unit.id()).orElse(null);
    Department current = linked == null ? null : index.byId(linked);
    if (current != null) {
      return keep(unit, current, parentId);
    }

    String note =
        linked == null
            ? null
            : "The linked department " + linked + " no longer existed in Alibaba Mail.";
    Department sameName = index.child(parentId, unit.name());
    if (sameName != null) {
      return adopt(unit, sameName, note);
    }
    return create(unit, parentId, note);
  }

  private Placement keep(OrgUnit unit, Department department, String parentId) {
    if (department.parentId() == null) {
      // Defensive: a link to the domain's root would rename or move the whole domain.
      throw new ConnectorException(
          ErrorKind.INVALID_DATA,
          "The org unit is linked to the domain's root department "
              + department.id()
              + ", which this connector never renames or moves.");
    }
    if (!parentId.equals(department.parentId())) {
      return new Placement(department.id(), null, new Move(unit, department, parentId));
    }
    if (department.name().equals(unit.name())) {
      run.report(done(unit, Outcome.UNCHANGED, department.id(), null));
    } else {
      api.updateDepartment(department.id(), unit.name(), null);
      index.put(department.renamed(unit.name()));
      run.report(
          done(
              unit, Outcome.UPDATED, department.id(), "Renamed from '" + department.name() + "'."));
    }
    return Placement.at(department.id());
  }

  private Placement adopt(OrgUnit unit, Department department, String note) {
    String owner = owners.putIfAbsent(department.id(), unit.id());
    if (owner != null && !owner.equals(unit.id())) {
      run.report(
          ObjectResult.failed(
              ObjectType.ORG_UNIT,
              unit.id(),
              unit.name(),
              Operation.UPSERT,
              ErrorKind.CONFLICT,
              "The department '"
                  + department.name()
                  + "' under the same parent already belongs to org unit "
                  + owner
                  + "; two org units with one name under one parent cannot both be pushed."));
      return Placement.none("its department belongs to org unit " + owner);
    }
    links.link(ObjectType.ORG_UNIT, unit.id(), department.id());
    String adopted = "Adopted the existing department with the same name under the same parent.";
    run.report(done(unit, Outcome.LINKED, department.id(), join(note, adopted)));
    return Placement.at(department.id());
  }

  private Placement create(OrgUnit unit, String parentId, String note) {
    String id;
    try {
      id = api.createDepartment(parentId, unit.name(), unit.id(), unit.order());
    } catch (AmbiguousWriteException lost) {
      return recoverLostCreate(unit, parentId, note, lost);
    } catch (ConnectorException refused) {
      if (!"2963".equals(refused.targetCode().orElse(null))) {
        throw refused;
      }
      // Made meanwhile, by hand or by another system: read again and adopt it.
      Department existing = reread(parentId, unit.name());
      if (existing == null) {
        throw refused;
      }
      return adopt(unit, existing, join(note, "Alibaba Mail already had it (code 2963)."));
    }
    return recordCreated(unit, new Department(id, parentId, unit.name(), 0L), note);
  }

  /**
   * The answer to a create was lost. Alibaba Mail has no idempotency key, so creating again could
   * make a twin: look for the department first, and create again only once it is known to be
   * missing.
   */
  private Placement recoverLostCreate(
      OrgUnit unit, String parentId, String note, AmbiguousWriteException lost) {
    Department made = reread(parentId, unit.name());
    if (made != null) {
      return recordCreated(
          unit, made, join(note, "The answer was lost; the department was found and linked."));
    }
    LOG.log(
        Level.DEBUG,
        "createDepartment for unit {0} was lost and not done; trying once more",
        unit.id());
    try {
      String id = api.createDepartment(parentId, unit.name(), unit.id(), unit.order());
      return recordCreated(unit, new Department(id, parentId, unit.name(), 0L), note);
    } catch (AmbiguousWriteException lostAgain) {
      Department madeLater = reread(parentId, unit.name());
      if (madeLater == null) {
        throw lostAgain;
      }
      return recordCreated(
          unit, madeLater, join(note, "The answer was lost; the department was found and linked."));
    }
  }

  private Placement recordCreated(OrgUnit unit, Department department, String note) {
    index.put(department);
    owners.put(department.id(), unit.id());
    links.link(ObjectType.ORG_UNIT, unit.id(), department.id());
    run.report(done(unit, Outcome.CREATED, department.id(), note));
    return Placement.at(department.id());
  }

  private Department reread(String parentId, String name) {
    index.merge(api.departments());
    return index.child(parentId, name);
  }

  private void move(Move move) {
    OrgUnit unit = move.unit();
    Department department = move.department();
    if (index.isWithin(move.newParentId(), department.id())) {
      // Moves run in a safe order, so a parent still below the unit means the directory's parents
      // loop through units outside this request; Alibaba Mail would refuse the move anyway.
      run.report(
          blocked(
              unit,
              "Not moved: its new parent org unit "
                  + unit.parentId()
                  + " is under it in Alibaba Mail, so the directory has a cycle of parents; fix"
                  + " the parents in the directory."));
      return;
    }
    try {
      api.updateDepartment(department.id(), unit.name(), move.newParentId());
      index.put(department.movedUnder(move.newParentId()).renamed(unit.name()));
      String renamed =
          department.name().equals(unit.name())
              ? null
              : "Also renamed from '" + department.name() + "'.";
      run.report(done(unit, Outcome.MOVED, department.id(), renamed));
    } catch (ConnectorException failure) {
      run.report(failed(unit, Operation.UPSERT, run.objectLevel(failure)));
    }
  }

  // ---------------------------------------------------------------- results

  private static ObjectResult done(
      OrgUnit unit, Outcome outcome, String departmentId, String note) {
    return ObjectResult.done(
        ObjectType.ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, outcome, departmentId, note);
  }

  private static ObjectResult blocked(OrgUnit unit, String why) {
    return ObjectResult.blocked(ObjectType.ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, why);
  }

  private static ObjectResult failed(
      OrgUnit unit, Operation operation, ConnectorException failure) {
    return ObjectResult.failed(
        ObjectType.ORG_UNIT,
        unit.id(),
        unit.name(),
        operation,
        failure.kind(),
        failure.getMessage());
  }

  private static String join(String first, String second) {
    return first == null ? second : first + " " + second;
  }
}
