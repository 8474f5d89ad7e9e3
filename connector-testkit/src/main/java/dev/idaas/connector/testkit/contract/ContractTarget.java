package dev.idaas.connector.testkit.contract;

import java.util.List;
import java.util.Map;

/**
 * The target a connector pushes into, as the contract suite sees it: a simulator or an in-memory
 * fake that the connector's author wraps. The suite never talks to the target through the connector
 * to check it; it reads it here.
 *
 * <p>The suite calls {@link #reset()} before each test and {@link #close()} after it, on the same
 * thread. The target starts each test with its own fixed content (a root department, and for
 * Alibaba Mail the {@code postmaster@} mailbox): the suite records that content after the reset and
 * expects the connector to leave it alone.
 */
public interface ContractTarget {

  /**
   * Empties the target: no department but the root, no account but those the target always has.
   * Parameters from the connector test's {@code parameters()} are read after this call, so a target
   * may start a fresh simulator here.
   */
  void reset();

  /** The id of the department under which the connector puts top-level org units. */
  String rootDepartmentId();

  /** Every department the target holds, the root included; in any order. */
  List<TargetDepartment> departments();

  /** Every account the target holds; in any order. */
  List<TargetAccount> accounts();

  /**
   * Makes a department by hand, as an administrator would in the target's console, without the
   * connector; used for adoption tests.
   *
   * @param parentId the target's id of the parent department
   * @return the new department's id
   */
  String createDepartment(String parentId, String name);

  /**
   * Makes an account by hand, as an administrator would in the target's console, without the
   * connector; used for adoption tests.
   *
   * @param key the account's key, in exactly this case
   * @param displayName the person's name
   * @param departmentId the target's id of its department
   */
  void createAccount(String key, String displayName, String departmentId);

  /**
   * How many writes (creates, updates, moves, status changes, deletes) the target has received
   * since {@link #reset()}, whatever their answer. Writes made through {@link #createDepartment}
   * and {@link #createAccount} are not counted.
   */
  long writes();

  /**
   * The given valid parameters with the credentials replaced by wrong ones that the target refuses;
   * every other parameter kept.
   */
  Map<String, String> parametersWithWrongCredentials(Map<String, String> valid);

  /**
   * The mail domain of the accounts the suite pushes; each account's e-mail is {@code
   * <name>@<domain>}. {@code example.com} unless the target accepts only its own domain.
   */
  default String mailDomain() {
    return "example.com";
  }

  /** Releases what {@link #reset()} started, such as a simulator. Nothing by default. */
  default void close() {}
}
