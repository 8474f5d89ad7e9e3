package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.AliMailStub.ACCESS_PASSWORD;
import static dev.idaas.connector.alimail.AliMailStub.ACCOUNTS_INFO;
import static dev.idaas.connector.alimail.AliMailStub.CREATE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.CREATE_DEPARTMENT;
import static dev.idaas.connector.alimail.AliMailStub.LOGIN;
import static dev.idaas.connector.alimail.AliMailStub.MOVE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.SyncRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The access password, the token and initial passwords never appear in a log line (at any level),
 * an event, an exception or a {@code toString}, even when Alibaba Mail echoes them back.
 */
class SecretsTest extends WireTest {

  private static final String GIVEN_PASSWORD = "Init-Pass-7788!";

  private static Account withPassword(String id, String email, String unit, String password) {
    return new Account(
        id,
        email.substring(0, email.indexOf('@')),
        email,
        "Person " + id,
        null,
        null,
        null,
        List.of(unit),
        AccountStatus.ACTIVE,
        password == null ? Map.of() : Map.of(InitialPasswords.ATTRIBUTE, password));
  }

  @Test
  void noSecretAppearsAnywhereDuringAFullPushWithEchoingFailures() {
    links.link(ObjectType.ACCOUNT, "U9", "u9@acme.example");
    alimail
        .signIn()
        .answer(AliMailStub.DOMAIN_INFO, "{\"rootDepartmentId\":\"" + AliMailStub.ROOT + "\"}")
        .departments()
        .answer(CREATE_DEPARTMENT, "{\"departmentId\":\"d-1\"}")
        .answer(
            CREATE_ACCOUNTS,
            "{\"success\":[{\"email\":\"u3@acme.example\"}],\"fail\":[{\"email\":\"u1@acme.example\",\"errorCode\":\"1603\",\"errorMsg\":\"weak"
                + " password "
                + GIVEN_PASSWORD
                + " refused\"},"
                + "{\"email\":\"u2@acme.example\",\"errorCode\":\"1603\",\"errorMsg\":\"bad request"
                + " token="
                + TOKEN
                + " passwd: whatever-it-was\"}]}")
        .answer(
            ACCOUNTS_INFO,
            "{\"dataList\":[{\"email\":\"u9@acme.example\",\"departmentId\":\"d-0\"}]}")
        .answer(
            MOVE_ACCOUNTS,
            "{\"fail\":[{\"email\":\"u9@acme.example\",\"errorCode\":\"9\",\"errorMsg\":\"accessPassword"
                + " "
                + ACCESS_PASSWORD
                + " accessToken "
                + TOKEN
                + "\"}]}");
    List<String> texts = new ArrayList<>();

    try (LogCapture logs = new LogCapture()) {
      AliMailConnector connector = connector("initialPassword", "fromAttribute");
      texts.addAll(connector.checkConnection().steps());
      connector.authorizeOrganizations(
          SyncRequest.full(List.of(OrgUnit.of("D1", null, "Sales", 1)), List.of()));
      connector.authorizeAccounts(
          SyncRequest.full(
              List.of(
                  withPassword("U1", "u1@acme.example", "D1", GIVEN_PASSWORD),
                  withPassword("U2", "u2@acme.example", "D1", null),
                  withPassword("U3", "u3@acme.example", "D1", null),
                  withPassword("U9", "u9@acme.example", "D1", null)),
              List.of()));
      texts.addAll(logs.lines());
      assertThat(logs.lines())
          .as("debug lines were captured")
          .anyMatch(line -> line.contains("createAccounts → HTTP 200"));
    }
    events.all().forEach(result -> texts.add(result.toString()));

    List<String> secrets = new ArrayList<>(List.of(ACCESS_PASSWORD, TOKEN, GIVEN_PASSWORD));
    secrets.addAll(sentPasswords());
    assertThat(sentPasswords()).hasSize(3).contains(GIVEN_PASSWORD);
    assertThat(texts).isNotEmpty();
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).as("a text shows a secret").doesNotContain(secret);
      }
    }
    assertThat(events.of("U1").message()).contains("weak password ****** refused");
  }

  @Test
  void aRefusedSignInThatEchoesThePasswordShowsItNowhere() {
    alimail.refuse(LOGIN, "1101", "wrong password " + ACCESS_PASSWORD + " for sim-access-code");

    Throwable refused;
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      refused =
          catchThrowable(
              () ->
                  connector()
                      .authorizeOrganizations(
                          SyncRequest.full(
                              List.of(OrgUnit.of("D1", null, "Sales", 1)), List.of())));
      lines = logs.lines();
    }

    assertThat(refused).hasMessageContaining("wrong password ****** for sim-access-code");
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      assertThat(String.valueOf(cause.getMessage())).doesNotContain(ACCESS_PASSWORD);
    }
    assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(ACCESS_PASSWORD));
  }

  @Test
  void configurationAndSettingsShowThePasswordOnlyAsSet() {
    AliMailSettings settings = AliMailSettings.from(Fixtures.config(alimail.endpoint()));

    assertThat(Fixtures.config(alimail.endpoint()).toString())
        .contains("accessPassword=(set)")
        .doesNotContain(ACCESS_PASSWORD);
    assertThat(settings.toString()).doesNotContain(ACCESS_PASSWORD);
  }
}
