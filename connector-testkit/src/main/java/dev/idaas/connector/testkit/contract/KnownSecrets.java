package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ParameterSpec;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The secret values a test knows, each with a name that can be printed instead of it: the values of
 * the descriptor's SECRET parameters, in the valid and in the wrong parameters, and any the
 * connector test adds.
 *
 * <p>Values shorter than {@value #SHORTEST} characters are not searched for: they would be found in
 * ordinary words by chance.
 */
final class KnownSecrets {

  static final int SHORTEST = 6;

  private final Map<String, String> namesByValue = new LinkedHashMap<>();

  /** Adds the SECRET values of a parameter map; {@code where} says which map it is. */
  KnownSecrets addParameters(
      ConnectorDescriptor descriptor, Map<String, String> raw, String where) {
    for (ParameterSpec spec : descriptor.parameters()) {
      String value = raw.get(spec.key());
      if (spec.secret() && value != null) {
        add(value, "the value of the secret parameter '" + spec.key() + "' " + where);
      }
    }
    return this;
  }

  KnownSecrets add(String value, String name) {
    if (value != null && value.strip().length() >= SHORTEST) {
      namesByValue.putIfAbsent(value.strip(), name);
    }
    return this;
  }

  /** The name of the first secret {@code text} contains, if any. */
  Optional<String> foundIn(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return namesByValue.entrySet().stream()
        .filter(secret -> text.contains(secret.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The text with every known secret replaced by {@code ******}, longest first. */
  String mask(String text) {
    String masked = text;
    for (String value :
        namesByValue.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList()) {
      masked = masked.replace(value, "******");
    }
    return masked;
  }

  /**
   * Fails the contract if {@code text} holds a secret.
   *
   * @param where names the text, such as "the message of the event of account a-1"
   */
  void requireAbsent(String situation, String where, String text) {
    Optional<String> found = foundIn(text);
    ContractAssertions.check(
        BehaviourRule.NO_SECRET_IN_TEXT,
        found.isEmpty(),
        situation,
        where + " without any secret",
        () -> where + " holds " + found.orElseThrow() + " (masked here): " + mask(text));
  }
}
