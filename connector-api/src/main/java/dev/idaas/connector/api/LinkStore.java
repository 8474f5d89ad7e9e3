package dev.idaas.connector.api;

import java.util.Map;
import java.util.Optional;

/**
 * The host's record of which target object each pushed directory object became. Links are how a
 * connector recognises its own objects: it updates, moves, disables and deletes only linked ones.
 *
 * <p>The host persists every change before the call returns. Implementations are thread-safe.
 */
public interface LinkStore {

  /** The target id linked to a host object, if any. */
  Optional<String> targetId(ObjectType type, String hostId);

  /** Links (or re-links) a host object to a target object. */
  void link(ObjectType type, String hostId, String targetId);

  /** Forgets a link, after the target object was deleted. */
  void unlink(ObjectType type, String hostId);

  /** Every link of one type, host id to target id. */
  Map<String, String> all(ObjectType type);
}
