package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The service's rules, shown over HTTP with exact codes and the exact state they leave. */
class AliMailSimulatorRulesTest {

  private final ManualClock clock = new ManualClock();

  @RegisterExtension
  final AliMailSimulatorExtension alimail =
      AliMailSimulatorExtension.configure(
          builder ->
              builder
                  .seed(7)
                  .clock(clock)
                  .tokenLifetime(Duration.ofSeconds(60))
                  .maxBatchSize(100)
                  .seatQuota(200));

  private AliMailSimulator simulator;
  private WebServiceClient client;
  private String root;

  @BeforeEach
  void logIn() {
    simulator = alimail.simulator();
    client = new WebServiceClient(simulator);
    client.login();
    root = simulator.rootDepartmentId();
  }

  // ---- login and tokens ----

  @Test
  void loginGivesATokenShapedLikeTheRealOnes() {
    String token = client.login();

    assertThat(token).matches("sim-access-code[A-Za-z0-9]{5}" + clock.millis());
    assertThat(simulator.logins()).isEqualTo(2);
  }

  @Test
  void loginWithAWrongPasswordIsRefusedWith1101() {
    WebServiceClient.Reply reply = client.login("sim-access-code", "not-the-password");

    assertThat(reply.httpStatus()).isEqualTo(200);
    assertThat(reply.code()).isEqualTo("1101");
    assertThat(reply.message()).isEqualTo("SYS_LOGIN_FAILED");
    assertThat(reply.data().has("accessToken")).isFalse();
    assertThat(simulator.logins()).isEqualTo(1);
  }

  @Test
  void anExpiredTokenIsRefusedWith408AndANewLoginWorks() {
    clock.advance(Duration.ofSeconds(59));
    assertThat(client.call("/ud/getDomainInfo", fields("rootDepartmentId")).code())
        .isEqualTo("100");

    clock.advance(Duration.ofSeconds(1));
    WebServiceClient.Reply expired = client.call("/ud/getDomainInfo", fields("rootDepartmentId"));

    assertThat(expired.code()).isEqualTo("408");
    client.login();
    WebServiceClient.Reply again = client.call("/ud/getDomainInfo", fields("rootDepartmentId"));
    assertThat(again.code()).isEqualTo("100");
    assertThat(again.data().get("rootDepartmentId").asText()).isEqualTo(root);
  }

  @Test
  void expireTokensRevokesEveryTokenAtOnce() {
    WebServiceClient other = new WebServiceClient(simulator);
    other.login();

    simulator.expireTokens();

    assertThat(client.call("/ud/getDepartmentList", Map.of()).code()).isEqualTo("408");
    assertThat(other.call("/ud/getDepartmentList", Map.of()).code()).isEqualTo("408");
  }

  @Test
  void aCallWithAnUnknownTokenIsRefusedWith408() {
    WebServiceClient.Reply reply =
        client.send("/ud/getDepartmentList", "made-up-token", "acme.example", Map.of());

    assertThat(reply.code()).isEqualTo("408");
  }

  @Test
  void anotherDomainAsAccessTargetIsRefusedWith1103() {
    WebServiceClient.Reply otherDomain =
        client.callOn("other.example", "/ud/getDepartmentList", Map.of());
    WebServiceClient.Reply domainForUserCall =
        client.callOn("acme.example", "/ud/updateAccountInfo", Map.of("name", "Post Master"));

    assertThat(otherDomain.code()).isEqualTo("1103");
    assertThat(domainForUserCall.code()).isEqualTo("1103");
    assertThat(simulator.account("postmaster@acme.example").orElseThrow().name())
        .isEqualTo("postmaster");
  }

  // ---- departments ----

  @Test
  void theDepartmentListStartsWithTheRootNamedAfterTheDomain() {
    JsonNode dataList = client.call("/ud/getDepartmentList", Map.of()).data().get("dataList");

    assertThat(dataList).hasSize(1);
    assertThat(dataList.get(0).toString())
        .isEqualTo(
            "{\"departmentId\":\"" + root + "\",\"name\":\"acme.example\",\"accountNum\":\"1\"}");
    assertThat(root).matches("----\\.[A-Za-z0-9]----\\.[A-Za-z0-9]{6}:2:----\\.[A-Za-z0-9]{6}");
  }

