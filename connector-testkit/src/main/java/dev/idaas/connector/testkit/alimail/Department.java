package dev.idaas.connector.testkit.alimail;

/**
 * A department as the simulator stores it and writes it to its data folder.
 *
 * @param parentId null only for the root department
 * @param customDepartmentId null if none was sent
 * @param order null if none was sent
 */
record Department(
    String id, String parentId, String name, String customDepartmentId, Integer order) {

  Department renamed(String newName) {
    return new Department(id, parentId, newName, customDepartmentId, order);
  }

  Department movedTo(String newParentId) {
    return new Department(id, newParentId, name, customDepartmentId, order);
  }

  Department withOrder(Integer newOrder) {
    return new Department(id, parentId, name, customDepartmentId, newOrder);
  }

  DepartmentSnapshot snapshot(int accountCount) {
    return new DepartmentSnapshot(id, parentId, name, customDepartmentId, order, accountCount);
  }
}
