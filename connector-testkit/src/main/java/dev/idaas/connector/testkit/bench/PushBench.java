package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Measures a full push of a directory into a simulated Alibaba Mail, running in this process, in up
 * to five parts (see {@link Part}) whose figures are taken side by side in one run, so their ratios
 * hold on a busy machine.
 *
 * <ol>
 *   <li><b>Budget-bound push</b>: Execute Add through the host simulator into an empty domain that
 *       answers after the settings' latency and refuses calls over its budget with 429; the
 *       connector's {@code requestsPerSecond} is the budget.
 *   <li><b>No-op push</b>: the same Execute Add again, through the host, then once more through the
 *       SPI alone from a copy of the host's links.
 *   <li><b>Overhead</b>: without latency or budget and with the connector unpaced, {@value
 *       #OVERHEAD_ROUNDS} rounds of a push through the SPI alone and of {@link PlainLoop a plain
 *       loop} replaying the requests the connector sent in a warm-up push, each into a fresh domain
 *       and in alternating order; the best round of each is compared. Then a push through the host.
 *   <li><b>Naive baseline</b>: {@link NaiveClient} on whole top-level subtrees making up the
 *       settings' share of the directory, at the same latency and budget as part 1.
 *   <li><b>Scale</b>: without latency or budget, through the SPI alone and warmed up (by part 3, or
 *       by a push of its own), the directory and then {@link ScaledDirectory a directory of N
 *       copies}, with {@link HeapWatch the heap watched} during each.
 * </ol>
 *
 * <p>Parts 1, 2 and 4 go through the host, because that is what an operator waits for; the no-op
 * push and the overhead are also measured through the SPI alone, so the cost of the host's database
 * (every event and link committed as it is reported) shows beside the connector's.
 *
 * <p>The simulator speaks for Alibaba Mail only, so the provider is the one with the id {@value
 * #PROVIDER_ID}, found at run time (this library does not depend on any connector). Not
 * thread-safe; one run at a time per process, since the heap figures are the process's.
 */
public final class PushBench {

  /** The provider measured: the only one the simulator speaks for. */
  public static final String PROVIDER_ID = "alimail";

  /** The largest batch the API takes, for the fewest writes a push can make. */
  static final int API_BATCH_LIMIT = 100;

  /** Requests in flight for the plain loop: as many as the connector's workers when unpaced. */
  static final int PLAIN_LOOP_THREADS = 8;

  /** Rounds of the connector and the plain loop, alternating; the best of each is compared. */
  static final int OVERHEAD_ROUNDS = 7;

  private static final System.Logger LOG = System.getLogger(PushBench.class.getName());

  private final BenchSettings settings;
  private final ConnectorProvider provider;
  private final Consumer<String> progress;

  /**
   * A benchmark of a provider.
   *
   * @param progress told, in a sentence, what is about to run; for a command line to show
   */
  public PushBench(BenchSettings settings, ConnectorProvider provider, Consumer<String> progress) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Reads the settings' directory file and runs the chosen parts on it.
   *
   * @throws IOException if the directory file cannot be read
   * @throws dev.idaas.connector.testkit.host.SnapshotFormatException if it is not a snapshot
   * @throws IllegalStateException if a push stopped with a run-level error
   */
  public BenchReport run() throws IOException {
    return run(new SnapshotReader().read(settings.directory()));
  }

  /**
   * Runs the chosen parts on a directory already read (the settings' directory names it).
   *
   * @throws IllegalStateException if a push stopped with a run-level error
   */
  public BenchReport run(DirectorySnapshot directory) {
    int active = (int) directory.accounts().stream().filter(Account::isActive).count();

    BenchReport.BudgetBound budgetBound = null;
    BenchReport.NoOp noOp = null;
    if (settings.runs(Part.BUDGET_BOUND)) {
      try (AliMailSimulator target = Simulators.paced(settings.latency(), settings.budget());
          HostPush host = new HostPush(provider, target, settings.budget())) {
        budgetBound = budgetBound(directory, active, host);
        if (settings.runs(Part.NO_OP)) {
          noOp = noOp(directory, target, host, budgetBound.push().wall());
        }
      }
    }
    BenchReport.Overhead overhead = settings.runs(Part.OVERHEAD) ? overhead(directory) : null;
    BenchReport.Naive naive =
        settings.runs(Part.NAIVE) ? naive(directory, active, budgetBound.push().wall()) : null;
    BenchReport.Scale scale = settings.runs(Part.SCALE) ? scale(directory, overhead != null) : null;

    return new BenchReport(
        settings,
        BenchReport.Machine.current(),
        directory.orgUnits().size(),
        directory.accounts().size(),
        active,
        budgetBound,
        noOp,
        overhead,
        naive,
        scale);
  }

  private BenchReport.BudgetBound budgetBound(
      DirectorySnapshot directory, int active, HostPush host) {
    long expected = directory.orgUnits().size() + ceilDiv(active, API_BATCH_LIMIT) + 3L;
    tell(
        "Part 1, budget-bound push: Execute Add of %,d org units and %,d accounts at %d ms and %d"
            + " calls a second; about %d s.",
        directory.orgUnits().size(),
        directory.accounts().size(),
        settings.latency().toMillis(),
        settings.budget(),
        expected / settings.budget());
    PushFigures push = host.executeAdd(directory);
    Duration ideal = Duration.ofNanos(push.calls().total() * 1_000_000_000L / settings.budget());
    return new BenchReport.BudgetBound(
        push, ideal, directory.orgUnits().size() + (long) ceilDiv(active, API_BATCH_LIMIT));
  }

  private BenchReport.NoOp noOp(
      DirectorySnapshot directory, AliMailSimulator target, HostPush host, Duration firstPush) {
    tell("Part 2, no-op push: the same Execute Add again, through the host, then the SPI alone.");
    PushFigures throughHost = host.executeAdd(directory);
    PushFigures alone =
        new ConnectorPush(provider, target, settings.budget())
            .push(directory, InMemoryLinkStore.copyOf(host.links()));
    return new BenchReport.NoOp(throughHost, alone, firstPush);
  }

  private BenchReport.Overhead overhead(DirectorySnapshot directory) {
    tell(
        "Part 3, overhead: %d rounds of the connector and a plain loop of the same requests, then"
            + " the host, without latency or budget.",
        OVERHEAD_ROUNDS);
    int objects = directory.orgUnits().size() + directory.accounts().size();
    PlainLoop loop;
    try (AliMailSimulator warmUp = Simulators.unlimited(true)) {
      connectorAlone(directory, warmUp);
      loop = PlainLoop.replaying(warmUp.recordedExchanges());
    }
    plainLoop(loop, objects);

    List<PushFigures> connectorRounds = new ArrayList<>();
    List<PushFigures> plainRounds = new ArrayList<>();
    for (int round = 0; round < OVERHEAD_ROUNDS; round++) {
      // Alternate which goes first, so neither always inherits the other's garbage and caches.
      if (round % 2 == 0) {
        connectorRounds.add(connectorAlone(directory));
        plainRounds.add(plainLoop(loop, objects));
      } else {
        plainRounds.add(plainLoop(loop, objects));
        connectorRounds.add(connectorAlone(directory));
      }
    }
    long refusals = plainRounds.stream().mapToLong(PushFigures::problems).max().orElse(0);
    if (refusals > 0) {
      LOG.log(
          Level.WARNING,
          "The plain loop got {0} refusals replaying the connector''s requests; its rate is"
              + " not comparable.",
          refusals);
    }

    PushFigures host;
    try (AliMailSimulator target = Simulators.unlimited(false);
        HostPush through = new HostPush(provider, target, 0)) {
      host = through.executeAdd(directory);
    }
    return new BenchReport.Overhead(plainRounds, connectorRounds, host);
  }

  private PushFigures connectorAlone(DirectorySnapshot directory) {
    try (AliMailSimulator target = Simulators.unlimited(false)) {
      return connectorAlone(directory, target);
    }
  }

  private PushFigures connectorAlone(DirectorySnapshot directory, AliMailSimulator target) {
    return new ConnectorPush(provider, target, 0).push(directory, new InMemoryLinkStore());
  }

  private static PushFigures plainLoop(PlainLoop loop, int objects) {
    try (AliMailSimulator target = Simulators.unlimited(false)) {
      return loop.replay(target, PLAIN_LOOP_THREADS, objects);
    }
  }

  private BenchReport.Naive naive(DirectorySnapshot directory, int active, Duration ours) {
    DirectorySnapshot sample = DirectorySample.of(directory, settings.naiveShare());
    long sampleCalls =
        2L
            + sample.orgUnits().size()
            + sample.accounts().stream().filter(Account::isActive).count();
    tell(
        "Part 4, naive baseline: one call per object, one at a time, for %,d org units and %,d"
            + " accounts (%.0f %% of the directory); about %d s.",
        sample.orgUnits().size(),
        sample.accounts().size(),
        100.0 * sample.orgUnits().size() / directory.orgUnits().size(),
        sampleCalls * Math.max(settings.latency().toMillis(), 1000L / settings.budget()) / 1000);
    PushFigures pushed;
    try (AliMailSimulator target = Simulators.paced(settings.latency(), settings.budget())) {
      pushed = new NaiveClient(target).push(sample);
    }
    long wholeCalls = 2L + directory.orgUnits().size() + active;
    return new BenchReport.Naive(pushed, settings.naiveShare(), wholeCalls, ours);
  }

  private BenchReport.Scale scale(DirectorySnapshot directory, boolean warm) {
    if (!warm) {
      tell("Part 5, scale: a warm-up push without latency or budget.");
      connectorAlone(directory);
    }
    DirectorySnapshot scaled = ScaledDirectory.of(directory, settings.scale());
    tell(
        "Part 5, scale: the directory, then %d copies of it (%,d org units and %,d accounts),"
            + " without latency or budget.",
        settings.scale(), scaled.orgUnits().size(), scaled.accounts().size());
    PushFigures one = watched(() -> connectorAlone(directory));
    return new BenchReport.Scale(settings.scale(), one, watched(() -> connectorAlone(scaled)));
  }

  private static PushFigures watched(Supplier<PushFigures> push) {
    HeapWatch watch = HeapWatch.start();
    PushFigures figures;
    try {
      figures = push.get();
    } catch (RuntimeException e) {
      watch.stop();
      throw e;
    }
    return figures.withHeap(watch.stop());
  }

  private void tell(String format, Object... arguments) {
    String message = String.format(format, arguments);
    LOG.log(Level.INFO, message);
    progress.accept(message);
  }

  private static int ceilDiv(int dividend, int divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
