package dev.idaas.connector.testkit.alimail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A stateful simulator of Alibaba Mail's WebService API (the {@code /alimailws} access point),
 * served over real HTTP on the loopback interface, for connector authors, tests, demos and
 * benchmarks.
 *
 * <p>It keeps the departments and accounts of one mail domain in memory (and, with a data folder,
 * on disk), enforces the service's rules, paces callers with a request budget, and injects faults
 * on demand. Tests read the result through typed snapshots or {@code GET /__sim/state}.
 *
 * <pre>{@code
 * try (AliMailSimulator alimail = AliMailSimulator.builder().seatQuota(50).start()) {
 *   Connector connector = provider.open(config(alimail.connectorParameters()), context);
 *   ...
 *   assertThat(alimail.accounts()).extracting(AccountSnapshot::email).contains("li.na@acme.example");
 * }
 * }</pre>
 *
 * <h2>The rules it enforces, and how sure we are of each</h2>
 *
 * <p><b>Confirmed</b> means seen in working client code of the real service; <b>guessed</b> means
 * the real behaviour or code is unknown and the simulator makes a plausible choice, which a
 * connector must treat as such.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>rule</th><th>answer</th><th>sure?</th></tr>
 *   <tr><td>{@code wsLogin} with the right access code and password gives a token shaped
 *       {@code <accessCode><5 chars><epoch millis>}</td><td>{@code 100}</td><td>confirmed</td></tr>
 *   <tr><td>wrong access code or password</td><td>{@code 1101}</td><td>guessed code</td></tr>
 *   <tr><td>unknown, revoked ({@link #expireTokens()}) or expired token (lifetime from the
 *       builder, measured on its clock)</td><td>{@code 408}</td><td>confirmed code; the real
 *       lifetime is unknown (default here 24 h)</td></tr>
 *   <tr><td>{@code accessTarget} is not the domain (or, for {@code updateAccountInfo}, not an
 *       address of the domain)</td><td>{@code 1103}</td><td>guessed</td></tr>
 *   <tr><td>a department with the same name under the same parent, on create, rename or move
 *       (names compared exactly)</td><td>{@code 2963}</td><td>confirmed code, guessed
 *       comparison</td></tr>
 *   <tr><td>department name empty, over 64 characters, or with one of {@code / \ : * ? " < > |};
 *       names are kept exactly as sent otherwise</td><td>{@code 2961}</td><td>guessed</td></tr>
 *   <tr><td>renaming, moving or removing the root department; moving a department under itself
 *       or a descendant</td><td>{@code 2961}</td><td>guessed</td></tr>
 *   <tr><td>unknown department (id, parent, or target of a move)</td><td>{@code 2962}</td>
 *       <td>guessed</td></tr>
 *   <tr><td>removing a department with sub-departments / with accounts</td><td>{@code 2964} /
 *       {@code 2965}</td><td>refusal confirmed, codes guessed</td></tr>
 *   <tr><td>{@code createAccounts} item whose e-mail exists, compared case-insensitively</td>
 *       <td>{@code 1601} in {@code fail}</td><td>confirmed</td></tr>
 *   <tr><td>unknown account</td><td>{@code 1602} ({@code APP_UD_ACCOUNT_NOT_EXIST}), as an item
 *       of {@code fail}, or the status of {@code updateAccountInfo}</td><td>confirmed</td></tr>
 *   <tr><td>{@code createAccounts} item when every seat is used</td><td>{@code 1610} in {@code
 *       fail}</td><td>confirmed</td></tr>
 *   <tr><td>e-mail malformed or outside the domain, missing name or {@code passwd}, bad status
 *       value, empty password</td><td>{@code 1603} in {@code fail}</td><td>guessed</td></tr>
 *   <tr><td>more items than the maximum batch size (default 100): the whole call</td><td>{@code
 *       1603}</td><td>guessed</td></tr>
 *   <tr><td>removing or freezing {@code postmaster@}</td><td>{@code 1603} in {@code fail}</td>
 *       <td>guessed</td></tr>
 *   <tr><td>{@code getAccountList} lists direct members only, sorted by e-mail, pages by {@code
 *       offset}/{@code length} (cut to 100), {@code total} is a string</td><td>{@code 100}</td>
 *       <td>confirmed shape, guessed order and cap</td></tr>
 *   <tr><td>{@code getAccountsInfo} gives found accounts in {@code dataList}, others in {@code
 *       fail}; reads return only the {@code fields} asked for (all when none)</td><td>{@code
 *       1602} in {@code fail}</td><td>confirmed shape, guessed field filter</td></tr>
 *   <tr><td>{@code createAccounts} item without {@code departmentId} lands in the root</td><td>
 *       {@code 100}</td><td>guessed</td></tr>
 *   <tr><td>over the request budget (a token bucket of {@code budget} calls refilled at {@code
 *       budget} a second): not applied</td><td>HTTP 429, {@code Retry-After: 1}, status {@code
 *       429}</td><td>guessed; the real WebService limit is unknown</td></tr>
 * </table>
 *
 * <p>Batch calls answer {@code 100} even when items fail; each item is applied or refused on its
 * own, in order, so a batch is never all-or-nothing. Removed accounts are gone at once (the real
 * console keeps them 30 days in a recycle bin; they do not use a seat there either).
 *
 * <h2>Order of checks on each call</h2>
 *
 * <ol>
 *   <li>The call is counted and numbered (globally and per path), whatever follows.
 *   <li>A scripted fault due for this call fires (and is used up), else chaos may pick one. Every
 *       fault but {@code late} answers at once: nothing is applied and no budget is charged.
 *   <li>The request budget is charged; without a token the answer is 429.
 *   <li>The token is checked ({@code 408}), then the access target ({@code 1103}), then the call is
 *       applied.
 *   <li>The answer waits the configured latency, plus a {@code late} fault's delay.
 * </ol>
 *
 * <h2>Data folder</h2>
 *
 * <p>With {@link Builder#dataDir(Path)}, {@link Builder#build()} reads the domain back from the
 * folder if it holds one. Every change is appended to a journal and flushed before the answer is
 * sent, so killing the process loses nothing that was answered; {@link #stop()} (and every start)
 * folds the journal into a snapshot file. Tokens, counters and faults are not kept.
 *
 * <h2>Server</h2>
 *
 * <p>WireMock serves one stub for {@code POST /alimailws/*} whose answer a WireMock extension
 * computes from the simulator's state, and one for {@code GET /__sim/*}: {@code /__sim/state}
 * (departments sorted by id, accounts by e-mail) and {@code /__sim/calls} (counts sorted by path).
 * Delayed answers are sent asynchronously, so latency and late faults hold no server thread, and
 * the default 64 threads serve about 32 concurrent clients. It binds to 127.0.0.1 only.
 *
 * <p>Thread-safe. Calls to {@code /__sim/*} are never counted, delayed or faulted.
 */
public final class AliMailSimulator implements AutoCloseable {

  /** The access code the simulator accepts unless told otherwise. */
  public static final String DEFAULT_ACCESS_CODE = "sim-access-code";

  /** The access password the simulator accepts unless told otherwise; a test value, no secret. */
  public static final String DEFAULT_ACCESS_PASSWORD = "sim-access-password";

  /** The mail domain the simulator serves unless told otherwise. */
  public static final String DEFAULT_DOMAIN = "acme.example";

  private static final System.Logger LOG = System.getLogger(AliMailSimulator.class.getName());

  private final Builder settings;
  private final Directory directory;
  private final StateStore store;
  private final TokenStore tokens;
  private final FaultPlan faults = new FaultPlan();
  private final CallCounter counter = new CallCounter();
  private final CallHandler handler;
  private WireMockServer server;

  private AliMailSimulator(Builder settings) {
    this.settings = settings.copy();
    Random random = settings.seed == null ? new SecureRandom() : new Random(settings.seed);
    RandomIds ids = new RandomIds(random);

    this.store = settings.dataDir == null ? null : new StateStore(settings.dataDir);
    this.directory = openDirectory(ids);

    this.tokens = new TokenStore(settings.accessCode, settings.tokenLifetime, settings.clock, ids);
    TokenBucket budget = new TokenBucket(settings.requestBudget, settings.clock);
    WebService service = new WebService(directory, faults, settings.maxBatchSize);
    CallHandler.Credentials credentials =
        new CallHandler.Credentials(settings.accessCode, settings.accessPassword);
    this.handler =
        new CallHandler(
            credentials,
            tokens,
            budget,
            faults,
            counter,
            service,
            settings.latency,
            settings.recordExchanges);
    faults.add(settings.faults);
  }

  /** A builder with the default test credentials and domain, and no limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a simulator with the default settings, for a command line that runs it as a server.
   *
   * @param port the port on 127.0.0.1; 0 for any free port
   * @param dataDir the folder that keeps the domain between runs; null to keep it in memory only
   */
  public static AliMailSimulator serve(int port, Path dataDir) {
    return builder().port(port).dataDir(dataDir).start();
  }

  // ---- lifecycle ----

  /**
   * Starts serving on 127.0.0.1.
   *
   * @return this simulator
   * @throws IllegalStateException if it is already running
   */
  public synchronized AliMailSimulator start() {
    if (server != null) {
      throw new IllegalStateException("the AliMail simulator is already running on " + endpoint());
    }
    WireMockServer wireMock = new WireMockServer(wireMockOptions());
    wireMock.stubFor(
        post(urlPathMatching(SimulatorTransformer.API_PREFIX + "/.*"))
            .willReturn(aResponse().withTransformers(SimulatorTransformer.NAME)));
    wireMock.stubFor(
        get(urlPathMatching(SimulatorTransformer.INSPECTION_PREFIX + ".*"))
            .willReturn(aResponse().withTransformers(SimulatorTransformer.NAME)));
    wireMock.start();
    server = wireMock;
    LOG.log(
        Level.INFO,
        "AliMail simulator for {0} listening on {1}{2}",
        directory.domain(),
        endpoint(),
        store == null ? "" : ", data in " + store.folder());
    return this;
  }

  /** Stops serving and, with a data folder, writes the domain to it. Does nothing if stopped. */
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (store != null) {
      directory.compactInto(store);
      store.close();
    }
  }

  /** The same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * The port it listens on.
   *
   * @throws IllegalStateException if it is not running
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the AliMail simulator is not running");
    }
    return server.port();
  }

  /** The base URL a connector calls, such as {@code http://127.0.0.1:40123/alimailws}. */
  public String endpoint() {
    return baseUrl() + SimulatorTransformer.API_PREFIX;
  }

  /** The base URL of the inspection documents, such as {@code http://127.0.0.1:40123/__sim}. */
  public String inspectionUrl() {
    return baseUrl() + "/__sim";
  }

  /**
   * The parameters a connector needs to reach this simulator: {@code endpoint}, {@code accessCode},
   * {@code accessPassword} and {@code accessTarget} (the domain).
   */
  public Map<String, String> connectorParameters() {
    return Map.of(
        "endpoint",
        endpoint(),
        "accessCode",
        settings.accessCode,
        "accessPassword",
        settings.accessPassword,
        "accessTarget",
        directory.domain());
  }

  public String domain() {
    return directory.domain();
  }

  public String rootDepartmentId() {
    return directory.rootDepartmentId();
  }

  // ---- faults and behaviour ----

  /** Adds planned faults, and replaces the chaos if the spec has one. */
  public AliMailSimulator inject(FaultSpec spec) {
    faults.add(Objects.requireNonNull(spec, "spec"));
    return this;
  }

  /** Adds planned faults. */
  public AliMailSimulator inject(ScriptedFault... planned) {
    for (ScriptedFault fault : planned) {
      faults.add(fault);
    }
    return this;
  }

  /**
   * Turns random faults on, or off.
   *
   * @param chaos null to stop random faults
   */
  public AliMailSimulator chaos(ChaosFaults chaos) {
    faults.chaos(chaos);
    return this;
  }

  /**
   * Changes the {@code data} of every successful answer on one path before it is sent, after the
   * call was applied: to play a service that leaves fields out, sends them with another type, or
   * adds some. Several rewrites of one path apply in the order they were added. Rewritten answers
   * are not listed in {@link #firedFaults()}; {@link #clearFaults()} drops them.
   *
   * @param path such as {@code /ud/getAccountsInfo}
   * @param change takes the data the service built (a fresh object) and returns what to send
   */
  public AliMailSimulator rewriteAnswers(String path, UnaryOperator<ObjectNode> change) {
    faults.rewrite(Objects.requireNonNull(path, "path"), Objects.requireNonNull(change, "change"));
    return this;
  }

  /** Drops every planned fault that has not fired, every e-mail fault, every rewrite, and chaos. */
  public AliMailSimulator clearFaults() {
    faults.clear();
    return this;
  }

  /** The faults that fired so far, in order. */
  public List<FiredFault> firedFaults() {
    return faults.fired();
  }

  /** Revokes every token now: the next call of each client gets {@code 408}. */
  public void expireTokens() {
    tokens.revokeAll();
  }

  /** Changes the number of seats, for instance after the customer bought more. */
  public void setSeatQuota(int seats) {
    if (seats < 0) {
      throw new IllegalArgumentException("seats must be 0 or more: " + seats);
    }
    directory.setSeatQuota(seats);
  }

  // ---- arranging state without HTTP ----

  /**
   * Creates a department as an administrator would in the console; not counted as a call.
   *
   * @return the new department's id
   * @throws IllegalArgumentException with the service's code if it would refuse
   */
  public String createDepartment(String parentId, String name) {
    try {
      return directory.createDepartment(parentId, name, null, null).id();
    } catch (ServiceError refused) {
      throw new IllegalArgumentException(refusal(refused), refused);
    }
  }

  /**
   * Creates an account with a random password, as an administrator would in the console; not
   * counted as a call, and not limited by the seat quota's faults.
   *
   * @throws IllegalArgumentException with the service's code if it would refuse
   */
  public AccountSnapshot createAccount(String email, String name, String departmentId) {
    String password = new RandomIds(new SecureRandom()).chars(16);
    try {
      Directory.NewAccount account =
          new Directory.NewAccount(email, name, password, departmentId, null, null, null, null);
      return directory.createAccount(account).snapshot();
    } catch (ServiceError refused) {
      throw new IllegalArgumentException(refusal(refused), refused);
    }
  }

  /**
   * Freezes or unfreezes an account, as an administrator would in the console.
   *
   * @throws IllegalArgumentException with the service's code if it would refuse
   */
  public void setAccountStatus(String email, MailboxStatus status) {
    try {
      directory.setStatus(email, status);
    } catch (ServiceError refused) {
      throw new IllegalArgumentException(refusal(refused), refused);
    }
  }

  // ---- reading state ----

  /** Every department, the root included, sorted by id. */
  public List<DepartmentSnapshot> departments() {
    return directory.departments().stream()
        .sorted(Comparator.comparing(DepartmentSnapshot::id))
        .toList();
  }

  public Optional<DepartmentSnapshot> department(String id) {
    return departments().stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /** The department called {@code name} directly under {@code parentId}, if there is one. */
  public Optional<DepartmentSnapshot> findDepartment(String parentId, String name) {
    return departments().stream()
        .filter(d -> parentId.equals(d.parentId()) && d.name().equals(name))
        .findFirst();
  }

  /** Every account, {@code postmaster@} included, sorted by e-mail. */
  public List<AccountSnapshot> accounts() {
    return directory.accounts().stream()
        .map(Mailbox::snapshot)
        .sorted(Comparator.comparing(AccountSnapshot::email))
        .toList();
  }

  /** The account with this address, compared case-insensitively. */
  public Optional<AccountSnapshot> account(String email) {
    return directory.account(email).map(Mailbox::snapshot);
  }

  /** Whether the account exists and {@code password} is its current password. */
  public boolean passwordMatches(String email, String password) {
    return directory.account(email).map(a -> a.passwordMatches(password)).orElse(false);
  }

  /** The calls received so far, per path. */
  public CallCounts calls() {
    return counter.counts();
  }

  /** The calls received so far on one path, such as {@code /ud/createAccounts}. */
  public long calls(String path) {
    return counter.counts().of(path);
  }

  /** The calls answered with HTTP 429, whether over budget or by a fault. */
  public long throttledCalls() {
    return counter.throttled();
  }

  /**
   * Every call answered so far with its request and answer, in the order answered; empty unless the
   * simulator was built with {@link Builder#recordExchanges(boolean)}. Faults that break the
   * connection are not recorded. The bodies hold what clients sent, secrets included.
   */
  public List<RecordedExchange> recordedExchanges() {
    return handler.recorded();
  }

  /** The successful logins. */
  public long logins() {
    return counter.logins();
  }

  /**
   * Sets call, throttle and login counts back to zero. Call numbers of later faults count from
   * here.
   */
  public void resetCalls() {
    counter.reset();
  }

  // ---- internals ----

  private Directory openDirectory(RandomIds ids) {
    Optional<StoredState> stored = store == null ? Optional.empty() : store.load();
    Directory opened =
        stored
            .map(state -> Directory.restore(state, settings.domain, ids, settings.seatQuota))
            .orElseGet(() -> Directory.create(settings.domain, ids, settings.seatQuota));
    if (store != null) {
      opened.compactInto(store);
      opened.recordChangesIn(store);
    }
    return opened;
  }

  private WireMockConfiguration wireMockOptions() {
    SimulatorTransformer transformer =
        new SimulatorTransformer(handler, new Inspection(this)::answer);
    return WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(settings.port)
        .containerThreads(settings.containerThreads)
        .http2PlainDisabled(true)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .templatingEnabled(false)
        .jettyStopTimeout(0L)
        .asynchronousResponseEnabled(true)
        .asynchronousResponseThreads(8)
        .notifier(new LoggerNotifier())
        .extensions(transformer);
  }

  private synchronized String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  private static String refusal(ServiceError refused) {
    return "AliMail refuses this with " + refused.code() + " " + refused.getMessage();
  }

  /**
   * Settings of a simulator. Every setting has a default, so {@code builder().start()} gives a
   * working simulator for {@value AliMailSimulator#DEFAULT_DOMAIN}. A builder can be used again:
   * each {@link #build()} gives a new simulator with its own state.
   */
  public static final class Builder {

    private String accessCode = DEFAULT_ACCESS_CODE;
    private String accessPassword = DEFAULT_ACCESS_PASSWORD;
    private String domain = DEFAULT_DOMAIN;
    private Duration tokenLifetime = Duration.ofHours(24);
    private int seatQuota = Integer.MAX_VALUE;
    private Duration latency = Duration.ZERO;
    private double requestBudget;
    private int maxBatchSize = 100;
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private int port;
    private Path dataDir;
    private int containerThreads = 64;
    private FaultSpec faults = FaultSpec.NONE;
    private boolean recordExchanges;

    private Builder() {}

    /** The access code and password {@code wsLogin} accepts. */
    public Builder credentials(String accessCode, String accessPassword) {
      this.accessCode = requireText(accessCode, "accessCode");
      this.accessPassword = requireText(accessPassword, "accessPassword");
      return this;
    }

    /** The mail domain, such as {@code acme.example}; also the root department's name. */
    public Builder domain(String domain) {
      this.domain = requireText(domain, "domain");
      return this;
    }

    /** How long a token stays valid after login; 24 hours by default. */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("the token lifetime must be positive: " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * How many accounts the domain may hold, {@code postmaster@} included; unlimited by default.
     */
    public Builder seatQuota(int seats) {
      if (seats < 0) {
        throw new IllegalArgumentException("seats must be 0 or more: " + seats);
      }
      this.seatQuota = seats;
      return this;
    }

    /** A fixed delay added to every answer; none by default. */
    public Builder latency(Duration latency) {
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + latency);
      }
      this.latency = latency;
      return this;
    }

    /** The calls a second the service accepts before answering 429; 0 (the default) for none. */
    public Builder requestBudget(double callsPerSecond) {
      if (!(callsPerSecond >= 0)) {
        throw new IllegalArgumentException("the budget must be 0 or more: " + callsPerSecond);
      }
      this.requestBudget = callsPerSecond;
      return this;
    }

    /** The most items one batch call may carry; 100 by default. */
    public Builder maxBatchSize(int items) {
      if (items < 1) {
        throw new IllegalArgumentException("the batch size must be 1 or more: " + items);
      }
      this.maxBatchSize = items;
      return this;
    }

    /** The clock that times tokens and refills the request budget; the system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Makes department ids and tokens repeat from run to run; random by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The port on 127.0.0.1; 0 (the default) for any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.port = port;
      return this;
    }

    /** A folder that keeps the domain between runs; null (the default) keeps it in memory only. */
    public Builder dataDir(Path folder) {
      this.dataDir = folder;
      return this;
    }

    /** The server's threads; 64 by default, enough for about 32 concurrent clients. */
    public Builder containerThreads(int threads) {
      if (threads < 8) {
        throw new IllegalArgumentException("the server needs 8 threads or more: " + threads);
      }
      this.containerThreads = threads;
      return this;
    }

    /** Faults planned from the start. */
    public Builder faults(FaultSpec faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /**
     * Whether to keep every request and answer for {@link AliMailSimulator#recordedExchanges()};
     * off by default. Memory grows with every call: use it for one push, not for a server.
     */
    public Builder recordExchanges(boolean record) {
      this.recordExchanges = record;
      return this;
    }

    /**
     * A simulator with these settings, not yet serving. With a data folder, this reads it.
     *
     * @throws IllegalStateException if the data folder holds another domain
     * @throws java.io.UncheckedIOException if the data folder cannot be read or written
     */
    public AliMailSimulator build() {
      return new AliMailSimulator(this);
    }

    /** Builds and starts a simulator. */
    public AliMailSimulator start() {
      return build().start();
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.accessCode = accessCode;
      copy.accessPassword = accessPassword;
      copy.domain = domain;
      copy.tokenLifetime = tokenLifetime;
      copy.seatQuota = seatQuota;
      copy.latency = latency;
      copy.requestBudget = requestBudget;
      copy.maxBatchSize = maxBatchSize;
      copy.clock = clock;
      copy.seed = seed;
      copy.port = port;
      copy.dataDir = dataDir;
      copy.containerThreads = containerThreads;
      copy.faults = faults;
      copy.recordExchanges = recordExchanges;
      return copy;
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }
  }
}
