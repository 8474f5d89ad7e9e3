package dev.idaas.connector.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import dev.idaas.connector.testkit.cli.IdaasHost;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code idaas-host push} killed like a crashed machine ({@code kill -9}) in the middle of pushing
 * the Oracle HR example: while signing in, while making departments and while making mailboxes,
 * each time with a create that Alibaba Mail has made but not yet answered. The next push finishes
 * the job: every unit and account exactly once, nothing lost, and the links right, so a third push
 * writes nothing.
 *
 * <p>The host runs in a child JVM on this test's class path; the AliMail simulator runs in this JVM
 * with a little latency and a low request rate, so a push takes a few seconds and the kill lands
 * where the simulator's call count says.
 */
class CrashAndResumeTest {

  private static final int UNITS = 40;
  private static final int ACCOUNTS = 107;

  @TempDir Path folder;

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "killed {0}")
  @CsvSource({
    "while signing in, 1",
    "while making departments with one made but not yet answered, 20",
    "while making mailboxes with a batch made but not yet answered, 47"
  })
  void aPushKilledMidwayIsFinishedByTheNextPushWithoutTwinsOrLostLinks(
      String when, int callsBeforeTheKill) throws Exception {
    DirectorySnapshot hr = new SnapshotReader().read(Examples.path("oracle-hr.json"));
    try (AliMailSimulator alimail =
        AliMailSimulator.builder().latency(Duration.ofMillis(60)).start()) {
      Path parameters = parameters(alimail);
      Path state = folder.resolve("state");

      long killedAt = pushAndKill(state, parameters, callsBeforeTheKill, alimail);

      assertThat(killedAt).as("the kill came before the push was done").isLessThan(54);
      Result resumed = pushInThisJvm(state, parameters);
      JsonNode summary = json.readTree(resumed.out());
      assertThat(resumed.exitCode()).as(resumed.err()).isZero();
      assertThat(summary.get("status").asText()).isEqualTo("SUCCESS");
      assertThat(total(summary.get("orgUnits"))).isEqualTo(UNITS);
      assertThat(total(summary.get("accounts"))).isEqualTo(ACCOUNTS);

      assertThat(departmentPaths(alimail)).containsExactlyInAnyOrderElementsOf(unitPaths(hr));
      assertThat(mailboxes(alimail)).containsExactlyInAnyOrderElementsOf(expectedMailboxes(hr));

      Result third = pushInThisJvm(state, parameters);
      JsonNode again = json.readTree(third.out());
      assertThat(again.get("writes").asInt()).as("the links are right").isZero();
      assertThat(again.get("orgUnits").toString()).isEqualTo("{\"UNCHANGED\":" + UNITS + "}");
      assertThat(again.get("accounts").toString()).isEqualTo("{\"UNCHANGED\":" + ACCOUNTS + "}");
    }
  }

  /** Starts a push in a child JVM and kills it once the simulator has counted enough calls. */
  private long pushAndKill(Path state, Path parameters, int calls, AliMailSimulator alimail)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.idaas.connector.testkit.cli.IdaasHost");
    command.addAll(arguments(state, parameters));
    Process push =
        new ProcessBuilder(command)
            .redirectOutput(folder.resolve("push.out").toFile())
            .redirectError(folder.resolve("push.err").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (alimail.calls().total() < calls && push.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    long counted = alimail.calls().total();
    assertThat(push.isAlive())
        .as("the push was still running: " + Files.readString(folder.resolve("push.err")))
        .isTrue();
    push.destroyForcibly();
    assertThat(push.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return counted;
  }

  private Result pushInThisJvm(Path state, Path parameters) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = IdaasHost.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(arguments(state, parameters).toArray(String[]::new));
    return new Result(exitCode, out.toString(), err.toString());
  }

  private static List<String> arguments(Path state, Path parameters) {
    return List.of(
        "push",
        "--directory",
        Examples.path("oracle-hr.json").toString(),
        "--state",
        state.toString(),
        "--provider",
        "alimail",
        "--params",
        parameters.toString(),
        "--format",
        "json");
  }

  /** 10 calls a second and 10 mailboxes a create: about 54 calls over five seconds. */
  private Path parameters(AliMailSimulator alimail) throws IOException {
    Map<String, String> parameters = new HashMap<>(alimail.connectorParameters());
    parameters.put("requestsPerSecond", "10");
    parameters.put("accountBatchSize", "10");
    parameters.put("readTimeout", "5s");
    Path file = folder.resolve("alimail.properties");
    Files.writeString(
        file,
        parameters.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining("\n")));
    return file;
  }

  private static List<String> departmentPaths(AliMailSimulator alimail) {
    Map<String, DepartmentSnapshot> byId = new HashMap<>();
    alimail.departments().forEach(department -> byId.put(department.id(), department));
    return byId.values().stream()
        .filter(department -> !department.isRoot())
        .map(department -> path(department.id(), byId))
        .toList();
  }

  private static List<String> mailboxes(AliMailSimulator alimail) {
    Map<String, DepartmentSnapshot> byId = new HashMap<>();
    alimail.departments().forEach(department -> byId.put(department.id(), department));
    List<String> mailboxes = new ArrayList<>();
    for (AccountSnapshot account : alimail.accounts()) {
      mailboxes.add(
          account.email()
              + " in "
              + path(account.departmentId(), byId)
              + (account.isFrozen() ? " (frozen)" : ""));
    }
    return mailboxes;
  }

  private static String path(String id, Map<String, DepartmentSnapshot> byId) {
    List<String> names = new ArrayList<>();
    for (DepartmentSnapshot d = byId.get(id); d != null; d = byId.get(d.parentId())) {
      names.add(0, d.name());
      if (d.isRoot()) {
        break;
      }
    }
    return String.join("/", names);
  }

  private static List<String> unitPaths(DirectorySnapshot hr) {
    return hr.orgUnits().stream().map(unit -> unitPath(unit.id(), hr)).toList();
  }

  private static String unitPath(String unitId, DirectorySnapshot hr) {
    List<String> names = new ArrayList<>();
    for (String id = unitId; id != null; ) {
      OrgUnit unit = hr.orgUnit(id).orElseThrow();
      names.add(0, unit.name());
      id = unit.parentId();
    }
    return "acme.example/" + String.join("/", names);
  }

  /** Every active account in its primary unit (or the root), and the postmaster. */
  private static List<String> expectedMailboxes(DirectorySnapshot hr) {
    List<String> lines = new ArrayList<>();
    lines.add("postmaster@acme.example in acme.example");
    for (Account account : hr.accounts()) {
      if (account.isActive()) {
        String local = account.email().substring(0, account.email().indexOf('@')).toLowerCase();
        String where =
            account.primaryOrgUnitId().map(unit -> unitPath(unit, hr)).orElse("acme.example");
        lines.add(local + "@acme.example in " + where);
      }
    }
    return lines;
  }

  private static int total(JsonNode counts) {
    int total = 0;
    for (JsonNode count : counts) {
      total += count.asInt();
    }
    return total;
  }

  private record Result(int exitCode, String out, String err) {}
}
