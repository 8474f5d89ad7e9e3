package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.support.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Directory attributes whose name says they hold a secret, such as an {@code initialPassword} a
 * connector may use when it creates an account. The host neither stores nor compares them: the
 * directory is theirs to keep, and a connector uses them only to create.
 */
final class SecretAttributes {

  private SecretAttributes() {}

  /** Whether any attribute's name says it holds a secret ({@link Redactor#isSensitiveName}). */
  static boolean any(Map<String, String> attributes) {
    return attributes.keySet().stream().anyMatch(Redactor::isSensitiveName);
  }

  /** The attributes whose name does not say they hold a secret, in their order. */
  static Map<String, String> without(Map<String, String> attributes) {
    Map<String, String> open = new LinkedHashMap<>();
    attributes.forEach(
        (key, value) -> {
          if (!Redactor.isSensitiveName(key)) {
            open.put(key, value);
          }
        });
    return open;
  }
}
