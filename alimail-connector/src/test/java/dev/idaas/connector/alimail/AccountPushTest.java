package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.AliMailStub.ACCOUNTS_INFO;
import static dev.idaas.connector.alimail.AliMailStub.ACCOUNTS_STATUS;
import static dev.idaas.connector.alimail.AliMailStub.CREATE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.DOMAIN_INFO;
import static dev.idaas.connector.alimail.AliMailStub.LOGIN;
import static dev.idaas.connector.alimail.AliMailStub.MOVE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.REMOVE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.UPDATE_ACCOUNT;
import static dev.idaas.connector.alimail.AliMailStub.expected;
import static dev.idaas.connector.alimail.AliMailStub.ok;
import static dev.idaas.connector.alimail.AliMailStub.status;
import static dev.idaas.connector.alimail.Fixtures.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountPushTest extends WireTest {

  private static final String FIELDS =
      "'fields':['email','name','nickName','departmentId','employeeNo','mobilePhone','jobTitle','status']";

  @BeforeEach
  void unitsArePushed() {
    links.link(ObjectType.ORG_UNIT, "D10", "d-10");
    links.link(ObjectType.ORG_UNIT, "D20", "d-20");
  }

  private SyncResult push(AliMailConnector connector, Account... accounts) {
    return connector.authorizeAccounts(SyncRequest.full(List.of(accounts), List.of()));
  }

  private SyncResult revoke(AliMailConnector connector, Removal... removals) {
    return connector.authorizeAccounts(SyncRequest.incremental(List.of(), List.of(removals)));
  }

  private static String created(String... emails) {
    return "{\"success\":["
        + List.of(emails).stream()
            .map(e -> "{\"email\":\"" + e + "\"}")
            .collect(Collectors.joining(","))
        + "],\"fail\":[]}";
  }

  /** A getAccountsInfo answer; each mailbox as {@code email|name|departmentId|status}. */
  private static String info(String... mailboxes) {
    List<String> items = new ArrayList<>();
    for (String mailbox : mailboxes) {
      String[] p = mailbox.split("\\|", -1);
      items.add(
          "{\"email\":\""
              + p[0]
              + "\",\"name\":\""
              + p[1]
              + "\",\"nickName\":\"\",\"departmentId\":\""
              + p[2]
              + "\",\"employeeNo\":\"\",\"mobilePhone\":\"\",\"jobTitle\":\"\",\"status\":\""
              + p[3]
              + "\"}");
    }
    return "{\"dataList\":[" + String.join(",", items) + "],\"fail\":[]}";
  }

  private static Removal removal(String hostId, String key) {
    return new Removal(hostId, key, Removal.Reason.DELETED_IN_DIRECTORY);
  }

  @Test
  void createsNewMailboxesInOneBatchWithoutReadingFirst() {
    alimail.signIn().answer(CREATE_ACCOUNTS, created("li.na@acme.example", "wang.wu@acme.example"));

    SyncResult result =
        push(
            connector(),
            account(
                "U1",
                "Li.Na@Corp.Example",
                "Li Na",
                "+86 138 0000 0001",
                "E001",
                "Engineer",
                List.of("D10")),
            account("U2", "wang.wu@corp.example", "Wang Wu", "D20"));

    assertThat(alimail.paths()).containsExactly(LOGIN, CREATE_ACCOUNTS);
    assertThat(withPasswordsMasked(CREATE_ACCOUNTS))
        .containsExactly(
            expected(
                CREATE_ACCOUNTS,
                "{'accounts':[{'email':'li.na@acme.example','name':'Li"
                    + " Na','passwd':'*','departmentId':'d-10','employeeNo':'E001','mobilePhone':'+86"
                    + " 138 0000"
                    + " 0001','jobTitle':'Engineer'},{'email':'wang.wu@acme.example','name':'Wang"
                    + " Wu','passwd':'*','departmentId':'d-20'}]}"));
    assertThat(sentPasswords())
        .hasSize(2)
        .allSatisfy(
            password ->
                assertThat(password)
                    .hasSize(16)
                    .containsPattern("[A-Z]")
                    .containsPattern("[a-z]")
                    .containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]"))
        .doesNotHaveDuplicates();
    assertThat(events.of("U1"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ACCOUNT,
                "U1",
                "li.na@acme.example",
                Operation.UPSERT,
                Outcome.CREATED,
                "li.na@acme.example",
                null));
    assertThat(links.sorted(ObjectType.ACCOUNT))
        .isEqualTo(Map.of("U1", "li.na@acme.example", "U2", "wang.wu@acme.example"));
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void keepsReadsFewOnAFirstPush() {
    List<Account> accounts =
        IntStream.range(0, 120)
            .mapToObj(i -> account("U" + i, "user" + i + "@corp.example", "User " + i, "D10"))
            .toList();
    alimail
        .signIn()
        .answer(
            CREATE_ACCOUNTS,
            created(
                IntStream.range(0, 120)
                    .mapToObj(i -> "user" + i + "@acme.example")
                    .toArray(String[]::new)));

    SyncResult result = push(connector(), accounts.toArray(Account[]::new));

    assertThat(alimail.calls(CREATE_ACCOUNTS))
        .extracting(sent -> sent.body().path("param").path("accounts").size())
        .containsExactlyInAnyOrder(50, 50, 20);
    assertThat(alimail.calls(ACCOUNTS_INFO)).isEmpty();
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.CREATED, 120));
  }

  @Test
  void reportsEachRefusedMailboxOfABatchThatOtherwiseSucceeded() {
    List<Account> accounts =
        IntStream.range(40, 50)
            .mapToObj(i -> account("U" + i, "u" + i + "@acme.example", "User " + i, "D10"))
            .toList();
    alimail
        .signIn()
        .answer(
            CREATE_ACCOUNTS,
            "{\"success\":["
                + IntStream.range(40, 50)
                    .filter(i -> i != 43 && i != 47)
                    .mapToObj(i -> "{\"email\":\"u" + i + "@acme.example\"}")
                    .collect(Collectors.joining(","))
                + "],\"fail\":["
                + "{\"email\":\"u43@acme.example\",\"errorCode\":\"1610\",\"errorMsg\":\"ACCOUNT_QUOTA_FULL\"},"
                + "{\"email\":\"U47@acme.example\",\"errorCode\":\"1603\",\"errorMsg\":\"INVALID_FIELD\"}]}");

    SyncResult result = push(connector(), accounts.toArray(Account[]::new));

    assertThat(events.of("U43"))
        .isEqualTo(
            ObjectResult.failed(
                ObjectType.ACCOUNT,
                "U43",
                "u43@acme.example",
                Operation.UPSERT,
                ErrorKind.QUOTA,
                "Alibaba Mail refused createAccounts for u43@acme.example (code 1610:"
                    + " ACCOUNT_QUOTA_FULL). The mail plan has no free seat: add seats or free"
                    + " some, then push again."));
    assertThat(events.of("U47").errorKind()).isEqualTo(ErrorKind.INVALID_DATA);
    assertThat(events.of("U47").message()).contains("(code 1603: INVALID_FIELD)");
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.CREATED, 8, Outcome.FAILED, 2));
    assertThat(links.all(ObjectType.ACCOUNT)).hasSize(8).doesNotContainKeys("U43", "U47");
  }

  @Test
  void adoptsAMailboxThatAlreadyExistsAndSetsOnlyTheFieldsThatDiffer() {
    alimail
        .signIn()
        .answer(
            CREATE_ACCOUNTS,
            "{\"success\":[],\"fail\":[{\"email\":\"li.na@acme.example\",\"errorCode\":\"1601\","
                + "\"errorMsg\":\"ACCOUNT_EXISTS\"}]}")
        .answer(ACCOUNTS_INFO, info("li.na@acme.example|Na Li|d-10|0"))
        .answer(UPDATE_ACCOUNT, "{}");

    SyncResult result = push(connector(), account("U1", "Li.Na@Acme.Example", "Li Na", "D10"));

    assertThat(alimail.paths())
        .containsExactly(LOGIN, CREATE_ACCOUNTS, ACCOUNTS_INFO, UPDATE_ACCOUNT);
    assertThat(alimail.calls(ACCOUNTS_INFO))
        .containsExactly(
            expected(ACCOUNTS_INFO, "{'emails':['li.na@acme.example']," + FIELDS + "}"));
    assertThat(alimail.calls(UPDATE_ACCOUNT))
        .containsExactly(expected(UPDATE_ACCOUNT, "li.na@acme.example", "{'name':'Li Na'}"));
    assertThat(events.of("U1"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ACCOUNT,
                "U1",
                "li.na@acme.example",
                Operation.UPSERT,
                Outcome.LINKED,
                "li.na@acme.example",
                "Adopted the existing mailbox with the same address. Changes: updated name."));
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void givesAContestedAddressToTheFirstAccountOnEveryRun() {
    alimail
        .signIn()
        .answer(CREATE_ACCOUNTS, created("wang.wu@acme.example"))
        .answer(ACCOUNTS_INFO, info("wang.wu@acme.example|Wang Wu|d-10|0"));
    AliMailConnector connector = connector();
    Account first = account("U61", "wang.wu@acme.example", "Wang Wu", "D10");
    Account second = account("U62", "Wang.Wu@acme.example", "Wang Wu", "D10");

    SyncResult run1 = push(connector, first, second);
    ObjectResult contested = events.of("U62");
    events.clear();
    SyncResult run2 = push(connector, second, first);

    assertThat(contested)
        .isEqualTo(
            ObjectResult.failed(
                ObjectType.ACCOUNT,
                "U62",
                "wang.wu@acme.example",
                Operation.UPSERT,
                ErrorKind.CONFLICT,
                "The mailbox wang.wu@acme.example belongs to directory account U61, which maps to"
                    + " the same address; give one of them another e-mail address."));
    assertThat(events.of("U62")).isEqualTo(contested);
    assertThat(events.of("U61").outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(run1.counts()).isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.FAILED, 1));
    assertThat(run2.writes()).isZero();
    assertThat(alimail.calls(CREATE_ACCOUNTS)).hasSize(1);
  }

  @Test
  void updatesOnlyTheChangedFieldsAtTheUsersOwnAddress() {
    links.link(ObjectType.ACCOUNT, "U1", "li.na@acme.example");
    alimail
        .signIn()
        .answer(
            ACCOUNTS_INFO,
            "{\"dataList\":[{\"email\":\"li.na@acme.example\",\"name\":\"Li"
                + " Na\",\"departmentId\":\"d-10\","
                + "\"employeeNo\":\"E001\",\"mobilePhone\":\"\",\"jobTitle\":\"Engineer\",\"status\":\"0\"}]}")
        .answer(UPDATE_ACCOUNT, "{}");

    SyncResult result =
        push(
            connector(),
            account(
                "U1",
                "li.na@acme.example",
                "Li Na",
                "13800000000",
                "E001",
                "Senior Engineer",
                List.of("D10")));

    assertThat(alimail.calls(UPDATE_ACCOUNT))
        .containsExactly(
            expected(
                UPDATE_ACCOUNT,
                "li.na@acme.example",
                "{'mobilePhone':'13800000000','jobTitle':'Senior Engineer'}"));
    assertThat(events.of("U1").outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(events.of("U1").message()).isEqualTo("Changes: updated mobilePhone, jobTitle.");
    assertThat(result.writes()).isEqualTo(1);
  }

  @Test
  void movesMailboxesWithOneCallPerDepartment() {
    links.link(ObjectType.ACCOUNT, "U1", "u1@acme.example");
    links.link(ObjectType.ACCOUNT, "U2", "u2@acme.example");
    links.link(ObjectType.ACCOUNT, "U3", "u3@acme.example");
    alimail
        .signIn()
        .answer(
            ACCOUNTS_INFO,
            info(
                "u1@acme.example|U1|d-10|0",
                "u2@acme.example|U2|d-10|0",
                "u3@acme.example|U3|d-20|0"))
        .answer(MOVE_ACCOUNTS, "{\"success\":[],\"fail\":[]}");

    SyncResult result =
        push(
            connector(),
            account("U1", "u1@acme.example", "U1", "D20"),
            account("U2", "u2@acme.example", "U2", "D20"),
            account("U3", "u3@acme.example", "U3", "D10"));

    assertThat(alimail.calls(ACCOUNTS_INFO))
        .containsExactly(
            expected(
                ACCOUNTS_INFO,
                "{'emails':['u1@acme.example','u2@acme.example','u3@acme.example'],"
                    + FIELDS
                    + "}"));
    assertThat(alimail.calls(MOVE_ACCOUNTS))
        .containsExactlyInAnyOrder(
            expected(
                MOVE_ACCOUNTS,
                "{'toDepartmentId':'d-20','emails':['u1@acme.example','u2@acme.example']}"),
            expected(MOVE_ACCOUNTS, "{'toDepartmentId':'d-10','emails':['u3@acme.example']}"));
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.MOVED, 3));
    assertThat(events.of("U3").message()).isEqualTo("Changes: moved to department d-10.");
  }

  @Test
  void freezesADisabledAccountAndUnfreezesItWhenItIsActiveAgain() {
    links.link(ObjectType.ACCOUNT, "U27", "u27@acme.example");
    alimail
        .signIn()
        .inTurn(
            ACCOUNTS_INFO,
            ok(info("u27@acme.example|U27|d-10|0")),
            ok(info("u27@acme.example|U27|d-10|1")))
        .answer(ACCOUNTS_STATUS, "{\"success\":[{\"email\":\"u27@acme.example\"}],\"fail\":[]}");
    AliMailConnector connector = connector();
    Account active = account("U27", "u27@acme.example", "U27", "D10");

    push(connector, active.withStatus(AccountStatus.DISABLED));
    ObjectResult disabled = events.of("U27");
    events.clear();
    push(connector, active);

    assertThat(alimail.calls(ACCOUNTS_STATUS))
        .containsExactly(
            expected(ACCOUNTS_STATUS, "{'accounts':[{'email':'u27@acme.example','status':'1'}]}"),
            expected(ACCOUNTS_STATUS, "{'accounts':[{'email':'u27@acme.example','status':'0'}]}"));
    assertThat(disabled.outcome()).isEqualTo(Outcome.DISABLED);
    assertThat(disabled.operation()).isEqualTo(Operation.DISABLE);
    assertThat(events.of("U27").outcome()).isEqualTo(Outcome.ENABLED);
    assertThat(events.of("U27").operation()).isEqualTo(Operation.ENABLE);
    assertThat(links.targetId(ObjectType.ACCOUNT, "U27")).contains("u27@acme.example");
  }

  @Test
  void neverMakesAMailboxForADisabledAccountThatWasNeverPushed() {
    SyncResult result =
        push(
            connector(),
            account("U26", "u26@acme.example", "U26", "D10").withStatus(AccountStatus.DISABLED));

    assertThat(events.of("U26"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ACCOUNT,
                "U26",
                "u26@acme.example",
                Operation.DISABLE,
                Outcome.SKIPPED,
                null,
                "Disabled in the directory and never pushed, so no mailbox is made."));
    assertThat(alimail.calls()).isEmpty();
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void revokesByFreezingAndNeverTouchesPostmasterOrUnlinkedMailboxes() {
    links.link(ObjectType.ACCOUNT, "U29", "u29@acme.example");
    links.link(ObjectType.ACCOUNT, "ADMIN", "postmaster@acme.example");
    alimail
        .signIn()
        .answer(ACCOUNTS_INFO, info("u29@acme.example|U29|d-10|0"))
        .answer(ACCOUNTS_STATUS, "{\"success\":[{\"email\":\"u29@acme.example\"}],\"fail\":[]}");

    SyncResult result =
        revoke(
            connector(),
            removal("U29", "u29@acme.example"),
            removal("ADMIN", "postmaster@acme.example"),
            removal("U30", "u30@acme.example"));

    assertThat(alimail.calls())
        .containsExactly(
            AliMailStub.expectedSignIn(),
            expected(ACCOUNTS_INFO, "{'emails':['u29@acme.example']," + FIELDS + "}"),
            expected(ACCOUNTS_STATUS, "{'accounts':[{'email':'u29@acme.example','status':'1'}]}"));
    assertThat(events.outcomes())
        .isEqualTo(
            Map.of("U29", Outcome.DISABLED, "ADMIN", Outcome.SKIPPED, "U30", Outcome.UNCHANGED));
    assertThat(events.of("U29").operation()).isEqualTo(Operation.REVOKE);
    assertThat(links.targetId(ObjectType.ACCOUNT, "U29")).contains("u29@acme.example");
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void deletesARevokedMailboxOnlyWhenTheOperatorChoseSo() {
    links.link(ObjectType.ACCOUNT, "U29", "u29@acme.example");
    alimail
        .signIn()
        .answer(ACCOUNTS_INFO, info("u29@acme.example|U29|d-10|1"))
        .answer(REMOVE_ACCOUNTS, "{\"success\":[{\"email\":\"u29@acme.example\"}],\"fail\":[]}");

    SyncResult result =
        revoke(connector("revocation", "delete"), removal("U29", "u29@acme.example"));

    assertThat(alimail.calls(REMOVE_ACCOUNTS))
        .containsExactly(expected(REMOVE_ACCOUNTS, "{'emails':['u29@acme.example']}"));
    assertThat(events.of("U29").outcome()).isEqualTo(Outcome.DELETED);
    assertThat(links.targetId(ObjectType.ACCOUNT, "U29")).isEmpty();
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.DELETED, 1));
  }

  @Test
  void blocksAnAccountWhoseUnitHasNoDepartmentAndPutsOneWithoutUnitsInTheRoot() {
    alimail
        .signIn()
        .answer(DOMAIN_INFO, "{\"rootDepartmentId\":\"dom-root\"}")
        .answer(CREATE_ACCOUNTS, created("nobody@acme.example"));

    SyncResult result =
        push(
            connector("rootDeptId", null),
            account("U1", "ghost@acme.example", "Ghost", "D99"),
            account("U2", "nobody@acme.example", "Nobody"));

    assertThat(events.of("U1"))
        .isEqualTo(
            ObjectResult.blocked(
                ObjectType.ACCOUNT,
                "U1",
                "ghost@acme.example",
                Operation.UPSERT,
                "Not pushed: its org unit D99 has no Alibaba Mail department (the unit was not"
                    + " pushed, or its push failed or was blocked)."));
    assertThat(withPasswordsMasked(CREATE_ACCOUNTS))
        .containsExactly(
            expected(
                CREATE_ACCOUNTS,
                "{'accounts':[{'email':'nobody@acme.example','name':'Nobody','passwd':'*','departmentId':'dom-root'}]}"));
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void keepsThePrimaryUnitAndSaysWhichMembershipsWereNotKept() {
    alimail.signIn().answer(CREATE_ACCOUNTS, created("u24@acme.example"));

    push(connector(), account("U24", "u24@acme.example", "U24", "D20", "D10", "D30"));

    assertThat(
            alimail
                .calls(CREATE_ACCOUNTS)
                .get(0)
                .body()
                .path("param")
                .path("accounts")
                .get(0)
                .path("departmentId")
                .asText())
        .isEqualTo("d-20");
    assertThat(events.of("U24").message())
        .isEqualTo(
            "Alibaba Mail keeps one department per mailbox: kept the primary org unit D20; not"
                + " kept: D10, D30.");
  }

  @Test
  void makesNoWriteOnASecondFullPushWithNothingChanged() {
    alimail
        .signIn()
        .answer(CREATE_ACCOUNTS, created("u1@acme.example", "u2@acme.example"))
        .answer(
            ACCOUNTS_INFO,
            info("u1@acme.example|User One|d-10|0", "u2@acme.example|User Two|d-20|0"));
    AliMailConnector connector = connector();
    Account[] accounts = {
      account("U1", "u1@acme.example", "User One", "D10"),
      account("U2", "u2@acme.example", "User Two", "D20")
    };

    push(connector, accounts);
    events.clear();
    SyncResult second = push(connector, accounts);

    assertThat(second.writes()).isZero();
    assertThat(second.counts()).isEqualTo(Map.of(Outcome.UNCHANGED, 2));
    assertThat(alimail.paths()).containsExactly(LOGIN, CREATE_ACCOUNTS, ACCOUNTS_INFO);
  }

  /** Guards against a second mailbox when the answer to a create is lost. */
  @Test
  void looksUpABatchWhoseCreateTimedOutInsteadOfCreatingItAgain() {
    alimail
        .signIn()
        .stub(
            AliMailStub.to(CREATE_ACCOUNTS)
                .willReturn(ok(created("late@acme.example")).withFixedDelay(1_500)))
        .answer(ACCOUNTS_INFO, info("late@acme.example|Late|d-10|0"));

    SyncResult result =
        push(connector("readTimeout", "300ms"), account("U5", "late@acme.example", "Late", "D10"));

    assertThat(alimail.calls(CREATE_ACCOUNTS)).hasSize(1);
    assertThat(events.of("U5"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ACCOUNT,
                "U5",
                "late@acme.example",
                Operation.UPSERT,
                Outcome.CREATED,
                "late@acme.example",
                "The answer was lost; the mailbox was found and linked."));
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void createsOnceMoreOnlyWhatALostBatchDidNotMake() {
    alimail
        .signIn()
        .inTurn(
            CREATE_ACCOUNTS,
            WireMock.aResponse().withStatus(502).withBody("Bad Gateway"),
            ok(created("b@acme.example")))
        .answer(ACCOUNTS_INFO, info("a@acme.example|A|d-10|0"));

    SyncResult result =
        push(
            connector(),
            account("UA", "a@acme.example", "A", "D10"),
            account("UB", "b@acme.example", "B", "D10"));

    assertThat(withPasswordsMasked(CREATE_ACCOUNTS).get(1))
        .isEqualTo(
            expected(
                CREATE_ACCOUNTS,
                "{'accounts':[{'email':'b@acme.example','name':'B','passwd':'*','departmentId':'d-10'}]}"));
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.CREATED, 2));
  }

  @Test
  void honoursRetryAfterWhenThrottled() {
    alimail
        .signIn()
        .inTurn(
            CREATE_ACCOUNTS,
            WireMock.aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "2")
                .withBody(
                    "{\"status\":{\"statusCode\":\"429\",\"statusMsg\":\"TOO_MANY_REQUESTS\"},\"data\":{}}"),
            ok(created("u1@acme.example")));

    SyncResult result = push(connector(), account("U1", "u1@acme.example", "U1", "D10"));

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(alimail.calls(CREATE_ACCOUNTS)).hasSize(2);
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.CREATED, 1));
  }

  @Test
  void failsTheRestWhenThrottlingOutlastsTheRetries() {
    alimail
        .signIn()
        .stub(
            AliMailStub.to(CREATE_ACCOUNTS)
                .willReturn(WireMock.aResponse().withStatus(429).withHeader("Retry-After", "1")));

    SyncResult result = push(connector(), account("U1", "u1@acme.example", "U1", "D10"));

    assertThat(alimail.calls(CREATE_ACCOUNTS)).hasSize(Environment.RETRY_POLICY.maxAttempts());
    assertThat(events.of("U1").errorKind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(links.all(ObjectType.ACCOUNT)).isEmpty();
  }

  @Test
  void signsInOnceWhenConcurrentCallsMeetAnExpiredToken() {
    List<Account> accounts = new ArrayList<>();
    List<String> mailboxes = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      links.link(ObjectType.ACCOUNT, "U" + i, "u" + i + "@acme.example");
      accounts.add(account("U" + i, "u" + i + "@acme.example", "New Name " + i, "D10"));
      mailboxes.add("u" + i + "@acme.example|Old Name|d-10|0");
    }
    alimail
        .inTurn(LOGIN, ok("{\"accessToken\":\"T1\"}"), ok("{\"accessToken\":\"T2\"}"))
        .answer(ACCOUNTS_INFO, info(mailboxes.toArray(String[]::new)))
        .answer(UPDATE_ACCOUNT, "{}")
        .when(UPDATE_ACCOUNT, "$.access.accessToken", "T1", status("408", "TOKEN_EXPIRED"));

    SyncResult result = push(connector(), accounts.toArray(Account[]::new));

    assertThat(alimail.calls(LOGIN)).hasSize(2);
    assertThat(alimail.calls(UPDATE_ACCOUNT))
        .filteredOn(sent -> sent.body().path("access").path("accessToken").asText().equals("T2"))
        .extracting(sent -> sent.body().path("access").path("accessTarget").asText())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 6).mapToObj(i -> "u" + i + "@acme.example").toList());
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.UPDATED, 6));
  }

  @Test
  void stopsTheRunWithOneErrorWhenTheSignInIsRefused() {
    alimail.refuse(LOGIN, "1101", "ACCESS_DENIED");
    List<Account> accounts =
        IntStream.range(0, 30)
            .mapToObj(i -> account("U" + i, "u" + i + "@acme.example", "U", "D10"))
            .toList();

    assertThatThrownBy(() -> push(connector(), accounts.toArray(Account[]::new)))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
              assertThat(e.getMessage())
                  .startsWith("Alibaba Mail refused wsLogin (code 1101: ACCESS_DENIED).");
            });
    assertThat(events.all()).isEmpty();
    assertThat(alimail.paths()).containsExactly(LOGIN);
  }

  @Test
  void stopsTheRunWhenCredentialsAreRevokedMidRun() {
    for (int i = 1; i <= 3; i++) {
      links.link(ObjectType.ACCOUNT, "U" + i, "u" + i + "@acme.example");
    }
    alimail
        .inTurn(
            LOGIN,
            ok("{\"accessToken\":\"" + AliMailStub.TOKEN + "\"}"),
            status("1101", "ACCESS_DENIED"))
        .refuse(ACCOUNTS_INFO, "408", "TOKEN_EXPIRED");

    assertThatThrownBy(
            () ->
                push(
                    connector(),
                    account("U1", "u1@acme.example", "U1", "D10"),
                    account("U2", "u2@acme.example", "U2", "D10"),
                    account("U3", "u3@acme.example", "U3", "D10")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    assertThat(events.all()).isEmpty();
    assertThat(alimail.calls(LOGIN)).hasSize(2);
  }

  @Test
  void treatsAnOptionalFieldMissingFromTheAnswerAsUnknown() {
    links.link(ObjectType.ACCOUNT, "U45", "u45@acme.example");
    alimail
        .signIn()
        .answer(
            ACCOUNTS_INFO,
            "{\"dataList\":[{\"email\":\"u45@acme.example\",\"name\":\"U45\",\"departmentId\":\"d-10\",\"status\":\"0\"}]}");

    SyncResult result =
        push(
            connector(),
            account("U45", "u45@acme.example", "U45", "138", "E45", "Clerk", List.of("D10")));

    assertThat(result.counts()).isEqualTo(Map.of(Outcome.UNCHANGED, 1));
    assertThat(alimail.calls(UPDATE_ACCOUNT)).isEmpty();
  }

  @Test
  void remakesALinkedMailboxThatWasDeletedByHand() {
    links.link(ObjectType.ACCOUNT, "U1", "u1@acme.example");
    alimail
        .signIn()
        .answer(
            ACCOUNTS_INFO,
            "{\"dataList\":[],\"fail\":[{\"email\":\"u1@acme.example\",\"errorCode\":\"1602\"}]}")
        .answer(CREATE_ACCOUNTS, created("u1@acme.example"));

    push(connector(), account("U1", "u1@acme.example", "U1", "D10"));

    assertThat(events.of("U1").outcome()).isEqualTo(Outcome.CREATED);
    assertThat(events.of("U1").message())
        .isEqualTo("The linked mailbox u1@acme.example no longer existed.");
    assertThat(links.targetId(ObjectType.ACCOUNT, "U1")).contains("u1@acme.example");
  }

  @Test
  void buildsMailboxAddressesFromUsernamesWhenAskedTo() {
    alimail.signIn().answer(CREATE_ACCOUNTS, created("sking@acme.example"));
    Account king =
        new Account(
            "E100",
            "SKing",
            null,
            "Steven King",
            null,
            null,
            null,
            List.of("D10"),
            AccountStatus.ACTIVE,
            Map.of());

    push(connector("mailboxLocalPart", "username"), king);

    assertThat(links.targetId(ObjectType.ACCOUNT, "E100")).contains("sking@acme.example");
  }

  @Test
  void reportsAnAccountWithoutAnEmailAsInvalidData() {
    Account noEmail =
        new Account(
            "E1",
            "nomail",
            null,
            "No Mail",
            null,
            null,
            null,
            List.of("D10"),
            AccountStatus.ACTIVE,
            Map.of());

    SyncResult result = push(connector(), noEmail);

    assertThat(events.of("E1").errorKind()).isEqualTo(ErrorKind.INVALID_DATA);
    assertThat(events.of("E1").message())
        .isEqualTo(
            "The account has no e-mail address to make a mailbox address from: give it one in"
                + " the directory, or set mailboxLocalPart to username.");
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(new HashSet<>(alimail.paths())).isEmpty();
  }

  @Test
  void stopsTheRunWhenTheEndpointHasNoSuchOperation() {
    alimail.signIn();
    links.link(ObjectType.ACCOUNT, "U1", "u1@acme.example");

    assertThatThrownBy(() -> push(connector(), account("U1", "u1@acme.example", "U1", "D10")))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Alibaba Mail has no /ud/getAccountsInfo at "
                          + alimail.endpoint()
                          + " (HTTP 404): check that endpoint is the WebService address, ending in"
                          + " /alimailws.");
            });
    assertThat(events.all()).isEmpty();
  }

  @Test
  void adoptsWhatExistsWhenTheWholeBatchIsRefusedBecauseAnAddressIsTaken() {
    alimail
        .signIn()
        .inTurn(CREATE_ACCOUNTS, status("1601", "ACCOUNT_EXISTS"), ok(created("b@acme.example")))
        .answer(ACCOUNTS_INFO, info("a@acme.example|A|d-10|0"));

    SyncResult result =
        push(
            connector(),
            account("UA", "a@acme.example", "A", "D10"),
            account("UB", "b@acme.example", "B", "D10"));

    assertThat(events.outcomes()).isEqualTo(Map.of("UA", Outcome.LINKED, "UB", Outcome.CREATED));
    assertThat(alimail.calls(CREATE_ACCOUNTS)).hasSize(2);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void stopsWhenTheHostCancelsBeforeAnythingIsWritten() {
    AliMailConnector connector =
        AliMailProvider.open(
            Fixtures.config(alimail.endpoint()),
            dev.idaas.connector.api.ConnectorContext.of(
                events, links, java.time.Clock.systemUTC(), () -> true),
            Fixtures.instantWaits(sleeper, ticker));

    try (connector) {
      assertThatThrownBy(() -> push(connector, account("U1", "u1@acme.example", "U1", "D10")))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
    }
    assertThat(alimail.calls()).isEmpty();
  }

  @Test
  void freezesADisabledAccountEvenWhenItsUnitHasNoDepartment() {
    links.link(ObjectType.ACCOUNT, "U8", "u8@acme.example");
    alimail
        .signIn()
        .answer(ACCOUNTS_INFO, info("u8@acme.example|U8|d-31|0"))
        .answer(ACCOUNTS_STATUS, "{\"success\":[{\"email\":\"u8@acme.example\"}],\"fail\":[]}");

    SyncResult result =
        push(
            connector(),
            account("U8", "u8@acme.example", "U8", "D31").withStatus(AccountStatus.DISABLED));

    assertThat(alimail.paths()).containsExactly(LOGIN, ACCOUNTS_INFO, ACCOUNTS_STATUS);
    assertThat(events.of("U8").outcome()).isEqualTo(Outcome.DISABLED);
    assertThat(events.of("U8").message())
        .isEqualTo(
            "Its org unit has no Alibaba Mail department, so the mailbox stays where it is."
                + " Changes: frozen.");
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }
}
