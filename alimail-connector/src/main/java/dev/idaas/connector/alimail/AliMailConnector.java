package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.support.RequestBudget;
import dev.idaas.connector.api.support.Retrier;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Alibaba Mail connector for one application instance: one session, one request budget and one
 * small worker pool, shared by every call the host makes on it.
 */
final class AliMailConnector implements Connector {

  private static final System.Logger LOG = System.getLogger(AliMailConnector.class.getName());

  private final AliMailSettings settings;
  private final ConnectorContext context;
  private final Session session;
  private final AliMailApi api;
  private final Workers workers;
  private final InitialPasswords passwords;
  private final Object rootLock = new Object();
  private String domainRootId;

  AliMailConnector(AliMailSettings settings, ConnectorContext context, Environment environment) {
    this.settings = settings;
    this.context = context;
    RequestBudget budget =
        RequestBudget.perSecond(settings.requestsPerSecond(), environment.ticker());
    Retrier retrier = new Retrier(environment.retryPolicy(), environment.sleeper());
    this.session = new Session(settings, environment.transports().apply(settings), budget, retrier);
    this.api = new AliMailApi(session, settings.domain());
    this.workers = new Workers(settings.workerThreads());
    this.passwords = new InitialPasswords(settings.initialPassword());
    logOpened();
  }

  private void logOpened() {
    LOG.log(
        Level.INFO,
        "{0} connector for {1} at {2}: {3} requests a second, {4} workers, revocation {5}",
        AliMailErrors.SYSTEM,
        settings.domain(),
        settings.endpoint(),
        settings.requestsPerSecond(),
        settings.workerThreads(),
        settings.revocation().name().toLowerCase(Locale.ROOT));
    if (settings.plainHttp()) {
      LOG.log(
          Level.WARNING,
          "The endpoint {0} is plain HTTP: the access password and tokens travel unencrypted."
              + " Use it only for a simulator on this machine.",
          settings.endpoint());
    }
  }

  /**
   * Signs in, reads the domain, and finds the root department.
   *
   * @throws ConnectorException AUTHENTICATION for wrong credentials, PERMISSION for a caller
   *     address that is not allowed, INVALID_CONFIGURATION for a domain these credentials do not
   *     manage or a root department that does not exist, UNAVAILABLE for an endpoint that cannot be
   *     reached or a failed TLS handshake
   */
  @Override
  public ConnectionCheck checkConnection() {
    session.forgetRefusal();
    List<String> steps = new ArrayList<>();

    session.signIn();
    steps.add(
        "Signed in to "
            + AliMailErrors.SYSTEM
            + " at "
            + settings.endpoint()
            + " with access code "
            + settings.accessCode()
            + ".");

    String domainRoot = readDomainRoot();
    steps.add(
        "The mail domain "
            + settings.domain()
            + " is managed by these credentials; its root department is "
            + domainRoot
            + ".");

    List<Department> departments = api.departments();
    Department root = requireRoot(departments, rootDepartmentId());
    steps.add(
        "Found the root department '"
            + root.name()
            + "' ("
            + root.id()
            + ") among "
            + departments.size()
            + " departments.");
    return new ConnectionCheck(steps);
  }

  @Override
  public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
    return runPush(
        request,
        run -> {
          AliMailApi target = request.preview() ? api.previewing() : api;
          String root = rootDepartmentId();
          DepartmentIndex index = new DepartmentIndex(target.departments());
          requireRoot(index, root);
          new DepartmentPush(target, context.links(), run, workers, index, root)
              .upsert(request.upserts());
          run.checkGoing();
          new DepartmentRemoval(
                  target, context.links(), run, index, root, settings.accountBatchSize())
              .remove(request.removals());
        });
  }

  @Override
  public SyncResult authorizeAccounts(SyncRequest<Account> request) {
    return runPush(
        request,
        run -> {
          AliMailApi target = request.preview() ? api.previewing() : api;
          new AccountPush(
                  target,
                  context.links(),
                  run,
                  workers,
                  settings,
                  passwords,
                  this::rootDepartmentId)
              .push(request.upserts(), request.removals());
        });
  }

  private SyncResult runPush(SyncRequest<?> request, Consumer<Run> push) {
    Run run = new Run(context.events(), context.cancellation());
    if (request.size() == 0) {
      return run.finish();
    }
    session.forgetRefusal();
    try {
      push.accept(run);
      return run.finish();
    } catch (ConnectorException stopped) {
      LOG.log(Level.ERROR, "The {0} run stopped: {1}", AliMailErrors.SYSTEM, stopped.getMessage());
      throw stopped;
    }
  }

  /** The configured root department, or else the domain's own root, read once. */
  private String rootDepartmentId() {
    if (settings.rootDepartmentId() != null) {
      return settings.rootDepartmentId();
    }
    return readDomainRoot();
  }

  private String readDomainRoot() {
    synchronized (rootLock) {
      if (domainRootId == null) {
        String id = api.domainRootDepartmentId();
        if (id == null || id.isBlank()) {
          throw new ConnectorException(
              ErrorKind.INVALID_CONFIGURATION,
              AliMailErrors.SYSTEM
                  + " did not say which department is the root of "
                  + settings.domain()
                  + " (getDomainInfo has no rootDepartmentId): set rootDeptId.");
        }
        domainRootId = id;
      }
      return domainRootId;
    }
  }

  private Department requireRoot(List<Department> departments, String rootId) {
    return requireRoot(new DepartmentIndex(departments), rootId);
  }

  private Department requireRoot(DepartmentIndex index, String rootId) {
    Department root = index.byId(rootId);
    if (root != null) {
      return root;
    }
    String message =
        settings.rootDepartmentId() != null
            ? "The department "
                + rootId
                + " set in rootDeptId does not exist in "
                + settings.domain()
                + ": check rootDeptId, or leave it empty to use the domain's root department."
            : "The root department "
                + rootId
                + " that getDomainInfo named is missing from the department list of "
                + settings.domain()
                + "; set rootDeptId.";
    throw new ConnectorException(ErrorKind.INVALID_CONFIGURATION, message);
  }

  @Override
  public void close() {
    workers.close();
  }
}
