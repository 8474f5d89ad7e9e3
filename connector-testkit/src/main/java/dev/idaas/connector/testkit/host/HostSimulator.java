package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.SpiVersion;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.api.support.Redactor;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The IDaaS host, simulated for one application instance: what an administrator does in the admin
 * console after adding a pre-integrated application, driven from Java.
 *
 * <pre>{@code
 * try (HostSimulator host =
 *     HostSimulator.builder()
 *         .provider(provider)
 *         .parameters(parametersTheAdministratorFilledIn)
 *         .stateFolder(Path.of("state"))
 *         .open()) {
 *   RunSummary first = host.executeAdd(new SnapshotReader().read(Path.of("hr.json")));
 *   ChangeResult later = host.applyChanges(new SnapshotReader().read(Path.of("hr-tomorrow.json")));
 * }
 * }</pre>
 *
 * <p><b>What each action sends.</b> Every push goes to the connector in the SPI's order: org unit
 * upserts ({@code authorizeOrganizations}), then account upserts and removals ({@code
 * authorizeAccounts}), then org unit removals (a second {@code authorizeOrganizations}, always as
 * an incremental request, because a full request with no upserts would claim an empty scope).
 *
 * <ul>
 *   <li>{@link #executeAdd}: a FULL push of the whole scope, plus a removal for every linked object
 *       now out of scope or deleted that was not revoked yet. Runs whatever the automatic
 *       authorization switch says.
 *   <li>{@link #applyChanges} and {@link #changeScope}: an INCREMENTAL push of the difference
 *       between the scope as last pushed and the scope now, plus the units and accounts that were
 *       blocked by a unit this push carries (a unit whose refused name was fixed brings its members
 *       along); pending (nothing sent) when automatic authorization is off or nothing was pushed
 *       yet.
 *   <li>{@link #retryFailed}: the objects whose latest event failed or was blocked, again, with
 *       their attempt counted up.
 *   <li>{@link #preview} and {@link #previewChanges}: the same requests as previews, with a link
 *       store whose changes are dropped afterwards. Their events are logged with trigger PREVIEW
 *       and never count as an object's latest event.
 * </ul>
 *
 * <p><b>State.</b> Links, runs, events, the policy, the last directory and the scope as last pushed
 * live in an H2 database in the state folder; every event and link is committed as it is reported.
 * The scope as last pushed advances after every run that was not stopped by a run-level error, so
 * the objects of a stopped run are sent again by the next push. A failed object is not sent again
 * by the next incremental push (unless it was blocked by a unit that push carries): retry it, or
 * run Execute Add. No secret is stored: the folder knows the application by a fingerprint of its
 * non-secret parameters.
 *
 * <p><b>Threads.</b> Actions run one at a time (they are synchronized); the connector may report
 * from several threads inside a run.
 *
 * <p>Errors: {@link InvalidConfigurationException} for wrong parameters, {@link
 * StateFolderException} for a state folder that cannot be used, {@link HostSimulatorException} for
 * a request that cannot be carried out. A connector's run-level failure is not thrown: the run ends
 * FAILED and {@link RunSummary#error()} keeps its message.
 */
public final class HostSimulator implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(HostSimulator.class.getName());

  private final ConnectorProvider provider;
  private final ConnectorConfig config;
  private final String applicationId;
  private final Clock clock;
  private final Cancellation cancellation;
  private final StateDatabase database;
  private final EventLog log;
  private final DatabaseLinkStore links;
  private final StateDocuments documents;
  private final RunExecutor executor;
  private AuthorizationPolicy policy;
  private boolean massRevocationConfirmed;
  private boolean closed;

  private HostSimulator(Builder builder, ConnectorConfig config, StateDatabase database) {
    this.provider = builder.provider;
    this.config = config;
    this.applicationId = builder.applicationIdOr(config.descriptor().id());
    this.clock = builder.clock;
    this.cancellation = builder.cancellation;
    this.database = database;
    this.log = new EventLog(database);
    this.links = new DatabaseLinkStore(database);
    this.documents = new StateDocuments(database);
    this.executor =
        new RunExecutor(
            provider,
            config,
            applicationId,
            log,
            links,
            clock,
            cancellation,
            builder.listener,
            redactorFor(config),
            builder.guard);
  }

  /** Starts configuring a host simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /** The application instance's id, used in every event. */
  public String applicationId() {
    return applicationId;
  }

  /** The provider's descriptor. */
  public ConnectorDescriptor descriptor() {
    return provider.descriptor();
  }

  /** The state folder. */
  public Path stateFolder() {
    return database.folder();
  }

  /** The authorization policy in force. */
  public synchronized AuthorizationPolicy policy() {
    return policy;
  }

  /** The links, as connectors see them. Changing them by hand makes the connector lose track. */
  public LinkStore links() {
    return links;
  }

  /** The directory last given to Execute Add or {@link #applyChanges}; empty before either. */
  public synchronized Optional<DirectorySnapshot> lastDirectory() {
    requireOpen();
    return documents.directory();
  }

  /** The scope as last pushed; empty before the first Execute Add. */
  public synchronized Optional<DirectorySnapshot> lastPushedScope() {
    requireOpen();
    return documents.pushedScope();
  }

  /**
   * Checks the connection: signs in and reads a little. Writes nothing, records nothing.
   *
   * @throws dev.idaas.connector.api.ConnectorException whose message says what failed and what to
   *     do
   */
  public synchronized ConnectionCheck checkConnection() {
    requireOpen();
    ConnectorContext context =
        ConnectorContext.of(
            result ->
                LOG.log(Level.WARNING, "A connection check reported an object; it is ignored."),
            new PreviewLinkStore(links),
            clock,
            cancellation);
    try (Connector connector = provider.open(config, context)) {
      return connector.checkConnection();
    }
  }

  /**
   * Execute Add: pushes the whole scope of a directory, and revokes linked objects that are now out
   * of scope or deleted. The directory becomes the host's latest directory.
   *
   * @return the run; FAILED with a message if the mass-revocation guard stopped it
   */
  public synchronized RunSummary executeAdd(DirectorySnapshot directory) {
    requireOpen();
    documents.saveDirectory(directory);
    warnAboutUnknownScopeUnits(directory);
    ChangeSet changes = fullPush(directory);

    RunSummary run = executor.run(Trigger.EXECUTE_ADD, changes, Map.of(), takeConfirmation());
    if (run.error() == null) {
      documents.savePushedScope(policy.scopeOf(directory));
    }
    return run;
  }

  /**
   * Previews Execute Add: the connector plans the same full push and reports what it would do,
   * writing nothing. Nothing of the host's state changes, except that the preview's run and events
   * are logged with trigger PREVIEW.
   *
   * @throws HostSimulatorException if the connector cannot preview
   */
  public synchronized RunSummary preview(DirectorySnapshot directory) {
    return preview(directory, policy);
  }

  /**
   * Previews Execute Add under another authorization policy, such as a scope being considered. The
   * policy is used for this preview only: it is neither stored nor put in force.
   *
   * @throws HostSimulatorException if the connector cannot preview
   */
  public synchronized RunSummary preview(
      DirectorySnapshot directory, AuthorizationPolicy previewPolicy) {
    requireOpen();
    requirePreview();
    Objects.requireNonNull(previewPolicy, "previewPolicy");
    return executor.run(Trigger.PREVIEW, fullPush(directory, previewPolicy), Map.of(), false);
  }

  /**
   * What {@link #applyChanges} would send for a newer directory, without sending or storing
   * anything.
   */
  public synchronized ChangeSet pendingChanges(DirectorySnapshot newer) {
    return pendingChanges(newer, policy);
  }

  /**
   * What {@link #applyChanges} would send for a newer directory under another authorization policy,
   * without sending or storing anything; the policy is not stored either.
   */
  public synchronized ChangeSet pendingChanges(
      DirectorySnapshot newer, AuthorizationPolicy previewPolicy) {
    requireOpen();
    return incremental(
            documents.pushedScope().orElse(DirectorySnapshot.empty()),
            newer,
            Objects.requireNonNull(previewPolicy, "previewPolicy"))
        .changes();
  }

  /**
   * Previews {@link #applyChanges}: the connector plans the incremental push and reports what it
   * would do, writing nothing.
   *
   * @throws HostSimulatorException if the connector cannot preview
   */
  public synchronized RunSummary previewChanges(DirectorySnapshot newer) {
    return previewChanges(newer, policy);
  }

  /**
   * Previews {@link #applyChanges} under another authorization policy, which is used for this
   * preview only: it is neither stored nor put in force.
   *
   * @throws HostSimulatorException if the connector cannot preview
   */
  public synchronized RunSummary previewChanges(
      DirectorySnapshot newer, AuthorizationPolicy previewPolicy) {
    requireOpen();
    requirePreview();
    return executor.run(Trigger.PREVIEW, pendingChanges(newer, previewPolicy), Map.of(), false);
  }

  /**
   * Automatic authorization of directory changes: the newer directory becomes the host's latest,
   * and the changes in scope since the last push are pushed at once, as an incremental run with
   * trigger AUTOMATIC. With automatic authorization off, or before the first Execute Add, the
   * changes are only reported as pending.
   */
  public synchronized ChangeResult applyChanges(DirectorySnapshot newer) {
    requireOpen();
    documents.saveDirectory(newer);
    warnAboutUnknownScopeUnits(newer);
    return pushChanges(newer);
  }

  /**
   * Saves a new authorization policy and, with automatic authorization on, pushes what it changes
   * at once: units and accounts entering the scope are pushed, those leaving it are revoked with
   * reason OUT_OF_SCOPE. Applied to the latest directory; with none yet, only the policy is saved.
   */
  public synchronized ChangeResult changeScope(AuthorizationPolicy newPolicy) {
    requireOpen();
    policy = Objects.requireNonNull(newPolicy, "newPolicy");
    documents.savePolicy(newPolicy);
    Optional<DirectorySnapshot> directory = documents.directory();
    if (directory.isEmpty()) {
      return ChangeResult.unchanged();
    }
    warnAboutUnknownScopeUnits(directory.get());
    return pushChanges(directory.get());
  }

  /**
   * Retries every object whose latest event failed or was blocked, in one run with trigger RETRY;
   * each event's attempt is one more than the object's previous one. Upserts are sent as the scope
   * was last pushed; failed revocations are sent again.
   *
   * @return the run, or empty when nothing needs a retry
   */
  public synchronized Optional<RunSummary> retryFailed() {
    requireOpen();
    return retry(log.latestProblems(null));
  }

  /**
   * Retries the objects that failed or were blocked in one run and have not succeeded since.
   *
   * @return the run, or empty when nothing of that run needs a retry
   * @throws HostSimulatorException if there is no such run
   */
  public synchronized Optional<RunSummary> retryFailed(String runId) {
    requireOpen();
    if (log.run(runId).isEmpty()) {
      throw new HostSimulatorException(
          "There is no run "
              + runId
              + " in the state folder "
              + stateFolder()
              + "; runs() lists them.");
    }
    return retry(log.latestProblems(runId));
  }

  /**
   * Lets the next Execute Add, directory change or scope change through the mass-revocation guard.
   * Applies to that one run only.
   */
  public synchronized void confirmMassRevocation() {
    requireOpen();
    massRevocationConfirmed = true;
  }

  /** The sync events that pass a filter, in the order they were reported. */
  public synchronized List<SyncEvent> events(EventFilter filter) {
    requireOpen();
    return log.events(filter);
  }

  /** Every finished run, oldest first. */
  public synchronized List<RunSummary> runs() {
    requireOpen();
    return log.runs();
  }

  /** One run, if the state folder has it. */
  public synchronized Optional<RunSummary> run(String runId) {
    requireOpen();
    return log.run(runId);
  }

  /** Closes the state database. Further calls throw {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      database.close();
    }
  }

  private ChangeSet fullPush(DirectorySnapshot directory) {
    return fullPush(directory, policy);
  }

  private ChangeSet fullPush(DirectorySnapshot directory, AuthorizationPolicy planPolicy) {
    Map<ObjectKey, SyncEvent> latest = log.latestEvents();
    Set<ObjectKey> revoked = new HashSet<>();
    latest.forEach(
        (key, event) -> {
          if (event.operation() == Operation.REVOKE && !event.outcome().isProblem()) {
            revoked.add(key);
          }
        });
    Map<ObjectType, Set<String>> linked = new EnumMap<>(ObjectType.class);
    for (ObjectType type : ObjectType.values()) {
      linked.put(type, links.all(type).keySet());
    }
    return ChangePlanner.full(
        documents.pushedScope().orElse(DirectorySnapshot.empty()),
        directory,
        planPolicy,
        linked,
        revoked,
        key -> Optional.ofNullable(latest.get(key)).map(SyncEvent::displayKey).orElse(null));
  }

  /** The changes since the last push, with what a pushed unit was blocking. */
  private ChangePlanner.Retry incremental(
      DirectorySnapshot pushed, DirectorySnapshot directory, AuthorizationPolicy planPolicy) {
    ChangeSet changes = ChangePlanner.incremental(pushed, directory, planPolicy);
    List<SyncEvent> blocked =
        log.latestProblems(null).stream()
            .filter(event -> event.outcome() == Outcome.BLOCKED)
            .toList();
    return ChangePlanner.withBlockedDependents(changes, planPolicy.scopeOf(directory), blocked);
  }

  private ChangeResult pushChanges(DirectorySnapshot directory) {
    Optional<DirectorySnapshot> pushed = documents.pushedScope();
    ChangePlanner.Retry planned =
        incremental(pushed.orElse(DirectorySnapshot.empty()), directory, policy);
    ChangeSet changes = planned.changes();
    if (changes.isEmpty()) {
      return ChangeResult.unchanged();
    }
    if (pushed.isEmpty()) {
      return ChangeResult.pending(
          changes,
          "nothing has been pushed to this application yet; Execute Add pushes the whole scope");
    }
    if (!policy.automaticAuthorization()) {
      return ChangeResult.pending(
          changes,
          "automatic authorization is off; Execute Add, or switching it on, pushes these changes");
    }

    RunSummary run =
        executor.run(Trigger.AUTOMATIC, changes, planned.attempts(), takeConfirmation());
    if (run.error() == null) {
      documents.savePushedScope(policy.scopeOf(directory));
    }
    return ChangeResult.pushed(changes, run);
  }

  private Optional<RunSummary> retry(List<SyncEvent> problems) {
    ChangePlanner.Retry retry =
        ChangePlanner.retry(
            problems,
            documents.pushedScope().orElse(DirectorySnapshot.empty()),
            documents.directory().orElse(DirectorySnapshot.empty()));
    if (retry.changes().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(executor.run(Trigger.RETRY, retry.changes(), retry.attempts(), false));
  }

  private boolean takeConfirmation() {
    boolean confirmed = massRevocationConfirmed;
    massRevocationConfirmed = false;
    return confirmed;
  }

  private void requirePreview() {
    if (!provider.descriptor().can(Capability.PREVIEW)) {
      throw new HostSimulatorException(
          "The connector "
              + provider.descriptor().id()
              + " cannot preview: it does not declare the PREVIEW capability. Run without a"
              + " preview, or on a copy of the target.");
    }
  }

  private void warnAboutUnknownScopeUnits(DirectorySnapshot directory) {
    List<String> unknown = policy.unknownOrgUnits(directory);
    if (!unknown.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "The org scope names units the directory does not have: {0}; they are ignored.",
          String.join(", ", unknown));
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this HostSimulator is closed; open a new one");
    }
  }

  private static Redactor redactorFor(ConnectorConfig config) {
    Redactor redactor = new Redactor();
    for (ParameterSpec spec : config.descriptor().parameters()) {
      if (spec.secret() && config.has(spec.key())) {
        redactor.add(config.secret(spec.key()));
      }
    }
    return redactor;
  }

  /**
   * Configures a {@link HostSimulator}: the provider and its raw parameters, as an administrator
   * fills them in, and the state folder are required; everything else has a default.
   */
  public static final class Builder {
    private ConnectorProvider provider;
    private Map<String, String> parameters = Map.of();
    private Path stateFolder;
    private Clock clock = Clock.systemUTC();
    private AuthorizationPolicy policy;
    private String applicationId;
    private MassRevocationGuard guard = MassRevocationGuard.DEFAULT;
    private ProgressListener listener = ProgressListener.NONE;
    private Cancellation cancellation = Cancellation.NEVER;
    private Set<String> targetParameters = Set.of();

    private Builder() {}

    /** The connector's provider. Required. */
    public Builder provider(ConnectorProvider newProvider) {
      this.provider = Objects.requireNonNull(newProvider, "provider");
      return this;
    }

    /** The raw parameters, checked with the descriptor when the simulator opens. */
    public Builder parameters(Map<String, String> raw) {
      this.parameters = Map.copyOf(raw);
      return this;
    }

    /** The folder for the host's state; created if missing. Required. */
    public Builder stateFolder(Path folder) {
      this.stateFolder = Objects.requireNonNull(folder, "stateFolder");
      return this;
    }

    /** The clock for event times and run durations; the system's UTC clock by default. */
    public Builder clock(Clock newClock) {
      this.clock = Objects.requireNonNull(newClock, "clock");
      return this;
    }

    /**
     * The authorization policy, which replaces the one stored in the state folder and is applied by
     * the next push. By default the stored one is kept, or the whole directory on a new folder.
     */
    public Builder policy(AuthorizationPolicy newPolicy) {
      this.policy = Objects.requireNonNull(newPolicy, "policy");
      return this;
    }

    /** The application instance's id; the provider's id by default. */
    public Builder applicationId(String id) {
      Objects.requireNonNull(id, "applicationId");
      if (id.isBlank() || id.length() > 200) {
        throw new IllegalArgumentException(
            "an application id has 1 to 200 characters: '" + id + "'");
      }
      this.applicationId = id;
      return this;
    }

    /** The mass-revocation guard; {@link MassRevocationGuard#DEFAULT} by default. */
    public Builder massRevocationGuard(MassRevocationGuard newGuard) {
      this.guard = Objects.requireNonNull(newGuard, "guard");
      return this;
    }

    /** Who follows each run's progress; nobody by default. */
    public Builder progressListener(ProgressListener newListener) {
      this.listener = Objects.requireNonNull(newListener, "listener");
      return this;
    }

    /** How a run learns it should stop; never by default. */
    public Builder cancellation(Cancellation newCancellation) {
      this.cancellation = Objects.requireNonNull(newCancellation, "cancellation");
      return this;
    }

    /**
     * The non-secret parameters that identify the target, so a state folder cannot be used with
     * another one. By default every URL and mail-domain parameter.
     */
    public Builder targetParameters(String... keys) {
      this.targetParameters = Set.copyOf(Arrays.asList(keys));
      return this;
    }

    /**
     * Checks the parameters, opens the state folder and claims it for this application.
     *
     * @throws InvalidConfigurationException listing every parameter problem, or the problem the
     *     provider finds when it opens a connector with values that cannot work together
     * @throws dev.idaas.connector.api.ConnectorException of kind INVALID_CONFIGURATION from such a
     *     provider that does not list its problems
     * @throws StateFolderException if the state folder belongs to another application or target, is
     *     in use, or cannot be opened
     * @throws HostSimulatorException if the provider was built for an incompatible SPI
     */
    public HostSimulator open() {
      if (provider == null || stateFolder == null) {
        throw new IllegalStateException("a HostSimulator needs a provider and a state folder");
      }
      requireCompatible(provider);
      ConnectorConfig config = provider.descriptor().validate(parameters);
      requireOpenable(provider, config, clock);
      ApplicationIdentity identity =
          ApplicationIdentity.of(
              applicationIdOr(provider.descriptor().id()), config, targetParameters);

      StateDatabase database = StateDatabase.open(stateFolder);
      try {
        identity.claim(database, clock.instant());
        HostSimulator host = new HostSimulator(this, config, database);
        host.log.closeInterruptedRuns(clock.instant());
        host.policy = resolvePolicy(host.documents);
        return host;
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }

    private AuthorizationPolicy resolvePolicy(StateDocuments documents) {
      if (policy != null) {
        documents.savePolicy(policy);
        return policy;
      }
      return documents.policy().orElseGet(AuthorizationPolicy::wholeDirectory);
    }

    private String applicationIdOr(String fallback) {
      return applicationId == null ? fallback : applicationId;
    }

    /**
     * Opens the connector once, without a run, so values that pass the descriptor's checks but
     * cannot work together (plain HTTP to another machine, for example) are refused now, when the
     * administrator saves the form, and not by the first run. Opening never calls the target.
     */
    private static void requireOpenable(
        ConnectorProvider provider, ConnectorConfig config, Clock clock) {
      LinkStore noLinks =
          new LinkStore() {
            @Override
            public Optional<String> targetId(ObjectType type, String hostId) {
              return Optional.empty();
            }

            @Override
            public void link(ObjectType type, String hostId, String targetId) {}

            @Override
            public void unlink(ObjectType type, String hostId) {}

            @Override
            public Map<String, String> all(ObjectType type) {
              return Map.of();
            }
          };
      ConnectorContext context =
          ConnectorContext.of(result -> {}, noLinks, clock, Cancellation.NEVER);
      provider.open(config, context).close();
    }

    private static void requireCompatible(ConnectorProvider provider) {
      String built = provider.spiVersion();
      if (!SpiVersion.isCompatible(built, SpiVersion.CURRENT)) {
        throw new HostSimulatorException(
            "The connector "
                + provider.descriptor().id()
                + " was built for SPI version "
                + built
                + ", which this host (SPI "
                + SpiVersion.CURRENT
                + ") cannot run; use a build of the connector for SPI "
                + SpiVersion.CURRENT.split("\\.")[0]
                + ".x.");
      }
    }
  }
}
