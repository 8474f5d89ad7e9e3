package dev.idaas.connector.alimail.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.ChaosFaults;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import dev.idaas.connector.testkit.alimail.FiredFault;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.RunSummary;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The China areas example pushed while Alibaba Mail fails at random: expired tokens, throttling,
 * server errors, dropped connections, and answers held back past the timeout after the change was
 * made. Then pushes without faults until one succeeds. Whatever the faults did, the end state is
 * the directory, each object once, the objects the connector never made untouched, and an event for
 * every object.
 *
 * <p>By default 3 seeds and the provinces of Beijing, Tianjin, Shanghai, Ningxia, Hainan and
 * Chongqing (156 units, 92 accounts). {@code -Dchaos.seeds=50} runs more seeds, {@code
 * -Dchaos.probability=0.1} more faults, {@code -De2e.full=true} the whole file (3,351 units, 2,000
 * accounts).
 */
class ChaosTest {

  private static final int SEEDS = Integer.getInteger("chaos.seeds", 3);
  private static final double PROBABILITY =
      Double.parseDouble(System.getProperty("chaos.probability", "0.05"));
  private static final boolean FULL = Boolean.getBoolean("e2e.full");
  private static final Set<String> PROVINCES = Set.of("11", "12", "31", "64", "46", "50");
  private static final int MAX_CLEAN_RUNS = 5;

