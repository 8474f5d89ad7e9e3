package dev.idaas.connector.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An account of the host's directory, pushed as a target account (for AliMail, a mailbox).
 *
 * @param id the host's id; never blank
 * @param username the sign-in name in the host
 * @param email the directory e-mail address, as the directory has it (case kept); may be null
 * @param displayName the person's name
 * @param mobile the mobile number as the directory has it; may be null
 * @param employeeNo the employee number; may be null
 * @param jobTitle the job title; may be null
 * @param orgUnitIds the host ids of the account's units, primary first; may be empty
 * @param status whether the account is active in the directory
 * @param attributes anything else the directory holds; no null values
 */
public record Account(
    String id,
    String username,
    String email,
    String displayName,
    String mobile,
    String employeeNo,
    String jobTitle,
    List<String> orgUnitIds,
    AccountStatus status,
    Map<String, String> attributes) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, () -> "username of account " + id);
    Objects.requireNonNull(displayName, () -> "displayName of account " + id);
    Objects.requireNonNull(status, () -> "status of account " + id);
    orgUnitIds = List.copyOf(orgUnitIds == null ? List.of() : orgUnitIds);
    attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
  }

  /** The primary org unit, if the account has any. */
  public Optional<String> primaryOrgUnitId() {
    return orgUnitIds.isEmpty() ? Optional.empty() : Optional.of(orgUnitIds.get(0));
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }

  public Account withStatus(AccountStatus newStatus) {
    return new Account(
        id,
        username,
        email,
        displayName,
        mobile,
        employeeNo,
        jobTitle,
        orgUnitIds,
        newStatus,
        attributes);
  }

  public Account withOrgUnits(List<String> newOrgUnitIds) {
    return new Account(
        id,
        username,
        email,
        displayName,
        mobile,
        employeeNo,
        jobTitle,
        newOrgUnitIds,
        status,
        attributes);
  }
}
