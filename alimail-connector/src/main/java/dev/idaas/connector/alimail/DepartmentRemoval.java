package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.support.TreeOrder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes the departments of removed org units, for one run. Only linked departments are deleted,
 * never the root; leaves go first; each department's remaining mailboxes are moved to the root
 * department before it is deleted, so deleting a department never deletes a mailbox. A department
 * that still has a sub-department staying behind, or a mailbox the connector does not manage, is
 * not deleted: neither is the connector's to move. Sequential: removals are few.
 */
final class DepartmentRemoval {

  private static final System.Logger LOG = System.getLogger(DepartmentRemoval.class.getName());

  private final AliMailApi api;
  private final LinkStore links;
  private final Run run;
  private final DepartmentIndex index;
  private final String rootId;
  private final int batchSize;

  DepartmentRemoval(
      AliMailApi api,
      LinkStore links,
      Run run,
      DepartmentIndex index,
      String rootId,
      int batchSize) {
    this.api = api;
    this.links = links;
    this.run = run;
    this.index = index;
    this.rootId = rootId;
    this.batchSize = batchSize;
  }

  void remove(List<Removal> removals) {
    Map<String, Removal> byDepartment = new LinkedHashMap<>();
    List<Department> doomed = new ArrayList<>();
    for (Removal removal : removals) {
      if (run.wasReported(ObjectType.ORG_UNIT, removal.hostId())) {
        LOG.log(
            Level.WARNING,
            "Org unit {0} is both pushed and removed; it is pushed",
            removal.hostId());
        continue;
      }
      Department department = linkedDepartment(removal);
      if (department != null) {
        byDepartment.put(department.id(), removal);
        doomed.add(department);
      }
    }

    TreeOrder<Department> tree =
        TreeOrder.of(doomed, Department::id, Department::parentId, parent -> true);
    Set<String> deleted = new HashSet<>();
    for (Department department : tree.leavesFirst()) {
      run.checkGoing();
      Removal removal = byDepartment.get(department.id());
      Department keptChild = keptChild(department, deleted);
      if (keptChild == null) {
        delete(department, removal, deleted);
      } else if (byDepartment.containsKey(keptChild.id())) {
        run.report(
            ObjectResult.blocked(
                ObjectType.ORG_UNIT,
                removal.hostId(),
                removal.displayKey(),
                Operation.REVOKE,
                "Not deleted: its sub-department '"
                    + keptChild.name()
                    + "' could not be deleted."));
      } else {
        run.report(
            ObjectResult.failed(
                ObjectType.ORG_UNIT,
                removal.hostId(),
                removal.displayKey(),
                Operation.REVOKE,
                ErrorKind.CONFLICT,
                "Not deleted: it still has the sub-department '"
                    + keptChild.name()
                    + "', which is not being removed; remove or move that first."));
      }
    }
  }

  /** The existing department a removal refers to; reports and returns null when there is none. */
  private Department linkedDepartment(Removal removal) {
    String linked = links.targetId(ObjectType.ORG_UNIT, removal.hostId()).orElse(null);
    if (linked == null) {
      run.report(
          revoked(
              removal,
              Outcome.UNCHANGED,
              null,
              "Never pushed to Alibaba Mail; nothing to delete."));
      return null;
    }
    Department department = index.byId(linked);
    if (department == null) {
      links.unlink(ObjectType.ORG_UNIT, removal.hostId());
      run.report(revoked(removal, Outcome.UNCHANGED, linked, "The department was already gone."));
      return null;
    }
    if (department.parentId() == null || department.id().equals(rootId)) {
      run.report(
          ObjectResult.failed(
              ObjectType.ORG_UNIT,
              removal.hostId(),
              removal.displayKey(),
              Operation.REVOKE,
              ErrorKind.INVALID_CONFIGURATION,
              "It is linked to the root department "
                  + department.id()
                  + ", which this connector never deletes."));
      return null;
    }
    return department;
  }

  private Department keptChild(Department department, Set<String> deleted) {
    for (Department child : index.children(department.id())) {
      if (!deleted.contains(child.id())) {
        return child;
      }
    }
    return null;
  }

  private void delete(Department department, Removal removal, Set<String> deleted) {
    try {
      int moved = moveMembersToRoot(department);
      api.removeDepartment(department.id());
      String note =
          moved == 0 ? null : "Moved " + moved + " mailbox(es) to the root department first.";
      forget(department, removal, deleted);
      run.report(revoked(removal, Outcome.DELETED, department.id(), note));
    } catch (ConnectorException failure) {
      if ("2962".equals(failure.targetCode().orElse(null))) {
        forget(department, removal, deleted);
        run.report(
            revoked(
                removal, Outcome.UNCHANGED, department.id(), "The department was already gone."));
        return;
      }
      run.report(failed(removal, run.objectLevel(failure)));
    }
  }

  private void forget(Department department, Removal removal, Set<String> deleted) {
    index.remove(department.id());
    links.unlink(ObjectType.ORG_UNIT, removal.hostId());
    deleted.add(department.id());
  }

  /**
   * Moves the department's mailboxes to the root, so deleting it deletes no mailbox.
   *
   * @throws ConnectorException CONFLICT, before moving anything, when the department holds a
   *     mailbox this connector does not manage: moving someone else's mailbox is not ours to do
   */
  private int moveMembersToRoot(Department department) {
    if (!department.mayHaveMembers() || department.id().startsWith(AliMailApi.PREVIEW_ID_PREFIX)) {
      return 0;
    }
    List<String> members = api.memberAddresses(department.id());
    refuseUnmanaged(members);
    for (int from = 0; from < members.size(); from += batchSize) {
      List<String> batch = members.subList(from, Math.min(members.size(), from + batchSize));
      BatchResult result = api.moveAccounts(rootId, batch);
      for (String email : batch) {
        ConnectorException refused = result.failureOf(email);
        if (refused != null) {
          throw refused;
        }
      }
    }
    return members.size();
  }

  private void refuseUnmanaged(List<String> members) {
    Set<String> managed = new HashSet<>();
    links
        .all(ObjectType.ACCOUNT)
        .values()
        .forEach(address -> managed.add(BatchResult.key(address)));
    List<String> unmanaged =
        members.stream().filter(email -> !managed.contains(BatchResult.key(email))).toList();
    if (unmanaged.isEmpty()) {
      return;
    }
    String shown = String.join(", ", unmanaged.subList(0, Math.min(5, unmanaged.size())));
    throw new ConnectorException(
        ErrorKind.CONFLICT,
        "Not deleted: the department holds "
            + unmanaged.size()
            + " mailbox(es) this connector does not manage ("
            + shown
            + (unmanaged.size() > 5 ? ", …" : "")
            + "); move or delete them in Alibaba Mail first.");
  }

  private static ObjectResult revoked(
      Removal removal, Outcome outcome, String departmentId, String note) {
    return ObjectResult.done(
        ObjectType.ORG_UNIT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        outcome,
        departmentId,
        note);
  }

  private static ObjectResult failed(Removal removal, ConnectorException failure) {
    return ObjectResult.failed(
        ObjectType.ORG_UNIT,
        removal.hostId(),
        removal.displayKey(),
        Operation.REVOKE,
        failure.kind(),
        failure.getMessage());
  }
}