  @TempDir Path state;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, SEEDS).mapToObj(n -> 7_000 + n);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void endsWithTheDirectoryEachObjectOnceAndUnmanagedObjectsUntouched(long seed)
      throws IOException {
    DirectorySnapshot directory = directory();
    try (SyncFixture sync = SyncFixture.start(state)) {
      Unmanaged unmanaged = Unmanaged.arrange(sync);
      sync.alimail.chaos(new ChaosFaults(seed, PROBABILITY, Duration.ofMillis(2_000)));

      List<RunSummary> runs = new ArrayList<>();
      runs.add(sync.host().executeAdd(directory));
      List<FiredFault> fired = sync.alimail.firedFaults();
      sync.alimail.clearFaults();
      while (runs.get(runs.size() - 1).status() != RunStatus.SUCCESS
          && runs.size() <= MAX_CLEAN_RUNS) {
        runs.add(sync.host().executeAdd(directory));
      }

      report(seed, fired, runs);
      assertThat(runs.get(runs.size() - 1).status())
          .as("a run without faults succeeds within %d runs", MAX_CLEAN_RUNS)
          .isEqualTo(RunStatus.SUCCESS);
      assertThat(sync.departments())
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              union(expectedDepartments(directory), unmanaged.departmentPaths()));
      assertThat(sync.mailboxes())
          .containsExactlyInAnyOrderElementsOf(
              union(expectedMailboxes(directory), unmanaged.mailboxLines()));
      unmanaged.assertUntouched(sync);
      everyRunReportsEachObjectOnceUnlessStopped(sync, runs);
      everyObjectHasAnEvent(sync, directory);
    }
  }

  private static void everyRunReportsEachObjectOnceUnlessStopped(
      SyncFixture sync, List<RunSummary> runs) {
    for (RunSummary run : runs) {
      List<String> keys =
          sync.events(run.runId()).stream()
              .map(event -> event.objectType() + " " + event.hostId())
              .toList();
      assertThat(keys).as("events of " + run.runId()).doesNotHaveDuplicates();
    }
  }

  private static void everyObjectHasAnEvent(SyncFixture sync, DirectorySnapshot directory) {
    Set<String> withEvents = new HashSet<>();
    for (SyncEvent event : sync.host().events(EventFilter.all())) {
      withEvents.add(event.objectType() + " " + event.hostId());
    }
    List<String> objects = new ArrayList<>();
    directory.orgUnits().forEach(unit -> objects.add(ObjectType.ORG_UNIT + " " + unit.id()));
    directory.accounts().forEach(account -> objects.add(ObjectType.ACCOUNT + " " + account.id()));
    assertThat(withEvents).containsAll(objects);
  }

  /** The path of every unit, from the domain's root. */
  private static List<String> expectedDepartments(DirectorySnapshot directory) {
    return directory.orgUnits().stream().map(unit -> pathOf(unit.id(), directory)).toList();
  }

  /** Every active account in its primary unit; a disabled one never pushed has no mailbox. */
  private static List<String> expectedMailboxes(DirectorySnapshot directory) {
    List<String> lines = new ArrayList<>();
    lines.add("postmaster@acme.example in acme.example");
    for (Account account : directory.accounts()) {
      if (account.isActive()) {
        String local = account.email().substring(0, account.email().indexOf('@')).toLowerCase();
        String unit = account.primaryOrgUnitId().orElseThrow();
        lines.add(local + "@acme.example in " + pathOf(unit, directory));
      }
    }
    return lines;
  }

  private static String pathOf(String unitId, DirectorySnapshot directory) {
    List<String> names = new ArrayList<>();
    for (String id = unitId; id != null; ) {
      OrgUnit unit = directory.orgUnit(id).orElseThrow();
      names.add(0, unit.name());
      id = unit.parentId();
    }
    return "acme.example/" + String.join("/", names);
  }

  private static List<String> union(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static void report(long seed, List<FiredFault> fired, List<RunSummary> runs) {
    Map<String, Long> byKind =
        fired.stream()
            .collect(
                Collectors.groupingBy(
                    fault -> fault.action().startsWith("late") ? "late" : fault.action(),
                    TreeMap::new,
                    Collectors.counting()));
    System.out.printf(
        "chaos seed %d: %d faults %s; runs %s%n",
        seed,
        fired.size(),
        byKind,
        runs.stream().map(run -> run.status().toString()).collect(Collectors.joining(" → ")));
  }

  /** The whole example with {@code -De2e.full=true}; else a few provinces, whole. */
  private static DirectorySnapshot directory() throws IOException {
    DirectorySnapshot all = new SnapshotReader().read(example("china-areas-2k.json"));
    if (FULL) {
      return all;
    }
    Map<String, String> province = new HashMap<>();
    for (OrgUnit unit : all.orgUnits()) {
      province.put(unit.id(), provinceOf(unit, all));
    }
    DirectorySnapshot.Builder subset = DirectorySnapshot.builder().source(all.source());
    all.orgUnits().stream()
        .filter(unit -> PROVINCES.contains(province.get(unit.id())))
        .forEach(subset::put);
    all.accounts().stream()
        .filter(account -> PROVINCES.contains(province.get(account.orgUnitIds().get(0))))
        .forEach(subset::put);
    return subset.build();
  }

  private static String provinceOf(OrgUnit unit, DirectorySnapshot all) {
    OrgUnit current = unit;
    while (current.parentId() != null) {
      current = all.orgUnit(current.parentId()).orElseThrow();
    }
    return current.id();
  }

  private static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above the working folder");
  }

  /** Departments and mailboxes made by hand before the connector ever ran. */
  private record Unmanaged(List<DepartmentSnapshot> departments, List<AccountSnapshot> accounts) {

    static Unmanaged arrange(SyncFixture sync) {
      String root = sync.alimail.rootDepartmentId();
      String board = sync.alimail.createDepartment(root, "Board");
      String archive = sync.alimail.createDepartment(root, "Archive");
      sync.alimail.createDepartment(archive, "Old letters");
      sync.alimail.createAccount("chair@acme.example", "Chair", board);
      sync.alimail.createAccount("reception@acme.example", "Reception", root);
      sync.alimail.createAccount("archivist@acme.example", "Archivist", archive);
      Set<String> ids = Set.of(board, archive);
      List<DepartmentSnapshot> departments =
          sync.alimail.departments().stream()
              .filter(d -> !d.isRoot() && (ids.contains(d.id()) || ids.contains(d.parentId())))
              .toList();
      List<AccountSnapshot> accounts =
          sync.alimail.accounts().stream()
              .filter(a -> !a.email().startsWith("postmaster@"))
              .toList();
      return new Unmanaged(departments, accounts);
    }

    List<String> departmentPaths() {
      return List.of(
          "acme.example/Archive", "acme.example/Archive/Old letters", "acme.example/Board");
    }

    List<String> mailboxLines() {
      return List.of(
          "archivist@acme.example in acme.example/Archive",
          "chair@acme.example in acme.example/Board",
          "reception@acme.example in acme.example");
    }

    void assertUntouched(SyncFixture sync) {
      for (DepartmentSnapshot department : departments) {
        assertThat(sync.alimail.department(department.id())).contains(department);
      }
      for (AccountSnapshot account : accounts) {
        assertThat(sync.alimail.account(account.email())).contains(account);
      }
    }
  }
}
