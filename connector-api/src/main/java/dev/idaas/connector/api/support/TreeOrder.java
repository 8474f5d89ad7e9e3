package dev.idaas.connector.api.support;

import dev.idaas.connector.api.OrgUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Puts the units of a tree in an order a target can follow: parents before children for creation,
 * leaves first for deletion, and moves that never put a unit under its own descendant. Units that
 * cannot be placed (self-parents, cycles, missing parents, and everything under them) are left out
 * of the order and reported by id, so one bad unit never stops the rest.
 *
 * <p>Pure and iterative: no I/O, no recursion, so a tree of any depth is safe. Linear in the number
 * of units.
 *
 * @param <T> the unit type, such as {@link OrgUnit} or a connector's own target department
 */
public final class TreeOrder<T> {

  private final List<T> parentsFirst;
  private final Map<String, Integer> depths;
  private final Map<String, TreeProblem> problems;
  private final List<TreeProblem> duplicates;
  private final Function<T, String> idOf;

  private TreeOrder(
      List<T> parentsFirst,
      Map<String, Integer> depths,
      Map<String, TreeProblem> problems,
      List<TreeProblem> duplicates,
      Function<T, String> idOf) {
    this.parentsFirst = Collections.unmodifiableList(parentsFirst);
    this.depths = depths;
    this.problems = problems;
    this.duplicates = List.copyOf(duplicates);
    this.idOf = idOf;
  }

  /**
   * Orders directory org units.
   *
   * @param units the units, in any order
   * @param existsOutside whether a parent id that is not among {@code units} exists elsewhere (for
   *     example, a unit pushed in an earlier run); a top-level unit (null parent) always fits
   */
  public static TreeOrder<OrgUnit> ofUnits(
      Collection<OrgUnit> units, Predicate<String> existsOutside) {
    return of(units, OrgUnit::id, OrgUnit::parentId, existsOutside);
  }

  /**
   * Orders any tree.
   *
   * @param nodes the nodes, in any order
   * @param idOf the node's id; never null
   * @param parentOf the parent's id, or null at the top
   * @param existsOutside whether a parent id that is not among {@code nodes} exists elsewhere
   */
  public static <T> TreeOrder<T> of(
      Collection<T> nodes,
      Function<T, String> idOf,
      Function<T, String> parentOf,
      Predicate<String> existsOutside) {
    return new Walker<>(nodes, idOf, parentOf, existsOutside).walk();
  }

  /**
   * Every placeable unit, each after its parent. The input is walked in order and each unit comes
   * as early as that walk allows: a unit whose parent is already placed follows in input order, and
   * a unit whose ancestors are not yet placed comes right after them.
   */
  public List<T> parentsFirst() {
    return parentsFirst;
  }

  /** Every placeable unit, each before its parent: the order for deletion. */
  public List<T> leavesFirst() {
    List<T> reversed = new ArrayList<>(parentsFirst);
    Collections.reverse(reversed);
    return reversed;
  }

  /**
   * The units that cannot be placed, in input order, then the repeated ids (whose first is kept).
   */
  public List<TreeProblem> problems() {
    List<TreeProblem> all = new ArrayList<>(problems.values());
    all.addAll(duplicates);
    return all;
  }

  /** The problem that keeps one unit out of the order, if it has one. */
  public Optional<TreeProblem> problemOf(String id) {
    return Optional.ofNullable(problems.get(id));
  }

  /**
   * The depth of a placeable unit: 0 when its parent is at the top or outside the tree.
   *
   * @return -1 for a unit that is not placeable or not in the tree
   */
  public int depth(String id) {
    return depths.getOrDefault(id, -1);
  }

  /**
   * Orders moves so that no unit is ever put under one of its own descendants, even when units swap
   * places. This tree is the desired one; moving shallow units first is safe because, by the time a
   * unit moves, every ancestor of its new parent is already where it belongs.
   *
   * <p>That reasoning needs depths that compare across the whole tree: build this order from the
   * complete desired tree, not from a batch of changes whose parents exist outside it (two units
   * whose parents are both outside both get depth 0, whatever lies between them). For a batch,
   * apply it to the current tree first and order the result.
   *
   * @param moving every unit whose parent changes (a unit left out is taken to stay where it is);
   *     units with a problem are left out of the result
   */
  public List<T> inSafeMoveOrder(Collection<T> moving) {
    return moving.stream()
        .filter(unit -> depth(idOf.apply(unit)) >= 0)
        .sorted(Comparator.comparingInt(unit -> depth(idOf.apply(unit))))
        .collect(Collectors.toList());
  }

  /** One pass over the nodes, following each parent chain up until it reaches a known state. */
  private static final class Walker<T> {
    private final Function<T, String> idOf;
    private final Function<T, String> parentOf;
    private final Predicate<String> existsOutside;
    private final Map<String, T> byId = new LinkedHashMap<>();
    private final Map<String, TreeProblem> problems = new LinkedHashMap<>();
    private final List<TreeProblem> duplicates = new ArrayList<>();
    private final Map<String, Integer> depths = new HashMap<>();
    private final List<T> order = new ArrayList<>();

