package dev.idaas.connector.testkit.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one {@link PushBench} run; a part that did not run is null. {@link ReportFormat}
 * prints it as a table against the targets, or as JSON.
 *
 * @param settings what was asked
 * @param machine where it ran
 * @param units the org units of the directory
 * @param accounts its accounts
 * @param activeAccounts its active accounts, the ones a push makes mailboxes for
 */
public record BenchReport(
    BenchSettings settings,
    Machine machine,
    int units,
    int accounts,
    int activeAccounts,
    BudgetBound budgetBound,
    NoOp noOp,
    Overhead overhead,
    Naive naive,
    Scale scale) {

  public BenchReport {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(machine, "machine");
  }

  /** The processors, Java and heap the run had. */
  public record Machine(int processors, String java, long maxHeapBytes) {

    static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + Runtime.version(),
          Runtime.getRuntime().maxMemory());
    }
  }

  /**
   * Part 1: a first push into an empty domain at the settings' latency and budget, through the
   * host.
   *
   * @param push the push
   * @param ideal the calls divided by the budget: the shortest time the budget allows
   * @param minimalWrites org units plus active accounts in batches of 100, the fewest writes the
   *     API allows
   */
  public record BudgetBound(PushFigures push, Duration ideal, long minimalWrites) {

    /** Wall time over ideal time. */
    public double wallOverIdeal() {
      return push.seconds() / (ideal.toNanos() / 1e9);
    }

    /** Reads (sign-in included) over writes. */
    public double readShare() {
      return (double) push.reads() / push.writes();
    }
  }

  /**
   * Part 2: the same push again, nothing changed, through the host and through the SPI alone.
   *
   * @param host through the host, as an operator runs it
   * @param connector through the SPI alone, from a copy of the host's links
   * @param firstPush the wall time of part 1
   */
  public record NoOp(PushFigures host, PushFigures connector, Duration firstPush) {

    /** The no-op push through the host over the first push. */
    public double hostShare() {
      return host.seconds() / (firstPush.toNanos() / 1e9);
    }

    /** The no-op push through the SPI alone over the first push. */
    public double connectorShare() {
      return connector.seconds() / (firstPush.toNanos() / 1e9);
    }
  }

  /**
   * Part 3: the push without latency or budget, three ways, each into a fresh domain.
   *
   * @param plainRounds the recorded requests of a connector push, replayed by a plain loop, once a
   *     round
   * @param connectorRounds the push through the SPI alone, once a round
   * @param host the push through the host, once
   */
  public record Overhead(
      List<PushFigures> plainRounds, List<PushFigures> connectorRounds, PushFigures host) {

    public Overhead {
      plainRounds = List.copyOf(plainRounds);
      connectorRounds = List.copyOf(connectorRounds);
    }

    /**
     * The plain loop's fastest round. The best of several rounds estimates what a push costs
     * itself: a busy machine only ever adds time.
     */
    public PushFigures plain() {
      return fastest(plainRounds);
    }

    /** The connector's fastest round. */
    public PushFigures connector() {
      return fastest(connectorRounds);
    }

    /** The connector's rate over the plain loop's, best round against best round. */
    public double connectorRatio() {
      return connector().rate() / plain().rate();
    }

    /** The same from the median rounds, for how much the machine's noise moves the ratio. */
    public double medianConnectorRatio() {
      return median(connectorRounds).rate() / median(plainRounds).rate();
    }

    /** The host's rate over the plain loop's best. */
    public double hostRatio() {
      return host.rate() / plain().rate();
    }

    private static PushFigures fastest(List<PushFigures> rounds) {
      return rounds.stream().min(Comparator.comparing(PushFigures::wall)).orElseThrow();
    }

    private static PushFigures median(List<PushFigures> rounds) {
      List<PushFigures> sorted =
          rounds.stream().sorted(Comparator.comparing(PushFigures::wall)).toList();
      return sorted.get(sorted.size() / 2);
    }
  }

  /**
   * Part 4: the naive client on a sample of the directory, at the same latency and budget, scaled
   * up to the whole directory by calls.
   *
   * @param sample the naive push of the sample
   * @param share the share of the directory's org units asked for
   * @param wholeCalls the calls the naive client makes for the whole directory: 2 + units + active
   *     accounts
   * @param ours the wall time of part 1
   */
  public record Naive(PushFigures sample, double share, long wholeCalls, Duration ours) {

    /** The naive client's time for the whole directory, from its time a call on the sample. */
    public Duration whole() {
      if (sample.calls().total() == wholeCalls) {
        return sample.wall();
      }
      return Duration.ofNanos(sample.wall().toNanos() * wholeCalls / sample.calls().total());
    }

    /** Whether {@link #whole()} is scaled up from a sample rather than measured. */
    public boolean extrapolated() {
      return sample.calls().total() != wholeCalls;
    }

    /** Naive time over ours. */
    public double ratio() {
      return (whole().toNanos() / 1e9) / (ours.toNanos() / 1e9);
    }
  }

  /**
   * Part 5: the directory and a larger copy of it, without latency or budget, through the SPI
   * alone.
   *
   * @param factor how many copies
   * @param one the directory as it is
   * @param scaled the copies
   */
  public record Scale(int factor, PushFigures one, PushFigures scaled) {

    /** Wall time of the copies over the directory's. */
    public double wallRatio() {
      return scaled.seconds() / one.seconds();
    }
  }
}
