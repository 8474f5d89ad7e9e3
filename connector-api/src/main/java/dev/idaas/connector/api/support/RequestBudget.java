package dev.idaas.connector.api.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Paces calls to a target so they never exceed its request budget, shared by every thread of a
 * connector.
 *
 * <p>Each call reserves the next free slot, one interval after the previous one, and sleeps until
 * it. Slots are never bunched, so a target that counts calls with a token bucket or a sliding
 * window never sees more than the budget, and a busy connector keeps the budget fully used.
 */
public final class RequestBudget {

  /** A budget that never waits, for targets without a limit. */
  public static final RequestBudget UNLIMITED = new RequestBudget(0, Ticker.SYSTEM);

  private final long intervalNanos;
  private final Ticker ticker;
  private long nextSlot;
  private long waitedNanos;

  private RequestBudget(long intervalNanos, Ticker ticker) {
    this.intervalNanos = intervalNanos;
    this.ticker = ticker;
    this.nextSlot = ticker.nanoTime();
  }

  /**
   * A budget of {@code callsPerSecond} calls each second.
   *
   * @param callsPerSecond the calls allowed each second; 0 for no limit
   */
  public static RequestBudget perSecond(double callsPerSecond) {
    return perSecond(callsPerSecond, Ticker.SYSTEM);
  }

  /** The same, with a ticker a test controls. */
  public static RequestBudget perSecond(double callsPerSecond, Ticker ticker) {
    if (callsPerSecond < 0 || Double.isNaN(callsPerSecond)) {
      throw new IllegalArgumentException("calls per second must be 0 or more: " + callsPerSecond);
    }
    long interval = callsPerSecond == 0 ? 0 : (long) Math.ceil(1_000_000_000d / callsPerSecond);
    return new RequestBudget(interval, ticker);
  }

  /**
   * Waits until the next call may start.
   *
   * @throws InterruptedException if the thread is interrupted while waiting; the slot is lost
   */
  public void acquire() throws InterruptedException {
    long waitNanos = reserve();
    if (waitNanos > 0) {
      ticker.sleep(waitNanos);
    }
  }

  /**
   * Holds every caller back until {@code pause} has passed, for a target that asked the whole
   * client to wait (an HTTP {@code Retry-After}). Slots already handed out are kept; the next slot
   * starts no earlier than the end of the pause.
   *
   * <p>A budget without a limit ignores this, since {@link #UNLIMITED} is shared by every user.
   *
   * @param pause how long to hold back; zero or negative does nothing
   */
  public synchronized void backOff(Duration pause) {
    if (intervalNanos == 0 || pause.isNegative() || pause.isZero()) {
      return;
    }
    nextSlot = Math.max(nextSlot, ticker.nanoTime() + pause.toNanos());
  }

  /** The time all callers spent waiting for a slot, for benchmarks and logs. */
  public synchronized Duration totalWait() {
    return Duration.ofNanos(waitedNanos);
  }

  /** The gap between two calls; zero for no limit. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  private synchronized long reserve() {
    if (intervalNanos == 0) {
      return 0;
    }
    long now = ticker.nanoTime();
    long slot = Math.max(now, nextSlot);
    nextSlot = slot + intervalNanos;
    waitedNanos += slot - now;
    return slot - now;
  }

  /** A source of time and a way to wait, replaced in tests. */
  public interface Ticker {
    /** The system's monotonic clock, sleeping with {@link TimeUnit#sleep}. */
    Ticker SYSTEM =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
          }
        };

    long nanoTime();

    void sleep(long nanos) throws InterruptedException;
  }
}
