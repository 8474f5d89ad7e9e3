package dev.idaas.connector.alimail.e2e;

import dev.idaas.connector.alimail.AliMailProvider;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import dev.idaas.connector.testkit.host.AuthorizationPolicy;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The whole chain a customer runs: the host simulator, the Alibaba Mail connector found as a
 * provider, and the AliMail simulator over real HTTP. Tests drive the host as an administrator
 * would and read the result back from the simulator.
 *
 * <p>Departments are shown as paths from the domain's root ({@code acme.example/Sales/East}) and
 * mailboxes as {@code address in path}, with {@code (frozen)} when frozen, so one assertion states
 * the exact final state.
 */
final class SyncFixture implements AutoCloseable {

  /** Short timeouts: a late answer in these tests waits longer than this. */
  static final String READ_TIMEOUT = "1500ms";

  final AliMailSimulator alimail;
  private final Path stateFolder;
  private Map<String, String> parameters;
  private AuthorizationPolicy policy;
  private ProgressListener listener = ProgressListener.NONE;
  private HostSimulator host;

  private SyncFixture(AliMailSimulator alimail, Path stateFolder, Map<String, String> parameters) {
    this.alimail = alimail;
    this.stateFolder = stateFolder;
    this.parameters = parameters;
  }

  /** A fresh domain and a fresh state folder, with the connector's default parameters. */
  static SyncFixture start(Path stateFolder) {
    return start(stateFolder, builder -> builder, Map.of());
  }

  /**
   * A domain set up by {@code simulator} and the connector given {@code extraParameters} on top of
   * what reaching the simulator needs.
   */
  static SyncFixture start(
      Path stateFolder,
      UnaryOperator<AliMailSimulator.Builder> simulator,
      Map<String, String> extraParameters) {
    AliMailSimulator alimail = simulator.apply(AliMailSimulator.builder()).start();
    Map<String, String> parameters = new HashMap<>(alimail.connectorParameters());
    parameters.put("requestsPerSecond", "40");
    parameters.put("readTimeout", READ_TIMEOUT);
    parameters.put("connectTimeout", "1s");
    parameters.putAll(extraParameters);
    return new SyncFixture(alimail, stateFolder, Map.copyOf(parameters));
  }

  /** The parameters the host gives the connector. */
  Map<String, String> parameters() {
    return parameters;
  }

  /** Changes one parameter for the next opening of the host, such as the endpoint of a proxy. */
  SyncFixture parameter(String key, String value) {
    Map<String, String> changed = new HashMap<>(parameters);
    changed.put(key, value);
    parameters = Map.copyOf(changed);
    return this;
  }

  /** Sets the policy the next opening of the host stores. */
  SyncFixture policy(AuthorizationPolicy newPolicy) {
    this.policy = newPolicy;
    return this;
  }

  SyncFixture listener(ProgressListener newListener) {
    this.listener = newListener;
    return this;
  }

  /** The host, opened on first use over the state folder. */
  HostSimulator host() {
    if (host == null) {
      HostSimulator.Builder builder =
          HostSimulator.builder()
              .provider(new AliMailProvider())
              .parameters(parameters)
              .stateFolder(stateFolder)
              .progressListener(listener)
              .applicationId("corp-mail");
      if (policy != null) {
        builder.policy(policy);
      }
      host = builder.open();
    }
    return host;
  }

  /** Closes the host, so the next {@link #host()} opens it again, as after a restart. */
  void restartHost() {
    if (host != null) {
      host.close();
      host = null;
    }
  }

  // ---------------------------------------------------------------- the target's state

  /** Every department but the root, as its path from the root, sorted. */
  List<String> departments() {
    Map<String, DepartmentSnapshot> byId = departmentsById();
    return byId.values().stream()
        .filter(department -> !department.isRoot())
        .map(department -> pathOf(department.id(), byId))
        .sorted()
        .toList();
  }

  /** Every mailbox as {@code address in path}, and {@code (frozen)} when frozen, sorted. */
  List<String> mailboxes() {
    Map<String, DepartmentSnapshot> byId = departmentsById();
    List<String> mailboxes = new ArrayList<>();
    for (AccountSnapshot account : alimail.accounts()) {
      mailboxes.add(describe(account, byId));
    }
    return mailboxes.stream().sorted().toList();
  }

  /** One mailbox, described as {@link #mailboxes()} does. */
  String mailbox(String email) {
    return alimail
        .account(email)
        .map(account -> describe(account, departmentsById()))
        .orElse(email + " is missing");
  }

  /** The id of the department at a path such as {@code acme.example/Sales}. */
  String departmentId(String path) {
    Map<String, DepartmentSnapshot> byId = departmentsById();
    return byId.keySet().stream()
        .filter(id -> pathOf(id, byId).equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no department at " + path));
  }

  private Map<String, DepartmentSnapshot> departmentsById() {
    Map<String, DepartmentSnapshot> byId = new LinkedHashMap<>();
    alimail.departments().forEach(department -> byId.put(department.id(), department));
    return byId;
  }

  private static String describe(AccountSnapshot account, Map<String, DepartmentSnapshot> byId) {
    return account.email()
        + " in "
        + pathOf(account.departmentId(), byId)
        + (account.isFrozen() ? " (frozen)" : "");
  }

  private static String pathOf(String id, Map<String, DepartmentSnapshot> byId) {
    List<String> names = new ArrayList<>();
    DepartmentSnapshot current = byId.get(id);
    // Bounded: the simulator refuses cycles, but a bad state must not hang a test.
    for (int depth = 0; current != null && depth < 1_000; depth++) {
      names.add(0, current.name());
      current = current.parentId() == null ? null : byId.get(current.parentId());
    }
    return String.join("/", names);
  }

  // ---------------------------------------------------------------- the host's events

  /** The events of one run, in the order they were reported. */
  List<SyncEvent> events(String runId) {
    return host().events(EventFilter.all().inRun(runId));
  }

  /** The events of one run as {@code TYPE hostId OPERATION OUTCOME}, sorted. */
  List<String> outline(String runId) {
    return events(runId).stream().map(SyncFixture::outline).sorted().toList();
  }

  /** The one event of an object in a run. */
  SyncEvent event(String runId, String hostId) {
    List<SyncEvent> found = host().events(EventFilter.all().inRun(runId).forObject(hostId));
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one event of " + hostId + " in " + runId + ", found " + found);
    }
    return found.get(0);
  }

  /** The number of links of one type. */
  int links(ObjectType type) {
    return host().links().all(type).size();
  }

  static String outline(SyncEvent event) {
    return (event.objectType() == ObjectType.ORG_UNIT ? "unit " : "account ")
        + event.hostId()
        + " "
        + event.operation()
        + " "
        + event.outcome();
  }

  @Override
  public void close() {
    restartHost();
    alimail.close();
  }
}
