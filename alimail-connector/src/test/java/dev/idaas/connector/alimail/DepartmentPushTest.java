package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.AliMailStub.ACCOUNT_LIST;
import static dev.idaas.connector.alimail.AliMailStub.CREATE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.CREATE_DEPARTMENT;
import static dev.idaas.connector.alimail.AliMailStub.DEPARTMENTS;
import static dev.idaas.connector.alimail.AliMailStub.MOVE_ACCOUNTS;
import static dev.idaas.connector.alimail.AliMailStub.REMOVE_DEPARTMENT;
import static dev.idaas.connector.alimail.AliMailStub.ROOT;
import static dev.idaas.connector.alimail.AliMailStub.UPDATE_DEPARTMENT;
import static dev.idaas.connector.alimail.AliMailStub.departmentList;
import static dev.idaas.connector.alimail.AliMailStub.expected;
import static dev.idaas.connector.alimail.AliMailStub.expectedSignIn;
import static dev.idaas.connector.alimail.AliMailStub.ok;
import static dev.idaas.connector.alimail.AliMailStub.status;
import static dev.idaas.connector.alimail.Fixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentPushTest extends WireTest {

  private static final String STOP = "d-stop";

  private SyncResult push(AliMailConnector connector, OrgUnit... units) {
    return connector.authorizeOrganizations(SyncRequest.full(List.of(units), List.of()));
  }

  private SyncResult remove(AliMailConnector connector, Removal... removals) {
    return connector.authorizeOrganizations(SyncRequest.incremental(List.of(), List.of(removals)));
  }

  private void createAnswers(String... nameThenId) {
    for (int i = 0; i < nameThenId.length; i += 2) {
      alimail.when(
          CREATE_DEPARTMENT,
          "$.param.name",
          nameThenId[i],
          ok("{\"departmentId\":\"" + nameThenId[i + 1] + "\"}"));
    }
  }

  private static Removal removal(String hostId, String name) {
    return new Removal(hostId, name, Removal.Reason.DELETED_IN_DIRECTORY);
  }

  @Test
  void createsEachUnitUnderItsParentWhateverTheInputOrderAndBlocksOrphans() {
    alimail.signIn().departments();
    createAnswers("Engineering", "d-10", "Platform", "d-40", "Storage", "d-41", "Kernel", "d-42");

    SyncResult result =
        push(
            connector(),
            OrgUnit.of("D42", "D41", "Kernel", 4),
            OrgUnit.of("D41", "D40", "Storage", 3),
            OrgUnit.of("D99", "D98", "Ghost", 9),
            OrgUnit.of("D40", "D10", "Platform", 2),
            OrgUnit.of("D10", null, "Engineering", 1));

    assertThat(alimail.calls())
        .containsExactly(
            expectedSignIn(),
            expected(DEPARTMENTS, "{}"),
            expected(
                CREATE_DEPARTMENT,
                "{'parentId':'"
                    + ROOT
                    + "','name':'Engineering','customDepartmentId':'D10','extend':{'order':1}}"),
            expected(
                CREATE_DEPARTMENT,
                "{'parentId':'d-10','name':'Platform','customDepartmentId':'D40','extend':{'order':2}}"),
            expected(
                CREATE_DEPARTMENT,
                "{'parentId':'d-40','name':'Storage','customDepartmentId':'D41','extend':{'order':3}}"),
            expected(
                CREATE_DEPARTMENT,
                "{'parentId':'d-41','name':'Kernel','customDepartmentId':'D42','extend':{'order':4}}"));
    assertThat(events.of("D99"))
        .isEqualTo(
            ObjectResult.blocked(
                ObjectType.ORG_UNIT,
                "D99",
                "Ghost",
                Operation.UPSERT,
                "Not pushed: the parent D98 of unit D99 does not exist."));
    assertThat(events.of("D42").targetId()).isEqualTo("d-42");
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.CREATED, 4, Outcome.BLOCKED, 1));
    assertThat(links.sorted(ObjectType.ORG_UNIT))
        .isEqualTo(Map.of("D10", "d-10", "D40", "d-40", "D41", "d-41", "D42", "d-42"));
  }

  @Test
  void adoptsADepartmentWithTheSameNameUnderTheSameParentAndThenWritesNothing() {
    alimail.signIn().departments("d-10|" + ROOT + "|Engineering|3", "d-x|d-10|Engineering");
    AliMailConnector connector = connector();

    SyncResult first = push(connector, unit("D10", null, "Engineering"));
    SyncResult second = push(connector, unit("D10", null, "Engineering"));

    assertThat(events.all())
        .containsExactly(
            ObjectResult.done(
                ObjectType.ORG_UNIT,
                "D10",
                "Engineering",
                Operation.UPSERT,
                Outcome.LINKED,
                "d-10",
                "Adopted the existing department with the same name under the same parent."),
            ObjectResult.done(
                ObjectType.ORG_UNIT,
                "D10",
                "Engineering",
                Operation.UPSERT,
                Outcome.UNCHANGED,
                "d-10",
                null));
    assertThat(first.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.writes()).isZero();
    assertThat(alimail.paths()).containsExactly(AliMailStub.LOGIN, DEPARTMENTS, DEPARTMENTS);
  }

  @Test
  void renamesTheLinkedDepartmentInPlace() {
    alimail.signIn().departments("d-10|" + ROOT + "|Sales|2").answer(UPDATE_DEPARTMENT, "{}");
    links.link(ObjectType.ORG_UNIT, "D10", "d-10");

    SyncResult result = push(connector(), unit("D10", null, "Sales Development"));

    assertThat(alimail.calls(UPDATE_DEPARTMENT))
        .containsExactly(
            expected(UPDATE_DEPARTMENT, "{'departmentId':'d-10','name':'Sales Development'}"));
    assertThat(events.of("D10").outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(events.of("D10").message()).isEqualTo("Renamed from 'Sales'.");
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.UPDATED, 1));
  }

  @Test
  void movesInAnOrderThatNeverPutsADepartmentUnderItsOwnDescendant() {
    alimail.signIn().departments("d-a|" + ROOT + "|A", "d-b|d-a|B").answer(UPDATE_DEPARTMENT, "{}");
    links.link(ObjectType.ORG_UNIT, "A", "d-a");
    links.link(ObjectType.ORG_UNIT, "B", "d-b");

    SyncResult result = push(connector(), unit("A", "B", "A"), unit("B", null, "B"));

    assertThat(alimail.calls(UPDATE_DEPARTMENT))
        .containsExactly(
            expected(
                UPDATE_DEPARTMENT, "{'departmentId':'d-b','name':'B','parentId':'" + ROOT + "'}"),
            expected(UPDATE_DEPARTMENT, "{'departmentId':'d-a','name':'A','parentId':'d-b'}"));
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.MOVED, 2));
  }

  @Test
  void adoptsADepartmentThatAppearedMeanwhileWhenCreatingIsRefusedWithCode2963() {
    alimail
        .signIn()
        .inTurn(DEPARTMENTS, ok(departmentList()), ok(departmentList("d-s|" + ROOT + "|Sales")))
        .refuse(CREATE_DEPARTMENT, "2963", "DEPARTMENT_NAME_EXISTS");

    SyncResult result = push(connector(), unit("D20", null, "Sales"));

    assertThat(events.of("D20").outcome()).isEqualTo(Outcome.LINKED);
    assertThat(events.of("D20").message())
        .isEqualTo(
            "Alibaba Mail already had it (code 2963). Adopted the existing department with the"
                + " same name under the same parent.");
    assertThat(links.targetId(ObjectType.ORG_UNIT, "D20")).contains("d-s");
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void reportsARefusedNameWithTheTargetsReasonAndBlocksWhatIsUnderIt() {
    alimail
        .signIn()
        .departments()
        .when(
            CREATE_DEPARTMENT,
            "$.param.name",
            "Internal/External Comms",
            status("2961", "INVALID_NAME"));
    createAnswers("市场部（华东）", "d-m", "R&D + QA", "d-r");

    SyncResult result =
        push(
            connector(),
            unit("D1", null, "Internal/External Comms"),
            unit("D2", "D1", "Press"),
            unit("D3", null, "市场部（华东）"),
            unit("D4", null, "R&D + QA"));

    assertThat(events.of("D1"))
        .isEqualTo(
            ObjectResult.failed(
                ObjectType.ORG_UNIT,
                "D1",
                "Internal/External Comms",
                Operation.UPSERT,
                ErrorKind.INVALID_DATA,
                "Alibaba Mail refused createDepartment (code 2961: INVALID_NAME). Alibaba Mail"
                    + " refused the department name (at most 64 characters, none of / \\ : * ? \" <"
                    + " > |): rename the org unit in the directory."));
    assertThat(events.of("D2").outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(events.of("D2").message())
        .isEqualTo("Not pushed: its parent org unit D1 was not pushed.");
    assertThat(alimail.calls(CREATE_DEPARTMENT))
        .extracting(sent -> sent.body().path("param").path("name").asText())
        .containsExactlyInAnyOrder("Internal/External Comms", "市场部（华东）", "R&D + QA");
    assertThat(result.counts())
        .isEqualTo(Map.of(Outcome.CREATED, 2, Outcome.FAILED, 1, Outcome.BLOCKED, 1));
  }

  @Test
  void blocksUnitsOnACycleAndPushesTheRest() {
    alimail.signIn().departments();
    createAnswers("Finance", "d-53");

    SyncResult result =
        push(
            connector(),
            unit("D50", "D51", "Loop A"),
            unit("D51", "D50", "Loop B"),
            unit("D52", "D52", "Self"),
            unit("D53", null, "Finance"));

    assertThat(events.outcomes())
        .isEqualTo(
            Map.of(
                "D50", Outcome.BLOCKED,
                "D51", Outcome.BLOCKED,
                "D52", Outcome.BLOCKED,
                "D53", Outcome.CREATED));
    assertThat(events.of("D50").message())
        .isEqualTo(
            "Not pushed: unit D50 is on a cycle of parents (each arrow points to a parent):"
                + " D50 → D51 → D50.");
    assertThat(events.of("D52").message())
        .isEqualTo("Not pushed: unit D52 names itself as its parent.");
    assertThat(alimail.calls(CREATE_DEPARTMENT)).hasSize(1);
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void deletesLeavesFirstAfterMovingTheirMailboxesToTheRoot() {
    alimail
        .signIn()
        .departments(
            "d-30|" + ROOT + "|Legacy|1", "d-31|d-30|Legacy Child|0", "d-32|" + ROOT + "|Empty|0")
        .answer(ACCOUNT_LIST, "{\"total\":\"1\",\"accounts\":[{\"email\":\"u9@acme.example\"}]}")
        .answer(MOVE_ACCOUNTS, "{\"success\":[{\"email\":\"u9@acme.example\"}],\"fail\":[]}")
        .answer(REMOVE_DEPARTMENT, "{}");
    links.link(ObjectType.ORG_UNIT, "D30", "d-30");
    links.link(ObjectType.ORG_UNIT, "D31", "d-31");
    links.link(ObjectType.ORG_UNIT, "D32", "d-32");
    links.link(ObjectType.ACCOUNT, "U9", "U9@acme.example");

    SyncResult result =
        remove(
            connector(),
            removal("D30", "Legacy"),
            removal("D31", "Legacy Child"),
            removal("D32", "Empty"));

    assertThat(alimail.calls())
        .containsExactly(
            expectedSignIn(),
            expected(DEPARTMENTS, "{}"),
            expected(REMOVE_DEPARTMENT, "{'departmentId':'d-32'}"),
            expected(REMOVE_DEPARTMENT, "{'departmentId':'d-31'}"),
            expected(
                ACCOUNT_LIST, "{'departmentId':'d-30','offset':0,'length':100,'fields':['email']}"),
            expected(
                MOVE_ACCOUNTS, "{'toDepartmentId':'" + ROOT + "','emails':['u9@acme.example']}"),
            expected(REMOVE_DEPARTMENT, "{'departmentId':'d-30'}"));
    assertThat(events.of("D30"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ORG_UNIT,
                "D30",
                "Legacy",
                Operation.REVOKE,
                Outcome.DELETED,
                "d-30",
                "Moved 1 mailbox(es) to the root department first."));
    assertThat(result.counts()).isEqualTo(Map.of(Outcome.DELETED, 3));
    assertThat(links.sorted(ObjectType.ORG_UNIT)).isEmpty();
  }

  @Test
  void keepsADepartmentWithASubDepartmentThatStaysAndNeverDeletesAnUnlinkedOne() {
    alimail.signIn().departments("d-30|" + ROOT + "|Legacy|0", "d-31|d-30|Kept|0");
    links.link(ObjectType.ORG_UNIT, "D30", "d-30");
    links.link(ObjectType.ORG_UNIT, "D31", "d-31");

    SyncResult result =
        remove(connector(), removal("D30", "Legacy"), removal("D77", "Never pushed"));

    assertThat(events.of("D30").errorKind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(events.of("D30").message())
        .isEqualTo(
            "Not deleted: it still has the sub-department 'Kept', which is not being removed;"
                + " remove or move that first.");
    assertThat(events.of("D77"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ORG_UNIT,
                "D77",
                "Never pushed",
                Operation.REVOKE,
                Outcome.UNCHANGED,
                null,
                "Never pushed to Alibaba Mail; nothing to delete."));
    assertThat(alimail.paths()).containsExactly(AliMailStub.LOGIN, DEPARTMENTS);
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void reportsARefusedDeletionAsFailedNeverAsDone() {
    alimail
        .signIn()
        .departments("d-30|" + ROOT + "|Legacy|0")
        .refuse(REMOVE_DEPARTMENT, "2965", "HAS_ACCOUNTS");
    links.link(ObjectType.ORG_UNIT, "D30", "d-30");

    SyncResult result = remove(connector(), removal("D30", "Legacy"));

    assertThat(events.of("D30").outcome()).isEqualTo(Outcome.FAILED);
    assertThat(events.of("D30").errorKind()).isEqualTo(ErrorKind.CONFLICT);
    assertThat(links.targetId(ObjectType.ORG_UNIT, "D30")).contains("d-30");
    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
  }

  /** Guards against a twin department when the answer to a create is lost. */
  @Test
  void looksUpADepartmentWhoseCreateTimedOutInsteadOfCreatingItAgain() {
    alimail
        .signIn()
        .stub(
            AliMailStub.to(DEPARTMENTS)
                .inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ok(departmentList())))
        .stub(
            AliMailStub.to(CREATE_DEPARTMENT)
                .inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("made")
                .willReturn(ok("{\"departmentId\":\"d-late\"}").withFixedDelay(1_500)))
        .stub(
            AliMailStub.to(DEPARTMENTS)
                .inScenario("lost answer")
                .whenScenarioStateIs("made")
                .willReturn(ok(departmentList("d-late|" + ROOT + "|Sales"))));

    SyncResult result = push(connector("readTimeout", "300ms"), unit("D20", null, "Sales"));

    assertThat(alimail.calls(CREATE_DEPARTMENT)).hasSize(1);
    assertThat(events.of("D20"))
        .isEqualTo(
            ObjectResult.done(
                ObjectType.ORG_UNIT,
                "D20",
                "Sales",
                Operation.UPSERT,
                Outcome.CREATED,
                "d-late",
                "The answer was lost; the department was found and linked."));
    assertThat(links.targetId(ObjectType.ORG_UNIT, "D20")).contains("d-late");
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void previewsTheSameOutcomesWithoutWritingAndLetsAccountsPreviewInThem() {
    alimail.signIn().departments("d-ops|" + ROOT + "|Ops");
    AliMailConnector connector = connector();

    SyncResult units =
        connector.authorizeOrganizations(
            SyncRequest.full(
                    List.of(
                        unit("D10", null, "Sales"),
                        unit("D11", "D10", "East"),
                        unit("D12", null, "Ops")),
                    List.<Removal>of())
                .asPreview());
    SyncResult accounts =
        connector.authorizeAccounts(
            SyncRequest.full(
                    List.of(Fixtures.account("U1", "li.na@acme.example", "Li Na", "D11")),
                    List.<Removal>of())
                .asPreview());

    assertThat(events.outcomes())
        .isEqualTo(
            Map.of(
                "D10", Outcome.CREATED,
                "D11", Outcome.CREATED,
                "D12", Outcome.LINKED,
                "U1", Outcome.CREATED));
    assertThat(events.of("D11").targetId()).isEqualTo("preview:D11");
    assertThat(units.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(accounts.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(alimail.paths()).containsExactly(AliMailStub.LOGIN, DEPARTMENTS);
    assertThat(alimail.calls(CREATE_ACCOUNTS)).isEmpty();
  }

  @Test
  void readsTheDomainRootWhenNoRootDepartmentIsConfigured() {
    alimail
        .signIn()
        .answer(AliMailStub.DOMAIN_INFO, "{\"rootDepartmentId\":\"" + ROOT + "\"}")
        .departments();
    createAnswers("Sales", "d-s");
    AliMailConnector connector = connector("rootDeptId", null);

    push(connector, unit("D10", null, "Sales"));
    push(connector, unit("D10", null, "Sales"));

    assertThat(alimail.calls(AliMailStub.DOMAIN_INFO)).as("read once per connector").hasSize(1);
    assertThat(
            alimail.calls(CREATE_DEPARTMENT).get(0).body().path("param").path("parentId").asText())
        .isEqualTo(ROOT);
  }

  @Test
  void stopsTheRunWhenTheRootDepartmentIsMissing() {
    alimail.signIn().departments();

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> push(connector("rootDeptId", STOP), unit("D10", null, "Sales")))
        .isInstanceOfSatisfying(
            dev.idaas.connector.api.ConnectorException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION));
    assertThat(events.all()).isEmpty();
    assertThat(alimail.calls(CREATE_DEPARTMENT)).isEmpty();
  }

  @Test
  void waitsForNothingLongerThanTheBudgetRequires() {
    alimail.signIn().departments();
    createAnswers("Sales", "d-s");

    push(connector("requestsPerSecond", "10"), unit("D10", null, "Sales"));

    assertThat(Duration.ofNanos(ticker.sleptNanos()))
        .as("three calls at ten a second: two intervals")
        .isEqualTo(Duration.ofMillis(200));
  }
}
