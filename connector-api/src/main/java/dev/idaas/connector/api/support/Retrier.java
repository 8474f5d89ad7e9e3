package dev.idaas.connector.api.support;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a call and repeats it, as a {@link RetryPolicy} says, while it fails with a retryable {@link
 * ConnectorException}. Any other exception, and a retryable one after the last attempt, goes to the
 * caller unchanged.
 */
public final class Retrier {

  private static final System.Logger LOG = System.getLogger(Retrier.class.getName());

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  public Retrier(RetryPolicy policy) {
    this(policy, Sleeper.SYSTEM);
  }

  public Retrier(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  /**
   * Runs {@code call} until it succeeds or the policy gives up.
   *
   * @param what names the call in log lines, such as "createDepartment"; never a secret
   * @throws ConnectorException the last failure, or {@link ErrorKind#CANCELLED} if interrupted
   */
  public <T> T call(String what, Supplier<T> call) {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (ConnectorException failure) {
        Duration delay = policy.delayAfter(attempt, failure);
        boolean exhausted =
            !failure.retryable()
                || attempt >= policy.maxAttempts()
                || waited.plus(delay).compareTo(policy.maxTotalWait()) > 0;
        if (exhausted) {
          throw failure;
        }
        LOG.log(
            Level.DEBUG,
            "{0} failed ({1}), attempt {2} of {3}; retrying in {4} ms",
            what,
            failure.kind(),
            attempt,
            policy.maxAttempts(),
            delay.toMillis());
        pause(delay);
        waited = waited.plus(delay);
      }
    }
  }

  private void pause(Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ErrorKind.CANCELLED, "Interrupted while waiting to retry.", e);
    }
  }

  /** A way to wait, replaced in tests so they run instantly. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper SYSTEM = delay -> Thread.sleep(delay.toMillis());

    void sleep(Duration delay) throws InterruptedException;
  }
}
