package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxMapperTest {

  private static MailboxMapper mapper(String... overrides) {
    return new MailboxMapper(
        AliMailSettings.from(Fixtures.config("https://mail.example/alimailws", overrides)));
  }

  private static Account account(String username, String email, String displayName) {
    return new Account(
        "E1",
        username,
        email,
        displayName,
        " 1.515.555.0100 ",
        "100",
        "President",
        List.of(),
        AccountStatus.ACTIVE,
        Map.of("preferredName", "Steve"));
  }

  @Test
  void makesTheAddressFromTheEmailLocalPartInTheMailDomainInLowerCase() {
    assertThat(mapper().address(account("sking", "SKING@Example.COM", "Steven King")))
        .isEqualTo("sking@acme.example");
  }

  @Test
  void makesTheAddressFromTheUsernameWhenAskedEvenIfItLooksLikeAnAddress() {
    MailboxMapper byUsername = mapper("mailboxLocalPart", "username");

    assertThat(byUsername.address(account("Wang.Wu", null, "Wang Wu")))
        .isEqualTo("wang.wu@acme.example");
    assertThat(byUsername.address(account("li.na@corp.example", null, "Li Na")))
        .isEqualTo("li.na@acme.example");
  }

  @Test
  void refusesAnAccountThatGivesNoLocalPart() {
    assertThatThrownBy(() -> mapper().address(account("sking", "  ", "Steven King")))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_DATA));
    assertThatThrownBy(() -> mapper().address(account("sking", "@example.com", "Steven King")))
        .isInstanceOf(ConnectorException.class);
  }

  @Test
  void fillsTheProfileAsTheMappingSaysLeavingEmptyFieldsOut() {
    Account king =
        new Account(
            "E1",
            "sking",
            "s@x.example",
            "Steven King",
            " 1.515.555.0100 ",
            null,
            "President",
            List.of(),
            AccountStatus.ACTIVE,
            Map.of("preferredName", "Steve"));

    assertThat(mapper("nickNameFrom", "attributes.preferredName").profile(king))
        .containsExactly(
            Map.entry(MailboxField.NAME, "Steven King"),
            Map.entry(MailboxField.NICK_NAME, "Steve"),
            Map.entry(MailboxField.MOBILE_PHONE, "1.515.555.0100"),
            Map.entry(MailboxField.JOB_TITLE, "President"));
  }

  @Test
  void fallsBackToTheUsernameForTheNameAlibabaMailRequires() {
    assertThat(mapper("nameFrom", "jobTitle").profile(account("nobody", "n@x.example", "Nobody")))
        .containsEntry(MailboxField.NAME, "President");
    assertThat(mapper("nameFrom", "none").profile(account("nobody", "n@x.example", "Nobody")))
        .containsEntry(MailboxField.NAME, "nobody");
  }

  @Test
  void findsOnlyFieldsThatDifferFromAKnownValue() {
    Map<MailboxField, String> wanted =
        Map.of(
            MailboxField.NAME, "Li Na",
            MailboxField.JOB_TITLE, "Engineer",
            MailboxField.MOBILE_PHONE, "138",
            MailboxField.EMPLOYEE_NO, "E7");
    Mailbox current =
        new Mailbox(
            "li.na@acme.example",
            "d-1",
            "0",
            Map.of(
                MailboxField.NAME,
                " Li Na ",
                MailboxField.JOB_TITLE,
                "Intern",
                MailboxField.MOBILE_PHONE,
                ""));

    assertThat(MailboxMapper.changes(wanted, current))
        .containsExactly(
            Map.entry(MailboxField.MOBILE_PHONE, "138"),
            Map.entry(MailboxField.JOB_TITLE, "Engineer"));
  }

  @Test
  void recognisesThePostmasterInAnyCase() {
    assertThat(MailboxMapper.isPostmaster("PostMaster@acme.example")).isTrue();
    assertThat(MailboxMapper.isPostmaster("postmaster.li@acme.example")).isFalse();
  }
}