  @Test
  void aDepartmentKeepsItsCustomIdAndOrder() {
    WebServiceClient.Reply reply =
        client.call(
            "/ud/createDepartment",
            Map.of(
                "parentId",
                root,
                "name",
                "Sales",
                "customDepartmentId",
                "D10",
                "extend",
                Map.of("order", 3)));

    String id = reply.data().get("departmentId").asText();
    assertThat(simulator.department(id).orElseThrow())
        .isEqualTo(new DepartmentSnapshot(id, root, "Sales", "D10", 3, 0));
    JsonNode listed = client.call("/ud/getDepartmentList", Map.of()).data().get("dataList").get(1);
    assertThat(listed.toString())
        .isEqualTo(
            "{\"departmentId\":\""
                + id
                + "\",\"parentId\":\""
                + root
                + "\",\"name\":\"Sales\",\"accountNum\":\"0\",\"customDepartmentId\":\"D10\"}");
  }

  @Test
  void theSameNameUnderTheSameParentIsRefusedWith2963() {
    String sales = createDepartment(root, "Sales");
    String emea = createDepartment(root, "EMEA");
    String emeaSales = createDepartment(emea, "Sales");

    WebServiceClient.Reply duplicate =
        client.call("/ud/createDepartment", Map.of("parentId", root, "name", "Sales"));
    WebServiceClient.Reply renamed =
        client.call("/ud/updateDepartment", Map.of("departmentId", emea, "name", "Sales"));
    WebServiceClient.Reply moved =
        client.call(
            "/ud/updateDepartment",
            Map.of("departmentId", emeaSales, "name", "Sales", "parentId", root));

    assertThat(List.of(duplicate.code(), renamed.code(), moved.code()))
        .containsExactly("2963", "2963", "2963");
    assertThat(duplicate.message()).isEqualTo("APP_UD_DEPARTMENT_EXIST");
    assertThat(simulator.departments())
        .extracting(d -> d.name() + "<" + (d.isRoot() ? "-" : d.parentId()))
        .containsExactlyInAnyOrder(
            "acme.example<-", "Sales<" + root, "EMEA<" + root, "Sales<" + emea);
    assertThat(simulator.findDepartment(root, "Sales").orElseThrow().id()).isEqualTo(sales);
  }

  @Test
  void aDepartmentIsRenamedAndMovedInPlace() {
    String sales = createDepartment(root, "Sales");
    String emea = createDepartment(root, "EMEA");

    WebServiceClient.Reply reply =
        client.call(
            "/ud/updateDepartment",
            Map.of("departmentId", sales, "name", "Sales Development", "parentId", emea));

    assertThat(reply.code()).isEqualTo("100");
    assertThat(simulator.department(sales).orElseThrow())
        .isEqualTo(new DepartmentSnapshot(sales, emea, "Sales Development", null, null, 0));
  }

  @Test
  void aDepartmentCannotMoveUnderItsOwnDescendant() {
    String platform = createDepartment(root, "Platform");
    String storage = createDepartment(platform, "Storage");

    WebServiceClient.Reply reply =
        client.call(
            "/ud/updateDepartment",
            Map.of("departmentId", platform, "name", "Platform", "parentId", storage));

    assertThat(reply.code()).isEqualTo("2961");
    assertThat(reply.message())
        .isEqualTo(
            "APP_UD_DEPARTMENT_INVALID: a department cannot move under itself or its descendants");
    assertThat(simulator.department(platform).orElseThrow().parentId()).isEqualTo(root);
  }

  @Test
  void namesWithASlashOrOver64CharactersAreRefusedWith2961() {
    String eightyCharacters = "N".repeat(80);

    WebServiceClient.Reply slash =
        client.call(
            "/ud/createDepartment", Map.of("parentId", root, "name", "Internal/External Comms"));
    WebServiceClient.Reply tooLong =
        client.call("/ud/createDepartment", Map.of("parentId", root, "name", eightyCharacters));

    assertThat(slash.code()).isEqualTo("2961");
    assertThat(slash.message())
        .isEqualTo("APP_UD_DEPARTMENT_INVALID: the name contains the forbidden character /");
    assertThat(tooLong.code()).isEqualTo("2961");
    assertThat(tooLong.message())
        .isEqualTo("APP_UD_DEPARTMENT_INVALID: the name has 80 characters, more than 64");
    assertThat(simulator.departments()).hasSize(1);
  }

