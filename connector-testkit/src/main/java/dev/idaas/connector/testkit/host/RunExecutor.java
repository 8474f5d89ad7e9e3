package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncMode;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.api.support.Redactor;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Carries out one run: records it, applies the mass-revocation guard, opens the connector with a
 * context for this run, sends the change set in the SPI's order, and records how it ended.
 *
 * <p>A connector is opened per run, because its context (the run's event sink, and in a preview the
 * throw-away link store) belongs to the run.
 */
final class RunExecutor {

  private static final System.Logger LOG = System.getLogger(RunExecutor.class.getName());

  private final ConnectorProvider provider;
  private final ConnectorConfig config;
  private final String applicationId;
  private final EventLog log;
  private final LinkStore links;
  private final Clock clock;
  private final Cancellation cancellation;
  private final ProgressListener listener;
  private final Redactor redactor;
  private final MassRevocationGuard guard;

  RunExecutor(
      ConnectorProvider provider,
      ConnectorConfig config,
      String applicationId,
      EventLog log,
      LinkStore links,
      Clock clock,
      Cancellation cancellation,
      ProgressListener listener,
      Redactor redactor,
      MassRevocationGuard guard) {
    this.provider = provider;
    this.config = config;
    this.applicationId = applicationId;
    this.log = log;
    this.links = links;
    this.clock = clock;
    this.cancellation = cancellation;
    this.listener = listener;
    this.redactor = redactor;
    this.guard = guard;
  }

  /**
   * Runs a change set.
   *
   * @param attempts the attempt number of each retried object
   * @param revocationConfirmed whether the operator confirmed a mass revocation for this run
   */
  RunSummary run(
      Trigger trigger,
      ChangeSet changes,
      Map<ObjectKey, Integer> attempts,
      boolean revocationConfirmed) {
    Instant started = clock.instant();
    String runId = log.startRun(trigger, started);
    listener.runStarted(runId, trigger, changes.size());

    boolean guarded = trigger == Trigger.EXECUTE_ADD || trigger == Trigger.AUTOMATIC;
    String stop = guarded && !revocationConfirmed ? guardViolation(changes) : null;
    if (stop != null) {
      LOG.log(Level.WARNING, "Run {0} stopped by the mass-revocation guard: {1}", runId, stop);
      return finish(runId, null, stop);
    }

    RecordingEventSink sink =
        new RecordingEventSink(
            log,
            clock,
            redactor,
            listener,
            applicationId,
            runId,
            trigger,
            attempts,
            changes.size());
    String error = push(changes, trigger == Trigger.PREVIEW, sink);
    if (error == null && sink.reported() != changes.size()) {
      LOG.log(
          Level.WARNING,
          "Run {0}: the connector reported {1} results for {2} objects; each object should be"
              + " reported once.",
          runId,
          sink.reported(),
          changes.size());
    }
    return finish(runId, sink, error);
  }

  /** Sends the change set; returns the run-level error, or null. */
  private String push(ChangeSet changes, boolean preview, RecordingEventSink sink) {
    LinkStore runLinks = preview ? new PreviewLinkStore(links) : links;
    ConnectorContext context = ConnectorContext.of(sink, runLinks, clock, cancellation);
    ConnectorDescriptor descriptor = provider.descriptor();
    warnAboutMissingCapabilities(changes, descriptor);

    try (Connector connector = provider.open(config, context)) {
      for (Supplier<SyncResult> step : steps(connector, descriptor, changes, preview)) {
        String error = errorOf(step.get());
        if (error != null) {
          return error;
        }
      }
      return null;
    } catch (ConnectorException e) {
      String error = redactor.scrub(e.getMessage());
      LOG.log(Level.ERROR, "The connector stopped the run: {0}", error);
      return error;
    } catch (RuntimeException e) {
      String error =
          "The connector failed unexpectedly ("
              + e.getClass().getSimpleName()
              + ": "
              + redactor.scrub(String.valueOf(e.getMessage()))
              + "); this is a defect of the connector "
              + descriptor.id()
              + ", report it to its authors.";
      LOG.log(Level.ERROR, error);
      return error;
    }
  }

