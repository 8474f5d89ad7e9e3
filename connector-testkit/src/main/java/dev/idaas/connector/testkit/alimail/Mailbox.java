package dev.idaas.connector.testkit.alimail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An account as the simulator stores it and writes it to its data folder. The password is kept only
 * as a salted hash, so neither the data folder nor a snapshot holds it.
 *
 * @param email lower case
 * @param nickName null if never set; so are the other optional fields
 * @param passwordHash {@code salt$sha256(salt + password)} in hex; null if no password was set
 */
record Mailbox(
    String email,
    String name,
    String nickName,
    String employeeNo,
    String mobilePhone,
    String jobTitle,
    String departmentId,
    MailboxStatus status,
    String passwordHash) {

  private static final SecureRandom SALTS = new SecureRandom();

  /**
   * The same account with one of {@link Directory#ACCOUNT_FIELDS} changed.
   *
   * @param value null clears an optional field
   */
  Mailbox withField(String field, String value) {
    if (!Directory.ACCOUNT_FIELDS.contains(field)) {
      throw new IllegalArgumentException("not an account field: " + field);
    }
    return new Mailbox(
        email,
        field.equals("name") ? value : name,
        field.equals("nickName") ? value : nickName,
        field.equals("employeeNo") ? value : employeeNo,
        field.equals("mobilePhone") ? value : mobilePhone,
        field.equals("jobTitle") ? value : jobTitle,
        field.equals("departmentId") ? value : departmentId,
        status,
        passwordHash);
  }

  Mailbox withStatus(MailboxStatus newStatus) {
    return new Mailbox(
        email,
        name,
        nickName,
        employeeNo,
        mobilePhone,
        jobTitle,
        departmentId,
        newStatus,
        passwordHash);
  }

  Mailbox withPassword(String password) {
    return new Mailbox(
        email,
        name,
        nickName,
        employeeNo,
        mobilePhone,
        jobTitle,
        departmentId,
        status,
        hash(password));
  }

  boolean passwordMatches(String password) {
    if (passwordHash == null || password == null) {
      return false;
    }
    String salt = passwordHash.substring(0, passwordHash.indexOf('$'));
    return MessageDigest.isEqual(
        passwordHash.getBytes(StandardCharsets.US_ASCII),
        hash(salt, password).getBytes(StandardCharsets.US_ASCII));
  }

  AccountSnapshot snapshot() {
    return new AccountSnapshot(
        email, name, nickName, employeeNo, mobilePhone, jobTitle, departmentId, status);
  }

  static String hash(String password) {
    byte[] salt = new byte[8];
    SALTS.nextBytes(salt);
    return hash(HexFormat.of().formatHex(salt), password);
  }

  private static String hash(String salt, String password) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha256.digest((salt + password).getBytes(StandardCharsets.UTF_8));
      return salt + "$" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException impossible) {
      // Every Java runtime must provide SHA-256.
      throw new IllegalStateException(impossible);
    }
  }
}
