package dev.idaas.connector.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void givesConcurrentCallersConsecutiveSlotsOneIntervalApart() throws Exception {
    FakeTicker ticker = new FakeTicker(false);
    RequestBudget budget = RequestBudget.perSecond(10, ticker);
    int callers = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> calls = new ArrayList<>();

    for (int i = 0; i < callers; i++) {
      calls.add(
          pool.submit(
              () -> {
                start.await();
                budget.acquire();
                return null;
              }));
    }
    start.countDown();
    for (Future<?> call : calls) {
      call.get();
    }
    pool.shutdown();

    List<Long> sleeps = ticker.sleeps();
    Collections.sort(sleeps);
    assertThat(sleeps)
        .containsExactly(
            100 * MILLI,
            200 * MILLI,
            300 * MILLI,
            400 * MILLI,
            500 * MILLI,
            600 * MILLI,
            700 * MILLI);
    assertThat(budget.totalWait()).isEqualTo(Duration.ofMillis(2_800));
    assertThat(budget.interval()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void neverStartsMoreThanTheBudgetInAnyOneSecondWindow() throws Exception {
    for (int callsPerSecond : new int[] {1, 3, 7, 10, 30}) {
      FakeTicker ticker = new FakeTicker(true);
      RequestBudget budget = RequestBudget.perSecond(callsPerSecond, ticker);
      Random random = new Random(callsPerSecond);
      List<Long> starts = new ArrayList<>();

      // Idle gaps first, then callers that keep the budget busy, which must reach it exactly.
      for (int call = 0; call < 500; call++) {
        if (call < 400 && random.nextInt(4) == 0) {
          ticker.advance(random.nextInt(700) * MILLI);
        }
        budget.acquire();
        starts.add(ticker.nanoTime());
      }

      assertThat(mostStartsInOneSecond(starts))
          .as("%d per second", callsPerSecond)
          .isEqualTo(callsPerSecond);
    }
  }

  @Test
  void startsOneCallEachIntervalWhenCallersKeepItBusy() throws Exception {
    FakeTicker ticker = new FakeTicker(true);
    RequestBudget budget = RequestBudget.perSecond(4, ticker);
    List<Long> starts = new ArrayList<>();

    for (int call = 0; call < 6; call++) {
      budget.acquire();
      starts.add(ticker.nanoTime());
    }

    assertThat(starts)
        .containsExactly(0L, 250 * MILLI, 500 * MILLI, 750 * MILLI, SECOND, 1_250 * MILLI);
    assertThat(ticker.sleeps())
        .containsExactly(250 * MILLI, 250 * MILLI, 250 * MILLI, 250 * MILLI, 250 * MILLI);
  }

  @Test
  void savesNoCreditDuringAnIdlePeriodSoItNeverBursts() throws Exception {
    FakeTicker ticker = new FakeTicker(false);
    RequestBudget budget = RequestBudget.perSecond(10, ticker);
    budget.acquire();

    ticker.advance(5 * SECOND);
    budget.acquire();
    budget.acquire();
    budget.acquire();

    assertThat(ticker.sleeps()).containsExactly(100 * MILLI, 200 * MILLI);
  }

  @Test
  void roundsAFractionalBudgetToALongerInterval() {
    assertThat(RequestBudget.perSecond(0.5, new FakeTicker(true)).interval())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(RequestBudget.perSecond(3, new FakeTicker(true)).interval())
        .isEqualTo(Duration.ofNanos(333_333_334));
  }

  @Test
  void neverWaitsWithoutALimit() throws Exception {
    FakeTicker ticker = new FakeTicker(true);
    RequestBudget budget = RequestBudget.perSecond(0, ticker);

    for (int call = 0; call < 1_000; call++) {
      budget.acquire();
    }
    RequestBudget.UNLIMITED.acquire();

    assertThat(ticker.sleeps()).isEmpty();
    assertThat(ticker.nanoTime()).isZero();
    assertThat(budget.totalWait()).isEqualTo(Duration.ZERO);
    assertThat(RequestBudget.UNLIMITED.interval()).isEqualTo(Duration.ZERO);
    assertThat(RequestBudget.UNLIMITED.totalWait()).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesANegativeOrUndefinedBudget() {
    assertThatThrownBy(() -> RequestBudget.perSecond(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calls per second must be 0 or more: -1.0");
    assertThatThrownBy(() -> RequestBudget.perSecond(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("calls per second must be 0 or more: NaN");
  }

  private static int mostStartsInOneSecond(List<Long> starts) {
    int most = 0;
    for (int first = 0; first < starts.size(); first++) {
      int last = first;
      while (last + 1 < starts.size() && starts.get(last + 1) < starts.get(first) + SECOND) {
        last++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  /** A clock that moves only when told, and optionally when a caller sleeps. */
  private static final class FakeTicker implements RequestBudget.Ticker {
    private final boolean sleepingAdvances;
    private final List<Long> sleeps = new ArrayList<>();
    private long now;

    FakeTicker(boolean sleepingAdvances) {
      this.sleepingAdvances = sleepingAdvances;
    }

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized void sleep(long nanos) {
      sleeps.add(nanos);
      if (sleepingAdvances) {
        now += nanos;
      }
    }

    synchronized void advance(long nanos) {
      now += nanos;
    }

    synchronized List<Long> sleeps() {
      return new ArrayList<>(sleeps);
    }
  }
}
