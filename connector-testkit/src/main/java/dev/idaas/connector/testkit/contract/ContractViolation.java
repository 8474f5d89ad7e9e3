package dev.idaas.connector.testkit.contract;

import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * A contract test failed: the connector broke a documented rule. The message has four parts, one
 * per line: what was done, what was expected, what happened, and the rule with where it is written.
 * IDEs show {@link #getExpected()} and {@link #getActual()} side by side.
 *
 * <p>Thrown by {@link ContractAssertions}; never carries a secret, because the suite masks every
 * known secret before it describes what it saw.
 */
public final class ContractViolation extends AssertionFailedError {

  private final BehaviourRule rule;

  /**
   * @param rule the rule broken
   * @param situation what the suite did, such as "Execute Add of the small directory"
   * @param expected what the rule requires, in words an author reads
   * @param actual what the connector and the target did instead
   */
  public ContractViolation(BehaviourRule rule, String situation, String expected, String actual) {
    super(describe(rule, situation, expected, actual), expected, actual);
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  /** The rule the connector broke. */
  public BehaviourRule rule() {
    return rule;
  }

  private static String describe(
      BehaviourRule rule, String situation, String expected, String actual) {
    return "Breaks "
        + rule
        + ": "
        + situation
        + "\n  expected: "
        + indent(expected)
        + "\n  actual:   "
        + indent(actual)
        + "\n  rule:     "
        + rule.reference()
        + ": "
        + rule.summary();
  }

  /** Lines after the first line up under the first one. */
  private static String indent(String text) {
    return text.replace("\n", "\n            ");
  }
}
