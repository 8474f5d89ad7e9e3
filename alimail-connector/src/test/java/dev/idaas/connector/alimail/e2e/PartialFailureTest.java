package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.FaultSpec;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Some accounts of a batch refused, for a full plan and for invalid data, and an answer that leaves
 * an optional field out: the run says exactly who failed and why, the next run repairs what can be
 * repaired, and nothing is made twice or rewritten for a field the answer did not carry.
 */
class PartialFailureTest {

  private static final String REFUSALS = "1610@email:u43@acme.example,1603@email:u47@acme.example";

  @TempDir Path state;
  private SyncFixture sync;

  @BeforeEach
  void start() {
    sync =
        SyncFixture.start(
            state, simulator -> simulator.faults(FaultSpec.parse(REFUSALS)), Map.of());
    sync.alimail.rewriteAnswers("/ud/getAccountsInfo", PartialFailureTest::withoutU45sMobile);
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void namesEachRefusedAccountWithTheTargetsCodeAndRepairsWhatCanBeRepaired() {
    DirectorySnapshot directory = directory();

    RunSummary first = sync.host().executeAdd(directory);

    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(first.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 8, Outcome.FAILED, 2));
    assertThat(sync.host().events(EventFilter.all().inRun(first.runId()).problemsOnly()))
        .extracting(SyncEvent::hostId, SyncEvent::errorKind, SyncEvent::message)
        .containsExactlyInAnyOrder(
            tuple(
                "U43",
                ErrorKind.QUOTA,
                "Alibaba Mail refused createAccounts for u43@acme.example (code 1610:"
                    + " APP_UD_ACCOUNT_QUOTA_EXCEEDED). The mail plan has no free seat: add seats"
                    + " or free some, then push again."),
            tuple(
                "U47",
                ErrorKind.INVALID_DATA,
                "Alibaba Mail refused createAccounts for u47@acme.example (code 1603:"
                    + " APP_UD_ACCOUNT_INVALID). Alibaba Mail refused the account's data (for"
                    + " example an address outside the domain, or a field it does not accept):"
                    + " fix it in the directory."));
    assertThat(sync.alimail.accounts()).hasSize(9);
    AccountSnapshot u45 = sync.alimail.account("u45@acme.example").orElseThrow();
    assertThat(u45.mobilePhone()).isEqualTo("+86 138 0000 0045");

    sync.alimail.clearFaults();
    sync.alimail.inject(FaultSpec.parse("1603@email:u47@acme.example"));
    sync.alimail.rewriteAnswers("/ud/getAccountsInfo", PartialFailureTest::withoutU45sMobile);
    sync.alimail.resetCalls();
    RunSummary second = sync.host().executeAdd(directory);

    assertThat(second.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(second.accountCounts())
        .isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.UNCHANGED, 8, Outcome.FAILED, 1));
    assertThat(sync.outline(second.runId()))
        .contains(
            "account U43 UPSERT CREATED",
            "account U45 UPSERT UNCHANGED",
            "account U47 UPSERT FAILED");
    assertThat(sync.event(second.runId(), "U47").message())
        .isEqualTo(sync.event(first.runId(), "U47").message());
    assertThat(sync.alimail.accounts()).hasSize(10);
    assertThat(sync.alimail.calls().writes()).as("one create for U43 and U47").isEqualTo(1);
    assertThat(sync.alimail.account("u45@acme.example")).contains(u45);
  }

  /** The answer leaves out U45's mobile phone, an optional field. */
  private static ObjectNode withoutU45sMobile(ObjectNode data) {
    for (JsonNode item : data.path("dataList")) {
      if (item.path("email").asText().equals("u45@acme.example")) {
        ((ObjectNode) item).remove("mobilePhone");
      }
    }
    return data;
  }

  /** U40 to U49 in one unit, each with a mobile phone. */
  private static DirectorySnapshot directory() {
    List<Account> accounts = new ArrayList<>();
    for (int i = 40; i <= 49; i++) {
      accounts.add(
          new Account(
              "U" + i,
              "u" + i,
              "U" + i + "@corp.example",
              "Person U" + i,
              "+86 138 0000 00" + i,
              "E" + i,
              "Engineer",
              List.of("D1"),
              AccountStatus.ACTIVE,
              Map.of()));
    }
    return Org.directory(List.of(unit("D1", null, "Operations")), accounts);
  }
}
