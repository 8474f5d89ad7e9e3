package dev.idaas.connector.api.support;

import dev.idaas.connector.api.OrgUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Times {@link TreeOrder#ofUnits} on a directory of 50,000 org units, six levels deep, listed in a
 * shuffled order. A benchmark, not a test: it prints figures and asserts nothing about time. Run it
 * after the module's tests have compiled:
 *
 * <pre>
 * ./mvnw -B -q -pl connector-api test-compile exec:java \
 *     -Dexec.mainClass=dev.idaas.connector.api.support.TreeOrderBenchmark
 * </pre>
 */
public final class TreeOrderBenchmark {

  private static final int UNITS = 50_000;
  private static final int TOP_LEVEL_UNITS = 8;
  private static final int LEVELS = 6;
  private static final int WARM_UP_RUNS = 10;
  private static final int MEASURED_RUNS = 20;
  private static final long SEED = 20_240_601L;

  private TreeOrderBenchmark() {}

  public static void main(String[] args) {
    List<OrgUnit> units = randomDirectory(new Random(SEED));
    describe(units);

    for (int run = 0; run < WARM_UP_RUNS; run++) {
      order(units);
    }
    long[] nanos = new long[MEASURED_RUNS];
    for (int run = 0; run < MEASURED_RUNS; run++) {
      nanos[run] = order(units);
    }

    Arrays.sort(nanos);
    System.out.printf(
        "TreeOrder.ofUnits, %,d units, %d runs after %d warm-up runs:"
            + " median %.1f ms, p95 %.1f ms, min %.1f ms%n",
        UNITS,
        MEASURED_RUNS,
        WARM_UP_RUNS,
        millis(nanos[MEASURED_RUNS / 2]),
        millis(nanos[(int) Math.ceil(0.95 * MEASURED_RUNS) - 1]),
        millis(nanos[0]));
  }

  /** Orders the units once; returns the time taken, after checking every unit was placed. */
  private static long order(List<OrgUnit> units) {
    long start = System.nanoTime();
    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, id -> false);
    long took = System.nanoTime() - start;
    if (order.parentsFirst().size() != units.size()) {
      throw new IllegalStateException("placed " + order.parentsFirst().size() + " units");
    }
    return took;
  }

  /**
   * A few top-level units, each further unit under a random earlier unit that is not yet on the
   * deepest level: wide near the top and bushy below, like a company's departments. Shuffled, so
   * children often come before their parents.
   */
  private static List<OrgUnit> randomDirectory(Random random) {
    List<OrgUnit> units = new ArrayList<>(UNITS);
    List<String> canHaveChildren = new ArrayList<>();
    int[] depth = new int[UNITS];
    for (int i = 0; i < UNITS; i++) {
      String id = "unit-" + i;
      if (i < TOP_LEVEL_UNITS) {
        units.add(OrgUnit.of(id, null, "Division " + i, i));
      } else {
        String parent = canHaveChildren.get(random.nextInt(canHaveChildren.size()));
        depth[i] = depth[Integer.parseInt(parent.substring(5))] + 1;
        units.add(OrgUnit.of(id, parent, "Department " + i, i));
      }
      if (depth[i] < LEVELS - 1) {
        canHaveChildren.add(id);
      }
    }
    Collections.shuffle(units, random);
    return units;
  }

  private static void describe(List<OrgUnit> units) {
    TreeOrder<OrgUnit> order = TreeOrder.ofUnits(units, id -> false);
    int[] perLevel = new int[LEVELS];
    for (OrgUnit unit : units) {
      perLevel[order.depth(unit.id())]++;
    }
    System.out.printf(
        "Directory: %,d units in shuffled order, units per level %s (seed %d)%n",
        units.size(), Arrays.toString(perLevel), SEED);
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000d;
  }
}
