package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorProvider;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every connector keeps, as JUnit 5 tests: extend this class in a connector's test
 * sources, give the provider, valid parameters and a {@link ContractTarget}, and each documented
 * rule becomes a named test.
 *
 * <pre>{@code
 * class DirectoryMirrorContractTest extends ConnectorContractSuite {
 *   private final MirrorContractTarget target = new MirrorContractTarget("contract");
 *
 *   protected ConnectorProvider provider() { return new DirectoryMirrorProvider(); }
 *   protected ContractTarget target() { return target; }
 *   protected Map<String, String> parameters() { return target.parameters(); }
 * }
 * }</pre>
 *
 * <p><b>How the tests work.</b> Before each test the target is reset and its content recorded; the
 * test then drives the connector through a {@link dev.idaas.connector.testkit.host.HostSimulator}
 * (a fresh state folder, the whole directory in scope, automatic authorization on), as an IDaaS
 * host would, with a small hand-made directory of three levels, six units and eight accounts (drawn
 * in the Javadoc of each test that needs it), and reads the target back through the {@link
 * ContractTarget}. Departments are compared by their path of names below the root, accounts by key
 * ignoring case, so no test depends on the target's ids.
 *
 * <p><b>When a test fails</b> it throws a {@link ContractViolation}: what was done, what the rule
 * expects, what happened, and the rule's name and summary as written in {@code
 * docs/behaviour-rules.md}. A behaviour whose {@link Capability} the descriptor does not declare is
 * skipped with the reason, not failed.
 *
 * <p><b>Threads and time.</b> Tests run one at a time on JUnit's thread; the host's clock is fixed.
 * A test opens its own host simulators and closes them, then calls {@link ContractTarget#close()}.
 */
public abstract class ConnectorContractSuite {

  private ContractFixture fixture;

  /** The provider under test, as {@code ServiceLoader} would make it. Called once per test. */
  protected abstract ConnectorProvider provider();

  /** The target the connector pushes into. Called before each test, and during it. */
  protected abstract ContractTarget target();

  /**
   * Valid raw parameters for the target, as an administrator fills them in. Called after {@link
   * ContractTarget#reset()}, so they may point at a simulator started by the reset.
   */
  protected abstract Map<String, String> parameters();

  /**
   * Secret values besides those of SECRET parameters that must never appear in any text, such as a
   * token or an initial password the test's target knows. None by default.
   */
  protected Collection<String> moreSecrets() {
    return List.of();
  }

  @BeforeEach
  final void resetTheTarget(@TempDir Path stateFolders) {
    ContractTarget target = target();
    target.reset();
    Map<String, String> parameters = parameters();
    ConnectorProvider provider = provider();

    KnownSecrets secrets =
        new KnownSecrets()
            .addParameters(provider.descriptor(), parameters, "of the valid parameters")
            .addParameters(
                provider.descriptor(),
                target.parametersWithWrongCredentials(parameters),
                "of the wrong credentials");
    moreSecrets().forEach(secret -> secrets.add(secret, "a secret the connector test named"));
    fixture = new ContractFixture(provider, parameters, target, stateFolders, secrets);
  }

  @AfterEach
  final void closeTheTarget() {
    try {
      if (fixture != null) {
        fixture.close();
      }
    } finally {
      target().close();
    }
  }

  // ---- discovery and descriptor

  /** Rule "Discoverable": {@code ServiceLoader} finds exactly this provider class by its id. */
  @Test
  public void isFoundThroughServiceLoaderByItsId() {
    new DescriptorContract(fixture).isFoundThroughServiceLoaderByItsId();
  }

  /**
   * Rule "Complete descriptor": built for this SPI, the same on every call, with a version, a
   * capability to push something and a translated display name.
   */
  @Test
  public void describesItselfCompletely() {
    new DescriptorContract(fixture).describesItselfCompletely();
  }

  /** Rule "Complete descriptor": labels and descriptions in English and Simplified Chinese. */
  @Test
  public void labelsAndDescribesEveryParameterInEnglishAndChinese() {
    new DescriptorContract(fixture).labelsAndDescribesEveryParameterInEnglishAndChinese();
  }

  /**
   * Rule "Complete descriptor": a parameter named like a password, token, secret or key is typed
   * SECRET, and no secret has a default.
   */
  @Test
  public void typesEverySecretAsSecretWithoutADefault() {
    new DescriptorContract(fixture).typesEverySecretAsSecretWithoutADefault();
  }

  /** Rule "Complete descriptor": each declared default passes the parameter's own validation. */
  @Test
  public void acceptsEveryDefaultItDeclares() {
    new DescriptorContract(fixture).acceptsEveryDefaultItDeclares();
  }

  // ---- parameters

  /** The test's own parameters are valid, and the configuration's text shows no secret. */
  @Test
  public void acceptsTheParametersOfTheTarget() {
    new ConfigurationContract(fixture).acceptsTheParametersOfTheTarget();
  }

  /** Rule "Every problem at once": leaving out a required parameter gives a problem naming it. */
  @Test
  public void namesEachMissingRequiredParameter() {
    new ConfigurationContract(fixture).namesEachMissingRequiredParameter();
  }

  /**
   * Rule "Every problem at once": a value breaking a constraint (type, range, length, pattern,
   * allowed values) gives exactly one problem, naming that parameter.
   */
  @Test
  public void refusesAValueBreakingEachConstraint() {
    new ConfigurationContract(fixture).refusesAValueBreakingEachConstraint();
  }

  /**
   * Rule "Every problem at once": every missing parameter, every wrong value and an unknown key are
   * reported together, in one exception.
   */
  @Test
  public void reportsEveryProblemAtOnce() {
    new ConfigurationContract(fixture).reportsEveryProblemAtOnce();
  }

  // ---- connection

  /** Rule "Clear connection check": good credentials pass, list steps, and write nothing. */
  @Test
  public void checksTheConnectionWithGoodCredentials() {
    new ConnectionContract(fixture).checksTheConnectionWithGoodCredentials();
  }

  /**
   * Rule "Clear connection check": wrong credentials give a ConnectorException of kind
   * AUTHENTICATION whose message holds no secret.
   */
  @Test
  public void refusesWrongCredentialsAsAnAuthenticationError() {
    new ConnectionContract(fixture).refusesWrongCredentialsAsAnAuthenticationError();
  }

  // ---- full pushes

  /**
   * Execute Add of the small directory creates exactly its tree and accounts, each account in its
   * primary unit and the one without a unit in the root:
   *
   * <pre>
   * Engineering            chen.jie
   *   Platform             wang.wu
   *     Kernel             li.na
   *   Quality              zhao.min
   * Sales                  sun.li
   *   EMEA                 zhou.yan, wu.hao
   * (no unit: the root)    zheng.qi
   * </pre>
   */
  @Test
  public void executeAddCreatesExactlyTheTreeAndItsAccounts() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new PushContract(fixture).executeAddCreatesExactlyTheTreeAndItsAccounts();
  }

  /**
   * Rule 1 "Idempotent pushes": a second Execute Add reports every object UNCHANGED, and the target
   * counts no write.
   */
  @Test
  public void aSecondExecuteAddWritesNothing() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new PushContract(fixture).aSecondExecuteAddWritesNothing();
  }

  /**
   * Rule 9 "Honest previews": a preview of Execute Add writes nothing, and its events are those of
   * the real Execute Add that follows.
   */
  @Test
  public void previewOfExecuteAddWritesNothingAndPredictsTheRun() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.PREVIEW);
    new PushContract(fixture).previewOfExecuteAddWritesNothingAndPredictsTheRun();
  }

  /** Rule 9 "Honest previews": the same for a rename and an account move. */
  @Test
  public void previewOfChangesWritesNothingAndPredictsTheRun() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.PREVIEW);
    new PushContract(fixture).previewOfChangesWritesNothingAndPredictsTheRun();
  }

  // ---- changes

  /** A renamed unit keeps its department: UPDATED, same id, children and members kept. */
  @Test
  public void renamesAUnitInPlace() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new ChangeContract(fixture).renamesAUnitInPlace();
  }

  /** A unit moved under another parent keeps its department and its member: MOVED. */
  @Test
  public void movesAUnitUnderAnotherParent() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ORG_UNIT_MOVE);
    new ChangeContract(fixture).movesAUnitUnderAnotherParent();
  }

  /**
   * Rule 3 "Safe order": a parent and its child swap places (EMEA on top, Sales under it), both
   * MOVED, without ever putting a unit under its own descendant.
   */
  @Test
  public void swapsAParentAndItsChild() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ORG_UNIT_MOVE);
    new ChangeContract(fixture).swapsAParentAndItsChild();
  }

  /**
   * Rule 3 "Safe order": a unit and its child, removed together and sent parent first, are both
   * DELETED, because the child goes first; their members moved away in the same change.
   */
  @Test
  public void deletesUnitsLeavesFirst() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ORG_UNIT_DELETE);
    new ChangeContract(fixture).deletesUnitsLeavesFirst();
  }

  /** An account moved to another unit is the same target account, now there: MOVED. */
  @Test
  public void movesAnAccountToAnotherUnit() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new ChangeContract(fixture).movesAnAccountToAnotherUnit();
  }

  /** Decision "Disabled accounts": an account disabled in the directory is DISABLED, and kept. */
  @Test
  public void disablesAnAccountDisabledInTheDirectory() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ACCOUNT_STATUS);
    new ChangeContract(fixture).disablesAnAccountDisabledInTheDirectory();
  }

  /** Decision "Disabled accounts": active again, the same target account is ENABLED. */
  @Test
  public void enablesTheSameAccountAgain() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ACCOUNT_STATUS);
    new ChangeContract(fixture).enablesTheSameAccountAgain();
  }

  /**
   * Rule 5 "Revocation disables": an account deleted in the directory is revoked with the default
   * policy as DISABLED, and still exists in the target.
   */
  @Test
  public void revocationDisablesTheAccountAndKeepsIt() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS, Capability.ACCOUNT_STATUS);
    new ChangeContract(fixture).revocationDisablesTheAccountAndKeepsIt();
  }

  /** Decision "Disabled accounts": a disabled account never pushed is SKIPPED, not created. */
  @Test
  public void neverCreatesAnAccountDisabledInTheDirectory() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new ChangeContract(fixture).neverCreatesAnAccountDisabledInTheDirectory();
  }

  // ---- objects made by hand

  /** Rule 2 "Adopt, never duplicate": Engineering made by hand under the root is LINKED. */
  @Test
  public void adoptsADepartmentWithTheSameNameUnderTheSameParent() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new AdoptionContract(fixture).adoptsADepartmentWithTheSameNameUnderTheSameParent();
  }

  /** Rule 2 "Adopt, never duplicate": LI.NA@… made by hand is LINKED to Li.Na@…. */
  @Test
  public void adoptsAnAccountWithTheSameKeyInAnotherCase() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new AdoptionContract(fixture).adoptsAnAccountWithTheSameKeyInAnotherCase();
  }

  /**
   * Rule 4 "Hands off what is not ours": a department and accounts made by hand, and what the
   * target held from the start, are untouched by pushes and a revocation.
   */
  @Test
  public void leavesAloneWhatItDidNotCreateOrAdopt() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new AdoptionContract(fixture).leavesAloneWhatItDidNotCreateOrAdopt();
  }

  // ---- events

  /**
   * Rule 6 "One event per object per run": one CREATED event per unit and account, each with a
   * target id and its name or e-mail, and the connector's own results agree.
   */
  @Test
  public void reportsOneEventPerObjectWithItsOutcome() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new EventContract(fixture).reportsOneEventPerObjectWithItsOutcome();
  }

  /**
   * Rule 6 and decisions "Bad trees", "Blocked, not misplaced": a unit whose parent does not exist
   * is reported as a problem naming the parent, its member is BLOCKED (not put in the root), the
   * rest is pushed, and the run is PARTIAL.
   */
  @Test
  public void reportsAPartialRunWhenAUnitCannotBePlaced() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new EventContract(fixture).reportsAPartialRunWhenAUnitCannotBePlaced();
  }

  /** Rule 6: once the missing parent exists, the next Execute Add creates what was blocked. */
  @Test
  public void takesUpBlockedObjectsInTheNextRun() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new EventContract(fixture).takesUpBlockedObjectsInTheNextRun();
  }

  // ---- secrets

  /**
   * Rule 7 "No secret in any text": after a scenario touching every path, with the connector's
   * debug logging on, no known secret is in a result, an event, a run error, an exception message,
   * a connection step, a {@code toString} or a log line.
   */
  @Test
  public void keepsSecretsOutOfEveryText() {
    requires(Capability.ORGANIZATIONS, Capability.ACCOUNTS);
    new SecretContract(fixture).keepsSecretsOutOfEveryText();
  }

  private void requires(Capability... capabilities) {
    fixture.requires(capabilities);
  }
}
