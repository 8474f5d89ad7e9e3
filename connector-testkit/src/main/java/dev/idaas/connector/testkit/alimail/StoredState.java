package dev.idaas.connector.testkit.alimail;

import java.util.List;

/**
 * The whole directory of one mail domain, as written to the data folder.
 *
 * @param version the file format, {@value #CURRENT_VERSION}
 * @param departments in creation order, the root first
 * @param accounts in any order
 */
record StoredState(
    int version,
    String domain,
    String rootDepartmentId,
    List<Department> departments,
    List<Mailbox> accounts) {

  static final int CURRENT_VERSION = 1;
}
