package dev.idaas.connector.testkit.alimail;

import java.time.Clock;

/**
 * The service's request budget: a bucket of {@code callsPerSecond} tokens, refilled at {@code
 * callsPerSecond} tokens a second. A call takes one token, or is refused if there is none.
 */
final class TokenBucket {

  private final double capacity;
  private final double tokensPerMilli;
  private final Clock clock;
  private double tokens;
  private long lastRefill;

  /**
   * A full bucket.
   *
   * @param callsPerSecond the budget; 0 for none, so that every call passes
   */
  TokenBucket(double callsPerSecond, Clock clock) {
    // A budget under one call a second still lets one call through at a time.
    this.capacity = callsPerSecond == 0 ? 0 : Math.max(1, callsPerSecond);
    this.tokensPerMilli = callsPerSecond / 1000;
    this.clock = clock;
    this.tokens = capacity;
    this.lastRefill = clock.millis();
  }

  /** Takes a token if there is one; always true without a budget. */
  synchronized boolean tryTake() {
    if (capacity == 0) {
      return true;
    }
    long now = clock.millis();
    tokens = Math.min(capacity, tokens + Math.max(0, now - lastRefill) * tokensPerMilli);
    lastRefill = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
