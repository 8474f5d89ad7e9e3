package dev.idaas.connector.testkit.contract.mirror;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The target of the directory mirror: a tree of departments under a root, and accounts keyed by
 * their exact key (case counts, as in many real targets). It refuses what real targets refuse: a
 * parent that does not exist, a department under its own descendant, deleting a department that
 * still has sub-departments or accounts, and a wrong API key.
 *
 * <p>Directories are shared by name, so the connector (given the name as a parameter) and a test
 * (holding the same name) see one state. Thread-safe.
 */
final class MirrorDirectory {

  static final String ROOT = "root";

  record Department(String id, String parentId, String name) {}

  record Member(String key, String name, String departmentId, boolean enabled) {}

  private static final Map<String, MirrorDirectory> BY_NAME = new ConcurrentHashMap<>();

  private final Secret apiKey;
  private final Map<String, Department> departments = new LinkedHashMap<>();
  private final Map<String, Member> accounts = new LinkedHashMap<>();
  private int nextId = 1;
  private long writes;

  private MirrorDirectory(Secret apiKey) {
    this.apiKey = apiKey;
    departments.put(ROOT, new Department(ROOT, null, "mirror"));
  }

  /** Makes an empty directory under a name, replacing any directory of that name. */
  static MirrorDirectory create(String name, Secret apiKey) {
    MirrorDirectory directory = new MirrorDirectory(apiKey);
    BY_NAME.put(name, directory);
    return directory;
  }

  static Optional<MirrorDirectory> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  boolean accepts(Secret key) {
    return apiKey.equals(key);
  }

  // ---- reading: never counted

  synchronized List<Department> departments() {
    return List.copyOf(departments.values());
  }

  synchronized List<Member> accounts() {
    return List.copyOf(accounts.values());
  }

  synchronized Optional<Department> department(String id) {
    return Optional.ofNullable(departments.get(id));
  }

  synchronized Optional<Member> account(String key) {
    return Optional.ofNullable(accounts.get(key));
  }

  synchronized long writes() {
    return writes;
  }

  /** How many departments lie between a department and the root; 0 for the root. */
  synchronized int depth(String id) {
    int depth = 0;
    for (Department d = departments.get(id); d != null && d.parentId() != null; depth++) {
      d = departments.get(d.parentId());
    }
    return depth;
  }

  // ---- writing: each call is counted, whatever its answer

  synchronized String createDepartment(String parentId, String name) {
    writes++;
    requireDepartment(parentId);
    return put(parentId, name);
  }

  synchronized void updateDepartment(String id, String parentId, String name) {
    writes++;
    requireDepartment(id);
    requireDepartment(parentId);
    for (String up = parentId; up != null; up = departments.get(up).parentId()) {
      if (up.equals(id)) {
        throw refused(
            ErrorKind.INVALID_DATA,
            "department " + id + " cannot go under its own descendant " + parentId);
      }
    }
    departments.put(id, new Department(id, parentId, name));
  }

  synchronized void deleteDepartment(String id) {
    writes++;
    requireDepartment(id);
    long children = departments.values().stream().filter(d -> id.equals(d.parentId())).count();
    long members = accounts.values().stream().filter(a -> id.equals(a.departmentId())).count();
    if (children + members > 0) {
      throw refused(
          ErrorKind.CONFLICT,
          "department "
              + id
              + " still has "
              + children
              + " sub-departments and "
              + members
              + " accounts");
    }
    departments.remove(id);
  }

  /** Creates an account, or replaces the one with exactly the same key. */
  synchronized void putAccount(Member account) {
    writes++;
    requireDepartment(account.departmentId());
    accounts.put(account.key(), account);
  }

  synchronized void deleteAccount(String key) {
    writes++;
    if (accounts.remove(key) == null) {
      throw refused(ErrorKind.NOT_FOUND, "there is no account " + key);
    }
  }

  // ---- what an administrator makes by hand: not counted

  synchronized String seedDepartment(String parentId, String name) {
    requireDepartment(parentId);
    return put(parentId, name);
  }

  synchronized void seedAccount(Member account) {
    requireDepartment(account.departmentId());
    accounts.put(account.key(), account);
  }

  private String put(String parentId, String name) {
    String id = "d" + nextId++;
    departments.put(id, new Department(id, parentId, name));
    return id;
  }

  private void requireDepartment(String id) {
    if (!departments.containsKey(id)) {
      throw refused(ErrorKind.NOT_FOUND, "there is no department " + id);
    }
  }

  private static ConnectorException refused(ErrorKind kind, String message) {
    return new ConnectorException(kind, "The mirror refused: " + message + ".");
  }
}
