package dev.idaas.connector.testkit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import dev.idaas.connector.api.SpiVersion;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports a connector's parameters as a JSON Schema (draft 2020-12), so a host's configuration
 * form, an infrastructure-as-code pipeline or a reviewer can check a configuration without the
 * connector.
 *
 * <p>One schema property per {@link ParameterSpec}, in the descriptor's order:
 *
 * <ul>
 *   <li>{@code type}: {@code integer} for INTEGER, {@code boolean} for BOOLEAN, {@code string} for
 *       everything else; {@code format}: {@code password} for a secret, {@code uri} for a URL,
 *       {@code hostname} for a mail domain, {@code duration} for a duration.
 *   <li>A secret is {@code writeOnly}: hosts store it apart from the other values and never show
 *       it. It never has a default, so no secret value can appear in a schema.
 *   <li>{@code default}, {@code minimum}, {@code maximum}, {@code maxLength}, {@code pattern} and
 *       {@code enum} as the spec declares them. A pattern is anchored ({@code ^(?:…)$}) because the
 *       connector matches the whole value, while JSON Schema looks for a match anywhere. A duration
 *       default is given in ISO-8601 form ({@code 10s} becomes {@code PT10S}), which both the
 *       schema's {@code duration} format and the connector accept.
 *   <li>{@code title} and {@code description} in English; the annotations {@code x-idaas-label},
 *       {@code x-idaas-description} and {@code x-idaas-placeholder} hold both languages as {@code
 *       {"en": …, "zh-CN": …}}; {@code x-idaas-group}, {@code x-idaas-order} and {@code
 *       x-idaas-type} (the SPI's {@link ParameterType}) help a host lay out its form.
 * </ul>
 *
 * <p>A parameter is listed in {@code required} when it is required and has no default. Unknown keys
 * are refused ({@code additionalProperties: false}), as the connector's own validation does. The
 * provider is described under {@code x-idaas-provider}.
 *
 * <p>The formats are annotations, as draft 2020-12 defines them: a validator checks them only when
 * asked to. The connector is more lenient in two places: it accepts enum values in any case, and
 * durations written as {@code 500ms}, {@code 10s}, {@code 2m} or {@code 1h}.
 *
 * <p>The output depends only on the descriptor: {@link #render} gives the same bytes on every run
 * and every platform (two-space indentation, {@code \n} line ends, a final newline), so a schema
 * can be committed and compared with {@link SchemaCompatibility}. Stateless and thread-safe.
 */
public final class ParameterSchema {

  /** The JSON Schema dialect of every exported schema. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
  private static final ObjectWriter WRITER = prettyWriter();

  private ParameterSchema() {}

  /**
   * The schema of a connector's parameters, for a provider built against this host's SPI.
   *
   * @see #toJsonSchema(ConnectorDescriptor, String)
   */
  public static ObjectNode toJsonSchema(ConnectorDescriptor descriptor) {
    return toJsonSchema(descriptor, SpiVersion.CURRENT);
  }

  /**
   * The schema of a connector's parameters.
   *
   * @param spiVersion the SPI version the provider was built against, as its {@code spiVersion()}
   *     returns it
   * @return a new, mutable node; changing it does not change later results
   */
  public static ObjectNode toJsonSchema(ConnectorDescriptor descriptor, String spiVersion) {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(spiVersion, "spiVersion");
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", idOf(descriptor));
    schema.put("title", descriptor.displayName().en() + " parameters");
    schema.put("description", describe(descriptor));
    schema.put("type", "object");

    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (ParameterSpec spec : descriptor.parameters()) {
      properties.set(spec.key(), property(spec));
      if (spec.required() && spec.defaultValue() == null) {
        required.add(spec.key());
      }
    }
    schema.set("required", required);
    schema.put("additionalProperties", false);
    schema.set("x-idaas-provider", provider(descriptor, spiVersion));
    return schema;
  }

  /** The schema of a connector's parameters as pretty JSON text, stable byte for byte. */
  public static String render(ConnectorDescriptor descriptor) {
    return render(toJsonSchema(descriptor));
  }

  /** The schema for a provider built against {@code spiVersion}, as pretty JSON text. */
  public static String render(ConnectorDescriptor descriptor, String spiVersion) {
    return render(toJsonSchema(descriptor, spiVersion));
  }

  /**
   * Any JSON node as text in the same layout as an exported schema: two-space indentation, {@code
   * \n} line ends and a final newline.
   */
  public static String render(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      // Defensive: a tree of JSON nodes always serializes.
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  /**
   * The {@code $id} of a connector's schema: a URN naming the provider and its version, such as
   * {@code urn:idaas:connector:alimail:1.2.0:parameters}.
   */
  public static String idOf(ConnectorDescriptor descriptor) {
    String version = descriptor.version().replaceAll("[^A-Za-z0-9.+_-]", "-");
    return "urn:idaas:connector:" + descriptor.id() + ":" + version + ":parameters";
  }

  private static String describe(ConnectorDescriptor descriptor) {
    return "The parameters an administrator fills in to add an application of the "
        + descriptor.id()
        + " connector, version "
        + descriptor.version()
        + ". Secrets are write-only: a host stores them apart from the other values and never"
        + " shows them.";
  }

  private static ObjectNode property(ParameterSpec spec) {
    ObjectNode property = NODES.objectNode();
    property.put("type", jsonType(spec.type()));
    String format = formatOf(spec.type());
    if (format != null) {
      property.put("format", format);
    }
    if (spec.secret()) {
      property.put("writeOnly", true);
    }
    property.put("title", spec.label().en());
    property.put("description", spec.description().en());

    addDefault(property, spec);
    addConstraints(property, spec);

    property.put("x-idaas-type", spec.type().name());
    property.set("x-idaas-label", localized(spec.label()));
    property.set("x-idaas-description", localized(spec.description()));
    if (spec.placeholder() != null) {
      property.set("x-idaas-placeholder", localized(spec.placeholder()));
    }
    property.put("x-idaas-group", spec.group());
    property.put("x-idaas-order", spec.order());
    return property;
  }

  private static void addDefault(ObjectNode property, ParameterSpec spec) {
    String value = spec.defaultValue();
    if (value == null) {
      return;
    }
    switch (spec.type()) {
      case INTEGER -> property.put("default", Long.parseLong(value.strip()));
      case BOOLEAN -> property.put("default", Boolean.parseBoolean(value.strip()));
      case DURATION -> property.put("default", isoDuration(value));
      default -> property.put("default", value);
    }
  }

  private static void addConstraints(ObjectNode property, ParameterSpec spec) {
    if (!spec.allowedValues().isEmpty()) {
      ArrayNode values = property.putArray("enum");
      spec.allowedValues().forEach(values::add);
    }
    if (spec.minimum() != null) {
      property.put("minimum", spec.minimum());
    }
    if (spec.maximum() != null) {
      property.put("maximum", spec.maximum());
    }
    if (spec.maxLength() != null) {
      property.put("maxLength", spec.maxLength());
    }
    if (spec.pattern() != null) {
      property.put("pattern", "^(?:" + spec.pattern() + ")$");
    }
  }

  private static ObjectNode provider(ConnectorDescriptor descriptor, String spiVersion) {
    ObjectNode provider = NODES.objectNode();
    provider.put("id", descriptor.id());
    provider.put("version", descriptor.version());
    provider.put("spiVersion", spiVersion);
    provider.set("displayName", localized(descriptor.displayName()));
    ArrayNode capabilities = provider.putArray("capabilities");
    descriptor.capabilities().stream().sorted().map(Capability::name).forEach(capabilities::add);
    provider.put("requestsPerSecond", descriptor.requestsPerSecond());
    return provider;
  }

  private static ObjectNode localized(LocalizedText text) {
    ObjectNode node = NODES.objectNode();
    node.put("en", text.en());
    node.put("zh-CN", text.zhCn());
    return node;
  }

  private static String jsonType(ParameterType type) {
    return switch (type) {
      case INTEGER -> "integer";
      case BOOLEAN -> "boolean";
      default -> "string";
    };
  }

  private static String formatOf(ParameterType type) {
    return switch (type) {
      case SECRET -> "password";
      case URL -> "uri";
      case MAIL_DOMAIN -> "hostname";
      case DURATION -> "duration";
      default -> null;
    };
  }

  /** A duration default in ISO-8601 form; a value neither form reads is kept as it is. */
  private static String isoDuration(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher shortForm = SHORT_DURATION.matcher(text);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      Duration duration =
          switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
      return duration.toString();
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT)).toString();
    } catch (DateTimeParseException e) {
      // Defensive: the connector would refuse this default too; show it rather than hide it.
      return value;
    }
  }

  private static ObjectWriter prettyWriter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    return new ObjectMapper().writer(printer);
  }
}
