package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulator with a data folder keeps its domain between runs, even when killed. */
class AliMailSimulatorPersistenceTest {

  @TempDir Path dataDir;

  @Test
  void aStoppedSimulatorComesBackWithTheSameDomain() {
    List<DepartmentSnapshot> departments;
    List<AccountSnapshot> accounts;
    try (AliMailSimulator first = AliMailSimulator.builder().dataDir(dataDir).start()) {
      fillDomain(first);
      departments = first.departments();
      accounts = first.accounts();
    }

    assertThat(dataDir.resolve(StateStore.STATE_FILE)).exists();
    assertThat(dataDir.resolve(StateStore.JOURNAL_FILE)).doesNotExist();
    try (AliMailSimulator second = AliMailSimulator.serve(0, dataDir)) {
      assertThat(second.departments()).isEqualTo(departments);
      assertThat(second.accounts()).isEqualTo(accounts);
      assertThat(second.passwordMatches("li.na@acme.example", "Initial-Pass1")).isTrue();
      assertThat(departments).hasSize(3);
      assertThat(accounts)
          .extracting(AccountSnapshot::email)
          .containsExactly("li.na@acme.example", "postmaster@acme.example");
    }
  }

  @Test
  void everyAnsweredChangeSurvivesAKilledProcess() throws IOException {
    AliMailSimulator killed = AliMailSimulator.builder().dataDir(dataDir).start();
    try {
      fillDomain(killed);
      // A kill can cut the last journal line short; reading it back skips that line.
      Files.writeString(
          dataDir.resolve(StateStore.JOURNAL_FILE),
          "{\"op\":\"account\",\"account\":{\"email\":\"half",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);

      AliMailSimulator restarted = AliMailSimulator.builder().dataDir(dataDir).build();

      assertThat(restarted.departments()).isEqualTo(killed.departments());
      assertThat(restarted.accounts()).isEqualTo(killed.accounts());
    } finally {
      killed.stop();
    }
  }

  @Test
  void aFolderOfAnotherDomainIsRefused() {
    AliMailSimulator.builder().dataDir(dataDir).build().stop();

    assertThatThrownBy(
            () -> AliMailSimulator.builder().domain("other.example").dataDir(dataDir).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the data folder holds the domain acme.example, not other.example; use another folder"
                + " or the same domain");
  }

  @Test
  void theDataFileHoldsNoPassword() throws IOException {
    try (AliMailSimulator simulator = AliMailSimulator.builder().dataDir(dataDir).start()) {
      fillDomain(simulator);
    }

    assertThat(Files.readString(dataDir.resolve(StateStore.STATE_FILE)))
        .contains("li.na@acme.example")
        .doesNotContain("Initial-Pass1");
  }

  /** Makes two departments, one account, a rename and a freeze over HTTP. */
  private static void fillDomain(AliMailSimulator simulator) {
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();
    String root = simulator.rootDepartmentId();
    String sales =
        client
            .call("/ud/createDepartment", Map.of("parentId", root, "name", "Sales"))
            .data()
            .get("departmentId")
            .asText();
    String east =
        client
            .call("/ud/createDepartment", Map.of("parentId", sales, "name", "East"))
            .data()
            .get("departmentId")
            .asText();
    client.call("/ud/updateDepartment", Map.of("departmentId", east, "name", "华东"));
    client.call(
        "/ud/createAccounts",
        Map.of(
            "accounts",
            List.of(
                Map.of(
                    "email", "li.na@acme.example",
                    "name", "Li Na",
                    "passwd", "Initial-Pass1",
                    "departmentId", east))));
    client.call(
        "/ud/updateAccountsStatus",
        Map.of("accounts", List.of(Map.of("email", "li.na@acme.example", "status", "1"))));
  }
}
