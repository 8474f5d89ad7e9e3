package dev.idaas.connector.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import dev.idaas.connector.testkit.cli.FakeDirectoryProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {

  private static final ConnectorDescriptor FAKE = new FakeDirectoryProvider().descriptor();

  /** A host's validator: draft 2020-12, with the schema's x-idaas-* keywords as annotations. */
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                      .keywords(
                          Stream.of(
                                  "type",
                                  "label",
                                  "description",
                                  "placeholder",
                                  "group",
                                  "order",
                                  "provider")
                              .map(name -> (Keyword) new AnnotationKeyword("x-idaas-" + name))
                              .toList())
                      .build()));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void rendersTheSchemaWrittenInTheGoldenFileByteForByte() throws IOException {
    assertThat(ParameterSchema.render(FAKE)).isEqualTo(golden());
  }

  @Test
  void rendersTheSameBytesOnEveryCallAndForAnEqualDescriptorBuiltAgain() {
    String first = ParameterSchema.render(FAKE);

    assertThat(ParameterSchema.render(new FakeDirectoryProvider().descriptor())).isEqualTo(first);
    assertThat(ParameterSchema.render(ParameterSchema.toJsonSchema(FAKE))).isEqualTo(first);
    assertThat(first).doesNotContain("\r").endsWith("}\n");
  }

  @Test
  void isAValidDraft202012SchemaByTheMetaSchema() {
    JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));

    Set<ValidationMessage> problems = metaSchema.validate(ParameterSchema.toJsonSchema(FAKE));

    assertThat(problems).isEmpty();
  }

  @Test
  void acceptsAConfigurationTheConnectorAccepts() throws IOException {
    JsonNode configuration =
        json.readTree(
            """
            {"endpoint": "https://fake.example/api", "token": "t-1", "domain": "acme.example",
             "tenant": "acme", "pageSize": 100, "revocation": "delete", "readTimeout": "PT30S",
             "verbatim": true}
            """);

    assertThat(validate(configuration)).isEmpty();
  }

  @Test
  void refusesEachBrokenValueOfAConfigurationWithTheFieldNamed() throws IOException {
    JsonNode configuration =
        json.readTree(
            """
            {"endpoint": "https://fake.example/api", "domain": "acme.example",
             "tenant": "ACME", "pageSize": 101, "revocation": "archive", "verbatim": "yes",
             "colour": "blue"}
            """);

    List<String> problems = validate(configuration).stream().map(this::where).sorted().toList();

    assertThat(problems)
        .containsExactlyInAnyOrder(
            "$: additionalProperties colour",
            "$: required token",
            "$.pageSize: maximum",
            "$.revocation: enum",
            "$.tenant: pattern",
            "$.verbatim: type");
  }

  @Test
  void acceptsTheShortDurationFormBecauseFormatsAreAnnotationsInDraft202012() throws IOException {
    JsonNode configuration =
        json.readTree(
            "{\"endpoint\": \"https://f.example\", \"token\": \"t\", \"domain\": \"a.example\","
                + " \"readTimeout\": \"10s\"}");

    assertThat(validate(configuration)).isEmpty();
  }

  @Test
  void anchorsAPatternBecauseTheConnectorMatchesTheWholeValue() throws IOException {
    JsonNode partlyMatching =
        json.readTree(
            "{\"endpoint\": \"https://f.example\", \"token\": \"t\", \"domain\": \"a.example\","
                + " \"tenant\": \"acme-2\"}");

    assertThat(ParameterSchema.toJsonSchema(FAKE).at("/properties/tenant/pattern").asText())
        .isEqualTo("^(?:[a-z]+)$");
    assertThat(validate(partlyMatching))
        .extracting(ValidationMessage::getType)
        .containsExactly("pattern");
  }

  @Test
  void marksSecretsWriteOnlyAndListsOnlyRequiredParametersWithoutADefault() {
    JsonNode schema = ParameterSchema.toJsonSchema(FAKE);

    assertThat(schema.at("/properties/token/writeOnly").asBoolean()).isTrue();
    assertThat(schema.at("/properties/token/format").asText()).isEqualTo("password");
    assertThat(schema.at("/properties/token").has("default")).isFalse();
    assertThat(schema.at("/properties/endpoint").has("writeOnly")).isFalse();
    assertThat(schema.get("required").toString()).isEqualTo("[\"endpoint\",\"token\",\"domain\"]");
  }

  @Test
  void leavesARequiredParameterWithADefaultOutOfTheRequiredList() {
    ConnectorDescriptor descriptor =
        descriptor(
            ParameterSpec.builder("region", ParameterType.ENUM)
                .required()
                .defaultValue("cn")
                .allowedValues("cn", "intl")
                .label("Region", "区域")
                .description("The service region.", "服务区域。")
                .build());

    JsonNode schema = ParameterSchema.toJsonSchema(descriptor);

    assertThat(schema.get("required").toString()).isEqualTo("[]");
    assertThat(schema.at("/properties/region/default").asText()).isEqualTo("cn");
  }

  @Test
  void givesDurationDefaultsInIsoFormWhateverFormTheDescriptorUses() {
    ConnectorDescriptor descriptor =
        descriptor(duration("a", "500ms"), duration("b", "2m"), duration("c", "PT1H"));

    JsonNode properties = ParameterSchema.toJsonSchema(descriptor).get("properties");

    assertThat(properties.at("/a/default").asText()).isEqualTo("PT0.5S");
    assertThat(properties.at("/b/default").asText()).isEqualTo("PT2M");
    assertThat(properties.at("/c/default").asText()).isEqualTo("PT1H");
  }

  @Test
  void namesTheProviderAndTheSpiVersionItWasBuiltFor() {
    JsonNode schema = ParameterSchema.toJsonSchema(FAKE, "1.3");

    assertThat(schema.get("$id").asText())
        .isEqualTo("urn:idaas:connector:fake-directory:1.2.0:parameters");
    assertThat(schema.at("/x-idaas-provider/spiVersion").asText()).isEqualTo("1.3");
    assertThat(schema.at("/x-idaas-provider/displayName/zh-CN").asText()).isEqualTo("模拟目录");
  }

  private Set<ValidationMessage> validate(JsonNode configuration) {
    return FACTORY.getSchema(ParameterSchema.toJsonSchema(FAKE)).validate(configuration);
  }

  /** "instance location: keyword", plus the property for required and additionalProperties. */
  private String where(ValidationMessage message) {
    String detail = message.getProperty() == null ? "" : " " + message.getProperty();
    return message.getInstanceLocation() + ": " + message.getType() + detail;
  }

  private static ParameterSpec duration(String key, String defaultValue) {
    return ParameterSpec.builder(key, ParameterType.DURATION)
        .defaultValue(defaultValue)
        .label(key, key)
        .description(key, key)
        .build();
  }

  private static ConnectorDescriptor descriptor(ParameterSpec... parameters) {
    return new ConnectorDescriptor(
        "sample",
        LocalizedText.of("Sample", "示例"),
        "0.1",
        Set.of(Capability.ACCOUNTS),
        List.of(parameters),
        0);
  }

  private static String golden() throws IOException {
    try (InputStream in =
        ParameterSchemaTest.class.getResourceAsStream("fake-directory.schema.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
