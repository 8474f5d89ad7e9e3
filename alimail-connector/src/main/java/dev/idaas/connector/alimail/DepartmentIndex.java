package dev.idaas.connector.alimail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The domain's departments as read once at the start of a run, kept up to date with what the run
 * changes. Finds a department by id, and a child by its name under a parent. Thread-safe.
 */
final class DepartmentIndex {

  private final Map<String, Department> byId = new LinkedHashMap<>();
  private final Map<String, Set<String>> childIds = new HashMap<>();

  DepartmentIndex(Collection<Department> departments) {
    departments.forEach(this::put);
  }

  /** The department with this id, or null. */
  synchronized Department byId(String id) {
    return byId.get(id);
  }

  synchronized boolean contains(String id) {
    return byId.containsKey(id);
  }

  /**
   * The child of {@code parentId} with this name: the one with exactly this name, else the only one
   * whose name differs in case alone; null when there is none (or the case-blind match is not
   * unique).
   */
  synchronized Department child(String parentId, String name) {
    Department caseBlind = null;
    int caseBlindMatches = 0;
    for (Department child : childrenLocked(parentId)) {
      if (child.name().equals(name)) {
        return child;
      }
      if (child.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        caseBlind = child;
        caseBlindMatches++;
      }
    }
    return caseBlindMatches == 1 ? caseBlind : null;
  }

  /**
   * Whether {@code id} is {@code ancestorId} or lies somewhere under it. Bounded by the number of
   * departments, so a list that is itself inconsistent cannot loop.
   */
  synchronized boolean isWithin(String id, String ancestorId) {
    String current = id;
    for (int steps = 0; current != null && steps <= byId.size(); steps++) {
      if (current.equals(ancestorId)) {
        return true;
      }
      Department department = byId.get(current);
      current = department == null ? null : department.parentId();
    }
    return false;
  }

  /** The direct children of a department. */
  synchronized List<Department> children(String parentId) {
    return childrenLocked(parentId);
  }

  /** Adds a department, or replaces the one with the same id. */
  synchronized void put(Department department) {
    Department old = byId.put(department.id(), department);
    forgetChild(old);
    if (department.parentId() != null) {
      childIds
          .computeIfAbsent(department.parentId(), key -> new LinkedHashSet<>())
          .add(department.id());
    }
  }

  synchronized void remove(String id) {
    forgetChild(byId.remove(id));
  }

  private void forgetChild(Department old) {
    if (old != null && old.parentId() != null && childIds.containsKey(old.parentId())) {
      childIds.get(old.parentId()).remove(old.id());
    }
  }

  /**
   * Takes in a fresh read of the list. Departments missing from it are kept: another worker may
   * have made one after the read started.
   */
  synchronized void merge(Collection<Department> fresh) {
    fresh.forEach(this::put);
  }

  private List<Department> childrenLocked(String parentId) {
    List<Department> children = new ArrayList<>();
    for (String id : childIds.getOrDefault(parentId, Set.of())) {
      children.add(byId.get(id));
    }
    return children;
  }
}