  /** The connector calls of a change set, in the SPI's order, leaving out empty ones. */
  private static List<Supplier<SyncResult>> steps(
      Connector connector, ConnectorDescriptor descriptor, ChangeSet changes, boolean preview) {
    List<Supplier<SyncResult>> steps = new ArrayList<>();
    boolean units = descriptor.can(Capability.ORGANIZATIONS);
    boolean accounts = descriptor.can(Capability.ACCOUNTS);

    if (units && !changes.orgUnitUpserts().isEmpty()) {
      SyncRequest<OrgUnit> upserts =
          request(changes.mode(), changes.orgUnitUpserts(), List.of(), preview);
      steps.add(() -> connector.authorizeOrganizations(upserts));
    }
    if (accounts && changes.accountUpserts().size() + changes.accountRemovals().size() > 0) {
      SyncRequest<Account> request =
          request(changes.mode(), changes.accountUpserts(), changes.accountRemovals(), preview);
      steps.add(() -> connector.authorizeAccounts(request));
    }
    if (units && !changes.orgUnitRemovals().isEmpty()) {
      // Removals only: as a FULL request, an empty upsert list would claim an empty scope.
      SyncRequest<OrgUnit> removals =
          request(SyncMode.INCREMENTAL, List.of(), changes.orgUnitRemovals(), preview);
      steps.add(() -> connector.authorizeOrganizations(removals));
    }
    return steps;
  }

  private static <T> SyncRequest<T> request(
      SyncMode mode, List<T> upserts, List<Removal> removals, boolean preview) {
    SyncRequest<T> request = new SyncRequest<>(mode, upserts, removals, false);
    return preview ? request.asPreview() : request;
  }

  private String errorOf(SyncResult result) {
    return result == null || result.error() == null ? null : redactor.scrub(result.error());
  }

  private RunSummary finish(String runId, RecordingEventSink sink, String error) {
    Map<Outcome, Integer> units = sink == null ? Map.of() : sink.counts(ObjectType.ORG_UNIT);
    Map<Outcome, Integer> accounts = sink == null ? Map.of() : sink.counts(ObjectType.ACCOUNT);
    RunStatus status = RunSummary.statusOf(units, accounts, error);
    log.finishRun(runId, clock.instant(), status, error);

    RunSummary summary =
        log.run(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " vanished"));
    LOG.log(
        Level.INFO,
        "Run {0} ({1}) ended {2}: {3} objects, {4} writes, {5} problems",
        runId,
        summary.trigger(),
        summary.status(),
        summary.total(),
        summary.writes(),
        summary.problems());
    listener.runFinished(summary);
    return summary;
  }

  /** The message that stops the run, or null when the revocations are within the guard. */
  private String guardViolation(ChangeSet changes) {
    List<String> over = new ArrayList<>();
    for (ObjectType type : List.of(ObjectType.ACCOUNT, ObjectType.ORG_UNIT)) {
      Map<String, String> linkedObjects = links.all(type);
      int disabled = type == ObjectType.ACCOUNT ? newlyDisabled(changes, linkedObjects) : 0;
      int revocations = changes.removals(type).size() + disabled;
      int linked = linkedObjects.size();
      if (guard.trips(revocations, linked)) {
        long percent = linked == 0 ? 100 : Math.round(100.0 * revocations / linked);
        String noun = type == ObjectType.ACCOUNT ? "accounts" : "org units";
        String disabledNote = disabled == 0 ? "" : "; " + disabled + " disabled in the directory";
        over.add(
            revocations
                + " of the "
                + linked
                + " linked "
                + noun
                + " ("
                + percent
                + " %"
                + disabledNote
                + ")");
      }
    }
    if (over.isEmpty()) {
      return null;
    }
    return "Stopped before revoking anything: this run would revoke "
        + String.join(" and ", over)
        + ", more than the mass-revocation guard allows (more than "
        + Math.round(guard.maxShare() * 100)
        + " % of the linked objects of a type and more than "
        + guard.minimumCount()
        + "). A directory feed that suddenly lacks many objects is often broken: check the"
        + " snapshot first. "
        + MassRevocationGuard.CONFIRMATION_HINT;
  }

  /**
   * The linked accounts this run disables because the directory now marks them disabled: a feed
   * that suddenly marks everyone disabled freezes mailboxes as surely as one that lacks them.
   */
  private static int newlyDisabled(ChangeSet changes, Map<String, String> linked) {
    Set<String> sent = new HashSet<>();
    changes.accountUpserts().forEach(account -> sent.add(account.id()));
    return (int)
        changes.diff().disabledAccounts().stream()
            .map(DirectoryDiff.AccountChange::id)
            .filter(id -> sent.contains(id) && linked.containsKey(id))
            .count();
  }

  private void warnAboutMissingCapabilities(ChangeSet changes, ConnectorDescriptor descriptor) {
    int units = changes.orgUnitUpserts().size() + changes.orgUnitRemovals().size();
    if (units > 0 && !descriptor.can(Capability.ORGANIZATIONS)) {
      LOG.log(
          Level.INFO,
          "{0} does not push org units; {1} org unit changes are not sent.",
          descriptor.id(),
          units);
    }
    int accounts = changes.accountUpserts().size() + changes.accountRemovals().size();
    if (accounts > 0 && !descriptor.can(Capability.ACCOUNTS)) {
      LOG.log(
          Level.INFO,
          "{0} does not push accounts; {1} account changes are not sent.",
          descriptor.id(),
          accounts);
    }
  }
}
