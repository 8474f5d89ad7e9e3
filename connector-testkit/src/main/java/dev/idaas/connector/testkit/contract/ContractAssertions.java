package dev.idaas.connector.testkit.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Assertions whose failures name the rule a connector breaks, what was expected and what happened,
 * as a {@link ContractViolation}. The contract suite uses them for every check, and a connector's
 * own tests may use them too:
 *
 * <pre>{@code
 * ContractAssertions.sameElements(
 *     BehaviourRule.ADOPT_NEVER_DUPLICATE,
 *     "Execute Add after Sales was made by hand",
 *     List.of("Sales"),
 *     departmentPaths);
 * }</pre>
 *
 * <p>Texts passed in must already be free of secrets.
 */
public final class ContractAssertions {

  private ContractAssertions() {}

  /**
   * Fails unless {@code holds}.
   *
   * @param actual describes what happened; called only on failure
   * @throws ContractViolation if the condition does not hold
   */
  public static void check(
      BehaviourRule rule,
      boolean holds,
      String situation,
      String expected,
      Supplier<String> actual) {
    if (!holds) {
      throw new ContractViolation(rule, situation, expected, actual.get());
    }
  }

  /**
   * Fails unless {@code actual} equals {@code expected}; both are shown with {@code toString}.
   *
   * @throws ContractViolation if they differ
   */
  public static void same(BehaviourRule rule, String situation, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      throw new ContractViolation(
          rule, situation, String.valueOf(expected), String.valueOf(actual));
    }
  }

  /**
   * Fails unless both collections hold the same lines, in any order, each as often. The failure
   * shows both sorted, one line each, and then what is missing and what is unexpected.
   *
   * @throws ContractViolation if they differ
   */
  public static void sameElements(
      BehaviourRule rule,
      String situation,
      Collection<String> expected,
      Collection<String> actual) {
    List<String> wanted = sorted(expected);
    List<String> got = sorted(actual);
    if (wanted.equals(got)) {
      return;
    }
    List<String> missing = minus(wanted, got);
    List<String> unexpected = minus(got, wanted);
    throw new ContractViolation(
        rule,
        situation,
        lines(wanted),
        lines(got)
            + (missing.isEmpty() ? "" : "\nmissing:    " + String.join("; ", missing))
            + (unexpected.isEmpty() ? "" : "\nunexpected: " + String.join("; ", unexpected)));
  }

  /** Lines one under the other, or {@code (none)}. */
  static String lines(Collection<String> lines) {
    return lines.isEmpty() ? "(none)" : String.join("\n", lines);
  }

  private static List<String> sorted(Collection<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  /** The lines of {@code from} left after taking out one of each line of {@code taken}. */
  private static List<String> minus(List<String> from, List<String> taken) {
    List<String> left = new ArrayList<>(from);
    taken.forEach(left::remove);
    return left;
  }
}
