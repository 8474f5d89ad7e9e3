package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trees as directories really send them: children listed before their parents, deep chains, units
 * whose parent does not exist, and cycles of parents.
 */
class TreeShapeTest {

  @TempDir Path state;
  private SyncFixture sync;

  @BeforeEach
  void start() {
    sync = SyncFixture.start(state);
  }

  @AfterEach
  void stop() {
    sync.close();
  }

  @Test
  void pushesAChildrenFirstTreeParentsFirstAndBlocksTheOrphansAccount() {
    DirectorySnapshot directory =
        Org.directory(
            List.of(
                unit("D42", "D41", "Kernel"),
                unit("D41", "D40", "Storage"),
                unit("D99", "D98", "Ghost"),
                unit("D40", "D10", "Platform"),
                unit("D10", null, "Engineering")),
            List.of(person("U1", "D42"), person("U2", "D10"), person("U3", "D99")));

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(sync.departments())
        .containsExactly(
            "acme.example/Engineering",
            "acme.example/Engineering/Platform",
            "acme.example/Engineering/Platform/Storage",
            "acme.example/Engineering/Platform/Storage/Kernel");
    assertThat(sync.alimail.calls("/ud/createDepartment")).isEqualTo(4);
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u1@acme.example in acme.example/Engineering/Platform/Storage/Kernel",
            "u2@acme.example in acme.example/Engineering");
    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 4, Outcome.BLOCKED, 1));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 2, Outcome.BLOCKED, 1));
    assertThat(sync.event(run.runId(), "D99").message())
        .isEqualTo("Not pushed: the parent D98 of unit D99 does not exist.");
    assertThat(sync.event(run.runId(), "U3").message()).contains("its org unit D99");
  }

  @Test
  void reportsACycleOfParentsByNameAndPushesTheRestOfTheTree() {
    DirectorySnapshot directory =
        Org.directory(
            List.of(
                unit("D50", "D51", "Loop A"),
                unit("D51", "D50", "Loop B"),
                unit("D52", "D52", "Selfish"),
                unit("D53", null, "Solid")),
            List.of(person("U50", "D50"), person("U53", "D53")));

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(sync.departments()).containsExactly("acme.example/Solid");
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example", "u53@acme.example in acme.example/Solid");
    assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.BLOCKED, 3));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 1, Outcome.BLOCKED, 1));
    assertThat(sync.event(run.runId(), "D50").message())
        .isEqualTo(
            "Not pushed: unit D50 is on a cycle of parents (each arrow points to a parent):"
                + " D50 → D51 → D50.");
    assertThat(sync.event(run.runId(), "D52").message())
        .isEqualTo("Not pushed: unit D52 names itself as its parent.");
    assertThat(sync.links(ObjectType.ORG_UNIT)).isEqualTo(1);
  }

  @Test
  void aCycleMadeByALaterChangeMovesNothingAndDeletesNothing() {
    DirectorySnapshot before =
        Org.directory(
            List.of(unit("D50", null, "Loop A"), unit("D51", "D50", "Loop B")),
            List.of(person("U50", "D50"), person("U51", "D51")));
    sync.host().executeAdd(before);
    List<String> departments = sync.departments();
    List<String> mailboxes = sync.mailboxes();
    sync.alimail.resetCalls();
    DirectorySnapshot looped =
        before.toBuilder().updateOrgUnit("D50", unit -> unit.withParent("D51")).build();

    RunSummary change = sync.host().applyChanges(looped).run().orElseThrow();
    RunSummary fullPush = sync.host().executeAdd(looped);

    assertThat(sync.departments())
        .isEqualTo(departments)
        .containsExactly("acme.example/Loop A", "acme.example/Loop A/Loop B");
    assertThat(sync.mailboxes()).isEqualTo(mailboxes);
    assertThat(sync.outline(change.runId())).containsExactly("unit D50 UPSERT BLOCKED");
    assertThat(sync.event(change.runId(), "D50").message())
        .isEqualTo(
            "Not moved: its new parent org unit D51 is under it in Alibaba Mail, so the directory"
                + " has a cycle of parents; fix the parents in the directory.");
    assertThat(fullPush.orgUnitCounts()).isEqualTo(Map.of(Outcome.BLOCKED, 2));
    assertThat(fullPush.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 2));
    assertThat(fullPush.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(sync.alimail.calls().writes()).isZero();
  }
}
