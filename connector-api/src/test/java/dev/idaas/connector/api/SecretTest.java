package dev.idaas.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void printsAMaskWhateverTheValue() {
    assertThat(Secret.of("s3cret-value")).hasToString("******");
    assertThat(Secret.of("")).hasToString("******");
    assertThat("token " + Secret.of("s3cret-value")).isEqualTo("token ******");
  }

  @Test
  void givesItsValueOutOnlyThroughReveal() {
    Secret secret = Secret.of("s3cret-value");

    assertThat(secret.reveal()).isEqualTo("s3cret-value");
    assertThat(secret.isEmpty()).isFalse();
    assertThat(Secret.of("").isEmpty()).isTrue();
  }

  @Test
  void equalsAnotherSecretWithTheSameValueOnly() {
    assertThat(Secret.of("s3cret-value"))
        .isEqualTo(Secret.of("s3cret-value"))
        .isNotEqualTo(Secret.of("s3cret-valuE"))
        .isNotEqualTo(Secret.of("s3cret-value-longer"))
        .isNotEqualTo("s3cret-value");
  }

  @Test
  void hashesEveryValueAlikeSoTheHashTellsNothing() {
    assertThat(Secret.of("a").hashCode())
        .isEqualTo(Secret.of("a completely different value").hashCode())
        .isEqualTo(Secret.of("").hashCode());
  }

  @Test
  void cannotBeSerialized() {
    assertThat(Serializable.class.isAssignableFrom(Secret.class)).isFalse();
  }

  @Test
  void refusesANullValue() {
    assertThatThrownBy(() -> Secret.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("secret value");
  }
}
