package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links of a state folder. Every change is written to the database, and committed, before the
 * call returns; reads come from a copy in memory loaded when the folder is opened. Thread-safe.
 */
final class DatabaseLinkStore implements LinkStore {

  private final StateDatabase database;
  private final Map<ObjectType, Map<String, String>> links = new EnumMap<>(ObjectType.class);

  DatabaseLinkStore(StateDatabase database) {
    this.database = database;
    for (ObjectType type : ObjectType.values()) {
      links.put(type, new ConcurrentHashMap<>());
    }
    load();
  }

  @Override
  public Optional<String> targetId(ObjectType type, String hostId) {
    return Optional.ofNullable(links.get(type).get(hostId));
  }

  @Override
  public void link(ObjectType type, String hostId, String targetId) {
    Objects.requireNonNull(targetId, "targetId");
    database.update(
        "MERGE INTO link (object_type, host_id, target_id) KEY (object_type, host_id)"
            + " VALUES (?, ?, ?)",
        type.name(),
        hostId,
        targetId);
    links.get(type).put(hostId, targetId);
  }

  @Override
  public void unlink(ObjectType type, String hostId) {
    database.update("DELETE FROM link WHERE object_type = ? AND host_id = ?", type.name(), hostId);
    links.get(type).remove(hostId);
  }

  @Override
  public Map<String, String> all(ObjectType type) {
    return Map.copyOf(links.get(type));
  }

  private void load() {
    database.sql(
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement("SELECT object_type, host_id, target_id FROM link");
              ResultSet row = query.executeQuery()) {
            while (row.next()) {
              links
                  .get(ObjectType.valueOf(row.getString(1)))
                  .put(row.getString(2), row.getString(3));
            }
          }
          return null;
        });
  }
}
