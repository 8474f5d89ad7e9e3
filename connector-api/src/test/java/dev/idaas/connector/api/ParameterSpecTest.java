package dev.idaas.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterSpecTest {

  @Test
  void buildsASpecWithItsTextsAndDefaults() {
    ParameterSpec spec =
        described(ParameterSpec.builder("accessCode", ParameterType.TEXT))
            .required()
            .maxLength(64)
            .placeholder("e.g. ak-123", "例如 ak-123")
            .group("connection")
            .order(3)
            .build();

    assertThat(spec.key()).isEqualTo("accessCode");
    assertThat(spec.required()).isTrue();
    assertThat(spec.maxLength()).isEqualTo(64);
    assertThat(spec.placeholder()).isEqualTo(LocalizedText.of("e.g. ak-123", "例如 ak-123"));
    assertThat(spec.group()).isEqualTo("connection");
    assertThat(spec.order()).isEqualTo(3);
    assertThat(spec.secret()).isFalse();
    assertThat(spec.allowedValues()).isEmpty();
  }

  @Test
  void putsAParameterInTheGeneralGroupUnlessToldOtherwise() {
    ParameterSpec spec = described(ParameterSpec.builder("verbose", ParameterType.BOOLEAN)).build();

    assertThat(spec.group()).isEqualTo("general");
    assertThat(spec.required()).isFalse();
  }

  @Test
  void refusesARangeOnAnythingButAnInteger() {
    assertRefused(
        ParameterSpec.builder("timeout", ParameterType.DURATION).range(1L, 5L),
        "timeout: minimum and maximum apply to INTEGER only");
  }

  @Test
  void refusesARangeWhoseMinimumIsAboveItsMaximum() {
    assertRefused(
        ParameterSpec.builder("batchSize", ParameterType.INTEGER).range(100L, 10L),
        "batchSize: minimum 100 > maximum 10");
  }

  @Test
  void refusesAMaximumLengthOnAnythingButTextAndSecrets() {
    assertRefused(
        ParameterSpec.builder("endpoint", ParameterType.URL).maxLength(10),
        "endpoint: maxLength applies to TEXT and SECRET only");
  }

  @Test
  void refusesAPatternOnAnythingButText() {
    assertRefused(
        ParameterSpec.builder("accessPassword", ParameterType.SECRET).pattern("[a-z]+"),
        "accessPassword: pattern applies to TEXT only");
  }

  @Test
  void refusesAPatternThatIsNotARegularExpression() {
    assertRefused(
        ParameterSpec.builder("rootDeptId", ParameterType.TEXT).pattern("[0-9"),
        "rootDeptId: pattern is not a regular expression");
  }

  @Test
  void refusesAnEnumWithoutValuesAndValuesOnAnythingButAnEnum() {
    assertRefused(
        ParameterSpec.builder("revocation", ParameterType.ENUM),
        "revocation: an ENUM needs its allowed values");
    assertRefused(
        ParameterSpec.builder("revocation", ParameterType.TEXT).allowedValues("disable"),
        "revocation: allowed values apply to ENUM only");
  }

  @Test
  void refusesASecretWithADefault() {
    assertRefused(
        ParameterSpec.builder("accessPassword", ParameterType.SECRET).defaultValue("changeme"),
        "accessPassword: a secret cannot have a default");
  }

  @Test
  void refusesAKeyThatIsNotAnIdentifier() {
    String message =
        " must start with a letter and hold letters, digits, '_', '.' or '-' (64 at most)";

    assertRefused(
        ParameterSpec.builder("1st", ParameterType.TEXT), "parameter key '1st'" + message);
    assertRefused(
        ParameterSpec.builder("access code", ParameterType.TEXT),
        "parameter key 'access code'" + message);
    assertRefused(
        ParameterSpec.builder("k".repeat(65), ParameterType.TEXT),
        "parameter key '" + "k".repeat(65) + "'" + message);
  }

  @Test
  void refusesASpecWithoutLabelOrDescription() {
    assertThatThrownBy(
            () ->
                ParameterSpec.builder("accessCode", ParameterType.TEXT)
                    .description("d", "描述")
                    .build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("accessCode: label");
    assertThatThrownBy(
            () -> ParameterSpec.builder("accessCode", ParameterType.TEXT).label("l", "标签").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("accessCode: description");
  }

  @Test
  void refusesABlankTranslation() {
    assertThatThrownBy(() -> LocalizedText.of("Access code", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the zh-CN text is blank");
  }

  private static void assertRefused(ParameterSpec.Builder builder, String message) {
    assertThatThrownBy(() -> described(builder).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static ParameterSpec.Builder described(ParameterSpec.Builder builder) {
    return builder.label("Label", "标签").description("What it does.", "用途。");
  }
}
