package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A department as {@code getDepartmentList} lists it.
 *
 * @param id Alibaba Mail's opaque id; never parsed
 * @param parentId the parent's id, or null for the domain's root department
 * @param name the name, exactly as stored
 * @param accountCount how many mailboxes it holds, or null when the answer did not say
 */
record Department(String id, String parentId, String name, Long accountCount) {

  /** Reads one list item; null when it has no id. */
  static Department from(JsonNode item) {
    String id = WireCodec.text(item, "departmentId");
    if (id == null || id.isBlank()) {
      return null;
    }
    String parentId = WireCodec.text(item, "parentId");
    String name = WireCodec.text(item, "name");
    return new Department(
        id,
        parentId == null || parentId.isBlank() ? null : parentId,
        name == null ? "" : name,
        WireCodec.number(item, "accountNum"));
  }

  Department renamed(String newName) {
    return new Department(id, parentId, newName, accountCount);
  }

  Department movedUnder(String newParentId) {
    return new Department(id, newParentId, name, accountCount);
  }

  /** Whether it may hold mailboxes: true unless the answer said it holds none. */
  boolean mayHaveMembers() {
    return accountCount == null || accountCount > 0;
  }
}
