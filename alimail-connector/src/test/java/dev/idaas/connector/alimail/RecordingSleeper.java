package dev.idaas.connector.alimail;

import dev.idaas.connector.api.support.Retrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A retry sleeper that records each wait and returns at once. */
final class RecordingSleeper implements Retrier.Sleeper {

  private final List<Duration> waits = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration delay) {
    waits.add(delay);
  }

  synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
