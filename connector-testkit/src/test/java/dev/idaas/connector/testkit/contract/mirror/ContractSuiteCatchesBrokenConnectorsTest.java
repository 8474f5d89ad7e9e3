package dev.idaas.connector.testkit.contract.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.idaas.connector.testkit.contract.ConnectorContractSuite;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the contract suite against each deliberately broken mirror of {@link BrokenMirrors} and
 * checks that exactly the tests of the broken rule fail, with a message that names the rule, what
 * was expected and what happened, while every other test passes.
 */
class ContractSuiteCatchesBrokenConnectorsTest {

  private static final long SUITE_SIZE =
      Arrays.stream(ConnectorContractSuite.class.getDeclaredMethods())
          .filter(method -> method.isAnnotationPresent(Test.class))
          .count();

  @Test
  void skipsWithTheReasonWhatAConnectorDeclaresItCannotDo() {
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(BrokenMirrorSuites.WithoutMovesDeletionsOrPreviews.class))
            .execute()
            .testEvents();

    Map<String, String> skipped = new TreeMap<>();
    // A failed assumption aborts a test: JUnit reports it as skipped, the platform as aborted.
    tests.aborted().stream().forEach(event -> skipped.put(methodOf(event), reasonOf(event)));
    assertThat(skipped)
        .containsOnlyKeys(
            "movesAUnitUnderAnotherParent",
            "swapsAParentAndItsChild",
            "deletesUnitsLeavesFirst",
            "previewOfExecuteAddWritesNothingAndPredictsTheRun",
            "previewOfChangesWritesNothingAndPredictsTheRun");
    assertThat(skipped.get("deletesUnitsLeavesFirst"))
        .isEqualTo(
            "Assumption failed: skipped: directory-mirror does not declare the ORG_UNIT_DELETE"
                + " capability, so this behaviour does not apply to it");
    assertThat(tests.failed().count()).isZero();
    assertThat(tests.succeeded().count()).isEqualTo(SUITE_SIZE - 5);
  }

  @Test
  void catchesAConnectorThatDuplicatesInsteadOfAdopting() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.NotAdopting.class, 2);

    assertThat(failures.get("adoptsADepartmentWithTheSameNameUnderTheSameParent"))
        .isEqualTo(
            """
            Breaks rule 2 "Adopt, never duplicate": Execute Add after an administrator made \
            Engineering by hand under the root
              expected: the hand-made department d1 adopted: the only one at Engineering, event \
            LINKED
              actual:   departments at Engineering: [d1, d2]; the event ORG_UNIT u-eng UPSERT CREATED
              rule:     docs/behaviour-rules.md, rule 2 "Adopt, never duplicate": An object that \
            already exists in the target is linked, not created again: first through the host's \
            link, then by its name under the same parent (org unit) or its e-mail ignoring case \
            (account).\
            """);
    assertThat(failures.get("adoptsAnAccountWithTheSameKeyInAnotherCase"))
        .startsWith(
            """
            Breaks rule 2 "Adopt, never duplicate": Execute Add of Li.Na@example.com after an \
            administrator made LI.NA@example.com by hand
              expected: one account li.na@example.com (any case), the hand-made one adopted: event \
            LINKED
              actual:   accounts with that key: [LI.NA@example.com, li.na@example.com]; the event \
            ACCOUNT a-li-na UPSERT CREATED
            """);
  }

  @Test
  void catchesAConnectorWhoseSecondPushWritesAgain() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.NotIdempotent.class, 2);

    assertThat(failures.get("aSecondExecuteAddWritesNothing"))
        .startsWith(
            """
            Breaks rule 1 "Idempotent pushes": a second Execute Add of the same directory
              expected: 0 objects written (RunSummary.writes()) and 0 writes counted by the target
              actual:   8 objects written and 8 writes counted by the target; its events:
                        ORG_UNIT u-eng UPSERT UNCHANGED
            """)
        .contains("            ACCOUNT a-li-na UPSERT UPDATED\n");
    assertThat(failures.get("takesUpBlockedObjectsInTheNextRun"))
        .startsWith(
            "Breaks rule 6 \"One event per object per run\": Execute Add again after the missing"
                + " parent u-missing was added to the directory: its events\n")
        .contains("unexpected: ACCOUNT a-chen-jie UPSERT UPDATED;");
  }

  @Test
  void catchesAConnectorThatDeletesParentsBeforeTheirChildren() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.DeletingParentsFirst.class, 1);

    assertThat(failures.get("deletesUnitsLeavesFirst"))
        .isEqualTo(
            """
            Breaks rule 3 "Safe order": deleting Platform and its child Kernel (sent parent first) \
            after moving their members to Quality
              expected: the event of ORG_UNIT u-platform DELETED
              actual:   the event ORG_UNIT u-platform REVOKE FAILED CONFLICT: The mirror refused: \
            department d2 still has 1 sub-departments and 0 accounts.; run run-2 (AUTOMATIC) ended \
            PARTIAL: org units {DELETED=1, FAILED=1}, accounts {MOVED=2}; its events:
                        ACCOUNT a-li-na UPSERT MOVED
                        ACCOUNT a-wang-wu UPSERT MOVED
                        ORG_UNIT u-platform REVOKE FAILED CONFLICT: The mirror refused: department \
            d2 still has 1 sub-departments and 0 accounts.
                        ORG_UNIT u-kernel REVOKE DELETED
              rule:     docs/behaviour-rules.md, rule 3 "Safe order": Parents are created before \
            their children; deletions go leaf-first, after members have moved; moves never put a \
            unit under its own descendant, even when two units swap places.\
            """);
  }

  @Test
  void catchesAConnectorWhoseRevocationDeletes() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.RevocationDeleting.class, 1);

    assertThat(failures.get("revocationDisablesTheAccountAndKeepsIt"))
        .isEqualTo(
            """
            Breaks rule 5 "Revocation disables": deleting zhou.yan in the directory after Execute \
            Add, with the default revocation policy
              expected: the event REVOKE DISABLED, and the account still in the target, disabled
              actual:   the event ACCOUNT a-zhou-yan REVOKE DELETED: DELETED_IN_DIRECTORY; in the \
            target: the account is gone
              rule:     docs/behaviour-rules.md, rule 5 "Revocation disables": An account deleted \
            in the directory, or one that left the scope, is disabled by default, and deleted only \
            when the operator chose deletion.\
            """);
  }

  @Test
  void catchesASecretInAnEventMessageAndMasksItInTheFailure() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.SecretInMessage.class, 1);

    assertThat(failures.get("keepsSecretsOutOfEveryText"))
        .startsWith("Breaks rule 7 \"No secret in any text\": connection checks with good and")
        .contains(
            """
              expected: the result the connector reported for ORG_UNIT u-eng (CREATED): its \
            message without any secret
              actual:   the result the connector reported for ORG_UNIT u-eng (CREATED): its \
            message holds the value of the secret parameter 'apiKey' of the valid parameters \
            (masked here): created with the API key ******
            """)
        .doesNotContain(MirrorContractTarget.API_KEY);
  }

  @Test
  void catchesASecretInADebugLogLine() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.LoggingSecret.class, 1);

    assertThat(failures.get("keepsSecretsOutOfEveryText"))
        .contains(
            """
              actual:   the log line holds the value of the secret parameter 'apiKey' of the valid \
            parameters (masked here): dev.idaas.connector.testkit.contract.mirror.BrokenMirrors$\
            LoggingSecret FINE Opening the mirror with the API key ******
            """)
        .doesNotContain(MirrorContractTarget.API_KEY);
  }

  @Test
  void catchesARunReportedAsSuccessfulThoughAnObjectWasBlocked() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.HidingProblems.class, 1);

    assertThat(failures.get("reportsAPartialRunWhenAUnitCannotBePlaced"))
        .startsWith(
            """
            Breaks rule 6 "One event per object per run": Execute Add of the small directory plus \
            unit u-ghost whose parent u-missing does not exist, and its member a-ghost-user
              expected: status PARTIAL with 2 problems (u-ghost and a-ghost-user)
              actual:   status SUCCESS with 0 problems; events:
                        ORG_UNIT u-ghost UPSERT SKIPPED: Not pushed: the parent u-missing of unit \
            u-ghost does not exist.
            """)
        .contains(
            "            ACCOUNT a-ghost-user UPSERT SKIPPED: Not pushed: its org unit u-ghost has"
                + " no department.\n");
  }

  @Test
  void catchesAnObjectLeftWithoutAnEvent() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.MissingEvents.class, 1);

    assertThat(failures.get("reportsAPartialRunWhenAUnitCannotBePlaced"))
        .startsWith(
            "Breaks rule 6 \"One event per object per run\": Execute Add of the small directory"
                + " plus unit u-ghost whose parent u-missing does not exist, and its member"
                + " a-ghost-user: the objects its events are about\n")
        .contains("            missing:    ACCOUNT a-ghost-user; ORG_UNIT u-ghost\n");
  }

  @Test
  void catchesAPreviewThatWrites() {
    Map<String, String> failures = failuresOf(BrokenMirrorSuites.WritingPreviews.class, 2);

    assertThat(failures.get("previewOfExecuteAddWritesNothingAndPredictsTheRun"))
        .startsWith(
            """
            Breaks rule 9 "Honest previews": a preview of Execute Add of the small directory
              expected: 0 writes counted by the target, and the target as it was:
                        department (root) (root)
              actual:   14 writes counted by the target; the target now:
                        department (root) (root)
                        department Engineering (d1)
            """);
    assertThat(failures.get("previewOfChangesWritesNothingAndPredictsTheRun"))
        .startsWith(
            "Breaks rule 9 \"Honest previews\": a preview of renaming Quality and moving li.na to"
                + " Platform\n")
        .contains("  actual:   2 writes counted by the target; the target now:\n");
  }

  /**
   * Runs the suite over one broken mirror and checks that {@code failing} tests failed, every other
   * test passed and none was skipped.
   *
   * @return each failed test's method name with its failure message
   */
  private static Map<String, String> failuresOf(Class<?> suite, int failing) {
    Events tests =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();

    Map<String, String> failures = new TreeMap<>();
    tests.failed().stream().forEach(event -> failures.put(methodOf(event), messageOf(event)));
    assertThat(failures).as("failed tests of %s", suite.getSimpleName()).hasSize(failing);
    assertThat(tests.succeeded().count()).isEqualTo(SUITE_SIZE - failing);
    assertThat(tests.skipped().count() + tests.aborted().count()).isZero();
    return failures;
  }

  private static String methodOf(Event event) {
    return event
        .getTestDescriptor()
        .getSource()
        .map(source -> ((MethodSource) source).getMethodName())
        .orElseThrow();
  }

  /** Why a test was skipped: the message of its failed assumption. */
  private static String reasonOf(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::getMessage)
        .orElseThrow();
  }

  private static String messageOf(Event event) {
    return event
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .map(Throwable::getMessage)
        .orElseThrow();
  }
}
