package dev.idaas.connector.api;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A validated configuration: every value checked and converted to its {@link ParameterType}, with
 * defaults filled in. Made only by {@link ConnectorDescriptor#validate(Map)}, so a connector can
 * read it without checking again.
 *
 * <p>{@code toString} shows secrets as {@code (set)} or {@code (not set)}, never their value.
 */
public final class ConnectorConfig {

  private final ConnectorDescriptor descriptor;
  private final Map<String, Object> values;

  ConnectorConfig(ConnectorDescriptor descriptor, Map<String, Object> values) {
    this.descriptor = descriptor;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The descriptor this configuration was validated against. */
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  /** Whether a value (given or default) exists for the key. */
  public boolean has(String key) {
    return values.containsKey(specOf(key).key());
  }

  /** A TEXT, MAIL_DOMAIN or ENUM value. */
  public String text(String key) {
    return get(key, String.class);
  }

  /** A TEXT, MAIL_DOMAIN or ENUM value that may be absent. */
  public Optional<String> optionalText(String key) {
    return has(key) ? Optional.of(text(key)) : Optional.empty();
  }

  /** A SECRET value. */
  public Secret secret(String key) {
    return get(key, Secret.class);
  }

  /** An INTEGER value. */
  public long integer(String key) {
    return get(key, Long.class);
  }

  /** A BOOLEAN value. */
  public boolean bool(String key) {
    return get(key, Boolean.class);
  }

  /** A URL value. */
  public URI url(String key) {
    return get(key, URI.class);
  }

  /** A DURATION value. */
  public Duration duration(String key) {
    return get(key, Duration.class);
  }

  /** Lists every key with its value, secrets as {@code (set)}. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", descriptor.id() + "{", "}");
    for (ParameterSpec spec : descriptor.parameters()) {
      Object value = values.get(spec.key());
      if (spec.secret()) {
        joiner.add(spec.key() + "=" + (value == null ? "(not set)" : "(set)"));
      } else if (value != null) {
        joiner.add(spec.key() + "=" + value);
      }
    }
    return joiner.toString();
  }

  private <T> T get(String key, Class<T> type) {
    ParameterSpec spec = specOf(key);
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalStateException(
          descriptor.id() + ": parameter '" + key + "' has no value and no default");
    }
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          descriptor.id()
              + ": parameter '"
              + key
              + "' is of type "
              + spec.type()
              + ", not "
              + type.getSimpleName());
    }
    return type.cast(value);
  }

  private ParameterSpec specOf(String key) {
    return descriptor
        .parameter(key)
        .orElseThrow(
            () ->
                new IllegalArgumentException(descriptor.id() + " has no parameter '" + key + "'"));
  }
}
