package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.ChangeResult;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo: the AliMail simulator, the alimail connector and the host simulator in one process,
 * pushing the example directories, then a few directory changes, and showing the result. Each
 * directory is its own application, under its own department of the simulated domain. The state
 * folders live in a temporary folder that is removed at the end.
 */
final class Demo {

  /** Where the example directories are on the class path. */
  static final String EXAMPLES = "/dev/idaas/connector/testkit/examples/";

  /** The Oracle HR sample: 40 org units, 107 accounts; the directory that also gets changes. */
  static final Example ORACLE_HR = new Example("oracle-hr", "Oracle HR", "oracle-hr.json");

  /** China's administrative divisions: 3,351 org units, 2,000 accounts. */
  static final Example CHINA_AREAS =
      new Example("china-areas", "China Areas", "china-areas-2k.json");

  private static final String ROOT_DEPARTMENT = "rootDeptId";
  private static final String REQUESTS_PER_SECOND = "requestsPerSecond";

  /** A push that takes longer than this, in seconds, is announced. */
  private static final long LONG_PUSH_SECONDS = 10;

  private final LoadedProvider provider;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CliEnvironment environment;

  Demo(LoadedProvider provider, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    this.provider = provider;
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /**
   * An example directory pushed by the demo.
   *
   * @param applicationId the application, and the name of its state folder
   * @param department the AliMail department made for it, under the domain's root
   * @param resource the snapshot file under {@link #EXAMPLES}
   */
  record Example(String applicationId, String department, String resource) {}

  /**
   * Runs the demo on these examples; the changes go to {@link #ORACLE_HR} if it is among them.
   *
   * @return the exit code: 0 when every run succeeded
   */
  int run(List<Example> examples) throws IOException {
    long started = environment.nanoTime().getAsLong();
    Path work = Files.createTempDirectory("idaas-host-demo-");
    int exitCode;
    try (AliMailSimulator alimail = AliMailSimulator.builder().start()) {
      exitCode = runAgainst(alimail, examples, work);
    } finally {
      deleteRecursively(work);
    }
    long millis = (environment.nanoTime().getAsLong() - started) / 1_000_000;
    out.println();
    out.println(
        "Done in "
            + RunReport.seconds(millis)
            + ". The state folders were in a temporary folder, now removed. To run the same"
            + " steps yourself against 'idaas-host simulate alimail', see README.md.");
    out.flush();
    return exitCode;
  }

  private int runAgainst(AliMailSimulator alimail, List<Example> examples, Path work)
      throws IOException {
    ConnectorDescriptor descriptor = provider.descriptor();
    out.println(
        "IDaaS host demo: "
            + descriptor.displayName().en()
            + " connector "
            + descriptor.version()
            + ", the host simulator and the AliMail simulator, all in this process.");
    out.println();
    out.println("1. Started the AliMail simulator for " + alimail.domain() + " at");
    out.println("   " + alimail.endpoint() + ".");

    Map<Example, String> departments = new LinkedHashMap<>();
    for (Example example : examples) {
      departments.put(
          example, alimail.createDepartment(alimail.rootDepartmentId(), example.department()));
    }
    out.println(
        "   Made one department per application under the domain's root: "
            + String.join(", ", examples.stream().map(Example::department).toList())
            + ".");

    int exitCode = ExitCode.SUCCESS;
    int step = 2;
    for (Example example : examples) {
      exitCode = Math.max(exitCode, push(alimail, example, departments.get(example), work, step));
      step += example.equals(ORACLE_HR) ? 2 : 1;
    }

    out.println();
    out.println(step + ". What Alibaba Mail now holds (the first levels):");
    new DepartmentTree(alimail.departments(), alimail.accounts()).print(out, "   ", 3, 3);
    return exitCode;
  }

  /**
   * Pushes one example as its own application, and for Oracle HR some changes after it.
   *
   * @return the worst exit code of its runs
   */
  private int push(
      AliMailSimulator alimail, Example example, String department, Path work, int step)
      throws IOException {
    DirectorySnapshot directory = read(example);
    out.println();
    out.println(
        step
            + ". Execute Add of "
            + example.resource()
            + String.format(
                Locale.ROOT,
                " (%,d org units, %,d accounts) into \"%s\":",
                directory.orgUnits().size(),
                directory.accounts().size(),
                example.department()));
    announceDuration(directory);
    out.flush();

    try (HostSimulator host = open(alimail, example, department, work)) {
      RunSummary run = host.executeAdd(directory);
      RunReport.printIndented(out, run, "   ");
      int exitCode = ExitCode.of(run.status());
      if (example.equals(ORACLE_HR)) {
        exitCode = Math.max(exitCode, changeOracleHr(host, directory, step + 1));
      }
      return exitCode;
    }
  }

  /** Says how long a large push takes, since each new department is one call. */
  private void announceDuration(DirectorySnapshot directory) {
    fastestAllowed(provider.descriptor())
        .map(Long::parseLong)
        .filter(rate -> directory.orgUnits().size() / rate >= LONG_PUSH_SECONDS)
        .ifPresent(
            rate ->
                out.println(
                    String.format(
                        Locale.ROOT,
                        "   This takes about %d s: the connector makes at most %d calls a second,"
                            + " and each new department is one call.",
                        directory.orgUnits().size() / rate,
                        rate)));
  }

  /** Applies a few directory changes, as automatic authorization pushes them, then re-adds all. */
  private int changeOracleHr(HostSimulator host, DirectorySnapshot directory, int step) {
    out.println();
    out.println(
        step + ". Directory changes in Oracle HR, pushed at once by automatic authorization:");
    out.println("   - the org unit IT (dept-60) is renamed Information Technology");
    out.println("   - Bruce Miller (emp-104) moves from IT to IT Support");
    out.println("   - David Williams (emp-105) is disabled");
    out.println("   - Ada Lovelace (emp-300) joins Information Technology");
    out.flush();
    DirectorySnapshot changed = changesTo(directory);
    ChangeResult result = host.applyChanges(changed);
    RunSummary run =
        result.run().orElseThrow(() -> new IllegalStateException("no run for " + result));
    RunReport.printIndented(out, run, "   ");
    out.println("   Its sync events:");
    for (SyncEvent event : host.events(EventFilter.all().inRun(run.runId()))) {
      out.println("     " + describe(event));
    }

    out.println();
    out.println(
        "   Execute Add of the changed directory again, to show that nothing is rewritten:");
    out.flush();
    RunSummary again = host.executeAdd(changed);
    RunReport.printIndented(out, again, "   ");
    return Math.max(ExitCode.of(run.status()), ExitCode.of(again.status()));
  }

  /** The Oracle HR directory after a rename, a move, a leaver and a joiner. */
  static DirectorySnapshot changesTo(DirectorySnapshot directory) {
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
    return directory.toBuilder()
        .updateOrgUnit("dept-60", unit -> unit.withName("Information Technology"))
        .updateAccount("emp-104", account -> account.withOrgUnits(List.of("dept-210")))
        .updateAccount("emp-105", account -> account.withStatus(AccountStatus.DISABLED))
        .put(joiner)
        .build();
  }

  private HostSimulator open(
      AliMailSimulator alimail, Example example, String department, Path work) {
    Map<String, String> parameters = new LinkedHashMap<>(alimail.connectorParameters());
    parameters.put(ROOT_DEPARTMENT, department);
    fastestAllowed(provider.descriptor())
        .ifPresent(rate -> parameters.put(REQUESTS_PER_SECOND, rate));
    return HostSimulator.builder()
        .provider(provider.provider())
        .applicationId(example.applicationId())
        .parameters(parameters)
        .stateFolder(work.resolve(example.applicationId()))
        .clock(environment.clock())
        .progressListener(new ProgressReporter(err, environment.terminal(), environment.nanoTime()))
        .open();
  }

  /**
   * The highest request rate the connector allows: the simulator has no request budget, so the demo
   * goes as fast as the connector lets it.
   */
  private static Optional<String> fastestAllowed(ConnectorDescriptor descriptor) {
    return descriptor
        .parameter(REQUESTS_PER_SECOND)
        .map(ParameterSpec::maximum)
        .map(String::valueOf);
  }

  private static DirectorySnapshot read(Example example) throws IOException {
    String resource = EXAMPLES + example.resource();
    try (InputStream in = Demo.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the example " + resource + " is missing from the class path; rebuild the project");
      }
      return new SnapshotReader().read(in, example.resource());
    }
  }

  private static String describe(SyncEvent event) {
    String type = event.objectType() == ObjectType.ORG_UNIT ? "org unit" : "account ";
    String note = event.message() == null ? "" : "  (" + event.message() + ")";
    return String.format(
        Locale.ROOT,
        "%s  %-24s %-7s → %s%s",
        type,
        event.displayKey(),
        event.operation(),
        event.outcome(),
        note);
  }

  private static void deleteRecursively(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort(Comparator.reverseOrder());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the demo's temporary folder " + folder, e);
    }
  }
}
