package dev.idaas.connector.testkit.alimail;

import java.util.Map;

/**
 * A refusal by the simulated service: a status code of the pinned wire protocol and its message. It
 * becomes the {@code status} of an answer, or one item of a batch's {@code fail} list.
 */
final class ServiceError extends RuntimeException {

  static final String OK = "100";
  static final String TOKEN_INVALID = "408";
  static final String THROTTLED = "429";
  static final String LOGIN_REFUSED = "1101";
  static final String TARGET_NOT_MANAGED = "1103";
  static final String ACCOUNT_EXISTS = "1601";
  static final String ACCOUNT_NOT_FOUND = "1602";
  static final String INVALID_ACCOUNT_DATA = "1603";
  static final String QUOTA_REACHED = "1610";
  static final String INVALID_DEPARTMENT_NAME = "2961";
  static final String DEPARTMENT_NOT_FOUND = "2962";
  static final String DEPARTMENT_EXISTS = "2963";
  static final String DEPARTMENT_HAS_CHILDREN = "2964";
  static final String DEPARTMENT_HAS_ACCOUNTS = "2965";

  // The real service answers 1602 with exactly APP_UD_ACCOUNT_NOT_EXIST; the other names follow
  // its pattern and are made up.
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry(OK, "SYS_RESP_OK"),
          Map.entry(TOKEN_INVALID, "SYS_ACCESS_TOKEN_INVALID"),
          Map.entry(THROTTLED, "SYS_REQUEST_LIMIT_EXCEEDED"),
          Map.entry(LOGIN_REFUSED, "SYS_LOGIN_FAILED"),
          Map.entry(TARGET_NOT_MANAGED, "SYS_ACCESS_TARGET_DENIED"),
          Map.entry(ACCOUNT_EXISTS, "APP_UD_ACCOUNT_EXIST"),
          Map.entry(ACCOUNT_NOT_FOUND, "APP_UD_ACCOUNT_NOT_EXIST"),
          Map.entry(INVALID_ACCOUNT_DATA, "APP_UD_ACCOUNT_INVALID"),
          Map.entry(QUOTA_REACHED, "APP_UD_ACCOUNT_QUOTA_EXCEEDED"),
          Map.entry(INVALID_DEPARTMENT_NAME, "APP_UD_DEPARTMENT_INVALID"),
          Map.entry(DEPARTMENT_NOT_FOUND, "APP_UD_DEPARTMENT_NOT_EXIST"),
          Map.entry(DEPARTMENT_EXISTS, "APP_UD_DEPARTMENT_EXIST"),
          Map.entry(DEPARTMENT_HAS_CHILDREN, "APP_UD_DEPARTMENT_HAS_SUB_DEPARTMENTS"),
          Map.entry(DEPARTMENT_HAS_ACCOUNTS, "APP_UD_DEPARTMENT_HAS_ACCOUNTS"));

  private final String code;

  /**
   * A refusal.
   *
   * @param code the status code
   * @param detail what exactly was wrong; null when the code says it all
   */
  ServiceError(String code, String detail) {
    super(message(code, detail), null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }

  /** The status message for a code, such as {@code APP_UD_ACCOUNT_NOT_EXIST}. */
  static String message(String code, String detail) {
    String name = NAMES.getOrDefault(code, "SYS_ERROR");
    return detail == null ? name : name + ": " + detail;
  }
}
