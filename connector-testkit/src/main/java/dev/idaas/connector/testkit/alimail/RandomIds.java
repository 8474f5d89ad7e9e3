package dev.idaas.connector.testkit.alimail;

import java.util.Random;
import java.util.function.Predicate;

/**
 * Makes department ids that look like the real service's opaque ids, such as {@code
 * ----.t----.LQzg9t:2:----.Lssy7M}. With a seed, the same sequence of creations gives the same ids.
 */
final class RandomIds {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Random random;

  RandomIds(Random random) {
    this.random = random;
  }

  /** A new id for which {@code taken} is false. */
  synchronized String departmentId(Predicate<String> taken) {
    String id;
    do {
      id = "----." + chars(1) + "----." + chars(6) + ":2:----." + chars(6);
    } while (taken.test(id));
    return id;
  }

  /** {@code count} random letters or digits. */
  synchronized String chars(int count) {
    StringBuilder text = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
