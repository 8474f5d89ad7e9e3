package dev.idaas.connector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractAssertionsTest {

  @Test
  void aViolationSaysWhatWasDoneExpectedAndSeenAndWhichRuleItBreaks() {
    ContractViolation violation =
        catchThrowableOfType(
            ContractViolation.class,
            () ->
                ContractAssertions.check(
                    BehaviourRule.REVOCATION_DISABLES,
                    false,
                    "revoking wu.hao",
                    "wu.hao disabled",
                    () -> "wu.hao gone\nand its mail with it"));

    assertThat(violation.rule()).isEqualTo(BehaviourRule.REVOCATION_DISABLES);
    assertThat(violation.getExpected().getValue()).isEqualTo("wu.hao disabled");
    assertThat(violation.getActual().getValue()).isEqualTo("wu.hao gone\nand its mail with it");
    assertThat(violation.getMessage())
        .isEqualTo(
            """
            Breaks rule 5 "Revocation disables": revoking wu.hao
              expected: wu.hao disabled
              actual:   wu.hao gone
                        and its mail with it
              rule:     docs/behaviour-rules.md, rule 5 "Revocation disables": An account deleted \
            in the directory, or one that left the scope, is disabled by default, and deleted only \
            when the operator chose deletion.\
            """);
  }

  @Test
  void aCheckThatHoldsNeverDescribesWhatHappened() {
    assertThatCode(
            () ->
                ContractAssertions.check(
                    BehaviourRule.SAFE_ORDER,
                    true,
                    "anything",
                    "anything",
                    () -> {
                      throw new AssertionError("the description was built");
                    }))
        .doesNotThrowAnyException();
  }

  @Test
  void differentElementsAreListedSortedWithWhatIsMissingAndWhatIsUnexpected() {
    ContractViolation violation =
        catchThrowableOfType(
            ContractViolation.class,
            () ->
                ContractAssertions.sameElements(
                    BehaviourRule.ADOPT_NEVER_DUPLICATE,
                    "pushing Sales",
                    List.of("Sales", "Sales/EMEA"),
                    List.of("Sales/EMEA", "Sales", "Sales")));

    assertThat(violation.getMessage())
        .startsWith(
            """
            Breaks rule 2 "Adopt, never duplicate": pushing Sales
              expected: Sales
                        Sales/EMEA
              actual:   Sales
                        Sales
                        Sales/EMEA
                        unexpected: Sales
              rule:\
            """);
  }

  @Test
  void theSameElementsInAnotherOrderPass() {
    assertThatCode(
            () ->
                ContractAssertions.sameElements(
                    BehaviourRule.SAFE_ORDER, "x", List.of("b", "a", "a"), List.of("a", "b", "a")))
        .doesNotThrowAnyException();
  }

  @Test
  void everyRuleNamesWhereItIsWritten() {
    assertThat(BehaviourRule.IDEMPOTENT_PUSHES.reference())
        .isEqualTo("docs/behaviour-rules.md, rule 1 \"Idempotent pushes\"");
    assertThat(BehaviourRule.DISCOVERABLE.reference())
        .isEqualTo("docs/behaviour-rules.md, provider rule \"Discoverable\"");
    assertThat(BehaviourRule.BAD_TREES.toString()).isEqualTo("decision \"Bad trees\"");
  }
}
