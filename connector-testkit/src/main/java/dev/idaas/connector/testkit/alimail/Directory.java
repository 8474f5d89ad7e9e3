package dev.idaas.connector.testkit.alimail;

import static dev.idaas.connector.testkit.alimail.ServiceError.ACCOUNT_EXISTS;
import static dev.idaas.connector.testkit.alimail.ServiceError.ACCOUNT_NOT_FOUND;
import static dev.idaas.connector.testkit.alimail.ServiceError.DEPARTMENT_EXISTS;
import static dev.idaas.connector.testkit.alimail.ServiceError.DEPARTMENT_HAS_ACCOUNTS;
import static dev.idaas.connector.testkit.alimail.ServiceError.DEPARTMENT_HAS_CHILDREN;
import static dev.idaas.connector.testkit.alimail.ServiceError.DEPARTMENT_NOT_FOUND;
import static dev.idaas.connector.testkit.alimail.ServiceError.INVALID_ACCOUNT_DATA;
import static dev.idaas.connector.testkit.alimail.ServiceError.INVALID_DEPARTMENT_NAME;
import static dev.idaas.connector.testkit.alimail.ServiceError.QUOTA_REACHED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The departments and accounts of one mail domain, and the rules the service enforces on them.
 * Every method refuses a change with a {@link ServiceError} carrying the service's code, and leaves
 * the directory unchanged then. Thread-safe: each method runs alone.
 */
final class Directory {

  static final int MAX_DEPARTMENT_NAME_LENGTH = 64;
  static final String FORBIDDEN_NAME_CHARACTERS = "/\\:*?\"<>|";
  static final Set<String> ACCOUNT_FIELDS =
      Set.of("name", "nickName", "employeeNo", "mobilePhone", "jobTitle", "departmentId");

