package dev.idaas.connector.testkit.contract;

import java.util.Objects;

/**
 * An account as the target holds it, listed by {@link ContractTarget#accounts()}.
 *
 * @param key the account's natural key in the target, such as a mailbox address; the suite compares
 *     keys ignoring case
 * @param departmentId the target's id of the department the account is in
 * @param enabled false when the account is disabled (for Alibaba Mail: frozen)
 */
public record TargetAccount(String key, String departmentId, boolean enabled) {

  public TargetAccount {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(departmentId, () -> "department of account " + key);
  }
}
