package dev.idaas.connector.testkit.alimail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when a test moves it, to expire tokens and refill the request budget of
 * an {@link AliMailSimulator} without waiting. Thread-safe; always in UTC.
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;

  /** A clock standing at {@code start}. */
  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock standing at 2030-01-01T00:00:00Z. */
  public ManualClock() {
    this(Instant.parse("2030-01-01T00:00:00Z"));
  }

  /** Moves the clock forward by {@code duration}. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward: " + duration);
    }
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock: it is always in UTC. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