  @Test
  void unusualButValidNamesAreKeptExactly() {
    List<String> names = List.of("市场部（华东）", "R&D + QA", "Fun Club 🎉", "N".repeat(63) + "🎉");

    for (String name : names) {
      assertThat(client.call("/ud/createDepartment", Map.of("parentId", root, "name", name)).code())
          .as(name)
          .isEqualTo("100");
    }

    List<String> listed = new ArrayList<>();
    client
        .call("/ud/getDepartmentList", Map.of())
        .data()
        .get("dataList")
        .forEach(item -> listed.add(item.get("name").asText()));
    assertThat(listed.subList(1, listed.size())).containsExactlyElementsOf(names);
  }

  @Test
  void removingADepartmentWithChildrenIs2964AndWithAccounts2965() {
    String d30 = createDepartment(root, "D30");
    String d31 = createDepartment(d30, "D31");
    createAccounts(account("u8@acme.example", "U8", d31));

    WebServiceClient.Reply parent =
        client.call("/ud/removeDepartment", Map.of("departmentId", d30));
    WebServiceClient.Reply withMember =
        client.call("/ud/removeDepartment", Map.of("departmentId", d31));

    assertThat(parent.code()).isEqualTo("2964");
    assertThat(withMember.code()).isEqualTo("2965");
    assertThat(simulator.departments()).hasSize(3);

    client.call(
        "/ud/moveAccountsToDepartment",
        Map.of("toDepartmentId", root, "emails", List.of("u8@acme.example")));
    assertThat(client.call("/ud/removeDepartment", Map.of("departmentId", d31)).code())
        .isEqualTo("100");
    assertThat(client.call("/ud/removeDepartment", Map.of("departmentId", d30)).code())
        .isEqualTo("100");
    assertThat(simulator.departments()).extracting(DepartmentSnapshot::id).containsExactly(root);
    assertThat(simulator.account("u8@acme.example").orElseThrow().departmentId()).isEqualTo(root);
  }

  @Test
  void anUnknownDepartmentIsRefusedWith2962() {
    String nowhere = "----.x----.nowher:2:----.nowher";

    WebServiceClient.Reply create =
        client.call("/ud/createDepartment", Map.of("parentId", nowhere, "name", "Ghost"));
    WebServiceClient.Reply remove =
        client.call("/ud/removeDepartment", Map.of("departmentId", nowhere));
    WebServiceClient.Reply move =
        client.call(
            "/ud/moveAccountsToDepartment",
            Map.of("toDepartmentId", nowhere, "emails", List.of("postmaster@acme.example")));
    WebServiceClient.Reply accountIn = createAccounts(account("u1@acme.example", "U1", nowhere));

    assertThat(List.of(create.code(), remove.code(), move.code()))
        .containsExactly("2962", "2962", "2962");
    assertThat(accountIn.code()).isEqualTo("100");
    assertThat(accountIn.failures()).containsExactly("u1@acme.example=2962");
    assertThat(simulator.accounts()).hasSize(1);
  }

  // ---- accounts ----

  @Test
  void anExistingEmailIsRefusedWith1601WhateverItsCase() {
    simulator.createAccount("li.na@acme.example", "Li Na", root);

    WebServiceClient.Reply reply =
        createAccounts(
            account("Li.Na@Acme.Example", "Li Na", root),
            account("wang.wu@acme.example", "Wang Wu", root),
            account("Wang.Wu@acme.example", "Wang Wu (2)", root));

    assertThat(reply.code()).isEqualTo("100");
    assertThat(reply.successes()).containsExactly("wang.wu@acme.example");
    assertThat(reply.failures())
        .containsExactly("Li.Na@Acme.Example=1601", "Wang.Wu@acme.example=1601");
    assertThat(reply.data().get("fail").get(0).get("errorMsg").asText())
        .isEqualTo("APP_UD_ACCOUNT_EXIST");
    assertThat(simulator.accounts())
        .extracting(a -> a.email() + "/" + a.name())
        .containsExactly(
            "li.na@acme.example/Li Na",
            "postmaster@acme.example/postmaster",
            "wang.wu@acme.example/Wang Wu");
  }

