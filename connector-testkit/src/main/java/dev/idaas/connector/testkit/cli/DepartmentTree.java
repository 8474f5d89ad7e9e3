package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the first levels of a simulated AliMail domain as a tree, each department with the
 * departments and mailboxes below it, as an administrator would check it in the AliMail console.
 */
final class DepartmentTree {

  private final Map<String, List<DepartmentSnapshot>> children = new HashMap<>();
  private final Map<String, Integer> mailboxesIn = new HashMap<>();
  private final DepartmentSnapshot root;

  DepartmentTree(List<DepartmentSnapshot> departments, List<AccountSnapshot> accounts) {
    DepartmentSnapshot top = null;
    for (DepartmentSnapshot department : departments) {
      if (department.isRoot()) {
        top = department;
      } else {
        children.computeIfAbsent(department.parentId(), id -> new ArrayList<>()).add(department);
      }
    }
    if (top == null) {
      throw new IllegalArgumentException("the departments hold no root department");
    }
    root = top;
    children.values().forEach(list -> list.sort(siblingOrder()));
    accounts.forEach(account -> mailboxesIn.merge(account.departmentId(), 1, Integer::sum));
  }

  /**
   * Prints the tree.
   *
   * @param depth the levels shown below the root
   * @param siblings the most children shown under one department; the rest are counted
   */
  void print(PrintWriter out, String indent, int depth, int siblings) {
    out.println(indent + root.name() + "  " + describe(root));
    printChildren(out, root, indent, depth, siblings);
  }

  private void printChildren(
      PrintWriter out, DepartmentSnapshot parent, String prefix, int depth, int siblings) {
    List<DepartmentSnapshot> list = children.getOrDefault(parent.id(), List.of());
    if (depth == 0 || list.isEmpty()) {
      return;
    }
    int shown = Math.min(list.size(), siblings);
    for (int i = 0; i < shown; i++) {
      boolean last = i == list.size() - 1;
      DepartmentSnapshot child = list.get(i);
      out.println(prefix + (last ? "└─ " : "├─ ") + child.name() + "  " + describe(child));
      printChildren(out, child, prefix + (last ? "   " : "│  "), depth - 1, siblings);
    }
    if (shown < list.size()) {
      out.println(
          prefix + "└─ " + String.format(Locale.ROOT, "… and %,d more", list.size() - shown));
    }
  }

  /** "3 departments, 12 mailboxes below; 1 here". */
  private String describe(DepartmentSnapshot department) {
    int[] below = new int[2];
    count(department, below);
    int here = mailboxesIn.getOrDefault(department.id(), 0);
    return String.format(
        Locale.ROOT,
        "(%s, %s)",
        plural(below[0], "department"),
        plural(below[1] + here, "mailbox", "mailboxes"));
  }

  /** Adds the departments and mailboxes below a department; iterative, so any depth is safe. */
  private void count(DepartmentSnapshot department, int[] below) {
    List<DepartmentSnapshot> toVisit =
        new ArrayList<>(children.getOrDefault(department.id(), List.of()));
    while (!toVisit.isEmpty()) {
      DepartmentSnapshot next = toVisit.remove(toVisit.size() - 1);
      below[0]++;
      below[1] += mailboxesIn.getOrDefault(next.id(), 0);
      toVisit.addAll(children.getOrDefault(next.id(), List.of()));
    }
  }

  private static Comparator<DepartmentSnapshot> siblingOrder() {
    return Comparator.comparing(
            (DepartmentSnapshot d) -> d.order() == null ? Integer.MAX_VALUE : d.order())
        .thenComparing(DepartmentSnapshot::name);
  }

  private static String plural(int count, String noun) {
    return plural(count, noun, noun + "s");
  }

  private static String plural(int count, String noun, String nouns) {
    return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? noun : nouns);
  }
}
