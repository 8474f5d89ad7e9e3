package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import java.util.function.Function;

/**
 * A directory field that feeds a mailbox field, as a mapping parameter names it: {@code
 * displayName}, {@code username}, {@code email}, {@code mobile}, {@code employeeNo}, {@code
 * jobTitle}, {@code attributes.<key>} or {@code none}.
 *
 * @param name the parameter value, for messages
 * @param read gives the field's value, or null when the directory has none
 */
record AttributeSource(String name, Function<Account, String> read) {

  static final AttributeSource NONE = new AttributeSource("none", account -> null);

  private static final String ATTRIBUTE_PREFIX = "attributes.";

  /**
   * Parses a value that already matched {@link AliMailParameters#SOURCE_PATTERN}.
   *
   * @throws IllegalArgumentException for any other value (a validation bug)
   */
  static AttributeSource parse(String value) {
    if (value.startsWith(ATTRIBUTE_PREFIX)) {
      String key = value.substring(ATTRIBUTE_PREFIX.length());
      return new AttributeSource(value, account -> account.attributes().get(key));
    }
    return switch (value) {
      case "none" -> NONE;
      case "displayName" -> new AttributeSource(value, Account::displayName);
      case "username" -> new AttributeSource(value, Account::username);
      case "email" -> new AttributeSource(value, Account::email);
      case "mobile" -> new AttributeSource(value, Account::mobile);
      case "employeeNo" -> new AttributeSource(value, Account::employeeNo);
      case "jobTitle" -> new AttributeSource(value, Account::jobTitle);
      default -> throw new IllegalArgumentException("not an attribute source: " + value);
    };
  }

  /** The value for one account, stripped; null when empty. */
  String valueOf(Account account) {
    String value = read.apply(account);
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }
}
