package dev.idaas.connector.testkit.alimail;

/**
 * An account (mailbox) of the simulated domain as it is at one moment, for assertions in tests. The
 * password is never part of it: ask {@link AliMailSimulator#passwordMatches} instead.
 *
 * @param email the address, in lower case
 * @param name the display name
 * @param nickName null if never set
 * @param employeeNo null if never set
 * @param mobilePhone null if never set
 * @param jobTitle null if never set
 * @param departmentId the one department the account is in
 * @param status normal or frozen
 */
public record AccountSnapshot(
    String email,
    String name,
    String nickName,
    String employeeNo,
    String mobilePhone,
    String jobTitle,
    String departmentId,
    MailboxStatus status) {

  /** Whether the mailbox is frozen. */
  public boolean isFrozen() {
    return status == MailboxStatus.FROZEN;
  }
}
