package dev.idaas.connector.testkit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.testkit.cli.FakeDirectoryProvider;
import dev.idaas.connector.testkit.schema.Incompatibility.Kind;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

  private final ObjectNode older =
      ParameterSchema.toJsonSchema(new FakeDirectoryProvider().descriptor());
  private final ObjectNode newer = older.deepCopy();

  @Test
  void findsNothingBetweenASchemaAndItself() {
    assertThat(SchemaCompatibility.compare(older, newer)).isEmpty();
    assertThat(SchemaCompatibility.isCompatible(older, newer)).isTrue();
  }

  @Test
  void reportsARemovedOrRenamedParameter() {
    ObjectNode tenant = (ObjectNode) properties(newer).remove("tenant");
    properties(newer).set("tenantName", tenant);

    assertThat(SchemaCompatibility.compare(older, newer))
        .containsExactly(
            new Incompatibility(
                "tenant",
                Kind.REMOVED,
                "was removed or renamed; a stored configuration that sets it is refused as an"
                    + " unknown parameter"));
  }

  @Test
  void reportsANewRequiredParameterButNotANewOptionalOne() {
    properties(newer).putObject("region").put("type", "string");
    properties(newer).putObject("label").put("type", "string");
    ((ArrayNode) newer.get("required")).add("region");

    assertThat(SchemaCompatibility.compare(older, newer))
        .containsExactly(
            new Incompatibility(
                "region",
                Kind.REQUIRED,
                "is a new parameter, required and without a default; every stored configuration"
                    + " lacks it"));
  }

  @Test
  void reportsAnExistingParameterThatBecameRequired() {
    ((ArrayNode) newer.get("required")).add("tenant");

    assertThat(SchemaCompatibility.compare(older, newer))
        .extracting(Incompatibility::toString)
        .containsExactly(
            "tenant (REQUIRED): is now required and has no default; a stored configuration that"
                + " leaves it out is refused");
  }

  @Test
  void reportsEachNarrowedConstraint() {
    parameter(newer, "pageSize").put("minimum", 10).put("maximum", 50);
    parameter(newer, "token").put("maxLength", 32);
    parameter(newer, "tenant").put("pattern", "^(?:[a-z]{2,})$");
    ((ArrayNode) parameter(newer, "revocation").get("enum")).remove(1);

    assertThat(SchemaCompatibility.compare(older, newer))
        .extracting(Incompatibility::toString)
        .containsExactly(
            "token (NARROWED): maxLength lowered from 64 to 32",
            "tenant (NARROWED): pattern changed from ^(?:[a-z]+)$ to ^(?:[a-z]{2,})$; a stored"
                + " value may no longer match",
            "pageSize (NARROWED): minimum raised from 1 to 10",
            "pageSize (NARROWED): maximum lowered from 100 to 50",
            "revocation (NARROWED): no longer accepts delete");
  }

  @Test
  void reportsNewBoundsWhereThereWereNone() {
    parameter(newer, "domain").put("maxLength", 100);
    parameter(newer, "domain").put("pattern", "^(?:.+)$");

    assertThat(SchemaCompatibility.compare(older, newer))
        .extracting(Incompatibility::toString)
        .containsExactly(
            "domain (NARROWED): now has a maxLength of 100",
            "domain (NARROWED): now must match the pattern ^(?:.+)$");
  }

  @Test
  void acceptsWiderConstraintsNewValuesAndOtherTexts() {
    parameter(newer, "pageSize").put("minimum", 0).put("maximum", 500).put("default", 20);
    parameter(newer, "token").remove("maxLength");
    parameter(newer, "tenant").remove("pattern");
    ((ArrayNode) parameter(newer, "revocation").get("enum")).add("archive");
    parameter(newer, "endpoint").put("title", "Service address").put("x-idaas-order", 99);

    assertThat(SchemaCompatibility.compare(older, newer)).isEmpty();
  }

  @Test
  void reportsATypeChange() {
    parameter(newer, "pageSize").put("type", "string").put("x-idaas-type", "TEXT");
    parameter(newer, "domain").put("x-idaas-type", "TEXT");

    assertThat(SchemaCompatibility.compare(older, newer))
        .extracting(Incompatibility::toString)
        .containsExactly(
            "domain (TYPE_CHANGED): changed type from string (MAIL_DOMAIN) to string (TEXT); a"
                + " stored value may no longer read as one",
            "pageSize (TYPE_CHANGED): changed type from integer (INTEGER) to string (TEXT); a"
                + " stored value may no longer read as one");
  }

  @Test
  void reportsASecretFlagChangeInsteadOfATypeChange() {
    parameter(newer, "tenant").put("x-idaas-type", "SECRET").put("writeOnly", true);
    parameter(newer, "token").put("x-idaas-type", "TEXT").remove("writeOnly");

    assertThat(SchemaCompatibility.compare(older, newer))
        .extracting(Incompatibility::kind, Incompatibility::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.SECRET_CHANGED, "token"),
            org.assertj.core.groups.Tuple.tuple(Kind.SECRET_CHANGED, "tenant"));
  }

  @Test
  void refusesADocumentThatIsNotAParameterSchema() {
    ObjectNode notASchema = JsonNodeFactory.instance.objectNode().put("type", "object");

    assertThatThrownBy(() -> SchemaCompatibility.compare(notASchema, newer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the older document is not a parameter schema: it has no \"properties\" object;"
                + " export one with `idaas-host schema <provider>`");
  }

  private static ObjectNode properties(ObjectNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  private static ObjectNode parameter(ObjectNode schema, String key) {
    return (ObjectNode) properties(schema).get(key);
  }
}
