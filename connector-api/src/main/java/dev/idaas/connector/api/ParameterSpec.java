package dev.idaas.connector.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parameter an administrator fills in when adding a connector's application: its key, type,
 * whether it is required, its default, its constraints, and the texts a configuration form shows.
 *
 * <p>Build one with {@link #builder(String, ParameterType)}. Constraints that do not apply to the
 * type are refused when the spec is built, so a descriptor cannot promise what validation will not
 * check.
 *
 * @param key the key in the raw parameter map, such as {@code accessCode}; never blank
 * @param type how the raw value is checked and returned
 * @param required whether a value must be given when there is no default
 * @param defaultValue the raw value used when none is given; null when there is none; never set for
 *     a secret
 * @param minimum the smallest allowed {@link ParameterType#INTEGER} value; null for no bound
 * @param maximum the largest allowed {@link ParameterType#INTEGER} value; null for no bound
 * @param maxLength the longest allowed {@link ParameterType#TEXT} or secret; null for no bound
 * @param pattern a regular expression the whole {@link ParameterType#TEXT} value must match; null
 *     for none
 * @param allowedValues the values an {@link ParameterType#ENUM} accepts; empty for other types
 * @param label the form label
 * @param description what the parameter does and where the administrator finds its value
 * @param placeholder an example value shown in an empty field; null for none
 * @param group the form section the parameter belongs to, such as {@code connection}
 * @param order the position within the form; lower comes first
 */
public record ParameterSpec(
    String key,
    ParameterType type,
    boolean required,
    String defaultValue,
    Long minimum,
    Long maximum,
    Integer maxLength,
    String pattern,
    List<String> allowedValues,
    LocalizedText label,
    LocalizedText description,
    LocalizedText placeholder,
    String group,
    int order) {

  private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

  public ParameterSpec {
    Objects.requireNonNull(key, "key");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "parameter key '"
              + key
              + "' must start with a letter and hold letters, digits, '_', '.'"
              + " or '-' (64 at most)");
    }
    Objects.requireNonNull(type, () -> key + ": type");
    Objects.requireNonNull(label, () -> key + ": label");
    Objects.requireNonNull(description, () -> key + ": description");
    Objects.requireNonNull(group, () -> key + ": group");
    allowedValues = List.copyOf(allowedValues == null ? List.of() : allowedValues);
    checkConstraintsFitType(
        key, type, defaultValue, minimum, maximum, maxLength, pattern, allowedValues);
  }

  /** Starts a spec; label, description and group are required before {@link Builder#build()}. */
  public static Builder builder(String key, ParameterType type) {
    return new Builder(key, type);
  }

  /** Whether the value is a secret, which forms mask and no text ever shows. */
  public boolean secret() {
    return type == ParameterType.SECRET;
  }

  private static void checkConstraintsFitType(
      String key,
      ParameterType type,
      String defaultValue,
      Long minimum,
      Long maximum,
      Integer maxLength,
      String pattern,
      List<String> allowedValues) {
    if ((minimum != null || maximum != null) && type != ParameterType.INTEGER) {
      throw new IllegalArgumentException(key + ": minimum and maximum apply to INTEGER only");
    }
    if (minimum != null && maximum != null && minimum > maximum) {
      throw new IllegalArgumentException(key + ": minimum " + minimum + " > maximum " + maximum);
    }
    if (maxLength != null && type != ParameterType.TEXT && type != ParameterType.SECRET) {
      throw new IllegalArgumentException(key + ": maxLength applies to TEXT and SECRET only");
    }
    if (pattern != null) {
      if (type != ParameterType.TEXT) {
        throw new IllegalArgumentException(key + ": pattern applies to TEXT only");
      }
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(key + ": pattern is not a regular expression", e);
      }
    }
    if (type == ParameterType.ENUM && allowedValues.isEmpty()) {
      throw new IllegalArgumentException(key + ": an ENUM needs its allowed values");
    }
    if (type != ParameterType.ENUM && !allowedValues.isEmpty()) {
      throw new IllegalArgumentException(key + ": allowed values apply to ENUM only");
    }
    if (type == ParameterType.SECRET && defaultValue != null) {
      throw new IllegalArgumentException(key + ": a secret cannot have a default");
    }
  }

  /** Builds a {@link ParameterSpec}; every setter returns this builder. */
  public static final class Builder {
    private final String key;
    private final ParameterType type;
    private boolean required;
    private String defaultValue;
    private Long minimum;
    private Long maximum;
    private Integer maxLength;
    private String pattern;
    private List<String> allowedValues = List.of();
    private LocalizedText label;
    private LocalizedText description;
    private LocalizedText placeholder;
    private String group = "general";
    private int order;

    private Builder(String key, ParameterType type) {
      this.key = key;
      this.type = type;
    }

    /** Marks the parameter as required (when it has no default). */
    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder defaultValue(String defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public Builder range(Long minimum, Long maximum) {
      this.minimum = minimum;
      this.maximum = maximum;
      return this;
    }

    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    public Builder pattern(String pattern) {
      this.pattern = pattern;
      return this;
    }

    public Builder allowedValues(String... values) {
      this.allowedValues = List.of(values);
      return this;
    }

    public Builder label(String en, String zhCn) {
      this.label = LocalizedText.of(en, zhCn);
      return this;
    }

    public Builder description(String en, String zhCn) {
      this.description = LocalizedText.of(en, zhCn);
      return this;
    }

    public Builder placeholder(String en, String zhCn) {
      this.placeholder = LocalizedText.of(en, zhCn);
      return this;
    }

    public Builder group(String group) {
      this.group = group;
      return this;
    }

    public Builder order(int order) {
      this.order = order;
      return this;
    }

    public ParameterSpec build() {
      return new ParameterSpec(
          key,
          type,
          required,
          defaultValue,
          minimum,
          maximum,
          maxLength,
          pattern,
          allowedValues,
          label,
          description,
          placeholder,
          group,
          order);
    }
  }
}
