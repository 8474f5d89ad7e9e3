package dev.idaas.connector.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  private final Redactor redactor = new Redactor();

  @Test
  void masksEveryKnownSecretValueWhereverItAppears() {
    Redactor known = Redactor.of(Secret.of("pw-1"), Secret.of("tok-9"));

    assertThat(known.scrub("login with pw-1 gave tok-9; tok-9 expired"))
        .isEqualTo("login with ****** gave ******; ****** expired");
  }

  @ParameterizedTest
  @CsvSource({
    "initialPassword, true",
    "PASSWD, true",
    "api_token, true",
    "clientSecret, true",
    "ldapPwd, true",
    "Credentials, true",
    "hireDate, false",
    "managerId, false",
    "passport, false"
  })
  void tellsWhichNamesHoldSecrets(String name, boolean sensitive) {
    assertThat(Redactor.isSensitiveName(name)).isEqualTo(sensitive);
  }

  @Test
  void aMissingNameIsNotSensitive() {
    assertThat(Redactor.isSensitiveName(null)).isFalse();
  }

  @Test
  void masksTheLongerOfTwoSecretsWhenOneContainsTheOther() {
    Redactor known = Redactor.of(Secret.of("abc"), Secret.of("abcdef"));

    assertThat(known.scrub("got abcdef then abc")).isEqualTo("got ****** then ******");
  }

  @Test
  void masksSecretsLearnedLaterAndTakesTheirValuesLiterally() {
    redactor.add(Secret.of("a.b*c"));

    assertThat(redactor.scrub("a.b*c but not aXbbc")).isEqualTo("****** but not aXbbc");
  }

  @Test
  void ignoresAnEmptySecretInsteadOfMaskingBetweenEveryCharacter() {
    Redactor known = Redactor.of(Secret.of(""));

    assertThat(known.scrub("plain")).isEqualTo("plain");
  }

  @Test
  void masksSecretFieldsOfAWireRequest() {
    String body =
        "{\"access\":{\"accessToken\":\"sim-access-codeAb3De1700000000000\","
            + "\"accessTarget\":\"acme.example\"},"
            + "\"param\":{\"accessCode\":\"sim-access-code\","
            + "\"accessPassword\":\"sim-access-password\"}}";

    assertThat(redactor.scrub(body))
        .isEqualTo(
            "{\"access\":{\"accessToken\":\"******\",\"accessTarget\":\"acme.example\"},"
                + "\"param\":{\"accessCode\":\"sim-access-code\",\"accessPassword\":\"******\"}}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{\"passwd\":\"x\"}|{\"passwd\":\"******\"}",
        "{\"accessPassword\":\"x\"}|{\"accessPassword\":\"******\"}",
        "{\"accessToken\":\"x\"}|{\"accessToken\":\"******\"}",
        "{\"password\" : \"a \\\"quoted\\\" one\", \"email\":\"a@b.c\"}"
            + "|{\"password\" : \"******\", \"email\":\"a@b.c\"}",
        "{\"clientSecret\":42}|{\"clientSecret\":******}",
        "user=li&password=x&next=1|user=li&password=******&next=1",
        "Authorization: Bearer eyJhbGciOi.xyz|Authorization: ******",
        "Authorization: Basic dXNlcjpwYXNz|Authorization: ******",
        "x-api-token=abc; path=/|x-api-token=******; path=/",
        "PASSWORD: hunter2|PASSWORD: ******",
      })
  void masksTheValueOfAnyFieldWhoseNameSaysItIsSecret(String text, String scrubbed) {
    assertThat(redactor.scrub(text)).isEqualTo(scrubbed);
  }

  @Test
  void leavesFieldsThatAreNotSecretAlone() {
    String text = "{\"email\":\"li.na@acme.example\",\"name\":\"李娜\",\"statusCode\":\"1610\"}";

    assertThat(redactor.scrub(text)).isEqualTo(text);
  }

  @Test
  void replacesControlCharactersAndBidiOverridesWithSpaces() {
    String text = "line1\nline2\ttab\u0000nul\u001b[31mred\u009bcsi\u202Eevil\u2066iso";

    assertThat(redactor.scrub(text)).isEqualTo("line1 line2 tab nul [31mred csi evil iso");
  }

  @Test
  void cutsLongTextAndSaysHowLongItWas() {
    String text = "a".repeat(600);

    assertThat(redactor.scrub(text)).isEqualTo("a".repeat(500) + "… (600 characters)");
    assertThat(redactor.scrub("b".repeat(500))).isEqualTo("b".repeat(500));
  }

  @Test
  void neverCutsACharacterInHalf() {
    String text = "a".repeat(499) + "\uD83D\uDE00" + "b".repeat(100);

    assertThat(redactor.scrub(text)).isEqualTo("a".repeat(499) + "… (601 characters)");
  }

  @Test
  void masksBeforeCuttingSoNoPartOfASecretSurvives() {
    Redactor known = Redactor.of(Secret.of("s3cret-value"));
    // 502 characters: cutting first would leave "s3cret-val" in the text.
    String text = "x".repeat(490) + "s3cret-value";

    assertThat(known.scrub(text)).isEqualTo("x".repeat(490) + "******");
  }

  @Test
  void givesNullForNull() {
    assertThat(redactor.scrub(null)).isNull();
    assertThat(Redactor.maskEmail(null)).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "li.na@example.com, l***@example.com",
    "SKING@Example.COM, S***@example.com",
    "a@acme.example, a***@acme.example",
    "@acme.example, ***",
    "no-at-sign, ***",
  })
  void masksTheLocalPartOfAnEmailAddressButItsFirstCharacter(String email, String masked) {
    assertThat(Redactor.maskEmail(email)).isEqualTo(masked);
  }
}