  @Test
  void anUnknownAccountIs1602() {
    WebServiceClient.Reply info =
        client.call(
            "/ud/getAccountsInfo",
            Map.of("emails", List.of("postmaster@acme.example", "nobody@acme.example")));
    WebServiceClient.Reply update =
        client.callOn("nobody@acme.example", "/ud/updateAccountInfo", Map.of("name", "Nobody"));
    WebServiceClient.Reply remove =
        client.call("/ud/removeAccounts", Map.of("emails", List.of("nobody@acme.example")));

    assertThat(info.data().get("dataList")).hasSize(1);
    assertThat(info.data().get("fail").toString())
        .isEqualTo(
            "[{\"email\":\"nobody@acme.example\",\"errorCode\":\"1602\","
                + "\"errorMsg\":\"APP_UD_ACCOUNT_NOT_EXIST\"}]");
    assertThat(update.code()).isEqualTo("1602");
    assertThat(update.message()).isEqualTo("APP_UD_ACCOUNT_NOT_EXIST");
    assertThat(remove.failures()).containsExactly("nobody@acme.example=1602");
  }

  @Test
  void theSeatQuotaRefusesFurtherAccountsWith1610UntilRaised() {
    simulator.setSeatQuota(3);

    WebServiceClient.Reply first =
        createAccounts(
            account("u40@acme.example", "U40", root),
            account("u41@acme.example", "U41", root),
            account("u42@acme.example", "U42", root));

    assertThat(first.successes()).containsExactly("u40@acme.example", "u41@acme.example");
    assertThat(first.failures()).containsExactly("u42@acme.example=1610");
    assertThat(simulator.accounts()).hasSize(3);

    simulator.setSeatQuota(4);
    WebServiceClient.Reply retried = createAccounts(account("u42@acme.example", "U42", root));
    assertThat(retried.successes()).containsExactly("u42@acme.example");
    assertThat(simulator.accounts()).hasSize(4);
  }

  @Test
  void invalidAccountDataIsRefusedWith1603() {
    WebServiceClient.Reply reply =
        createAccounts(
            account("li.na@other.example", "Li Na", root),
            account("not-an-address", "Nobody", root),
            account("a..b@acme.example", "Dots", root),
            account("no.name@acme.example", "", root),
            Map.of("email", "no.password@acme.example", "name", "No Password"));

    assertThat(reply.code()).isEqualTo("100");
    assertThat(reply.failures())
        .containsExactly(
            "li.na@other.example=1603",
            "not-an-address=1603",
            "a..b@acme.example=1603",
            "no.name@acme.example=1603",
            "no.password@acme.example=1603");
    assertThat(reply.data().get("fail").get(0).get("errorMsg").asText())
        .isEqualTo("APP_UD_ACCOUNT_INVALID: the address is not in the domain acme.example");
    assertThat(simulator.accounts()).hasSize(1);
  }

  @Test
  void aBatchOverTheMaximumIsRefusedWholeWith1603() {
    List<Map<String, String>> accounts = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      accounts.add(account("u" + i + "@acme.example", "U" + i, root));
    }

    WebServiceClient.Reply reply = client.call("/ud/createAccounts", Map.of("accounts", accounts));

