package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Links kept in memory only, for a benchmark of the connector alone. Thread-safe. */
final class InMemoryLinkStore implements LinkStore {

  private final Map<ObjectType, Map<String, String>> links = new EnumMap<>(ObjectType.class);

  InMemoryLinkStore() {
    for (ObjectType type : ObjectType.values()) {
      links.put(type, new ConcurrentHashMap<>());
    }
  }

  /** A store holding a copy of another's links. */
  static InMemoryLinkStore copyOf(LinkStore other) {
    InMemoryLinkStore copy = new InMemoryLinkStore();
    for (ObjectType type : ObjectType.values()) {
      copy.links.get(type).putAll(other.all(type));
    }
    return copy;
  }

  @Override
  public Optional<String> targetId(ObjectType type, String hostId) {
    return Optional.ofNullable(links.get(type).get(hostId));
  }

  @Override
  public void link(ObjectType type, String hostId, String targetId) {
    links.get(type).put(hostId, targetId);
  }

  @Override
  public void unlink(ObjectType type, String hostId) {
    links.get(type).remove(hostId);
  }

  @Override
  public Map<String, String> all(ObjectType type) {
    return Map.copyOf(links.get(type));
  }
}
