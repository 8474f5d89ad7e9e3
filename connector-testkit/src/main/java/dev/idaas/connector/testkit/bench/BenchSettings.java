package dev.idaas.connector.testkit.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link PushBench} run measures and under which conditions. {@link #defaults()} gives the
 * reference run; each {@code with…} method returns a changed copy.
 *
 * @param directory the directory snapshot file to push
 * @param latency the delay the simulated Alibaba Mail adds to every answer in the budget-bound,
 *     no-op and naive parts
 * @param budget the calls a second the simulated Alibaba Mail accepts in those parts, and the
 *     connector's {@code requestsPerSecond}; at least 1
 * @param parts the parts to run; the no-op push and the naive baseline also run the budget-bound
 *     push, which they are compared with
 * @param scale how many copies of the directory the scale part pushes; at least 2
 * @param naiveShare the share of the directory the naive client pushes, from 0 (exclusive) to 1;
 *     its time is scaled up to the whole directory by its calls (see {@link NaiveClient})
 */
public record BenchSettings(
    Path directory, Duration latency, int budget, Set<Part> parts, int scale, double naiveShare) {

  /** The reference directory, relative to the repository's root. */
  public static final Path DEFAULT_DIRECTORY = Path.of("examples", "china-areas-2k.json");

  public BenchSettings {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("the latency must not be negative: " + latency);
    }
    if (budget < 1) {
      throw new IllegalArgumentException("the budget must be at least 1 call a second: " + budget);
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("name at least one part to run, from 1 to 5");
    }
    parts = Set.copyOf(EnumSet.copyOf(parts));
    if (scale < 2) {
      throw new IllegalArgumentException("the scale must be at least 2: " + scale);
    }
    if (!(naiveShare > 0 && naiveShare <= 1)) {
      throw new IllegalArgumentException(
          "the naive share must be more than 0 and at most 1: " + naiveShare);
    }
  }

  /**
   * The reference run: {@link #DEFAULT_DIRECTORY}, 100 ms latency, 40 calls a second (the limit
   * Alibaba Mail's newer API sets for a domain), every part, ten times the directory for the scale
   * part, and a tenth of the directory for the naive client.
   */
  public static BenchSettings defaults() {
    return new BenchSettings(
        DEFAULT_DIRECTORY, Duration.ofMillis(100), 40, EnumSet.allOf(Part.class), 10, 0.1);
  }

  public BenchSettings withDirectory(Path file) {
    return new BenchSettings(file, latency, budget, parts, scale, naiveShare);
  }

  public BenchSettings withLatency(Duration delay) {
    return new BenchSettings(directory, delay, budget, parts, scale, naiveShare);
  }

  public BenchSettings withBudget(int callsPerSecond) {
    return new BenchSettings(directory, latency, callsPerSecond, parts, scale, naiveShare);
  }

  public BenchSettings withParts(Set<Part> chosen) {
    return new BenchSettings(directory, latency, budget, chosen, scale, naiveShare);
  }

  public BenchSettings withScale(int copies) {
    return new BenchSettings(directory, latency, budget, parts, copies, naiveShare);
  }

  public BenchSettings withNaiveShare(double share) {
    return new BenchSettings(directory, latency, budget, parts, scale, share);
  }

  /** Whether a part runs, either chosen or needed by a chosen one. */
  public boolean runs(Part part) {
    if (part == Part.BUDGET_BOUND) {
      return parts.contains(Part.BUDGET_BOUND)
          || parts.contains(Part.NO_OP)
          || parts.contains(Part.NAIVE);
    }
    return parts.contains(part);
  }
}
