package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The link store of a preview: reads the real links, keeps its own changes in memory and drops them
 * with the run, so a connector can plan units and then the accounts in them without writing.
 * Thread-safe.
 */
final class PreviewLinkStore implements LinkStore {

  /** Marks a link the preview removed. */
  private static final String UNLINKED = "\u0000unlinked";

  private final LinkStore real;
  private final Map<ObjectKey, String> changes = new ConcurrentHashMap<>();

  PreviewLinkStore(LinkStore real) {
    this.real = real;
  }

  @Override
  public Optional<String> targetId(ObjectType type, String hostId) {
    String changed = changes.get(new ObjectKey(type, hostId));
    if (changed == null) {
      return real.targetId(type, hostId);
    }
    return UNLINKED.equals(changed) ? Optional.empty() : Optional.of(changed);
  }

  @Override
  public void link(ObjectType type, String hostId, String targetId) {
    changes.put(new ObjectKey(type, hostId), Objects.requireNonNull(targetId, "targetId"));
  }

  @Override
  public void unlink(ObjectType type, String hostId) {
    changes.put(new ObjectKey(type, hostId), UNLINKED);
  }

  @Override
  public Map<String, String> all(ObjectType type) {
    Map<String, String> merged = new HashMap<>(real.all(type));
    changes.forEach(
        (key, targetId) -> {
          if (key.type() == type) {
            if (UNLINKED.equals(targetId)) {
              merged.remove(key.hostId());
            } else {
              merged.put(key.hostId(), targetId);
            }
          }
        });
    return Map.copyOf(merged);
  }
}
