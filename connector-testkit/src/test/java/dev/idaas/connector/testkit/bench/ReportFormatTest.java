package dev.idaas.connector.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.testkit.alimail.CallCounts;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

  private static final CallCounts FIRST_PUSH_CALLS =
      new CallCounts(
          3_394,
          Map.of(
              "/control/wsLogin", 1L,
              "/ud/getDomainInfo", 1L,
              "/ud/getDepartmentList", 1L,
              "/ud/createDepartment", 3_351L,
              "/ud/createAccounts", 40L));

  private final BenchReport report =
      new BenchReport(
          BenchSettings.defaults().withParts(EnumSet.of(Part.BUDGET_BOUND, Part.NO_OP)),
          new BenchReport.Machine(2, "Java", 1024 * HeapFigures.MIB),
          3_351,
          2_000,
          1_963,
          new BenchReport.BudgetBound(
              push(Duration.ofMillis(93_500), FIRST_PUSH_CALLS, 2),
              Duration.ofMillis(84_850),
              3_371),
          new BenchReport.NoOp(
              push(
                  Duration.ofSeconds(6), new CallCounts(23, Map.of("/ud/getAccountsInfo", 23L)), 0),
              push(
                  Duration.ofSeconds(1), new CallCounts(23, Map.of("/ud/getAccountsInfo", 23L)), 0),
              Duration.ofMillis(93_500)),
          null,
          null,
          null);

  @Test
  void readsEachFigureAgainstItsTarget() {
    assertThat(TargetCheck.of(report))
        .extracting(TargetCheck::measure, TargetCheck::figure, TargetCheck::met)
        .containsExactly(
            tuple("writes of a first push", "3,391", false),
            tuple("reads ÷ writes of a first push", "0.09 % (3 reads)", true),
            tuple("budget-bound wall ÷ ideal", "1.102 (93.5 s ÷ 84.9 s)", false),
            tuple("throttled answers (429)", "2", false),
            tuple("writes of a no-op push", "0 (reads: 23 through the host, 23 alone)", true),
            tuple("no-op wall ÷ first push, host", "6.42 % (6.00 s)", false),
            tuple("no-op wall ÷ first push, connector alone", "1.07 % (1.00 s)", true));
  }

  @Test
  void printsATableWithAVerdictOnEachLineAndEachPushsCalls() {
    String table = ReportFormat.table(report);

    assertThat(table)
        .contains("3,351 org units, 2,000 accounts (1,963 active)")
        .containsPattern(
            "1 +budget-bound wall ÷ ideal +1\\.102 \\(93\\.5 s ÷ 84\\.9 s\\) +≤ 1\\.10 +MISSED")
        .containsPattern(
            "2 +no-op wall ÷ first push, connector alone +1\\.07 % \\(1\\.00 s\\) +≤ 5 % +met")
        .contains(
            "calls: /control/wsLogin 1, /ud/createAccounts 40, /ud/createDepartment 3351,"
                + " /ud/getDepartmentList 1, /ud/getDomainInfo 1");
  }

  @Test
  void writesJsonWithTheRawFiguresAndTheChecks() throws Exception {
    JsonNode json = new ObjectMapper().readTree(ReportFormat.json(report));

    assertThat(json.path("settings").path("parts").toString()).isEqualTo("[1,2]");
    assertThat(json.path("directory").path("activeAccounts").asInt()).isEqualTo(1_963);
    JsonNode first = json.path("pushes").path("1 first push, host");
    assertThat(first.path("wallMillis").asLong()).isEqualTo(93_500);
    assertThat(first.path("callsByPath").path("/ud/createDepartment").asLong()).isEqualTo(3_351);
    assertThat(first.path("unitOutcomes").path("CREATED").asInt()).isEqualTo(3_351);
    assertThat(json.path("checks")).hasSize(7);
    assertThat(json.path("checks").get(2).path("value").asDouble()).isEqualTo(93.5 / 84.85);
    assertThat(json.path("checks").get(2).path("met").asBoolean()).isFalse();
  }

  private static PushFigures push(Duration wall, CallCounts calls, long throttled) {
    return new PushFigures(
        "host",
        5_351,
        wall,
        calls,
        throttled,
        Map.of(Outcome.CREATED, 3_351),
        Map.of(Outcome.CREATED, 1_963, Outcome.SKIPPED, 37),
        0,
        null);
  }
}
