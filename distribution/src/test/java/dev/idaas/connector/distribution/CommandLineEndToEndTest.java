package dev.idaas.connector.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.testkit.cli.IdaasHost;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.SnapshotReader;
import dev.idaas.connector.testkit.host.SnapshotWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line as a delivery engineer uses it: {@code simulate alimail} in a process of its
 * own, then {@code push}, a second {@code push} and a {@code sync} of the Oracle HR example through
 * the alimail connector, checked against the simulator's own view of the domain. The steps build on
 * each other, so they run in order on one simulator and one state folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineEndToEndTest {

  private static final Set<String> WRITE_PATHS =
      Set.of(
          "/ud/createDepartment",
          "/ud/updateDepartment",
          "/ud/removeDepartment",
          "/ud/createAccounts",
          "/ud/updateAccountInfo",
          "/ud/moveAccountsToDepartment",
          "/ud/updateAccountsStatus",
          "/ud/updateAccountsPassword",
          "/ud/removeAccounts");

  @TempDir static Path folder;

  private SimulatorProcess simulator;
  private Path state;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void startTheSimulatorInAnotherProcess() throws Exception {
    simulator = SimulatorProcess.start(folder, folder.resolve("sim-data"));
    state = folder.resolve("state");
  }

  @AfterAll
  void stopTheSimulator() {
    simulator.close();
  }

  @Test
  @Order(1)
  void pushesTheOracleHrDirectoryIntoTheDomain() throws Exception {
    Result push = push("push", Examples.path("oracle-hr.json"), "--provider", "alimail");

    JsonNode summary = json.readTree(push.out());
    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(summary.get("status").asText()).isEqualTo("SUCCESS");
    assertThat(summary.get("orgUnits").toString()).isEqualTo("{\"CREATED\":40}");
    assertThat(summary.get("accounts").toString()).isEqualTo("{\"CREATED\":107}");
    assertThat(summary.get("writes").asInt()).isEqualTo(147);

    JsonNode domain = simulator.state();
    String root = domain.get("rootDepartmentId").asText();
    assertThat(domain.get("departments")).hasSize(41);
    assertThat(departmentsBelow(domain, root)).hasSize(40);
    assertThat(domain.get("accounts")).hasSize(108);
    assertThat(accountEmails(domain)).contains("postmaster@acme.example", "sking@acme.example");
  }

  @Test
  @Order(2)
  void writesNothingOnASecondPush() throws Exception {
    Map<String, Long> writesBefore = writeCalls(simulator.calls());

    Result push = push("push", Examples.path("oracle-hr.json"));

    JsonNode summary = json.readTree(push.out());
    assertThat(push.exitCode()).as(push.err()).isZero();
    assertThat(summary.get("orgUnits").toString()).isEqualTo("{\"UNCHANGED\":40}");
    assertThat(summary.get("accounts").toString()).isEqualTo("{\"UNCHANGED\":107}");
    assertThat(summary.get("writes").asInt()).isZero();
    assertThat(writeCalls(simulator.calls())).isEqualTo(writesBefore);
  }

  @Test
  @Order(3)
  void syncsExactlyTheChangesOfAChangedCopy() throws Exception {
    Map<String, Long> writesBefore = writeCalls(simulator.calls());
    DirectorySnapshot hr = new SnapshotReader().read(Examples.path("oracle-hr.json"));
    Account joiner =
        new Account(
            "emp-300",
            "alovelace",
            "ALOVELACE@example.com",
            "Ada Lovelace",
            null,
            "300",
            "Programmer",
            List.of("dept-60"),
            AccountStatus.ACTIVE,
            Map.of());
    DirectorySnapshot changed =
        hr.toBuilder()
            .updateOrgUnit("dept-60", unit -> unit.withName("Information Technology"))
            .updateAccount("emp-104", account -> account.withOrgUnits(List.of("dept-210")))
            .updateAccount("emp-105", account -> account.withStatus(AccountStatus.DISABLED))
            .put(joiner)
            .build();
    Path file = folder.resolve("oracle-hr-changed.json");
    SnapshotWriter.pretty().write(changed, file);

    Result sync = push("sync", file);

    JsonNode summary = json.readTree(sync.out());
    assertThat(sync.exitCode()).as(sync.err()).isZero();
    assertThat(summary.get("orgUnits").toString()).isEqualTo("{\"UPDATED\":1}");
    assertThat(summary.get("accounts").toString())
        .isEqualTo("{\"CREATED\":1,\"MOVED\":1,\"DISABLED\":1}");
    assertThat(summary.get("writes").asInt()).isEqualTo(4);

    Map<String, Long> writes = writeCalls(simulator.calls());
    assertThat(added(writesBefore, writes, "/ud/updateDepartment")).isEqualTo(1);
    assertThat(added(writesBefore, writes, "/ud/createAccounts")).isEqualTo(1);
    assertThat(added(writesBefore, writes, "/ud/updateAccountsStatus")).isEqualTo(1);
    assertThat(total(writes) - total(writesBefore)).isEqualTo(4);

    JsonNode domain = simulator.state();
    assertThat(departmentNames(domain)).contains("Information Technology").doesNotContain("IT");
    assertThat(account(domain, "dwilliams@acme.example").get("status").asText())
        .isEqualTo("frozen");
    assertThat(account(domain, "alovelace@acme.example").get("departmentId").asText())
        .isEqualTo(departmentId(domain, "Information Technology"));
    assertThat(account(domain, "bmiller@acme.example").get("departmentId").asText())
        .isEqualTo(departmentId(domain, "IT Support"));
    assertThat(domain.get("accounts")).hasSize(109);
    assertThat(domain.get("departments")).hasSize(41);
  }

  @Test
  @Order(4)
  void stopsCleanlyOnSigtermKeepingTheDomain() throws Exception {
    simulator.terminate();

    assertThat(simulator.errors())
        .endsWith(
            "AliMail simulator stopped; the domain is kept in "
                + folder.resolve("sim-data")
                + ".\n");
    assertThat(folder.resolve("sim-data").resolve("alimail-state.json")).exists();
  }

  private Result push(String command, Path directory, String... more) {
    String[] base = {
      command,
      "--directory",
      directory.toString(),
      "--state",
      state.toString(),
      "--params",
      simulator.parameters().toString(),
      "--format",
      "json"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = IdaasHost.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Result(commandLine.execute(args), out.toString(), err.toString());
  }

  private record Result(int exitCode, String out, String err) {}

  private static Set<String> departmentsBelow(JsonNode domain, String root) {
    Map<String, String> parents = new HashMap<>();
    domain
        .get("departments")
        .forEach(d -> parents.put(d.get("id").asText(), d.path("parentId").asText(null)));
    Set<String> below = new HashSet<>();
    for (String id : parents.keySet()) {
      for (String up = parents.get(id); up != null; up = parents.get(up)) {
        if (up.equals(root)) {
          below.add(id);
          break;
        }
      }
    }
    return below;
  }

  private static Set<String> accountEmails(JsonNode domain) {
    Set<String> emails = new HashSet<>();
    domain.get("accounts").forEach(a -> emails.add(a.get("email").asText()));
    return emails;
  }

  private static Set<String> departmentNames(JsonNode domain) {
    Set<String> names = new HashSet<>();
    domain.get("departments").forEach(d -> names.add(d.get("name").asText()));
    return names;
  }

  private static JsonNode account(JsonNode domain, String email) {
    for (JsonNode account : domain.get("accounts")) {
      if (account.get("email").asText().equals(email)) {
        return account;
      }
    }
    throw new AssertionError("no account " + email);
  }

  private static String departmentId(JsonNode domain, String name) {
    for (JsonNode department : domain.get("departments")) {
      if (department.get("name").asText().equals(name)) {
        return department.get("id").asText();
      }
    }
    throw new AssertionError("no department " + name);
  }

  private static long added(Map<String, Long> before, Map<String, Long> after, String path) {
    return after.getOrDefault(path, 0L) - before.getOrDefault(path, 0L);
  }

  private static long total(Map<String, Long> writes) {
    return writes.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> writeCalls(JsonNode calls) {
    Map<String, Long> writes = new HashMap<>();
    for (Map.Entry<String, JsonNode> path : calls.get("byPath").properties()) {
      if (WRITE_PATHS.contains(path.getKey())) {
        writes.put(path.getKey(), path.getValue().asLong());
      }
    }
    return writes;
  }
}
