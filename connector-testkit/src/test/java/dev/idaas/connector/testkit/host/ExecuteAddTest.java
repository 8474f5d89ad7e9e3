package dev.idaas.connector.testkit.host;

import static dev.idaas.connector.testkit.host.HostFixture.hr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SpiVersion;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecuteAddTest {

  @TempDir Path stateFolder;

  private HostFixture fixture;
  private HostSimulator host;

  @BeforeEach
  void openHost() {
    fixture = new HostFixture(stateFolder);
    host = fixture.open();
  }

  @AfterEach
  void closeHost() {
    host.close();
  }

  @Test
  void executeAddPushesEveryUnitAndAccountOfTheOracleHrDirectory() {
    RunSummary run = host.executeAdd(hr());

    assertThat(run.runId()).isEqualTo("run-1");
    assertThat(run.trigger()).isEqualTo(Trigger.EXECUTE_ADD);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 40));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 107));
    assertThat(run.writes()).isEqualTo(147);
    assertThat(run.error()).isNull();
    assertThat(run.duration()).isEqualTo(Duration.ZERO);
    assertThat(fixture.target.departments()).hasSize(41);
    assertThat(fixture.target.mailboxes()).hasSize(107);
    assertThat(host.links().all(ObjectType.ORG_UNIT)).hasSize(40);
    assertThat(host.links().all(ObjectType.ACCOUNT)).hasSize(107);
  }

  @Test
  void executeAddPlacesEachObjectAsTheDirectoryHasIt() {
    host.executeAdd(hr());

    String it = host.links().targetId(ObjectType.ORG_UNIT, "dept-60").orElseThrow();
    assertThat(fixture.target.pathOf(it))
        .isEqualTo("Americas/United States of America/Southlake/IT");
    assertThat(fixture.target.mailbox("ajames@example.com").orElseThrow().departmentId())
        .isEqualTo(it);
    assertThat(fixture.target.mailbox("KGRANT@example.com").orElseThrow().departmentId())
        .as("an account with no unit goes to the root")
        .isEqualTo(InMemoryTarget.ROOT);
  }

  @Test
  void everyEventCarriesWhatTheHostKnows() {
    host.executeAdd(hr());

    List<SyncEvent> events = host.events(EventFilter.all());

    assertThat(events).hasSize(147);
    assertThat(events.get(0))
        .isEqualTo(
            new SyncEvent(
                "event-1",
                "run-1",
                HostFixture.NOW,
                HostFixture.APPLICATION,
                Trigger.EXECUTE_ADD,
                1,
                ObjectResult.done(
                    ObjectType.ORG_UNIT,
                    "region-20",
                    "Americas",
                    Operation.UPSERT,
                    Outcome.CREATED,
                    "d1",
                    null)));
    assertThat(events.subList(0, 40)).allMatch(e -> e.objectType() == ObjectType.ORG_UNIT);
    assertThat(events.subList(40, 147)).allMatch(e -> e.objectType() == ObjectType.ACCOUNT);
    assertThat(events.get(40).displayKey()).isEqualTo("SKING@example.com");
  }

  @Test
  void aSecondExecuteAddWithNoChangeWritesNothing() {
    host.executeAdd(hr());
    int writesBefore = fixture.target.writes();

    RunSummary second = host.executeAdd(hr());

    assertThat(second.runId()).isEqualTo("run-2");
    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(second.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 40));
    assertThat(second.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(second.writes()).isZero();
    assertThat(fixture.target.writes()).isEqualTo(writesBefore);
  }

  @Test
  void aPreviewPredictsExecuteAddAndWritesNothing() {
    RunSummary preview = host.preview(hr());

    assertThat(preview.trigger()).isEqualTo(Trigger.PREVIEW);
    assertThat(preview.isPreview()).isTrue();
    assertThat(preview.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 40));
    assertThat(preview.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 107));
    assertThat(preview.writes()).isEqualTo(147);
    assertThat(fixture.target.writes()).isZero();
    assertThat(host.links().all(ObjectType.ORG_UNIT)).isEmpty();
    assertThat(host.links().all(ObjectType.ACCOUNT)).isEmpty();
    assertThat(host.lastPushedScope()).isEmpty();
    assertThat(host.events(EventFilter.all().withTrigger(Trigger.PREVIEW))).hasSize(147);

    RunSummary real = host.executeAdd(hr());

    assertThat(real.orgUnitCounts()).isEqualTo(preview.orgUnitCounts());
    assertThat(real.accountCounts()).isEqualTo(preview.accountCounts());
  }

  @Test
  void aPreviewAfterExecuteAddPredictsNoWrite() {
    host.executeAdd(hr());

    RunSummary preview = host.preview(hr());

    assertThat(preview.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 40));
    assertThat(preview.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(preview.writes()).isZero();
  }

  @Test
  void executeAddAdoptsUnitsByNameUnderTheirParentAndMailboxesByEmailIgnoringCase() {
    String americas = fixture.target.seedDepartment(InMemoryTarget.ROOT, "Americas");
    fixture.target.seedMailbox(
        new InMemoryTarget.Mailbox("sking@example.com", "Steven King", americas, null, false));

    RunSummary run = host.executeAdd(hr());

    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.LINKED, 1, Outcome.CREATED, 39));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.LINKED, 1, Outcome.CREATED, 106));
    assertThat(host.links().targetId(ObjectType.ORG_UNIT, "region-20")).contains(americas);
    assertThat(host.links().targetId(ObjectType.ACCOUNT, "emp-100")).contains("sking@example.com");
  }

  @Test
  void tellsTheProgressListenerAboutEachObject() {
    List<String> calls = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void runStarted(String runId, Trigger trigger, int objects) {
            calls.add("started " + runId + " " + trigger + " " + objects);
          }

          @Override
          public void objectDone(Progress progress) {
            if (progress.done() % 50 == 0 || progress.done() == progress.total()) {
              calls.add(
                  progress.done() + "/" + progress.total() + " failures " + progress.failures());
            }
          }

          @Override
          public void runFinished(RunSummary summary) {
            calls.add("finished " + summary.runId() + " " + summary.status());
          }
        };
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.close();
    host = fixture.builder().progressListener(listener).open();

    host.executeAdd(hr());

    assertThat(calls)
        .containsExactly(
            "started run-1 EXECUTE_ADD 147",
            "50/147 failures 0",
            "100/147 failures 0",
            "147/147 failures 1",
            "finished run-1 PARTIAL");
  }

  @Test
  void filtersEventsByOutcomeTypeObjectAndRun() {
    fixture.target.failObject("emp-200", ErrorKind.QUOTA, "seat quota reached");
    host.executeAdd(hr());
    host.executeAdd(hr());

    assertThat(HostFixture.outline(host.events(EventFilter.all().problemsOnly())))
        .containsExactly("ACCOUNT emp-200 UPSERT FAILED", "ACCOUNT emp-200 UPSERT FAILED");
    assertThat(host.events(EventFilter.all().problemsOnly().inRun("run-2")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.errorKind()).isEqualTo(ErrorKind.QUOTA);
              assertThat(e.message()).isEqualTo("seat quota reached");
            });
    assertThat(host.events(EventFilter.all().forObject("dept-60"))).hasSize(2);
    assertThat(host.events(EventFilter.all().ofType(ObjectType.ORG_UNIT).inRun("run-1")))
        .hasSize(40);
    assertThat(
            host.events(
                EventFilter.all().withOutcomes(Outcome.UNCHANGED).ofType(ObjectType.ACCOUNT)))
        .hasSize(106);
  }

  @Test
  void listsRunsOldestFirst() {
    host.executeAdd(hr());
    host.preview(hr());

    assertThat(host.runs())
        .extracting(RunSummary::runId, RunSummary::trigger, RunSummary::status)
        .containsExactly(
            tuple("run-1", Trigger.EXECUTE_ADD, RunStatus.SUCCESS),
            tuple("run-2", Trigger.PREVIEW, RunStatus.SUCCESS));
    assertThat(host.run("run-2").orElseThrow().accountCounts())
        .isEqualTo(Map.of(Outcome.UNCHANGED, 107));
    assertThat(host.run("run-9")).isEmpty();
  }

  @Test
  void refusesAPreviewWhenTheConnectorCannotPreview() {
    host.close();
    EnumSet<Capability> noPreview = EnumSet.allOf(Capability.class);
    noPreview.remove(Capability.PREVIEW);
    host =
        fixture
            .builder()
            .provider(new InMemoryDirectoryProvider(fixture.target, noPreview, SpiVersion.CURRENT))
            .open();

    assertThatThrownBy(() -> host.preview(hr()))
        .isInstanceOf(HostSimulatorException.class)
        .hasMessage(
            "The connector in-memory cannot preview: it does not declare the PREVIEW capability."
                + " Run without a preview, or on a copy of the target.");
  }

  @Test
  void refusesAProviderBuiltForAnotherSpi() {
    host.close();
    HostSimulator.Builder builder =
        fixture
            .builder()
            .provider(
                new InMemoryDirectoryProvider(
                    fixture.target, EnumSet.allOf(Capability.class), "2.0"));

    assertThatThrownBy(builder::open)
        .isInstanceOf(HostSimulatorException.class)
        .hasMessage(
            "The connector in-memory was built for SPI version 2.0, which this host (SPI 1.0)"
                + " cannot run; use a build of the connector for SPI 1.x.");
  }

  @Test
  void refusesParametersThatDoNotValidate() {
    host.close();
    Map<String, String> wrong = new HashMap<>(HostFixture.PARAMETERS);
    wrong.put("domain", "ops@acme.example");
    wrong.remove("apiKey");
    HostSimulator.Builder builder = fixture.builder().parameters(wrong);

    assertThatThrownBy(builder::open)
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "The parameters of in-memory have 2 problems:\n"
                + "  - domain: 'ops@acme.example' is not a mail domain; give the part after '@',"
                + " such as example.com\n"
                + "  - apiKey: is required: The key to sign in with.");
  }

  @Test
  void checksTheConnectionWithoutRecordingAnything() {
    assertThat(host.checkConnection().steps())
        .containsExactly("signed in", "root department found");
    assertThat(host.runs()).isEmpty();
  }
}
