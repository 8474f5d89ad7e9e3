package dev.idaas.connector.alimail;

import dev.idaas.connector.api.EventSink;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/** An event sink that keeps every result, for assertions. */
final class RecordingEvents implements EventSink {

  private final List<ObjectResult> results = new ArrayList<>();

  @Override
  public synchronized void report(ObjectResult result) {
    results.add(result);
  }

  synchronized List<ObjectResult> all() {
    return List.copyOf(results);
  }

  synchronized void clear() {
    results.clear();
  }

  /** The one result of a host object. */
  synchronized ObjectResult of(String hostId) {
    return results.stream()
        .filter(result -> result.hostId().equals(hostId))
        .findFirst()
        .orElseThrow(
            () -> new NoSuchElementException("no result for " + hostId + " in " + results));
  }

  /** Host id to outcome, sorted by host id. */
  synchronized Map<String, Outcome> outcomes() {
    Map<String, Outcome> outcomes = new TreeMap<>();
    results.forEach(result -> outcomes.put(result.hostId(), result.outcome()));
    return outcomes;
  }
}
