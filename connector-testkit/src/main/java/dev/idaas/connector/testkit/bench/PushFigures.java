package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.testkit.alimail.CallCounts;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one push cost, measured from outside: its wall time, the calls the simulated Alibaba Mail
 * received, and what happened to the objects.
 *
 * @param driver how the push was driven: {@code host} (through the host simulator, events and links
 *     committed to its database), {@code connector} (through the SPI alone, with links and events
 *     in memory), {@code plain loop} or {@code naive client}
 * @param objects the org units and accounts the push was about
 * @param wall from the first call made to the push's return
 * @param calls the calls the simulated Alibaba Mail received, by path
 * @param throttled the calls it answered with HTTP 429
 * @param unitOutcomes org units per outcome; empty for a driver without outcomes
 * @param accountOutcomes accounts per outcome; empty for a driver without outcomes
 * @param problems answers that were not a success, for drivers without outcomes; 0 otherwise
 * @param heap the process's heap during the push; null when not measured
 */
public record PushFigures(
    String driver,
    int objects,
    Duration wall,
    CallCounts calls,
    long throttled,
    Map<Outcome, Integer> unitOutcomes,
    Map<Outcome, Integer> accountOutcomes,
    long problems,
    HeapFigures heap) {

  public PushFigures {
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(wall, "wall");
    Objects.requireNonNull(calls, "calls");
    unitOutcomes = Map.copyOf(unitOutcomes);
    accountOutcomes = Map.copyOf(accountOutcomes);
  }

  /** The wall time in seconds. */
  public double seconds() {
    return wall.toNanos() / 1e9;
  }

  /** Objects a second. */
  public double rate() {
    return objects / seconds();
  }

  /** The calls on paths that change the directory. */
  public long writes() {
    return calls.writes();
  }

  /** The calls on every other path, sign-in included. */
  public long reads() {
    return calls.total() - calls.writes();
  }

  /** The same figures with the heap measured. */
  PushFigures withHeap(HeapFigures measured) {
    return new PushFigures(
        driver, objects, wall, calls, throttled, unitOutcomes, accountOutcomes, problems, measured);
  }
}
