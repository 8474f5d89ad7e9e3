package dev.idaas.connector.api;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a connector is and what it needs: its id, names, version, capabilities, parameters and the
 * request budget its target allows.
 *
 * @param id the provider id an application instance refers to, such as {@code alimail}
 * @param displayName the name shown in the host's application catalogue
 * @param version the provider's own version
 * @param capabilities what the connector can do
 * @param parameters the parameters, sorted by {@link ParameterSpec#order()}; keys are unique
 * @param requestsPerSecond the calls per second the target allows by default, shared by every
 *     application of one tenant; 0 when the target sets no limit
 */
public record ConnectorDescriptor(
    String id,
    LocalizedText displayName,
    String version,
    Set<Capability> capabilities,
    List<ParameterSpec> parameters,
    int requestsPerSecond) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  public ConnectorDescriptor {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "provider id '" + id + "' must be lower-case letters, digits and '-', 40 at most");
    }
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(version, "version");
    capabilities = Set.copyOf(capabilities);
    parameters = parameters.stream().sorted(Comparator.comparingInt(ParameterSpec::order)).toList();
    requireUniqueKeys(id, parameters);
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException("requestsPerSecond must not be negative");
    }
  }

  /** The spec of one parameter, if the connector has it. */
  public Optional<ParameterSpec> parameter(String key) {
    return parameters.stream().filter(spec -> spec.key().equals(key)).findFirst();
  }

  /** Whether the connector declares a capability. */
  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }

  /**
   * Checks a raw parameter map against {@link #parameters()}.
   *
   * @throws InvalidConfigurationException listing every problem at once
   */
  public ConnectorConfig validate(Map<String, String> raw) {
    return ConfigValidator.validate(this, raw);
  }

  private static void requireUniqueKeys(String id, List<ParameterSpec> parameters) {
    Set<String> seen = new HashSet<>();
    for (ParameterSpec spec : parameters) {
      if (!seen.add(spec.key())) {
        throw new IllegalArgumentException(id + ": parameter key '" + spec.key() + "' repeats");
      }
    }
  }
}
