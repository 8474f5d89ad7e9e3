package dev.idaas.connector.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RetrierTest {

  private final List<Duration> sleeps = new ArrayList<>();
  private final Retrier.Sleeper sleeper = sleeps::add;

  @Test
  void waitsAsLongAsTheTargetAsksWithRetryAfter() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(policy.delayAfter(1, throttled(Duration.ofSeconds(3))))
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void capsTheWaitTheTargetAsksForAtTheLongestDelay() {
    RetryPolicy policy = RetryPolicy.DEFAULT;

    assertThat(policy.delayAfter(1, throttled(Duration.ofMinutes(5))))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void backsOffExponentiallyWithJitterBetweenHalfAndAllOfEachStep() {
    RetryPolicy policy =
        new RetryPolicy(10, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(1));
    ConnectorException failure = unavailable();

    LongSummaryStatistics first = delays(policy, 1, failure);
    LongSummaryStatistics third = delays(policy, 3, failure);
    LongSummaryStatistics sixth = delays(policy, 6, failure);

    assertThat(first.getMin()).isGreaterThanOrEqualTo(100);
    assertThat(first.getMax()).isLessThanOrEqualTo(200);
    assertThat(first.getMax()).isGreaterThan(first.getMin());
    assertThat(third.getMin()).isGreaterThanOrEqualTo(400);
    assertThat(third.getMax()).isLessThanOrEqualTo(800);
    assertThat(sixth.getMin()).isGreaterThanOrEqualTo(3_200);
    assertThat(sixth.getMax()).isEqualTo(5_000);
  }

  @Test
  void retriesAFailureUntilTheCallSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    Retrier retrier = new Retrier(RetryPolicy.DEFAULT, sleeper);

    String answer =
        retrier.call(
            "getDepartmentList",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw throttled(Duration.ofSeconds(2));
              }
              return "ok";
            });

    assertThat(answer).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheLastFailure() {
    RetryPolicy policy =
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofMinutes(1));
    List<ConnectorException> thrown = new ArrayList<>();
    Supplier<String> call =
        () -> {
          ConnectorException failure = throttled(Duration.ofSeconds(1));
          thrown.add(failure);
          throw failure;
        };

    ConnectorException failure =
        catchThrowableOfType(
            ConnectorException.class,
            () -> new Retrier(policy, sleeper).call("getAccountList", call));

    assertThat(thrown).hasSize(3);
    assertThat(failure).isSameAs(thrown.get(2));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void throwsAFailureThatIsNotRetryableAtOnce() {
    for (ErrorKind kind : ErrorKind.values()) {
      if (kind.retryable()) {
        continue;
      }
      AtomicInteger calls = new AtomicInteger();
      ConnectorException refused = new ConnectorException(kind, "refused");

      assertThatThrownBy(
              () ->
                  new Retrier(RetryPolicy.DEFAULT, sleeper)
                      .call(
                          "createDepartment",
                          () -> {
                            calls.incrementAndGet();
                            throw refused;
                          }))
          .isSameAs(refused);
      assertThat(calls).as(kind.name()).hasValue(1);
    }
    assertThat(sleeps).isEmpty();
  }

  @Test
  void letsAnyOtherExceptionThroughAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(
            () ->
                new Retrier(RetryPolicy.DEFAULT, sleeper)
                    .call(
                        "createDepartment",
                        () -> {
                          calls.incrementAndGet();
                          throw bug;
                        }))
        .isSameAs(bug);
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void stopsBeforeAWaitWouldExceedTheTotalWaitCap() {
    RetryPolicy policy =
        new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                new Retrier(policy, sleeper)
                    .call(
                        "removeAccounts",
                        () -> {
                          calls.incrementAndGet();
                          throw throttled(Duration.ofSeconds(4));
                        }))
        .isInstanceOf(ConnectorException.class);
    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
  }

  @Test
  void triesOnceWithTheNonePolicy() {
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                new Retrier(RetryPolicy.NONE, sleeper)
                    .call(
                        "wsLogin",
                        () -> {
                          calls.incrementAndGet();
                          throw unavailable();
                        }))
        .isInstanceOf(ConnectorException.class);
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void turnsAnInterruptedWaitIntoACancellationAndKeepsTheInterrupt() {
    Retrier retrier =
        new Retrier(
            RetryPolicy.DEFAULT,
            delay -> {
              throw new InterruptedException();
            });

    ConnectorException thrown =
        catchThrowableOfType(
            ConnectorException.class,
            () ->
                retrier.call(
                    "getAccountsInfo",
                    () -> {
                      throw unavailable();
                    }));

    assertThat(thrown.kind()).isEqualTo(ErrorKind.CANCELLED);
    assertThat(thrown).hasMessage("Interrupted while waiting to retry.");
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void refusesAPolicyWithoutAttempts() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be at least 1: 0");
  }

  private static LongSummaryStatistics delays(
      RetryPolicy policy, int attempt, ConnectorException failure) {
    LongSummaryStatistics statistics = new LongSummaryStatistics();
    for (int i = 0; i < 2_000; i++) {
      statistics.accept(policy.delayAfter(attempt, failure).toMillis());
    }
    return statistics;
  }

  private static ConnectorException throttled(Duration retryAfter) {
    return new ConnectorException(
        ErrorKind.RATE_LIMITED, "AliMail asked to slow down (HTTP 429)", "429", retryAfter, null);
  }

  private static ConnectorException unavailable() {
    return new ConnectorException(ErrorKind.UNAVAILABLE, "AliMail answered HTTP 500");
  }
}
