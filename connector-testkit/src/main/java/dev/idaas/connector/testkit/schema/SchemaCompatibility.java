package dev.idaas.connector.testkit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idaas.connector.testkit.schema.Incompatibility.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells which changes between two versions of a connector's parameter schema would break the
 * configurations hosts have stored: the question to ask before releasing a new connector version.
 *
 * <p>A change breaks when a configuration the older schema accepted may be refused by the newer
 * one, or would be stored in the wrong place:
 *
 * <ul>
 *   <li>{@link Kind#REMOVED}: a parameter is gone. A rename looks the same, since the schema cannot
 *       tell a rename from a removal and an addition.
 *   <li>{@link Kind#REQUIRED}: a new parameter is required without a default, or an existing one
 *       became required without a default.
 *   <li>{@link Kind#NARROWED}: a minimum went up or appeared, a maximum or a maximum length went
 *       down or appeared, an allowed value was withdrawn, or a pattern was added or changed
 *       (patterns cannot be compared, so any change counts).
 *   <li>{@link Kind#TYPE_CHANGED}: the JSON type or the SPI type ({@code x-idaas-type}) changed.
 *   <li>{@link Kind#SECRET_CHANGED}: the parameter became a secret or stopped being one; reported
 *       instead of a type change, since it is the change that matters.
 * </ul>
 *
 * <p>Changes that cannot break a stored configuration are not reported: new optional parameters,
 * wider constraints, new allowed values, other defaults, texts, groups and order.
 *
 * <p>Both schemas are read as {@link ParameterSchema} writes them; fields it does not write are
 * ignored. Stateless and thread-safe.
 */
public final class SchemaCompatibility {

  private static final String SECRET_TYPE = "SECRET";

  private SchemaCompatibility() {}

  /**
   * The breaking changes from {@code older} to {@code newer}: first those of the older schema's
   * parameters, in its order, then the new parameters, in the newer schema's order.
   *
   * @return an empty list when every configuration valid for {@code older} stays valid
   * @throws IllegalArgumentException if either node is not a parameter schema (an object with a
   *     {@code properties} object)
   */
  public static List<Incompatibility> compare(JsonNode older, JsonNode newer) {
    JsonNode oldProperties = propertiesOf(older, "older");
    JsonNode newProperties = propertiesOf(newer, "newer");
    Set<String> oldRequired = requiredOf(older);
    Set<String> newRequired = requiredOf(newer);

    List<Incompatibility> found = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : oldProperties.properties()) {
      String key = entry.getKey();
      JsonNode after = newProperties.get(key);
      if (after == null) {
        found.add(removed(key));
        continue;
      }
      compareParameter(key, entry.getValue(), after, found);
      if (newRequired.contains(key) && !oldRequired.contains(key)) {
        found.add(
            new Incompatibility(
                key,
                Kind.REQUIRED,
                "is now required and has no default; a stored configuration that leaves it out is"
                    + " refused"));
      }
    }
    for (Map.Entry<String, JsonNode> entry : newProperties.properties()) {
      String key = entry.getKey();
      if (!oldProperties.has(key) && newRequired.contains(key)) {
        found.add(
            new Incompatibility(
                key,
                Kind.REQUIRED,
                "is a new parameter, required and without a default; every stored configuration"
                    + " lacks it"));
      }
    }
    return List.copyOf(found);
  }

  /** Whether nothing breaks from {@code older} to {@code newer}. */
  public static boolean isCompatible(JsonNode older, JsonNode newer) {
    return compare(older, newer).isEmpty();
  }

  private static void compareParameter(
      String key, JsonNode before, JsonNode after, List<Incompatibility> found) {
    if (isSecret(before) != isSecret(after)) {
      String change =
          isSecret(after)
              ? "became a secret; a host keeps secrets apart from other values, so the stored"
                  + " value must be entered again"
              : "is no longer a secret; a host kept its value apart, so it must be entered again"
                  + " as a plain value";
      found.add(new Incompatibility(key, Kind.SECRET_CHANGED, change));
      return;
    }
    String typeBefore = typeOf(before);
    String typeAfter = typeOf(after);
    if (!typeBefore.equals(typeAfter)) {
      found.add(
          new Incompatibility(
              key,
              Kind.TYPE_CHANGED,
              "changed type from "
                  + typeBefore
                  + " to "
                  + typeAfter
                  + "; a stored value may no longer read as one"));
      return;
    }
    compareBounds(key, before, after, found);
    compareAllowedValues(key, before, after, found);
    comparePattern(key, before, after, found);
  }

  private static void compareBounds(
      String key, JsonNode before, JsonNode after, List<Incompatibility> found) {
    narrowedIfRaised(key, "minimum", before.get("minimum"), after.get("minimum"), found);
    narrowedIfLowered(key, "maximum", before.get("maximum"), after.get("maximum"), found);
    narrowedIfLowered(key, "maxLength", before.get("maxLength"), after.get("maxLength"), found);
  }

  private static void narrowedIfRaised(
      String key, String bound, JsonNode before, JsonNode after, List<Incompatibility> found) {
    if (after == null || !after.isNumber()) {
      return;
    }
    if (before == null || !before.isNumber()) {
      found.add(narrowed(key, "now has a " + bound + " of " + after.asText()));
    } else if (after.decimalValue().compareTo(before.decimalValue()) > 0) {
      found.add(narrowed(key, bound + " raised from " + before.asText() + " to " + after.asText()));
    }
  }

  private static void narrowedIfLowered(
      String key, String bound, JsonNode before, JsonNode after, List<Incompatibility> found) {
    if (after == null || !after.isNumber()) {
      return;
    }
    if (before == null || !before.isNumber()) {
      found.add(narrowed(key, "now has a " + bound + " of " + after.asText()));
    } else if (after.decimalValue().compareTo(before.decimalValue()) < 0) {
      found.add(
          narrowed(key, bound + " lowered from " + before.asText() + " to " + after.asText()));
    }
  }

  private static void compareAllowedValues(
      String key, JsonNode before, JsonNode after, List<Incompatibility> found) {
    JsonNode newValues = after.get("enum");
    if (newValues == null || !newValues.isArray()) {
      return;
    }
    JsonNode oldValues = before.get("enum");
    if (oldValues == null || !oldValues.isArray()) {
      found.add(narrowed(key, "now accepts only " + join(newValues)));
      return;
    }
    List<String> withdrawn = new ArrayList<>();
    for (JsonNode value : oldValues) {
      if (!contains(newValues, value)) {
        withdrawn.add(value.asText());
      }
    }
    if (!withdrawn.isEmpty()) {
      found.add(narrowed(key, "no longer accepts " + String.join(", ", withdrawn)));
    }
  }

  private static void comparePattern(
      String key, JsonNode before, JsonNode after, List<Incompatibility> found) {
    JsonNode newPattern = after.get("pattern");
    if (newPattern == null) {
      return;
    }
    JsonNode oldPattern = before.get("pattern");
    if (oldPattern == null) {
      found.add(narrowed(key, "now must match the pattern " + newPattern.asText()));
    } else if (!oldPattern.asText().equals(newPattern.asText())) {
      found.add(
          narrowed(
              key,
              "pattern changed from "
                  + oldPattern.asText()
                  + " to "
                  + newPattern.asText()
                  + "; a stored value may no longer match"));
    }
  }

  private static Incompatibility removed(String key) {
    return new Incompatibility(
        key,
        Kind.REMOVED,
        "was removed or renamed; a stored configuration that sets it is refused as an unknown"
            + " parameter");
  }

  private static Incompatibility narrowed(String key, String change) {
    return new Incompatibility(key, Kind.NARROWED, change);
  }

  private static boolean isSecret(JsonNode property) {
    return property.path("writeOnly").asBoolean(false)
        || SECRET_TYPE.equals(property.path("x-idaas-type").asText(null));
  }

  /** The JSON type, and the SPI type when the schema names one: {@code string (MAIL_DOMAIN)}. */
  private static String typeOf(JsonNode property) {
    String json = property.path("type").asText("any");
    String spi = property.path("x-idaas-type").asText(null);
    return spi == null ? json : json + " (" + spi + ")";
  }

  private static JsonNode propertiesOf(JsonNode schema, String which) {
    Objects.requireNonNull(schema, which);
    JsonNode properties = schema.get("properties");
    if (!schema.isObject() || properties == null || !properties.isObject()) {
      throw new IllegalArgumentException(
          "the "
              + which
              + " document is not a parameter schema: it has no \"properties\" object; export one"
              + " with `idaas-host schema <provider>`");
    }
    return properties;
  }

  private static Set<String> requiredOf(JsonNode schema) {
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(key -> required.add(key.asText()));
    return required;
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode element : array) {
      if (element.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String join(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return String.join(", ", texts);
  }
}
