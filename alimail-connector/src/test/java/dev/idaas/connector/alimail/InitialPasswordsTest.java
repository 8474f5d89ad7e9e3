package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.alimail.AliMailSettings.PasswordSource;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Secret;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InitialPasswordsTest {

  private static Account account(Map<String, String> attributes) {
    return new Account(
        "U1",
        "u1",
        "u1@x.example",
        "U1",
        null,
        null,
        null,
        List.of(),
        AccountStatus.ACTIVE,
        attributes);
  }

  @Test
  void makesStrongPasswordsThatNeverRepeat() {
    InitialPasswords passwords = new InitialPasswords(PasswordSource.RANDOM);
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 2_000; i++) {
      String password = passwords.forAccount(account(Map.of())).reveal();
      assertThat(password)
          .hasSize(16)
          .containsPattern("[A-Z]")
          .containsPattern("[a-z]")
          .containsPattern("[2-9]")
          .containsPattern("[!#%*+\\-=?@_]")
          .doesNotContainPattern("[01lIO\"'\\\\ ]");
      seen.add(password);
    }

    assertThat(seen).hasSize(2_000);
  }

  @Test
  void ignoresTheAttributeUnlessAskedToUseIt() {
    Secret password =
        new InitialPasswords(PasswordSource.RANDOM)
            .forAccount(account(Map.of(InitialPasswords.ATTRIBUTE, "Given-1234")));

    assertThat(password.reveal()).isNotEqualTo("Given-1234");
  }

  @Test
  void takesTheAttributeWhenAskedAndMakesOneWhenItIsEmpty() {
    InitialPasswords fromAttribute = new InitialPasswords(PasswordSource.FROM_ATTRIBUTE);

    assertThat(fromAttribute.forAccount(account(Map.of(InitialPasswords.ATTRIBUTE, "Given-1234"))))
        .isEqualTo(Secret.of("Given-1234"));
    assertThat(fromAttribute.forAccount(account(Map.of(InitialPasswords.ATTRIBUTE, " "))).reveal())
        .hasSize(16);
    assertThat(fromAttribute.forAccount(account(Map.of())).toString()).isEqualTo("******");
  }
}
