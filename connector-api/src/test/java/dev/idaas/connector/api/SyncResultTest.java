package dev.idaas.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyncResultTest {

  @Test
  void succeedsWhenNoObjectFailedOrWasBlockedSkipsIncluded() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(done("u1", Outcome.CREATED));
    tally.add(done("u2", Outcome.UNCHANGED));
    tally.add(done("u3", Outcome.SKIPPED));

    SyncResult result = tally.result();

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.counts())
        .containsExactly(
            Map.entry(Outcome.CREATED, 1),
            Map.entry(Outcome.UNCHANGED, 1),
            Map.entry(Outcome.SKIPPED, 1));
    assertThat(result.error()).isNull();
  }

  @Test
  void succeedsWithNothingToDo() {
    SyncResult result = SyncResult.tally().result();

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(result.total()).isZero();
  }

  @Test
  void isPartialWhenSomeObjectsFailedAndOthersWerePushed() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(done("u1", Outcome.CREATED));
    tally.add(failed("u2"));

    assertThat(tally.result().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void isPartialWhenAnObjectWasBlocked() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(done("u1", Outcome.UNCHANGED));
    tally.add(blocked("a1"));

    assertThat(tally.result().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void failsWhenEveryObjectFailedOrWasBlocked() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(failed("u1"));
    tally.add(blocked("a1"));

    assertThat(tally.result().status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void isPartialWhenAPolicySkipStandsBesideAFailure() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(failed("u1"));
    tally.add(done("a1", Outcome.SKIPPED));

    assertThat(tally.result().status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void failsWhenEveryCountedObjectFailed() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(failed("u1"));
    tally.add(failed("u2"));

    SyncResult result = tally.result();

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.count(Outcome.FAILED)).isEqualTo(2);
    assertThat(result.problems()).isEqualTo(2);
  }

  @Test
  void failsWithTheRunLevelErrorAndWhatWasCountedWhenStopped() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(done("u1", Outcome.CREATED));

    SyncResult result = tally.stopped("AliMail refused the access password (code 1101)");

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("AliMail refused the access password (code 1101)");
    assertThat(result.count(Outcome.CREATED)).isEqualTo(1);
  }

  @Test
  void countsTotalsProblemsAndWrites() {
    SyncResult.Tally tally = SyncResult.tally();
    for (Outcome outcome : Outcome.values()) {
      tally.add(
          outcome == Outcome.FAILED ? failed("f") : done(outcome.name().toLowerCase(), outcome));
    }
    tally.add(done("c2", Outcome.CREATED));

    SyncResult result = tally.result();

    assertThat(result.total()).isEqualTo(12);
    assertThat(result.problems()).isEqualTo(2);
    assertThat(result.writes()).isEqualTo(7);
    assertThat(result.count(Outcome.CREATED)).isEqualTo(2);
    assertThat(result.status()).isEqualTo(RunStatus.PARTIAL);
  }

  @Test
  void countsResultsFromConcurrentWorkersWithoutLosingAny() throws Exception {
    SyncResult.Tally tally = SyncResult.tally();
    ExecutorService workers = Executors.newFixedThreadPool(4);
    List<Runnable> jobs = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      String id = "u" + i;
      jobs.add(() -> tally.add(done(id, Outcome.CREATED)));
    }

    jobs.forEach(workers::execute);
    workers.shutdown();

    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(tally.result().count(Outcome.CREATED)).isEqualTo(4_000);
  }

  @Test
  void keepsAResultsCountsIndependentOfLaterAdds() {
    SyncResult.Tally tally = SyncResult.tally();
    tally.add(done("u1", Outcome.CREATED));
    SyncResult first = tally.result();

    tally.add(done("u2", Outcome.CREATED));

    assertThat(first.count(Outcome.CREATED)).isEqualTo(1);
    assertThatThrownBy(() -> first.counts().put(Outcome.FAILED, 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesAFailedResultWithoutAnErrorKind() {
    assertThatThrownBy(
            () ->
                new ObjectResult(
                    ObjectType.ACCOUNT,
                    "emp-100",
                    "sking@acme.example",
                    Operation.UPSERT,
                    Outcome.FAILED,
                    null,
                    null,
                    "refused",
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a FAILED result needs an error kind: emp-100");
  }

  @Test
  void makesResultsWithTheirKindAndADuration() {
    ObjectResult failed =
        ObjectResult.failed(
                ObjectType.ACCOUNT,
                "emp-100",
                "sking@acme.example",
                Operation.UPSERT,
                ErrorKind.QUOTA,
                "AliMail has no free seat (code 1610)")
            .took(Duration.ofMillis(42));

    assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(failed.errorKind()).isEqualTo(ErrorKind.QUOTA);
    assertThat(failed.duration()).isEqualTo(Duration.ofMillis(42));
    assertThat(blocked("a1").errorKind()).isNull();
    assertThat(done("u1", Outcome.CREATED).duration()).isEqualTo(Duration.ZERO);
  }

  private static ObjectResult done(String id, Outcome outcome) {
    return ObjectResult.done(
        ObjectType.ORG_UNIT, id, "Unit " + id, Operation.UPSERT, outcome, "t-" + id, null);
  }

  private static ObjectResult failed(String id) {
    return ObjectResult.failed(
        ObjectType.ORG_UNIT, id, "Unit " + id, Operation.UPSERT, ErrorKind.INVALID_DATA, "bad");
  }

  private static ObjectResult blocked(String id) {
    return ObjectResult.blocked(
        ObjectType.ACCOUNT, id, id + "@acme.example", Operation.UPSERT, "its unit failed");
  }
}