  private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+=?^_`{|}~-]+");

  private final String domain;
  private final String rootDepartmentId;
  private final String postmaster;
  private final RandomIds ids;
  private final Map<String, Department> departments = new LinkedHashMap<>();

  /** The id of the department with a name under a parent, so a name check costs no scan. */
  private final Map<String, String> byParentAndName = new HashMap<>();

  private final Map<String, Mailbox> accounts = new HashMap<>();
  private final Map<String, SortedSet<String>> members = new HashMap<>();
  private ChangeLog changes = ChangeLog.NONE;
  private int seatQuota;

  private Directory(String domain, String rootDepartmentId, RandomIds ids, int seatQuota) {
    this.domain = domain.toLowerCase(Locale.ROOT);
    this.rootDepartmentId = rootDepartmentId;
    this.postmaster = "postmaster@" + this.domain;
    this.ids = ids;
    this.seatQuota = seatQuota;
  }

  /** A new domain with its root department and {@code postmaster@}. */
  static Directory create(String domain, RandomIds ids, int seatQuota) {
    Directory directory = new Directory(domain, ids.departmentId(id -> false), ids, seatQuota);
    directory.put(new Department(directory.rootDepartmentId, null, domain, null, null));
    directory.put(
        new Mailbox(
            directory.postmaster,
            "postmaster",
            null,
            null,
            null,
            null,
            directory.rootDepartmentId,
            MailboxStatus.NORMAL,
            null));
    return directory;
  }

  /**
   * A domain read back from its data folder.
   *
   * @throws IllegalStateException if the stored state belongs to another domain
   */
  static Directory restore(StoredState state, String domain, RandomIds ids, int seatQuota) {
    if (!state.domain().equalsIgnoreCase(domain)) {
      throw new IllegalStateException(
          "the data folder holds the domain "
              + state.domain()
              + ", not "
              + domain
              + "; use another folder or the same domain");
    }
    Directory directory = new Directory(domain, state.rootDepartmentId(), ids, seatQuota);
    state.departments().forEach(directory::put);
    state.accounts().forEach(directory::put);
    return directory;
  }

  synchronized void recordChangesIn(ChangeLog log) {
    this.changes = log;
  }

  /** Writes the whole directory to the store, with no change slipping in between. */
  synchronized void compactInto(StateStore store) {
    store.compact(toStoredState());
  }

  synchronized StoredState toStoredState() {
    return new StoredState(
        StoredState.CURRENT_VERSION,
        domain,
        rootDepartmentId,
        List.copyOf(departments.values()),
        List.copyOf(accounts.values()));
  }

  String domain() {
    return domain;
  }

  String rootDepartmentId() {
    return rootDepartmentId;
  }

  synchronized void setSeatQuota(int seats) {
    this.seatQuota = seats;
  }

  // ---- departments ----

  synchronized Department createDepartment(
      String parentId, String name, String customDepartmentId, Integer order) {
    requireDepartment(parentId);
    checkName(name);
    refuseDuplicateName(parentId, name, null);

    Department created =
        new Department(
            ids.departmentId(departments::containsKey), parentId, name, customDepartmentId, order);
    put(created);
    changes.saved(created);
    return created;
  }

  /**
   * Renames and/or moves a department.
   *
   * @param name the new name; null keeps the name
   * @param parentId the new parent; null keeps the parent
   * @param order the new order; null keeps the order
   */
  synchronized void updateDepartment(String id, String name, String parentId, Integer order) {
    Department current = requireDepartment(id);
    if (current.parentId() == null) {
      throw new ServiceError(INVALID_DEPARTMENT_NAME, "the root department cannot be changed");
    }
    String newName = name == null ? current.name() : name;
    String newParent = parentId == null ? current.parentId() : parentId;
    checkName(newName);
    requireDepartment(newParent);
    if (isSelfOrDescendant(newParent, id)) {
      throw new ServiceError(
          INVALID_DEPARTMENT_NAME, "a department cannot move under itself or its descendants");
    }
    refuseDuplicateName(newParent, newName, id);

    Department updated = current.renamed(newName).movedTo(newParent);
    updated = order == null ? updated : updated.withOrder(order);
    put(updated);
    changes.saved(updated);
  }

  synchronized void removeDepartment(String id) {
    Department department = requireDepartment(id);
    if (department.parentId() == null) {
      throw new ServiceError(INVALID_DEPARTMENT_NAME, "the root department cannot be removed");
    }
    boolean hasChildren = departments.values().stream().anyMatch(d -> id.equals(d.parentId()));
    if (hasChildren) {
      throw new ServiceError(DEPARTMENT_HAS_CHILDREN, null);
    }
    if (!members.getOrDefault(id, new TreeSet<>()).isEmpty()) {
      throw new ServiceError(DEPARTMENT_HAS_ACCOUNTS, null);
    }

    forget(departments.remove(id));
    members.remove(id);
    changes.departmentRemoved(id);
  }

  synchronized List<DepartmentSnapshot> departments() {
    List<DepartmentSnapshot> snapshots = new ArrayList<>(departments.size());
    for (Department department : departments.values()) {
      snapshots.add(department.snapshot(memberCount(department.id())));
    }
    return snapshots;
  }

  synchronized Department requireDepartment(String id) {
    Department department = id == null ? null : departments.get(id);
    if (department == null) {
      throw new ServiceError(DEPARTMENT_NOT_FOUND, id == null ? "no department id given" : null);
    }
    return department;
  }

  // ---- accounts ----

  synchronized Mailbox createAccount(NewAccount request) {
    String email = checkEmail(request.email());
    if (accounts.containsKey(email)) {
      throw new ServiceError(ACCOUNT_EXISTS, null);
    }
    String departmentId =
        isBlank(request.departmentId()) ? rootDepartmentId : request.departmentId();
    requireDepartment(departmentId);
    if (isBlank(request.name())) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "name is missing");
    }
    if (isBlank(request.password())) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "passwd is missing");
    }
    if (accounts.size() >= seatQuota) {
      throw new ServiceError(QUOTA_REACHED, "all " + seatQuota + " seats are used");
    }

    Mailbox created =
        new Mailbox(
            email,
            request.name(),
            request.nickName(),
            request.employeeNo(),
            request.mobilePhone(),
            request.jobTitle(),
            departmentId,
            MailboxStatus.NORMAL,
            Mailbox.hash(request.password()));
    put(created);
    changes.saved(created);
    return created;
  }

  /**
   * Changes some fields of an account. Fields other than {@link #ACCOUNT_FIELDS} and {@code passwd}
   * are ignored, as the service ignores fields it does not know.
   */
  synchronized void updateAccount(String email, Map<String, String> fields) {
    Mailbox account = requireAccount(email);
    if (fields.containsKey("name") && isBlank(fields.get("name"))) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "name must not be empty");
    }
    if (fields.containsKey("departmentId")) {
      requireDepartment(fields.get("departmentId"));
    }
    if (fields.containsKey("passwd") && isBlank(fields.get("passwd"))) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "passwd must not be empty");
    }

    Mailbox updated = account;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      if (ACCOUNT_FIELDS.contains(field.getKey())) {
        updated = updated.withField(field.getKey(), field.getValue());
      }
    }
    if (fields.containsKey("passwd")) {
      updated = updated.withPassword(fields.get("passwd"));
    }
    replace(account, updated);
  }

  synchronized void moveAccount(String email, String departmentId) {
    requireDepartment(departmentId);
    Mailbox account = requireAccount(email);
    replace(account, account.withField("departmentId", departmentId));
  }

  synchronized void setStatus(String email, MailboxStatus status) {
    Mailbox account = requireAccount(email);
    if (status == MailboxStatus.FROZEN && account.email().equals(postmaster)) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "postmaster cannot be frozen");
    }
    replace(account, account.withStatus(status));
  }

  synchronized void setPassword(String email, String password) {
    Mailbox account = requireAccount(email);
    if (isBlank(password)) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "password must not be empty");
    }
    replace(account, account.withPassword(password));
  }

  synchronized void removeAccount(String email) {
    Mailbox account = requireAccount(email);
    if (account.email().equals(postmaster)) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "postmaster cannot be removed");
    }

    accounts.remove(account.email());
    members.get(account.departmentId()).remove(account.email());
    changes.accountRemoved(account.email());
  }

  synchronized Optional<Mailbox> account(String email) {
    return Optional.ofNullable(email == null ? null : accounts.get(normalize(email)));
  }

  synchronized Mailbox requireAccount(String email) {
    return account(email).orElseThrow(() -> new ServiceError(ACCOUNT_NOT_FOUND, null));
  }

  synchronized List<Mailbox> accounts() {
    return List.copyOf(accounts.values());
  }

  /** One page of the direct members of a department, sorted by e-mail. */
  synchronized Page members(String departmentId, int offset, int length) {
    requireDepartment(departmentId);
    List<String> emails = new ArrayList<>(members.getOrDefault(departmentId, new TreeSet<>()));
    List<Mailbox> page = new ArrayList<>();
    for (int i = offset; i < Math.min(emails.size(), offset + length); i++) {
      page.add(accounts.get(emails.get(i)));
    }
    return new Page(emails.size(), page);
  }

  /** The number of direct members of a department. */
  synchronized int memberCount(String departmentId) {
    return members.getOrDefault(departmentId, new TreeSet<>()).size();
  }

  /**
   * The address in lower case, if it is a well-formed address of this domain.
   *
   * @throws ServiceError {@code 1603} otherwise
   */
  String checkEmail(String email) {
    if (isBlank(email)) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "email is missing");
    }
    int at = email.lastIndexOf('@');
    String local = at < 0 ? "" : email.substring(0, at);
    String host = at < 0 ? "" : email.substring(at + 1);
    boolean wellFormed =
        LOCAL_PART.matcher(local.replace(".", "")).matches()
            && local.length() <= 64
            && !local.startsWith(".")
            && !local.endsWith(".")
            && !local.contains("..");
    if (!wellFormed) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "not a valid e-mail address");
    }
    if (!host.equalsIgnoreCase(domain)) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "the address is not in the domain " + domain);
    }
    return normalize(email);
  }

  // ---- internals ----

  private void checkName(String name) {
    if (isBlank(name)) {
      throw new ServiceError(INVALID_DEPARTMENT_NAME, "the name is empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length > MAX_DEPARTMENT_NAME_LENGTH) {
      throw new ServiceError(
          INVALID_DEPARTMENT_NAME,
          "the name has " + length + " characters, more than " + MAX_DEPARTMENT_NAME_LENGTH);
    }
    for (char forbidden : FORBIDDEN_NAME_CHARACTERS.toCharArray()) {
      if (name.indexOf(forbidden) >= 0) {
        throw new ServiceError(
            INVALID_DEPARTMENT_NAME, "the name contains the forbidden character " + forbidden);
      }
    }
  }

  private void refuseDuplicateName(String parentId, String name, String exceptId) {
    String sibling = byParentAndName.get(siblingKey(parentId, name));
    if (sibling != null && !sibling.equals(exceptId)) {
      throw new ServiceError(DEPARTMENT_EXISTS, null);
    }
  }

  private boolean isSelfOrDescendant(String candidateId, String ancestorId) {
    String current = candidateId;
    while (current != null) {
      if (current.equals(ancestorId)) {
        return true;
      }
      current = departments.get(current).parentId();
    }
    return false;
  }

  private void replace(Mailbox old, Mailbox updated) {
    members.get(old.departmentId()).remove(old.email());
    put(updated);
    changes.saved(updated);
  }

  private void put(Department department) {
    forget(departments.put(department.id(), department));
    byParentAndName.put(siblingKey(department.parentId(), department.name()), department.id());
  }

  private void forget(Department department) {
    if (department != null) {
      byParentAndName.remove(siblingKey(department.parentId(), department.name()), department.id());
    }
  }

  private static String siblingKey(String parentId, String name) {
    return parentId + "\u0000" + name;
  }

  private void put(Mailbox account) {
    accounts.put(account.email(), account);
    members.computeIfAbsent(account.departmentId(), id -> new TreeSet<>()).add(account.email());
  }

  private static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * A {@code createAccounts} item.
   *
   * @param departmentId null or blank puts the account in the root department
   * @param nickName null if not sent; so are the other optional fields
   */
  record NewAccount(
      String email,
      String name,
      String password,
      String departmentId,
      String nickName,
      String employeeNo,
      String mobilePhone,
      String jobTitle) {}

  /** A page of accounts and the total number there is. */
  record Page(int total, List<Mailbox> accounts) {}
}
