package dev.idaas.connector.alimail;

import dev.idaas.connector.alimail.AliMailSettings.PasswordSource;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.Secret;
import java.security.SecureRandom;

/**
 * Makes the initial password of each new mailbox. A random password has 16 characters from four
 * classes (upper, lower, digit, symbol), at least one of each, drawn with {@link SecureRandom};
 * look-alike characters are left out. Passwords exist only as {@link Secret}s. Thread-safe.
 */
final class InitialPasswords {

  /** The account attribute read when the policy is {@code fromAttribute}. */
  static final String ATTRIBUTE = "initialPassword";

  static final int LENGTH = 16;

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%*+-=?@_";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

  private final PasswordSource source;
  private final SecureRandom random = new SecureRandom();

  InitialPasswords(PasswordSource source) {
    this.source = source;
  }

  /** The initial password for one new mailbox. */
  Secret forAccount(Account account) {
    if (source == PasswordSource.FROM_ATTRIBUTE) {
      String given = account.attributes().get(ATTRIBUTE);
      if (given != null && !given.isBlank()) {
        return Secret.of(given);
      }
    }
    return random();
  }

  /** A fresh random password. */
  Secret random() {
    char[] password = new char[LENGTH];
    password[0] = pick(UPPER);
    password[1] = pick(LOWER);
    password[2] = pick(DIGITS);
    password[3] = pick(SYMBOLS);
    for (int i = 4; i < LENGTH; i++) {
      password[i] = pick(ALL);
    }
    shuffle(password);
    return Secret.of(new String(password));
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }

  private void shuffle(char[] chars) {
    for (int i = chars.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = chars[i];
      chars[i] = chars[j];
      chars[j] = swap;
    }
  }
}