    /** The units of the climb under way, each with its index on the path; empty between climbs. */
    private final Map<String, Integer> onPath = new HashMap<>();

    Walker(
        Collection<T> nodes,
        Function<T, String> idOf,
        Function<T, String> parentOf,
        Predicate<String> existsOutside) {
      this.idOf = idOf;
      this.parentOf = parentOf;
      this.existsOutside = existsOutside;
      for (T node : nodes) {
        String id = idOf.apply(node);
        if (byId.putIfAbsent(id, node) != null) {
          duplicates.add(
              new TreeProblem(
                  id,
                  TreeProblem.Kind.DUPLICATE_ID,
                  List.of(id),
                  "unit id " + id + " appears more than once; the first one is kept"));
        }
      }
    }

    TreeOrder<T> walk() {
      for (String id : byId.keySet()) {
        if (!depths.containsKey(id) && !problems.containsKey(id)) {
          climbFrom(id);
        }
      }
      return new TreeOrder<>(order, depths, sortedProblems(), duplicates, idOf);
    }

    /** Walks up from one unit to a settled ancestor, then settles the whole path top-down. */
    private void climbFrom(String start) {
      List<String> path = new ArrayList<>();
      try {
        String current = start;
        while (!stepUp(path, current)) {
          current = parentOf.apply(byId.get(current));
        }
      } finally {
        path.forEach(onPath::remove);
      }
    }

    /**
     * Puts one unit on the path and looks at its parent.
     *
     * @return true when the path is settled or reported; false to climb on to the parent
     */
    private boolean stepUp(List<String> path, String current) {
      onPath.put(current, path.size());
      path.add(current);
      String parent = parentOf.apply(byId.get(current));
      boolean parentInTree = parent != null && byId.containsKey(parent);

      if (parent == null || !parentInTree && existsOutside.test(parent)) {
        settle(path, path.size() - 1, 0);
        return true;
      }
      if (parent.equals(current)) {
        report(
            current,
            TreeProblem.Kind.SELF_PARENT,
            List.of(current),
            "unit " + current + " names itself as its parent");
        blockBelow(path, path.size() - 1, current);
        return true;
      }
      if (!parentInTree) {
        report(
            current,
            TreeProblem.Kind.ORPHAN,
            List.of(parent),
            "the parent " + parent + " of unit " + current + " does not exist");
        blockBelow(path, path.size() - 1, current);
        return true;
      }
      Integer cycleStart = onPath.get(parent);
      if (cycleStart != null) {
        reportCycle(path, cycleStart);
        return true;
      }
      Integer parentDepth = depths.get(parent);
      if (parentDepth != null) {
        settle(path, path.size() - 1, parentDepth + 1);
        return true;
      }
      if (problems.containsKey(parent)) {
        blockBelow(path, path.size(), problemRoot(parent));
        return true;
      }
      return false;
    }

    /** Places path[top] at {@code depth} and each unit below it one deeper. */
    private void settle(List<String> path, int top, int depth) {
      for (int i = top; i >= 0; i--) {
        String id = path.get(i);
        depths.put(id, depth + (top - i));
        order.add(byId.get(id));
      }
    }

    private void reportCycle(List<String> path, int cycleStart) {
      List<String> cycle = List.copyOf(path.subList(cycleStart, path.size()));
      String named = String.join(" → ", cycle) + " → " + cycle.get(0);
      for (String id : cycle) {
        report(
            id,
            TreeProblem.Kind.CYCLE,
            cycle,
            "unit " + id + " is on a cycle of parents (each arrow points to a parent): " + named);
      }
      blockBelow(path, cycleStart, path.get(cycleStart));
    }

    /** Reports the units path[0..end) as sitting under the problem unit {@code root}. */
    private void blockBelow(List<String> path, int end, String root) {
      TreeProblem cause = problems.get(root);
      for (int i = 0; i < end; i++) {
        String id = path.get(i);
        report(
            id,
            TreeProblem.Kind.UNDER_PROBLEM,
            List.of(root),
            "unit "
                + id
                + " is under unit "
                + root
                + ", which cannot be placed: "
                + cause.message());
      }
    }

    /** The unit whose own problem a problem unit inherits. */
    private String problemRoot(String id) {
      TreeProblem problem = problems.get(id);
      return problem.kind() == TreeProblem.Kind.UNDER_PROBLEM ? problem.related().get(0) : id;
    }

    private void report(String id, TreeProblem.Kind kind, List<String> related, String message) {
      problems.putIfAbsent(id, new TreeProblem(id, kind, related, message));
    }

    private Map<String, TreeProblem> sortedProblems() {
      Map<String, TreeProblem> sorted = new LinkedHashMap<>();
      for (String id : byId.keySet()) {
        if (problems.containsKey(id)) {
          sorted.put(id, problems.get(id));
        }
      }
      return Collections.unmodifiableMap(sorted);
    }
  }
}
