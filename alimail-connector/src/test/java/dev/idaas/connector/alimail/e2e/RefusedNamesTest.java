package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
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
 * Unit names the target may refuse: a slash, a name over its length limit, and names it accepts
 * although they look unusual. Names are sent exactly as given; a refusal fails the unit with the
 * target's reason and blocks its members until the name is fixed.
 */
class RefusedNamesTest {

  private static final String EIGHTY_CHARACTERS =
      "Department of Long Names ".repeat(4).substring(0, 80);

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
  void keepsNamesExactlyFailsTheRefusedOnesWithTheTargetsReasonAndPushesThemOnceRenamed() {
    DirectorySnapshot directory =
        Org.directory(
            List.of(
                unit("D1", null, "Internal/External Comms"),
                unit("D2", null, "R&D + QA"),
                unit("D3", null, "市场部（华东）"),
                unit("D4", null, EIGHTY_CHARACTERS),
                unit("D5", null, "Fun Club 🎉")),
            List.of(
                person("U1", "D1"),
                person("U2", "D2"),
                person("U3", "D3"),
                person("U4", "D4"),
                person("U5", "D5")));

    RunSummary first = sync.host().executeAdd(directory);

    assertThat(sync.departments())
        .containsExactly(
            "acme.example/Fun Club 🎉", "acme.example/R&D + QA", "acme.example/市场部（华东）");
    assertThat(sync.mailboxes())
        .containsExactly(
            "postmaster@acme.example in acme.example",
            "u2@acme.example in acme.example/R&D + QA",
            "u3@acme.example in acme.example/市场部（华东）",
            "u5@acme.example in acme.example/Fun Club 🎉");
    assertThat(first.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(first.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 3, Outcome.FAILED, 2));
    assertThat(first.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 3, Outcome.BLOCKED, 2));
    SyncEvent slash = sync.event(first.runId(), "D1");
    assertThat(slash.errorKind()).isEqualTo(ErrorKind.INVALID_DATA);
    assertThat(slash.message())
        .startsWith(
            "Alibaba Mail refused createDepartment (code 2961: APP_UD_DEPARTMENT_INVALID: the"
                + " name contains the forbidden character /).");
    assertThat(sync.event(first.runId(), "D4").message())
        .startsWith(
            "Alibaba Mail refused createDepartment (code 2961: APP_UD_DEPARTMENT_INVALID: the"
                + " name has 80 characters, more than 64).");
    assertThat(sync.event(first.runId(), "U1").message()).contains("its org unit D1");

    DirectorySnapshot renamed =
        directory.toBuilder()
            .updateOrgUnit("D1", unit -> unit.withName("Internal and External Comms"))
            .build();
    RunSummary second = sync.host().applyChanges(renamed).run().orElseThrow();

    assertThat(sync.outline(second.runId()))
        .containsExactly("account U1 UPSERT CREATED", "unit D1 UPSERT CREATED");
    assertThat(sync.mailbox("u1@acme.example"))
        .isEqualTo("u1@acme.example in acme.example/Internal and External Comms");
    assertThat(second.status()).isEqualTo(RunStatus.SUCCESS);
  }
}
