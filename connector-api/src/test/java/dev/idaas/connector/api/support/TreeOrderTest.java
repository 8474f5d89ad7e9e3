package dev.idaas.connector.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.support.TreeProblem.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class TreeOrderTest {

  private static final Predicate<String> NOTHING_OUTSIDE = id -> false;

  @Test
  void placesUnitsListedChildrenFirstAfterTheirParentsAndReportsTheOrphan() {
    List<OrgUnit> units =
        List.of(
            unit("D42", "D41", "Kernel"),
            unit("D41", "D40", "Storage"),
            unit("D99", "D98", "Ghost"),
            unit("D40", "D10", "Platform"),
            unit("D10", null, "Engineering"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(order.parentsFirst())).containsExactly("D10", "D40", "D41", "D42");
    assertThat(order.problems())
        .containsExactly(
            new TreeProblem(
                "D99", Kind.ORPHAN, List.of("D98"), "the parent D98 of unit D99 does not exist"));
    assertThat(order.problemOf("D99")).contains(order.problems().get(0));
    assertThat(order.problemOf("D42")).isEmpty();
  }

  @Test
  void deletesLeavesBeforeTheirParents() {
    List<OrgUnit> units =
        List.of(
            unit("D42", "D41", "Kernel"),
            unit("D41", "D40", "Storage"),
            unit("D40", "D10", "Platform"),
            unit("D10", null, "Engineering"),
            unit("D20", "D10", "Sales"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(order.parentsFirst())).containsExactly("D10", "D40", "D41", "D42", "D20");
    assertThat(ids(order.leavesFirst())).containsExactly("D20", "D42", "D41", "D40", "D10");
  }

  @Test
  void keepsInputOrderForUnitsWhoseParentsAreAlreadyPlaced() {
    List<OrgUnit> units =
        List.of(
            unit("top", null, "Top"),
            unit("c", "top", "C"),
            unit("a", "top", "A"),
            unit("b", "top", "B"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(order.parentsFirst())).containsExactly("top", "c", "a", "b");
  }

  @Test
  void placesAMissingAncestorChainJustBeforeTheFirstUnitThatNeedsIt() {
    List<OrgUnit> units = List.of(unit("b", "a", "B"), unit("c", null, "C"), unit("a", null, "A"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(order.parentsFirst())).containsExactly("a", "b", "c");
  }

  @Test
  void countsDepthFromTheTopAndGivesMinusOneToUnitsItCannotPlace() {
    List<OrgUnit> units =
        List.of(
            unit("D42", "D41", "Kernel"),
            unit("D41", "D40", "Storage"),
            unit("D99", "D98", "Ghost"),
            unit("D40", "D10", "Platform"),
            unit("D10", null, "Engineering"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(order.depth("D10")).isZero();
    assertThat(order.depth("D40")).isEqualTo(1);
    assertThat(order.depth("D42")).isEqualTo(3);
    assertThat(order.depth("D99")).isEqualTo(-1);
    assertThat(order.depth("not-in-the-tree")).isEqualTo(-1);
  }

  @Test
  void ordersAChainOfAHundredThousandUnitsWithoutRecursion() {
    int size = 100_000;
    List<OrgUnit> childrenFirst = new ArrayList<>(size);
    for (int i = size - 1; i >= 0; i--) {
      childrenFirst.add(unit("u" + i, i == 0 ? null : "u" + (i - 1), "Unit " + i));
    }

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(childrenFirst, NOTHING_OUTSIDE);

    List<OrgUnit> placed = order.parentsFirst();
    assertThat(placed).hasSize(size);
    for (int i = 0; i < size; i++) {
      assertThat(placed.get(i).id()).isEqualTo("u" + i);
    }
    assertThat(order.depth("u99999")).isEqualTo(99_999);
    assertThat(order.leavesFirst().get(0).id()).isEqualTo("u99999");
    assertThat(order.problems()).isEmpty();
  }

  @Test
  void reportsAChainOfAHundredThousandUnitsUnderAnOrphanOneByOne() {
    int size = 100_000;
    List<OrgUnit> childrenFirst = new ArrayList<>(size);
    for (int i = size - 1; i >= 0; i--) {
      childrenFirst.add(unit("u" + i, i == 0 ? "gone" : "u" + (i - 1), "Unit " + i));
    }

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(childrenFirst, NOTHING_OUTSIDE);

    assertThat(order.parentsFirst()).isEmpty();
    assertThat(order.problems()).hasSize(size);
    assertThat(order.problemOf("u0").orElseThrow().kind()).isEqualTo(Kind.ORPHAN);
    assertThat(order.problemOf("u99999"))
        .contains(
            new TreeProblem(
                "u99999",
                Kind.UNDER_PROBLEM,
                List.of("u0"),
                "unit u99999 is under unit u0, which cannot be placed:"
                    + " the parent gone of unit u0 does not exist"));
  }

  @Test
  void placesOnlyTheSoundUnitWhenOthersFormACycleOrNameThemselves() {
    List<OrgUnit> units =
        List.of(
            unit("D50", "D51", "Left"),
            unit("D51", "D50", "Right"),
            unit("D52", "D52", "Mirror"),
            unit("D53", null, "Sound"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(order.parentsFirst())).containsExactly("D53");
    String cycle = "D50 → D51 → D50";
    assertThat(order.problems())
        .containsExactly(
            new TreeProblem(
                "D50",
                Kind.CYCLE,
                List.of("D50", "D51"),
                "unit D50 is on a cycle of parents (each arrow points to a parent): " + cycle),
            new TreeProblem(
                "D51",
                Kind.CYCLE,
                List.of("D50", "D51"),
                "unit D51 is on a cycle of parents (each arrow points to a parent): " + cycle),
            new TreeProblem(
                "D52", Kind.SELF_PARENT, List.of("D52"), "unit D52 names itself as its parent"));
  }

  @Test
  void reportsEveryUnitOfAThreeUnitCycleWithTheCycleInParentOrder() {
    List<OrgUnit> units = List.of(unit("A", "C", "A"), unit("B", "A", "B"), unit("C", "B", "C"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(order.parentsFirst()).isEmpty();
    String cycle = "A → C → B → A";
    assertThat(order.problems())
        .extracting(TreeProblem::id, TreeProblem::kind, TreeProblem::related, TreeProblem::message)
        .containsExactly(
            tuple4("A", Kind.CYCLE, List.of("A", "C", "B"), cycleMessage("A", cycle)),
            tuple4("B", Kind.CYCLE, List.of("A", "C", "B"), cycleMessage("B", cycle)),
            tuple4("C", Kind.CYCLE, List.of("A", "C", "B"), cycleMessage("C", cycle)));
  }

  @Test
  void reportsUnitsUnderACycleAsUnderTheUnitWhereTheirChainEntersIt() {
    List<OrgUnit> units =
        List.of(
            unit("leaf", "mid", "Leaf"),
            unit("mid", "B", "Mid"),
            unit("A", "B", "A"),
            unit("B", "A", "B"),
            unit("late", "A", "Late"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    String cycle = "B → A → B";
    String cause = "unit B is on a cycle of parents (each arrow points to a parent): " + cycle;
    assertThat(order.problems())
        .containsExactly(
            new TreeProblem(
                "leaf",
                Kind.UNDER_PROBLEM,
                List.of("B"),
                "unit leaf is under unit B, which cannot be placed: " + cause),
            new TreeProblem(
                "mid",
                Kind.UNDER_PROBLEM,
                List.of("B"),
                "unit mid is under unit B, which cannot be placed: " + cause),
            new TreeProblem(
                "A",
                Kind.CYCLE,
                List.of("B", "A"),
                "unit A is on a cycle of parents (each arrow points to a parent): " + cycle),
            new TreeProblem("B", Kind.CYCLE, List.of("B", "A"), cause),
            new TreeProblem(
                "late",
                Kind.UNDER_PROBLEM,
                List.of("A"),
                "unit late is under unit A, which cannot be placed:"
                    + " unit A is on a cycle of parents (each arrow points to a parent): "
                    + cycle));
  }

  @Test
  void reportsUnitsUnderASelfParentAndUnderAnOrphanWithTheRootCause() {
    List<OrgUnit> units =
        List.of(
            unit("mirror", "mirror", "Mirror"),
            unit("child", "mirror", "Child"),
            unit("grandchild", "child", "Grandchild"),
            unit("orphan", "gone", "Orphan"),
            unit("under-orphan", "orphan", "Under orphan"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(order.parentsFirst()).isEmpty();
    assertThat(order.problems())
        .containsExactly(
            new TreeProblem(
                "mirror",
                Kind.SELF_PARENT,
                List.of("mirror"),
                "unit mirror names itself as its parent"),
            new TreeProblem(
                "child",
                Kind.UNDER_PROBLEM,
                List.of("mirror"),
                "unit child is under unit mirror, which cannot be placed:"
                    + " unit mirror names itself as its parent"),
            new TreeProblem(
                "grandchild",
                Kind.UNDER_PROBLEM,
                List.of("mirror"),
                "unit grandchild is under unit mirror, which cannot be placed:"
                    + " unit mirror names itself as its parent"),
            new TreeProblem(
                "orphan",
                Kind.ORPHAN,
                List.of("gone"),
                "the parent gone of unit orphan does not exist"),
            new TreeProblem(
                "under-orphan",
                Kind.UNDER_PROBLEM,
                List.of("orphan"),
                "unit under-orphan is under unit orphan, which cannot be placed:"
                    + " the parent gone of unit orphan does not exist"));
  }

  @Test
  void keepsTheFirstOfTwoUnitsWithTheSameIdAndReportsTheSecondLast() {
    List<OrgUnit> units =
        List.of(
            unit("D10", null, "Engineering"),
            unit("D40", "D10", "Platform"),
            unit("D40", null, "Platform again"),
            unit("D99", "D98", "Ghost"));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(order.parentsFirst())
        .extracting(OrgUnit::name)
        .containsExactly("Engineering", "Platform");
    assertThat(order.problems())
        .containsExactly(
            new TreeProblem(
                "D99", Kind.ORPHAN, List.of("D98"), "the parent D98 of unit D99 does not exist"),
            new TreeProblem(
                "D40",
                Kind.DUPLICATE_ID,
                List.of("D40"),
                "unit id D40 appears more than once; the first one is kept"));
    assertThat(order.problemOf("D40")).isEmpty();
  }

  @Test
  void placesUnitsWhoseParentWasPushedInAnEarlierRunAtDepthZero() {
    List<OrgUnit> units = List.of(unit("D42", "D41", "Kernel"), unit("D41", "D40", "Storage"));

    TreeOrder<OrgUnit> withEarlierPush = TreeOrder.ofUnits(units, Set.of("D40")::contains);
    TreeOrder<OrgUnit> withoutIt = TreeOrder.ofUnits(units, NOTHING_OUTSIDE);

    assertThat(ids(withEarlierPush.parentsFirst())).containsExactly("D41", "D42");
    assertThat(withEarlierPush.depth("D41")).isZero();
    assertThat(withEarlierPush.depth("D42")).isEqualTo(1);
    assertThat(withEarlierPush.problems()).isEmpty();
    assertThat(withoutIt.parentsFirst()).isEmpty();
    assertThat(withoutIt.problems())
        .extracting(TreeProblem::id, TreeProblem::kind)
        .containsExactly(tuple("D42", Kind.UNDER_PROBLEM), tuple("D41", Kind.ORPHAN));
  }

  @Test
  void asksWhetherAParentExistsOutsideOnlyForParentsMissingFromTheTree() {
    List<String> asked = new ArrayList<>();
    List<OrgUnit> units =
        List.of(
            unit("a", null, "A"),
            unit("b", "a", "B"),
            unit("c", "outside", "C"),
            unit("d", "outside", "D"));

    TreeOrder<OrgUnit> order =
        TreeOrder.ofUnits(
            units,
            id -> {
              asked.add(id);
              return true;
            });

    assertThat(asked).containsExactly("outside", "outside");
    assertThat(ids(order.parentsFirst())).containsExactly("a", "b", "c", "d");
  }

  @Test
  void ordersAnyNodeTypeThroughItsIdAndParentFunctions() {
    record Department(String code, String parentCode) {}
    List<Department> departments =
        List.of(new Department("7", "3"), new Department("3", null), new Department("9", "7"));

    TreeOrder<Department> order =
        TreeOrder.of(departments, Department::code, Department::parentCode, NOTHING_OUTSIDE);

    assertThat(order.parentsFirst()).extracting(Department::code).containsExactly("3", "7", "9");
  }

  @Test
  void ordersTheRealOracleHrDirectoryEvenWhenItsUnitsArriveShuffled() throws Exception {
    List<OrgUnit> units = ExampleDirectories.orgUnits("oracle-hr.json");
    List<OrgUnit> shuffled = new ArrayList<>(units);
    Collections.shuffle(shuffled, new Random(7));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(shuffled, NOTHING_OUTSIDE);

    assertThat(units).hasSize(40);
    assertThat(order.problems()).isEmpty();
    assertThat(order.parentsFirst()).hasSize(40);
    assertEachAfterItsParent(order.parentsFirst());
    assertThat(order.depth("region-20")).isZero();
    assertThat(order.depth("country-US")).isEqualTo(1);
    assertThat(order.depth("city-1700")).isEqualTo(2);
    assertThat(order.depth("dept-10")).isEqualTo(3);
  }

  @Test
  void ordersTheRealChinaAreasDirectoryWithThreeLevels() throws Exception {
    List<OrgUnit> units = ExampleDirectories.orgUnits("china-areas-2k.json");
    List<OrgUnit> shuffled = new ArrayList<>(units);
    Collections.shuffle(shuffled, new Random(11));

    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(shuffled, NOTHING_OUTSIDE);

    assertThat(order.problems()).isEmpty();
    assertThat(order.parentsFirst()).hasSize(3_351);
    assertEachAfterItsParent(order.parentsFirst());
    assertThat(units.stream().mapToInt(unit -> order.depth(unit.id())).max()).hasValue(2);
  }

  @Test
  void movesAChildThatBecomesTheParentOfItsOldParentFirst() {
    // Current tree X > A > B; desired X > B > A. Moving A under B first would put A under its
    // own child, which a target refuses (or worse, accepts and loses both).
    OrgUnit x = unit("X", null, "X");
    OrgUnit b = unit("B", "X", "B");
    OrgUnit a = unit("A", "B", "A");
    TreeOrder<OrgUnit> desired = TreeOrder.ofUnits(List.of(x, a, b), NOTHING_OUTSIDE);

    List<OrgUnit> moves = desired.inSafeMoveOrder(List.of(a, b));

    assertThat(ids(moves)).containsExactly("B", "A");
  }

  @Test
  void leavesUnitsThatCannotBePlacedOutOfTheMoves() {
    OrgUnit top = unit("top", null, "Top");
    OrgUnit child = unit("child", "top", "Child");
    OrgUnit orphan = unit("orphan", "gone", "Orphan");
    TreeOrder<OrgUnit> desired = TreeOrder.ofUnits(List.of(top, child, orphan), NOTHING_OUTSIDE);

    assertThat(ids(desired.inSafeMoveOrder(List.of(orphan, child)))).containsExactly("child");
  }

  @Test
  void neverMovesAUnitUnderItsOwnDescendantAndReachesTheDesiredTree() {
    for (long seed = 1; seed <= 300; seed++) {
      Random random = new Random(seed);
      int size = 2 + random.nextInt(40);
      List<String> current = randomParents(size, random);
      List<String> desired = randomParents(size, random);
      List<OrgUnit> desiredUnits = new ArrayList<>();
      List<OrgUnit> moving = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        OrgUnit unit = unit("u" + i, desired.get(i), "Unit " + i);
        desiredUnits.add(unit);
        if (!Objects.equals(current.get(i), desired.get(i))) {
          moving.add(unit);
        }
      }
      Collections.shuffle(desiredUnits, random);
      Collections.shuffle(moving, random);

      List<OrgUnit> moves =
          TreeOrder.ofUnits(desiredUnits, NOTHING_OUTSIDE).inSafeMoveOrder(moving);

      assertThat(moves).as("seed %d", seed).hasSameSizeAs(moving);
      List<String> tree = new ArrayList<>(current);
      for (OrgUnit move : moves) {
        int index = Integer.parseInt(move.id().substring(1));
        assertThat(isUnder(tree, move.parentId(), move.id()))
            .as("seed %d: moving %s under %s, its own descendant", seed, move.id(), move.parentId())
            .isFalse();
        tree.set(index, move.parentId());
      }
      assertThat(tree).as("seed %d", seed).isEqualTo(desired);
    }
  }

  /** A random forest: unit i's parent is null or a unit of a random permutation placed before. */
  private static List<String> randomParents(int size, Random random) {
    List<Integer> permutation = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      permutation.add(i);
    }
    Collections.shuffle(permutation, random);
    String[] parents = new String[size];
    for (int position = 0; position < size; position++) {
      boolean top = position == 0 || random.nextInt(5) == 0;
      int parent = top ? -1 : permutation.get(random.nextInt(position));
      parents[permutation.get(position)] = top ? null : "u" + parent;
    }
    return new ArrayList<>(Arrays.asList(parents));
  }

  /** Whether {@code id} is {@code ancestor} or lies under it in the tree given as parent ids. */
  private static boolean isUnder(List<String> tree, String id, String ancestor) {
    for (String current = id; current != null; ) {
      if (current.equals(ancestor)) {
        return true;
      }
      current = tree.get(Integer.parseInt(current.substring(1)));
    }
    return false;
  }

  private static void assertEachAfterItsParent(List<OrgUnit> parentsFirst) {
    Set<String> placed = new HashSet<>();
    for (OrgUnit unit : parentsFirst) {
      if (unit.parentId() != null) {
        assertThat(placed).as("parent of %s placed before it", unit.id()).contains(unit.parentId());
      }
      placed.add(unit.id());
    }
  }

  private static String cycleMessage(String id, String cycle) {
    return "unit " + id + " is on a cycle of parents (each arrow points to a parent): " + cycle;
  }

  private static Tuple tuple4(String id, Kind kind, List<String> related, String message) {
    return tuple(id, kind, related, message);
  }

  private static OrgUnit unit(String id, String parentId, String name) {
    return OrgUnit.of(id, parentId, name, 0);
  }

  private static List<String> ids(List<OrgUnit> units) {
    return units.stream().map(OrgUnit::id).toList();
  }
}
