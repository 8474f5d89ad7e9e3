package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.EventSink;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * An event sink that only counts outcomes, so a benchmark of the connector alone pays nothing for
 * keeping events. Thread-safe.
 */
final class TallyingEventSink implements EventSink {

  private final Map<ObjectType, Map<Outcome, Integer>> counts = new EnumMap<>(ObjectType.class);

  TallyingEventSink() {
    for (ObjectType type : ObjectType.values()) {
      counts.put(type, new EnumMap<>(Outcome.class));
    }
  }

  @Override
  public synchronized void report(ObjectResult result) {
    counts.get(result.objectType()).merge(result.outcome(), 1, Integer::sum);
  }

  /** The objects of one type per outcome, so far. */
  synchronized Map<Outcome, Integer> counts(ObjectType type) {
    return Map.copyOf(counts.get(type));
  }
}
