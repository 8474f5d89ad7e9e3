package dev.idaas.connector.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBudgetBackOffTest {

  /** A clock that only moves when someone sleeps, so waits are exact and instant. */
  private static final class VirtualTicker implements RequestBudget.Ticker {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(long nanos) {
      sleeps.add(nanos);
      now += nanos;
    }
  }

  @Test
  void holdsTheNextCallBackUntilThePauseHasPassed() throws InterruptedException {
    VirtualTicker ticker = new VirtualTicker();
    RequestBudget budget = RequestBudget.perSecond(10, ticker);
    budget.acquire();

    budget.backOff(Duration.ofSeconds(2));
    budget.acquire();

    assertThat(ticker.sleeps).containsExactly(2_000_000_000L);
  }

  @Test
  void keepsPacingAfterThePause() throws InterruptedException {
    VirtualTicker ticker = new VirtualTicker();
    RequestBudget budget = RequestBudget.perSecond(10, ticker);

    budget.backOff(Duration.ofMillis(500));
    budget.acquire();
    budget.acquire();

    assertThat(ticker.sleeps).containsExactly(500_000_000L, 100_000_000L);
  }

  @Test
  void neverBringsAReservedSlotForward() throws InterruptedException {
    VirtualTicker ticker = new VirtualTicker();
    RequestBudget budget = RequestBudget.perSecond(1, ticker);
    budget.acquire();

    budget.backOff(Duration.ofMillis(10));
    budget.acquire();

    assertThat(ticker.sleeps).containsExactly(1_000_000_000L);
  }

  @Test
  void anUnlimitedBudgetIgnoresBackOff() throws InterruptedException {
    RequestBudget.UNLIMITED.backOff(Duration.ofHours(1));

    long started = System.nanoTime();
    RequestBudget.UNLIMITED.acquire();

    assertThat(System.nanoTime() - started).isLessThan(Duration.ofMinutes(1).toNanos());
  }
}
