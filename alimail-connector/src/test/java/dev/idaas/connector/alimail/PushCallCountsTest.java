package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.testkit.bench.BenchReport;
import dev.idaas.connector.testkit.bench.BenchSettings;
import dev.idaas.connector.testkit.bench.Part;
import dev.idaas.connector.testkit.bench.PushBench;
import dev.idaas.connector.testkit.bench.PushFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the calls a full push of the Oracle HR example (40 org units, 107 active accounts, one of
 * them without a unit) makes to the simulated Alibaba Mail over real HTTP, as the benchmark drives
 * it: through the host simulator, and through the SPI alone. Calls are counted, never timed.
 */
class PushCallCountsTest {

  private static final Path ORACLE_HR = Path.of("../examples/oracle-hr.json");

  private static final Map<String, Long> FIRST_PUSH =
      Map.of(
          "/control/wsLogin", 1L,
          "/ud/getDomainInfo", 1L,
          "/ud/getDepartmentList", 1L,
          "/ud/createDepartment", 40L,
          "/ud/createAccounts", 2L);

  private static final Map<String, Long> NO_OP_PUSH =
      Map.of(
          "/control/wsLogin", 1L,
          "/ud/getDomainInfo", 1L,
          "/ud/getDepartmentList", 1L,
          "/ud/getAccountsInfo", 2L);

  @Test
  void firstPushMakesOneCallPerUnitAndPerHundredMailboxesAndTheNextWritesNothing()
      throws IOException {
    BenchReport report = bench(EnumSet.of(Part.BUDGET_BOUND, Part.NO_OP)).run();

    PushFigures first = report.budgetBound().push();
    assertThat(first.calls().byPath()).isEqualTo(FIRST_PUSH);
    assertThat(first.writes()).isEqualTo(report.budgetBound().minimalWrites()).isEqualTo(42);
    assertThat(first.throttled()).isZero();
    assertThat(first.unitOutcomes()).isEqualTo(Map.of(Outcome.CREATED, 40));
    assertThat(first.accountOutcomes()).isEqualTo(Map.of(Outcome.CREATED, 107));

    assertThat(report.noOp().host().calls().byPath()).isEqualTo(NO_OP_PUSH);
    assertThat(report.noOp().host().unitOutcomes()).isEqualTo(Map.of(Outcome.UNCHANGED, 40));
    assertThat(report.noOp().host().accountOutcomes()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(report.noOp().connector().calls().byPath()).isEqualTo(NO_OP_PUSH);
    assertThat(report.noOp().connector().accountOutcomes())
        .isEqualTo(Map.of(Outcome.UNCHANGED, 107));
  }

  @Test
  void plainLoopReplaysExactlyTheConnectorsCallsAndScaleMakesTwiceTheWrites() throws IOException {
    BenchReport report = bench(EnumSet.of(Part.OVERHEAD, Part.SCALE)).withScale(2).run();

    assertThat(report.overhead().connector().calls().byPath()).isEqualTo(FIRST_PUSH);
    assertThat(report.overhead().plain().calls().byPath()).isEqualTo(FIRST_PUSH);
    assertThat(report.overhead().plain().problems()).isZero();
    assertThat(report.overhead().host().calls().byPath()).isEqualTo(FIRST_PUSH);
    assertThat(report.scale().scaled().calls().byPath())
        .isEqualTo(
            Map.of(
                "/control/wsLogin", 1L,
                "/ud/getDomainInfo", 1L,
                "/ud/getDepartmentList", 1L,
                "/ud/createDepartment", 2 * 40L + 2,
                "/ud/createAccounts", 3L));
    assertThat(report.scale().scaled().accountOutcomes()).isEqualTo(Map.of(Outcome.CREATED, 214));
    assertThat(report.scale().one().heap().peakUsed()).isPositive();
  }

  /** The benchmark on the Oracle HR example, without latency, within 40 calls a second. */
  private static Bench bench(EnumSet<Part> parts) {
    return new Bench(
        BenchSettings.defaults()
            .withDirectory(ORACLE_HR)
            .withLatency(Duration.ZERO)
            .withBudget(40)
            .withParts(parts));
  }

  private record Bench(BenchSettings settings) {
    Bench withScale(int copies) {
      return new Bench(settings.withScale(copies));
    }

    BenchReport run() throws IOException {
      return new PushBench(settings, new AliMailProvider(), line -> {}).run();
    }
  }
}
