package dev.idaas.connector.testkit.contract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target at one moment, read through a {@link ContractTarget}, with each department known by
 * its path of names below the root ({@code Engineering/Platform}). Paths make the suite independent
 * of the target's ids, and a failure message readable.
 */
final class TargetView {

  /** How the root department's own path is shown. */
  static final String ROOT = "(root)";

  private final String rootId;
  private final Map<String, TargetDepartment> departments = new LinkedHashMap<>();
  private final List<TargetAccount> accounts;

  private TargetView(String rootId, List<TargetDepartment> departments, List<TargetAccount> all) {
    this.rootId = rootId;
    departments.forEach(department -> this.departments.put(department.id(), department));
    this.accounts = List.copyOf(all);
  }

  static TargetView of(ContractTarget target) {
    return new TargetView(target.rootDepartmentId(), target.departments(), target.accounts());
  }

  /**
   * The path of a department: its names from below the root down to it, joined by {@code /}; the
   * root itself is {@value #ROOT}. A department outside the root, or on a loop, is shown by id.
   */
  String pathOf(String departmentId) {
    if (rootId.equals(departmentId)) {
      return ROOT;
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String current = departmentId;
    while (!rootId.equals(current)) {
      TargetDepartment department = current == null ? null : departments.get(current);
      if (department == null || !seen.add(current)) {
        return "(outside the root: " + departmentId + ")";
      }
      names.add(0, department.name());
      current = department.parentId();
    }
    return String.join("/", names);
  }

  /** The paths of the departments that {@code before} did not have, sorted, repeats kept. */
  List<String> newDepartmentPaths(TargetView before) {
    return departments.keySet().stream()
        .filter(id -> !before.departments.containsKey(id))
        .map(this::pathOf)
        .sorted()
        .toList();
  }

  /** The departments at a path, the root included; more than one means a duplicate. */
  List<TargetDepartment> departmentsAt(String path) {
    return departments.values().stream().filter(d -> pathOf(d.id()).equals(path)).toList();
  }

  Optional<TargetDepartment> department(String id) {
    return Optional.ofNullable(departments.get(id));
  }

  /** The accounts whose key equals {@code key}, ignoring case; more than one means a duplicate. */
  List<TargetAccount> accounts(String key) {
    return accounts.stream().filter(account -> account.key().equalsIgnoreCase(key)).toList();
  }

  /**
   * Each account that {@code before} did not have (by key, ignoring case), as a line: {@code key in
   * path, enabled}, the key in lower case; sorted.
   */
  List<String> newAccountLines(TargetView before) {
    return accounts.stream()
        .filter(account -> before.accounts(account.key()).isEmpty())
        .map(this::line)
        .sorted()
        .toList();
  }

  /** Every account of {@code before}, as it is now: missing ones say so. */
  List<String> linesOf(TargetView before) {
    List<String> lines = new ArrayList<>();
    for (TargetAccount old : before.accounts) {
      List<TargetAccount> now = accounts(old.key());
      lines.add(now.isEmpty() ? old.key() + " gone" : line(now.get(0)));
    }
    return lines;
  }

  /** One account as {@code key in path, enabled}. */
  String line(TargetAccount account) {
    return accountLine(account.key(), pathOf(account.departmentId()), account.enabled());
  }

  static String accountLine(String key, String path, boolean enabled) {
    return key.toLowerCase(Locale.ROOT) + " in " + path + (enabled ? ", enabled" : ", disabled");
  }

  /** Every department and account, for a failure message. */
  String describe() {
    List<String> lines = new ArrayList<>();
    departments.keySet().forEach(id -> lines.add("department " + pathOf(id) + " (" + id + ")"));
    accounts.forEach(account -> lines.add("account " + line(account)));
    return String.join("\n", lines);
  }
}
