package dev.idaas.connector.api;

import java.util.Map;
import java.util.Objects;

/**
 * An org unit of the host's directory, pushed as a target department.
 *
 * @param id the host's id; never blank
 * @param parentId the parent's host id, or null for a unit at the top of the directory (pushed
 *     under the connector's configured root)
 * @param name the display name, exactly as the directory has it
 * @param order the position among its siblings; lower comes first
 * @param attributes anything else the directory holds; no null values
 */
public record OrgUnit(
    String id, String parentId, String name, int order, Map<String, String> attributes) {

  public OrgUnit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, () -> "name of org unit " + id);
    attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
  }

  /** A unit with no attributes. */
  public static OrgUnit of(String id, String parentId, String name, int order) {
    return new OrgUnit(id, parentId, name, order, Map.of());
  }

  /** Whether the unit is at the top of the directory. */
  public boolean isTopLevel() {
    return parentId == null;
  }

  public OrgUnit withName(String newName) {
    return new OrgUnit(id, parentId, newName, order, attributes);
  }

  public OrgUnit withParent(String newParentId) {
    return new OrgUnit(id, newParentId, name, order, attributes);
  }
}
