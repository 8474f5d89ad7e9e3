package dev.idaas.connector.alimail;

import dev.idaas.connector.api.support.RequestBudget;
import java.util.concurrent.atomic.AtomicLong;

/** A budget clock that never really sleeps: sleeping moves it forward, so pacing is instant. */
final class VirtualTicker implements RequestBudget.Ticker {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicLong slept = new AtomicLong();

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public void sleep(long nanos) {
    slept.addAndGet(nanos);
    now.addAndGet(nanos);
  }

  /** The time the budget made callers wait, in total. */
  long sleptNanos() {
    return slept.get();
  }
}
