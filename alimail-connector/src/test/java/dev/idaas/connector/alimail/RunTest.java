package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunTest {

  private static ObjectResult created(String id) {
    return ObjectResult.done(
        ObjectType.ACCOUNT, id, id, Operation.UPSERT, Outcome.CREATED, id, null);
  }

  @Test
  void reportsEachObjectOnceAndRefusesASecondReport() {
    RecordingEvents events = new RecordingEvents();
    Run run = new Run(events, Cancellation.NEVER);

    run.report(created("U1"));

    assertThatThrownBy(() -> run.report(created("U1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reported twice in one run: ACCOUNT U1");
    assertThat(events.all()).hasSize(1);
    assertThat(run.finish().status()).isEqualTo(RunStatus.SUCCESS);
  }

  @Test
  void stopsAtTheFirstRunLevelFailureAndSkipsWorkNotStarted() {
    Run run = new Run(new RecordingEvents(), Cancellation.NEVER);
    AtomicInteger ran = new AtomicInteger();
    ConnectorException refused = new ConnectorException(ErrorKind.AUTHENTICATION, "refused");

    try (Workers workers = new Workers(1)) {
      workers.each(
          run,
          IntStream.range(0, 20).boxed().toList(),
          item -> {
            ran.incrementAndGet();
            throw refused;
          });
    }

    assertThat(ran).hasValue(1);
    assertThatThrownBy(run::finish).isSameAs(refused);
  }

  @Test
  void letsAnObjectLevelFailureThroughForItsCallerToReport() {
    Run run = new Run(new RecordingEvents(), Cancellation.NEVER);
    ConnectorException quota = new ConnectorException(ErrorKind.QUOTA, "full");

    assertThat(run.objectLevel(quota)).isSameAs(quota);
    assertThat(run.going()).isTrue();
  }

  @Test
  void endsWithACancellationWhenTheHostAsksToStop() {
    Run run = new Run(new RecordingEvents(), () -> true);

    assertThatThrownBy(run::finish)
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CANCELLED));
    assertThat(run.going()).isFalse();
  }
}
