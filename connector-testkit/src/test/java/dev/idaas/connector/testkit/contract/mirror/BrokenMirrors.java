package dev.idaas.connector.testkit.contract.mirror;

import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.testkit.contract.mirror.MirrorDirectory.Department;
import dev.idaas.connector.testkit.contract.mirror.MirrorDirectory.Member;
import java.util.List;
import java.util.Optional;

/**
 * Directory mirrors that each break exactly one documented rule, the way real connectors do, so a
 * test can show that the contract suite catches each mistake and says which rule it breaks.
 */
final class BrokenMirrors {

  private BrokenMirrors() {}

  /** Never looks for an existing department or account, so it makes duplicates. */
  static final class NotAdopting extends DirectoryMirrorConnector {
    NotAdopting(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    Optional<Department> findDepartment(String parentId, String name) {
      return Optional.empty();
    }

    @Override
    Optional<Member> findAccount(String key) {
      return Optional.empty();
    }
  }

  /** Takes every linked account for changed, so each push rewrites all of them. */
  static final class NotIdempotent extends DirectoryMirrorConnector {
    NotIdempotent(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    boolean accountChanged(Member current, Member wanted) {
      return true;
    }
  }

  /** Deletes units in the order the host sent them, which may be parents first. */
  static final class DeletingParentsFirst extends DirectoryMirrorConnector {
    DeletingParentsFirst(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    List<Removal> deletionOrder(List<Removal> removals) {
      return removals;
    }
  }

  /** Deletes a revoked account although the operator never chose deletion. */
  static final class RevocationDeleting extends DirectoryMirrorConnector {
    RevocationDeleting(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    ObjectResult revoke(Removal removal, Member current) {
      return deleteAccount(removal, current);
    }
  }

  /** Says in each creation's note which API key it signed in with. */
  static final class SecretInMessage extends DirectoryMirrorConnector {
    private final String key;

    SecretInMessage(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
      this.key = config.secret(DirectoryMirrorProvider.API_KEY).reveal();
    }

    @Override
    void report(ObjectResult result) {
      super.report(
          result.outcome() != Outcome.CREATED
              ? result
              : ObjectResult.done(
                  result.objectType(),
                  result.hostId(),
                  result.displayKey(),
                  result.operation(),
                  result.outcome(),
                  result.targetId(),
                  "created with the API key " + key));
    }
  }

  /** Logs, at debug level, which API key it signs in with. */
  static final class LoggingSecret extends DirectoryMirrorConnector {
    private static final System.Logger LOG = System.getLogger(LoggingSecret.class.getName());

    LoggingSecret(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
      LOG.log(
          System.Logger.Level.DEBUG,
          "Opening the mirror with the API key {0}",
          config.secret(DirectoryMirrorProvider.API_KEY).reveal());
    }
  }

  /** Reports an object it could not push as skipped, so the run looks successful. */
  static final class HidingProblems extends DirectoryMirrorConnector {
    HidingProblems(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    void report(ObjectResult result) {
      super.report(
          !result.outcome().isProblem()
              ? result
              : ObjectResult.done(
                  result.objectType(),
                  result.hostId(),
                  result.displayKey(),
                  result.operation(),
                  Outcome.SKIPPED,
                  null,
                  result.message()));
    }
  }

  /** Reports nothing for an object it did not attempt. */
  static final class MissingEvents extends DirectoryMirrorConnector {
    MissingEvents(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    void report(ObjectResult result) {
      if (result.outcome() != Outcome.BLOCKED) {
        super.report(result);
      }
    }
  }

  /** Forgets that a preview must not write. */
  static final class WritingPreviews extends DirectoryMirrorConnector {
    WritingPreviews(ConnectorConfig config, ConnectorContext context) {
      super(config, context);
    }

    @Override
    boolean writes(SyncRequest<?> request) {
      return true;
    }
  }
}
