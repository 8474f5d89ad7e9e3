package dev.idaas.connector.testkit.alimail;

import java.util.HashMap;
import java.util.Map;

/** Numbers and counts the calls the simulator receives, in total and per path. */
final class CallCounter {

  private final Map<String, Long> byPath = new HashMap<>();
  private long total;
  private long throttled;
  private long logins;

  /** Counts a call and gives its numbers: the global one and the one on its path, from 1. */
  synchronized CallNumber next(String path) {
    total++;
    long onPath = byPath.merge(path, 1L, Long::sum);
    return new CallNumber(total, onPath);
  }

  synchronized void countThrottled() {
    throttled++;
  }

  synchronized void countLogin() {
    logins++;
  }

  synchronized CallCounts counts() {
    return new CallCounts(total, byPath);
  }

  synchronized long throttled() {
    return throttled;
  }

  synchronized long logins() {
    return logins;
  }

  synchronized void reset() {
    byPath.clear();
    total = 0;
    throttled = 0;
    logins = 0;
  }

  /** The numbers of one call. */
  record CallNumber(long global, long onPath) {}
}
