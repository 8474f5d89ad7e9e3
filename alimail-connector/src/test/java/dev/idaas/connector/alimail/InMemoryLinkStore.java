package dev.idaas.connector.alimail;

import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A link store in memory, as a host keeps one for a preview. */
final class InMemoryLinkStore implements LinkStore {

  private final Map<ObjectType, Map<String, String>> links = new ConcurrentHashMap<>();

  @Override
  public Optional<String> targetId(ObjectType type, String hostId) {
    return Optional.ofNullable(of(type).get(hostId));
  }

  @Override
  public void link(ObjectType type, String hostId, String targetId) {
    of(type).put(hostId, targetId);
  }

  @Override
  public void unlink(ObjectType type, String hostId) {
    of(type).remove(hostId);
  }

  @Override
  public Map<String, String> all(ObjectType type) {
    return Map.copyOf(of(type));
  }

  /** Every link of one type, sorted by host id, for assertions. */
  Map<String, String> sorted(ObjectType type) {
    return new TreeMap<>(of(type));
  }

  private Map<String, String> of(ObjectType type) {
    return links.computeIfAbsent(type, key -> new ConcurrentHashMap<>());
  }
}
