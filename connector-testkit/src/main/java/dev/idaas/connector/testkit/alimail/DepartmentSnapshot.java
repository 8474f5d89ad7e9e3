package dev.idaas.connector.testkit.alimail;

/**
 * A department of the simulated domain as it is at one moment, for assertions in tests.
 *
 * @param id the opaque department id
 * @param parentId the parent's id; null only for the root department
 * @param name the name, exactly as it was sent
 * @param customDepartmentId the caller's own id sent on create; null if none was sent
 * @param order the sort order sent in {@code extend.order}; null if none was sent
 * @param accountCount the number of accounts directly in this department
 */
public record DepartmentSnapshot(
    String id,
    String parentId,
    String name,
    String customDepartmentId,
    Integer order,
    int accountCount) {

  /** Whether this is the domain's root department. */
  public boolean isRoot() {
    return parentId == null;
  }
}
