package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes the Oracle HR example directory (40 org units, 107 accounts, upper-case addresses in
 * another domain, one account without a unit) into an in-memory Alibaba Mail, and counts calls.
 */
class ExampleDirectoryTest {

  private final StatefulAliMail alimail = new StatefulAliMail("acme.example");
  private final RecordingEvents events = new RecordingEvents();
  private final InMemoryLinkStore links = new InMemoryLinkStore();
  private List<OrgUnit> units;
  private List<Account> accounts;
  private AliMailConnector connector;

  @BeforeEach
  void loadTheDirectoryAndOpenAConnector() throws IOException {
    JsonNode snapshot = new ObjectMapper().readTree(Path.of("../examples/oracle-hr.json").toFile());
    units = new ArrayList<>();
    snapshot.path("orgUnits").forEach(unit -> units.add(unitOf(unit)));
    accounts = new ArrayList<>();
    snapshot.path("accounts").forEach(account -> accounts.add(accountOf(account)));

    Environment environment =
        new Environment(
            settings -> alimail,
            new RecordingSleeper(),
            new VirtualTicker(),
            Environment.RETRY_POLICY);
    connector =
        AliMailProvider.open(
            Fixtures.config("https://alimail.test/alimailws", "rootDeptId", null),
            Fixtures.context(events, links),
            environment);
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void pushesTheWholeDirectoryWithFewReadsThenWritesNothingTheSecondTime() {
    SyncResult unitsPushed = connector.authorizeOrganizations(SyncRequest.full(units, List.of()));
    SyncResult accountsPushed = connector.authorizeAccounts(SyncRequest.full(accounts, List.of()));

    assertThat(unitsPushed.counts()).isEqualTo(Map.of(Outcome.CREATED, 40));
    assertThat(accountsPushed.counts()).isEqualTo(Map.of(Outcome.CREATED, 107));
    assertThat(alimail.calls())
        .as("two reads for 43 writes")
        .isEqualTo(
            Map.of(
                "/control/wsLogin", 1,
                "/ud/getDomainInfo", 1,
                "/ud/getDepartmentList", 1,
                "/ud/createDepartment", 40,
                "/ud/createAccounts", 3));
    assertThat(alimail.departmentCount()).isEqualTo(41);
    assertThat(alimail.mailboxCount()).isEqualTo(108);
    assertThat(alimail.mailbox("kgrant@acme.example").path("departmentId").asText())
        .as("the account without a unit")
        .isEqualTo(StatefulAliMail.ROOT);

    alimail.clearCalls();
    events.clear();
    SyncResult unitsAgain = connector.authorizeOrganizations(SyncRequest.full(units, List.of()));
    SyncResult accountsAgain = connector.authorizeAccounts(SyncRequest.full(accounts, List.of()));

    assertThat(unitsAgain.counts()).isEqualTo(Map.of(Outcome.UNCHANGED, 40));
    assertThat(accountsAgain.counts()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(alimail.calls())
        .isEqualTo(Map.of("/ud/getDepartmentList", 1, "/ud/getAccountsInfo", 2));
  }

  @Test
  void deletesAUnitWhoseMembersStayWithoutDeletingTheirMailboxes() {
    connector.authorizeOrganizations(SyncRequest.full(units, List.of()));
    connector.authorizeAccounts(SyncRequest.full(accounts, List.of()));
    String administration = links.targetId(ObjectType.ORG_UNIT, "dept-10").orElseThrow();
    events.clear();

    SyncResult removed =
        connector.authorizeOrganizations(
            SyncRequest.incremental(
                List.of(),
                List.of(
                    new Removal(
                        "dept-10", "Administration", Removal.Reason.DELETED_IN_DIRECTORY))));

    assertThat(removed.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(events.of("dept-10").outcome()).isEqualTo(Outcome.DELETED);
    assertThat(alimail.mailboxCount()).isEqualTo(108);
    assertThat(alimail.mailbox("jwhalen@acme.example").path("departmentId").asText())
        .isEqualTo(StatefulAliMail.ROOT)
        .isNotEqualTo(administration);
  }

  @Test
  void freezesRevokedAccountsAndKeepsTheirMailboxes() {
    connector.authorizeOrganizations(SyncRequest.full(units, List.of()));
    connector.authorizeAccounts(SyncRequest.full(accounts, List.of()));
    events.clear();

    SyncResult revoked =
        connector.authorizeAccounts(
            SyncRequest.incremental(
                List.of(),
                List.of(
                    new Removal("emp-100", "SKING@example.com", Removal.Reason.OUT_OF_SCOPE),
                    new Removal(
                        "emp-101", "NYANG@example.com", Removal.Reason.DELETED_IN_DIRECTORY))));

    assertThat(revoked.counts()).isEqualTo(Map.of(Outcome.DISABLED, 2));
    assertThat(alimail.mailbox("sking@acme.example").path("status").asText()).isEqualTo("1");
    assertThat(alimail.mailboxCount()).isEqualTo(108);
  }

  private static OrgUnit unitOf(JsonNode unit) {
    String parent = unit.path("parentId").isNull() ? null : unit.path("parentId").asText();
    return OrgUnit.of(
        unit.path("id").asText(), parent, unit.path("name").asText(), unit.path("order").asInt());
  }

  private static Account accountOf(JsonNode account) {
    List<String> unitIds = new ArrayList<>();
    account.path("orgUnitIds").forEach(id -> unitIds.add(id.asText()));
    Map<String, String> attributes = new HashMap<>();
    account
        .path("attributes")
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getValue().isNull()) {
                attributes.put(field.getKey(), field.getValue().asText());
              }
            });
    return new Account(
        account.path("id").asText(),
        account.path("username").asText(),
        textOrNull(account, "email"),
        account.path("displayName").asText(),
        textOrNull(account, "mobile"),
        textOrNull(account, "employeeNo"),
        textOrNull(account, "jobTitle"),
        unitIds,
        AccountStatus.valueOf(account.path("status").asText()),
        attributes);
  }

  private static String textOrNull(JsonNode node, String field) {
    return node.path(field).isNull() || node.path(field).isMissingNode()
        ? null
        : node.path(field).asText();
  }
}
