package dev.idaas.connector.api.support;

import dev.idaas.connector.api.ConnectorException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry a call that failed with a retryable {@link ConnectorException}
 * (rate limited or unavailable): exponential backoff with jitter, a wait the target asks for with
 * {@code Retry-After} honoured, and a cap on both the attempts and the total wait.
 *
 * <p>Only retry calls that are safe to repeat. A create that failed ambiguously (the answer was
 * lost) must not be retried blindly: look the object up first.
 *
 * @param maxAttempts the most attempts in all, the first included; at least 1
 * @param initialDelay the wait before the second attempt
 * @param maxDelay the longest wait between two attempts, Retry-After included
 * @param maxTotalWait the longest time spent waiting over all attempts of one call
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxTotalWait) {

  /** Five attempts, from 200 ms doubling to 10 s, at most 30 s of waiting. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(30));

  /** One attempt: no retry. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
  }

  /**
   * The wait before attempt {@code attempt + 1}, after attempt {@code attempt} failed with {@code
   * failure}: the target's Retry-After when it gave one, else the backoff with jitter; never more
   * than {@link #maxDelay()}.
   *
   * @param attempt the attempt that just failed, counting from 1
   */
  public Duration delayAfter(int attempt, ConnectorException failure) {
    Duration asked = failure.retryAfter().orElse(null);
    if (asked != null) {
      return min(asked, maxDelay);
    }
    long base = initialDelay.toMillis() << Math.min(attempt - 1, 20);
    long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return min(Duration.ofMillis(jittered), maxDelay);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
