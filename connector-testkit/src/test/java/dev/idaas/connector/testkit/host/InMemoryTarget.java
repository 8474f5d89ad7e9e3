package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A target application kept in maps: a tree of departments under a root, and mailboxes keyed by
 * lower-case e-mail. Counts every write, and can be told to fail objects or whole runs. What {@link
 * InMemoryDirectoryConnector} pushes into, and what tests inspect. Thread-safe.
 */
final class InMemoryTarget {

  static final String ROOT = "root";

  /** A department; the root has no parent. */
  record Department(String id, String parentId, String name) {}

  /** A mailbox. */
  record Mailbox(String email, String name, String departmentId, String jobTitle, boolean frozen) {}

  private final Map<String, Department> departments = new LinkedHashMap<>();
  private final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
  private final Map<String, ConnectorException> objectFaults = new HashMap<>();
  private int nextDepartment = 1;
  private int writes;
  private ConnectorException runFailure;
  private int runFailureAfter;

  InMemoryTarget() {
    departments.put(ROOT, new Department(ROOT, null, "acme.example"));
  }

  // ---- what tests set up and inspect

  /** Makes every operation on the host object with this id fail with this kind. */
  synchronized void failObject(String hostId, ErrorKind kind, String message) {
    objectFaults.put(hostId, new ConnectorException(kind, message));
  }

  synchronized void clearFault(String hostId) {
    objectFaults.remove(hostId);
  }

  /** Makes a run stop with this error once it has reported {@code afterObjects} objects. */
  synchronized void failRuns(int afterObjects, ConnectorException error) {
    this.runFailureAfter = afterObjects;
    this.runFailure = error;
  }

  synchronized void clearRunFailure() {
    this.runFailure = null;
  }

  synchronized int writes() {
    return writes;
  }

  synchronized List<Department> departments() {
    return List.copyOf(departments.values());
  }

  synchronized List<Mailbox> mailboxes() {
    return List.copyOf(mailboxes.values());
  }

  synchronized Optional<Department> department(String id) {
    return Optional.ofNullable(departments.get(id));
  }

  synchronized Optional<Mailbox> mailbox(String email) {
    return Optional.ofNullable(mailboxes.get(email.toLowerCase(Locale.ROOT)));
  }

  /** The names from the root down to a department, joined by {@code /}, for assertions. */
  synchronized String pathOf(String departmentId) {
    List<String> names = new ArrayList<>();
    for (Department d = departments.get(departmentId);
        d != null && d.parentId() != null;
        d = departments.get(d.parentId())) {
      names.add(0, d.name());
    }
    return String.join("/", names);
  }

  // ---- what the connector calls

  synchronized Optional<ConnectorException> faultOf(String hostId) {
    return Optional.ofNullable(objectFaults.get(hostId));
  }

  synchronized void checkRun(int reportedSoFar) {
    if (runFailure != null && reportedSoFar >= runFailureAfter) {
      throw runFailure;
    }
  }

  synchronized Optional<Department> findDepartment(String parentId, String name) {
    return departments.values().stream()
        .filter(d -> parentId.equals(d.parentId()) && d.name().equals(name))
        .findFirst();
  }

  synchronized String createDepartment(String parentId, String name) {
    String id = "d" + nextDepartment++;
    departments.put(id, new Department(id, parentId, name));
    writes++;
    return id;
  }

  synchronized void updateDepartment(String id, String parentId, String name) {
    departments.put(id, new Department(id, parentId, name));
    writes++;
  }

  synchronized int depth(String id) {
    int depth = 0;
    for (Department d = departments.get(id); d != null; d = departments.get(d.parentId())) {
      depth++;
    }
    return depth;
  }

  /** Why a department cannot be deleted, or null when it can. */
  synchronized String deletionBlocker(String id) {
    long children = departments.values().stream().filter(d -> id.equals(d.parentId())).count();
    long members = mailboxes.values().stream().filter(m -> id.equals(m.departmentId())).count();
    if (children == 0 && members == 0) {
      return null;
    }
    return "department still has " + children + " sub-departments and " + members + " mailboxes";
  }

  synchronized void deleteDepartment(String id) {
    departments.remove(id);
    writes++;
  }

  synchronized void putMailbox(Mailbox mailbox) {
    mailboxes.put(mailbox.email().toLowerCase(Locale.ROOT), mailbox);
    writes++;
  }

  /** Adds a mailbox made by hand in the target, without counting a write. */
  synchronized void seedMailbox(Mailbox mailbox) {
    mailboxes.put(mailbox.email().toLowerCase(Locale.ROOT), mailbox);
  }

  /** Adds a department made by hand in the target, without counting a write. */
  synchronized String seedDepartment(String parentId, String name) {
    String id = "d" + nextDepartment++;
    departments.put(id, new Department(id, parentId, name));
    return id;
  }
}