    assertThat(reply.code()).isEqualTo("1603");
    assertThat(reply.message())
        .isEqualTo("APP_UD_ACCOUNT_INVALID: accounts has 101 items, more than 100");
    assertThat(simulator.accounts()).hasSize(1);
  }

  @Test
  void postmasterCannotBeRemovedOrFrozen() {
    WebServiceClient.Reply remove =
        client.call("/ud/removeAccounts", Map.of("emails", List.of("postmaster@acme.example")));
    WebServiceClient.Reply freeze =
        client.call(
            "/ud/updateAccountsStatus",
            Map.of("accounts", List.of(Map.of("email", "postmaster@acme.example", "status", "1"))));

    assertThat(remove.failures()).containsExactly("postmaster@acme.example=1603");
    assertThat(freeze.failures()).containsExactly("postmaster@acme.example=1603");
    assertThat(simulator.account("postmaster@acme.example").orElseThrow().status())
        .isEqualTo(MailboxStatus.NORMAL);
  }

  @Test
  void accountsAreFrozenUnfrozenAndRemoved() {
    createAccounts(account("u27@acme.example", "U27", root));

    WebServiceClient.Reply freeze = setStatus("u27@acme.example", "1");
    assertThat(freeze.successes()).containsExactly("u27@acme.example");
    assertThat(simulator.account("u27@acme.example").orElseThrow().isFrozen()).isTrue();
    assertThat(accountInfo("u27@acme.example").get("status").asText()).isEqualTo("1");

    setStatus("u27@acme.example", "0");
    assertThat(simulator.account("u27@acme.example").orElseThrow().isFrozen()).isFalse();
    assertThat(setStatus("u27@acme.example", "2").failures())
        .containsExactly("u27@acme.example=1603");

    client.call("/ud/removeAccounts", Map.of("emails", List.of("U27@acme.example")));
    assertThat(simulator.account("u27@acme.example")).isEmpty();
  }

  @Test
  void updateAccountInfoChangesOnlyTheFieldsSent() {
    String sales = createDepartment(root, "Sales");
    createAccounts(
        Map.of(
            "email", "li.na@acme.example",
            "name", "Li Na",
            "passwd", "Initial-Pass1",
            "departmentId", root,
            "employeeNo", "E-1",
            "mobilePhone", "13800000000"));

    WebServiceClient.Reply reply =
        client.callOn(
            "Li.Na@acme.example",
            "/ud/updateAccountInfo",
            Map.of("name", "Li Na (Sales)", "jobTitle", "Manager", "departmentId", sales));

    assertThat(reply.code()).isEqualTo("100");
    assertThat(simulator.account("li.na@acme.example").orElseThrow())
        .isEqualTo(
            new AccountSnapshot(
                "li.na@acme.example",
                "Li Na (Sales)",
                null,
                "E-1",
                "13800000000",
                "Manager",
                sales,
                MailboxStatus.NORMAL));
  }

  @Test
  void passwordsAreKeptAsHashesAndCanBeChanged() {
    createAccounts(account("u1@acme.example", "U1", root));

    WebServiceClient.Reply reply =
        client.call(
            "/ud/updateAccountsPassword",
            Map.of(
                "accounts", List.of(Map.of("email", "u1@acme.example", "password", "N3w-pass"))));

    assertThat(reply.successes()).containsExactly("u1@acme.example");
    assertThat(simulator.passwordMatches("u1@acme.example", "N3w-pass")).isTrue();
    assertThat(simulator.passwordMatches("u1@acme.example", "Initial-Pass1")).isFalse();
    assertThat(client.inspect("/state")).doesNotContain("N3w-pass").doesNotContain("passw");
  }

  @Test
  void getAccountsInfoGivesOnlyTheFieldsAskedFor() {
    createAccounts(
        Map.of(
            "email", "li.na@acme.example",
            "name", "Li Na",
            "passwd", "Initial-Pass1",
            "nickName", "Nana"));

    JsonNode all =
        client
            .call("/ud/getAccountsInfo", Map.of("emails", List.of("li.na@acme.example")))
            .data()
            .get("dataList")
            .get(0);
    JsonNode some =
        client
            .call(
                "/ud/getAccountsInfo",
                Map.of("emails", List.of("LI.NA@acme.example"), "fields", List.of("name")))
            .data()
            .get("dataList")
            .get(0);

    assertThat(all.toString())
        .isEqualTo(
            "{\"email\":\"li.na@acme.example\",\"name\":\"Li Na\",\"nickName\":\"Nana\","
                + "\"departmentId\":\""
                + root
                + "\",\"status\":\"0\"}");
    assertThat(some.toString()).isEqualTo("{\"email\":\"li.na@acme.example\",\"name\":\"Li Na\"}");
  }

  @Test
  void getAccountListPagesTheDirectMembersSortedByEmail() {
    String sales = createDepartment(root, "Sales");
    String east = createDepartment(sales, "East");
    List<Map<String, String>> batch = new ArrayList<>();
    for (int i = 104; i >= 0; i--) {
      batch.add(account(String.format("u%03d@acme.example", i), "U" + i, sales));
      if (batch.size() == 100 || i == 0) {
        createAccounts(List.copyOf(batch));
        batch.clear();
      }
    }
    createAccounts(account("east@acme.example", "East", east));

    WebServiceClient.Reply first = accountList(sales, 0, 2);
    WebServiceClient.Reply last = accountList(sales, 104, 2);
    WebServiceClient.Reply capped = accountList(sales, 0, 500);

    assertThat(first.data().get("total").isTextual()).isTrue();
    assertThat(first.data().get("total").asText()).isEqualTo("105");
    assertThat(emailsOf(first)).containsExactly("u000@acme.example", "u001@acme.example");
    assertThat(emailsOf(last)).containsExactly("u104@acme.example");
    assertThat(emailsOf(capped)).hasSize(100).doesNotContain("east@acme.example");
    assertThat(emailsOf(accountList(east, 0, 100))).containsExactly("east@acme.example");
  }

  // ---- inspection ----

  @Test
  void theStateDocumentListsDepartmentsAndAccountsSortedAsPinned() {
    String b = createDepartment(root, "B");
    String a = createDepartment(root, "A");
    createAccounts(account("zed@acme.example", "Zed", a), account("amy@acme.example", "Amy", b));
    setStatus("zed@acme.example", "1");

    String state = client.inspect("/state");

    List<String> ids = new ArrayList<>(List.of(root, a, b));
    ids.sort(null);
    Map<String, String> lines =
        Map.of(
            root, "{\"id\":\"" + root + "\",\"parentId\":null,\"name\":\"acme.example\"}",
            a, "{\"id\":\"" + a + "\",\"parentId\":\"" + root + "\",\"name\":\"A\"}",
            b, "{\"id\":\"" + b + "\",\"parentId\":\"" + root + "\",\"name\":\"B\"}");
    assertThat(state)
        .isEqualTo(
            "{\"domain\":\"acme.example\",\"rootDepartmentId\":\""
                + root
                + "\",\"departments\":["
                + String.join(",", ids.stream().map(lines::get).toList())
                + "],\"accounts\":["
                + "{\"email\":\"amy@acme.example\",\"name\":\"Amy\",\"departmentId\":\""
                + b
                + "\",\"status\":\"normal\"},"
                + "{\"email\":\"postmaster@acme.example\",\"name\":\"postmaster\","
                + "\"departmentId\":\""
                + root
                + "\",\"status\":\"normal\"},"
                + "{\"email\":\"zed@acme.example\",\"name\":\"Zed\",\"departmentId\":\""
                + a
                + "\",\"status\":\"frozen\"}]}");
  }

  @Test
  void theCallsDocumentCountsEachPathSortedByPath() {
    createDepartment(root, "Sales");
    createAccounts(account("u1@acme.example", "U1", root));
    client.call("/ud/getDepartmentList", Map.of());
    client.inspect("/state");

    assertThat(client.inspect("/calls"))
        .isEqualTo(
            "{\"total\":4,\"byPath\":{\"/control/wsLogin\":1,\"/ud/createAccounts\":1,"
                + "\"/ud/createDepartment\":1,\"/ud/getDepartmentList\":1}}");
    assertThat(simulator.calls().writes()).isEqualTo(2);
    assertThat(simulator.calls("/ud/createAccounts")).isEqualTo(1);
  }

  @Test
  void anUnknownMethodIsHttp404() {
    WebServiceClient.Reply reply = client.call("/ud/searchAccountEx", Map.of());

    assertThat(reply.httpStatus()).isEqualTo(404);
    assertThat(reply.body()).isEqualTo("no such WebService method: /ud/searchAccountEx");
  }

  // ---- helpers ----

  private String createDepartment(String parentId, String name) {
    WebServiceClient.Reply reply =
        client.call("/ud/createDepartment", Map.of("parentId", parentId, "name", name));
    assertThat(reply.code()).as(reply.body()).isEqualTo("100");
    return reply.data().get("departmentId").asText();
  }

  @SafeVarargs
  private WebServiceClient.Reply createAccounts(Map<String, String>... accounts) {
    List<Map<String, String>> batch = new ArrayList<>();
    for (Map<String, String> account : accounts) {
      batch.add(account);
    }
    return createAccounts(batch);
  }

  private WebServiceClient.Reply createAccounts(List<Map<String, String>> accounts) {
    return client.call("/ud/createAccounts", Map.of("accounts", accounts));
  }

  private static Map<String, String> account(String email, String name, String departmentId) {
    return Map.of(
        "email", email, "name", name, "passwd", "Initial-Pass1", "departmentId", departmentId);
  }

  private WebServiceClient.Reply setStatus(String email, String status) {
    return client.call(
        "/ud/updateAccountsStatus",
        Map.of("accounts", List.of(Map.of("email", email, "status", status))));
  }

  private JsonNode accountInfo(String email) {
    return client
        .call("/ud/getAccountsInfo", Map.of("emails", List.of(email)))
        .data()
        .get("dataList")
        .get(0);
  }

  private WebServiceClient.Reply accountList(String departmentId, int offset, int length) {
    return client.call(
        "/ud/getAccountList",
        Map.of(
            "departmentId", departmentId, "offset", offset, "length", length, "fields", List.of()));
  }

  private static List<String> emailsOf(WebServiceClient.Reply reply) {
    List<String> emails = new ArrayList<>();
    reply.data().get("accounts").forEach(account -> emails.add(account.get("email").asText()));
    return emails;
  }

  private static Map<String, Object> fields(String... names) {
    return Map.of("fields", List.of(names));
  }
}
