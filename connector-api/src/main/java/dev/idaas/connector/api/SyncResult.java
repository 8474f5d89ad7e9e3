package dev.idaas.connector.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one {@link Connector#authorizeOrganizations} or {@link Connector#authorizeAccounts}
 * call: its status and how many objects ended in each outcome.
 *
 * @param status SUCCESS, PARTIAL or FAILED, derived from the counts unless a run-level error set it
 * @param counts objects per outcome; outcomes with no object are absent
 * @param error the run-level error that stopped the run, or null; free of secrets
 */
public record SyncResult(RunStatus status, Map<Outcome, Integer> counts, String error) {

  public SyncResult {
    Objects.requireNonNull(status, "status");
    EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
    copy.putAll(counts);
    counts = Collections.unmodifiableMap(copy);
  }

  /** Starts counting results; thread-safe, so concurrent workers can share one. */
  public static Tally tally() {
    return new Tally();
  }

  /** The count of one outcome. */
  public int count(Outcome outcome) {
    return counts.getOrDefault(outcome, 0);
  }

  /** The count of every object. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The count of objects that failed or were blocked. */
  public int problems() {
    return count(Outcome.FAILED) + count(Outcome.BLOCKED);
  }

  /** The count of objects whose target was written to. */
  public int writes() {
    return counts.entrySet().stream()
        .filter(entry -> entry.getKey().isWrite())
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Counts results and derives the run status from them. */
  public static final class Tally {
    private final EnumMap<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    private Tally() {}

    /** Counts one result. */
    public synchronized void add(ObjectResult result) {
      counts.merge(result.outcome(), 1, Integer::sum);
    }

    /**
     * The result so far: SUCCESS when no object had a problem, FAILED when every object had one,
     * PARTIAL in between.
     */
    public synchronized SyncResult result() {
      int problems =
          counts.getOrDefault(Outcome.FAILED, 0) + counts.getOrDefault(Outcome.BLOCKED, 0);
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      RunStatus status;
      if (problems == 0) {
        status = RunStatus.SUCCESS;
      } else {
        status = problems == total ? RunStatus.FAILED : RunStatus.PARTIAL;
      }
      return new SyncResult(status, counts, null);
    }

    /** The result of a run stopped by a run-level error, with what was counted until then. */
    public synchronized SyncResult stopped(String error) {
      return new SyncResult(RunStatus.FAILED, counts, Objects.requireNonNull(error, "error"));
    }
  }
}
