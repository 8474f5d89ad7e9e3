package dev.idaas.connector.testkit.contract.mirror;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.testkit.contract.ConnectorContractSuite;
import dev.idaas.connector.testkit.contract.ContractTarget;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The contract suite over each of {@link BrokenMirrors}. These classes are not run by the build on
 * their own (nested classes are not test classes for Surefire); {@link
 * ContractSuiteCatchesBrokenConnectorsTest} runs them and checks what fails.
 */
final class BrokenMirrorSuites {

  private BrokenMirrorSuites() {}

  /** The suite over a mirror whose connectors another constructor makes. */
  abstract static class BrokenMirrorSuite extends ConnectorContractSuite {
    private final MirrorContractTarget target;
    private final Set<Capability> capabilities;
    private final BiFunction<ConnectorConfig, ConnectorContext, Connector> opener;

    BrokenMirrorSuite(
        String name, BiFunction<ConnectorConfig, ConnectorContext, Connector> opener) {
      this(name, EnumSet.allOf(Capability.class), opener);
    }

    BrokenMirrorSuite(
        String name,
        Set<Capability> capabilities,
        BiFunction<ConnectorConfig, ConnectorContext, Connector> opener) {
      this.target = new MirrorContractTarget(name);
      this.capabilities = capabilities;
      this.opener = opener;
    }

    @Override
    protected ConnectorProvider provider() {
      return new DirectoryMirrorProvider(capabilities, opener);
    }

    @Override
    protected ContractTarget target() {
      return target;
    }

    @Override
    protected Map<String, String> parameters() {
      return target.parameters();
    }
  }

  /** Not broken: a mirror that declares it cannot move or delete units, nor preview. */
  static class WithoutMovesDeletionsOrPreviews extends BrokenMirrorSuite {
    WithoutMovesDeletionsOrPreviews() {
      super(
          "limited",
          EnumSet.of(
              Capability.ORGANIZATIONS,
              Capability.ACCOUNTS,
              Capability.ACCOUNT_STATUS,
              Capability.ACCOUNT_DELETE),
          DirectoryMirrorConnector::new);
    }
  }

  static class NotAdopting extends BrokenMirrorSuite {
    NotAdopting() {
      super("not-adopting", BrokenMirrors.NotAdopting::new);
    }
  }

  static class NotIdempotent extends BrokenMirrorSuite {
    NotIdempotent() {
      super("not-idempotent", BrokenMirrors.NotIdempotent::new);
    }
  }

  static class DeletingParentsFirst extends BrokenMirrorSuite {
    DeletingParentsFirst() {
      super("deleting-parents-first", BrokenMirrors.DeletingParentsFirst::new);
    }
  }

  static class RevocationDeleting extends BrokenMirrorSuite {
    RevocationDeleting() {
      super("revocation-deleting", BrokenMirrors.RevocationDeleting::new);
    }
  }

  static class SecretInMessage extends BrokenMirrorSuite {
    SecretInMessage() {
      super("secret-in-message", BrokenMirrors.SecretInMessage::new);
    }
  }

  static class LoggingSecret extends BrokenMirrorSuite {
    LoggingSecret() {
      super("logging-secret", BrokenMirrors.LoggingSecret::new);
    }
  }

  static class HidingProblems extends BrokenMirrorSuite {
    HidingProblems() {
      super("hiding-problems", BrokenMirrors.HidingProblems::new);
    }
  }

  static class MissingEvents extends BrokenMirrorSuite {
    MissingEvents() {
      super("missing-events", BrokenMirrors.MissingEvents::new);
    }
  }

  static class WritingPreviews extends BrokenMirrorSuite {
    WritingPreviews() {
      super("writing-previews", BrokenMirrors.WritingPreviews::new);
    }
  }
}
