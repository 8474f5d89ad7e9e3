package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one run ended: what started it, its status, how many objects of each type ended in each
 * outcome, how long it took, and the run-level error if one stopped it.
 *
 * <p>Status rules: {@code FAILED} when a run-level error stopped the run (the connector threw a
 * {@link dev.idaas.connector.api.ConnectorException}, or the mass-revocation guard stopped it
 * before it started), or when every object the run counted failed; {@code PARTIAL} when some
 * objects failed or were blocked; {@code SUCCESS} otherwise, including a run with nothing to do.
 *
 * <p>For a preview ({@link Trigger#PREVIEW}) the counts are the connector's prediction and {@link
 * #writes()} the writes it would make; the target was not written.
 *
 * @param runId the run's id in the state folder, such as {@code run-3}
 * @param trigger what started the run
 * @param status how it ended
 * @param started when it started, from the host's clock
 * @param finished when it ended
 * @param orgUnitCounts org units per outcome; outcomes with none are absent
 * @param accountCounts accounts per outcome; outcomes with none are absent
 * @param error the run-level error, free of secrets; null when there was none
 */
public record RunSummary(
    String runId,
    Trigger trigger,
    RunStatus status,
    Instant started,
    Instant finished,
    Map<Outcome, Integer> orgUnitCounts,
    Map<Outcome, Integer> accountCounts,
    String error) {

  public RunSummary {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    orgUnitCounts = copy(orgUnitCounts);
    accountCounts = copy(accountCounts);
  }

  /** The objects of one type that ended in one outcome. */
  public int count(ObjectType type, Outcome outcome) {
    return counts(type).getOrDefault(outcome, 0);
  }

  /** The counts of one type. */
  public Map<Outcome, Integer> counts(ObjectType type) {
    return type == ObjectType.ORG_UNIT ? orgUnitCounts : accountCounts;
  }

  /** Every object the run reported. */
  public int total() {
    return sum(orgUnitCounts) + sum(accountCounts);
  }

  /** The objects that failed or were blocked. */
  public int problems() {
    return countWhere(orgUnitCounts, true) + countWhere(accountCounts, true);
  }

  /** The objects whose target object was written to (or, in a preview, would be). */
  public int writes() {
    return countWhere(orgUnitCounts, false) + countWhere(accountCounts, false);
  }

  /** The time between start and end, by the host's clock. */
  public Duration duration() {
    return Duration.between(started, finished);
  }

  /** The run-level error, if one stopped the run. */
  public Optional<String> runError() {
    return Optional.ofNullable(error);
  }

  /** Whether this was a preview, which wrote nothing. */
  public boolean isPreview() {
    return trigger == Trigger.PREVIEW;
  }

  /** The status the rules above give. */
  static RunStatus statusOf(
      Map<Outcome, Integer> orgUnitCounts, Map<Outcome, Integer> accountCounts, String error) {
    if (error != null) {
      return RunStatus.FAILED;
    }
    int total = sum(orgUnitCounts) + sum(accountCounts);
    int failed =
        orgUnitCounts.getOrDefault(Outcome.FAILED, 0)
            + accountCounts.getOrDefault(Outcome.FAILED, 0);
    int problems = countWhere(orgUnitCounts, true) + countWhere(accountCounts, true);
    if (problems == 0) {
      return RunStatus.SUCCESS;
    }
    return failed == total ? RunStatus.FAILED : RunStatus.PARTIAL;
  }

  private static int sum(Map<Outcome, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Counts the problem outcomes, or with {@code problems} false the write outcomes. */
  private static int countWhere(Map<Outcome, Integer> counts, boolean problems) {
    return counts.entrySet().stream()
        .filter(e -> problems ? e.getKey().isProblem() : e.getKey().isWrite())
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  private static Map<Outcome, Integer> copy(Map<Outcome, Integer> counts) {
    EnumMap<Outcome, Integer> copy = new EnumMap<>(Outcome.class);
    counts.forEach(
        (outcome, count) -> {
          if (count > 0) {
            copy.put(outcome, count);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
