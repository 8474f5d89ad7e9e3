package dev.idaas.connector.testkit.contract;

import java.util.Objects;

/**
 * A department as the target holds it, listed by {@link ContractTarget#departments()}.
 *
 * @param id the target's id of the department
 * @param parentId the target's id of its parent; null for a department at the very top
 * @param name the name, exactly as the target keeps it
 */
public record TargetDepartment(String id, String parentId, String name) {

  public TargetDepartment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, () -> "name of department " + id);
  }
}
