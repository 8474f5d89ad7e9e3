package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.bench.BenchReport;
import dev.idaas.connector.testkit.bench.BenchSettings;
import dev.idaas.connector.testkit.bench.Part;
import dev.idaas.connector.testkit.bench.PushBench;
import dev.idaas.connector.testkit.bench.ReportFormat;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host bench}: measures a full push into a simulated Alibaba Mail running in this
 * process, and prints the figures against their targets. {@link PushBench} says what each part
 * does; {@code BENCHMARKS.md} holds the reference figures.
 */
@Command(
    name = "bench",
    description = {
      "Measure a full push of a directory through the alimail connector into a simulated Alibaba"
          + " Mail in this process, each part side by side in one run:",
      "  1 budget-bound push: calls per path, wall time against calls ÷ budget, answers 429",
      "  2 no-op push: the same push again; writes, reads and wall time",
      "  3 overhead: the connector and the host against a plain loop of the same requests",
      "  4 naive baseline: one call per object, one at a time, against part 1",
      "  5 scale: a directory N times larger; wall time and peak heap against 1×",
      "Part 1 lasts about calls ÷ budget seconds (85 s for the reference directory at 40 a"
          + " second), part 4 about a minute more: choose parts with --parts while iterating."
    },
    footer = {"", "Exit codes: 0 measured, 2 a push failed, 64 bad usage or input."})
final class BenchCommand implements Callable<Integer> {

  /** The logger of the alimail connector's warnings when it opens. */
  private static final String CONNECTOR_OPENING_LOGGER =
      "dev.idaas.connector.alimail.AliMailConnector";

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s)?");

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Option(
      names = "--directory",
      paramLabel = "FILE",
      description = "The directory snapshot to push (default: ${DEFAULT-VALUE}).")
  Path directory = BenchSettings.DEFAULT_DIRECTORY;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "How late the simulator answers in parts 1, 2 and 4: milliseconds, or 100ms, 1s"
              + " (default: 100ms). Parts 3 and 5 run without latency.")
  Duration latency = BenchSettings.defaults().latency();

  @Option(
      names = "--budget",
      paramLabel = "CALLS",
      description =
          "Calls a second the simulator accepts in parts 1, 2 and 4, answering 429 above it; also"
              + " the connector's requestsPerSecond, so 1 to 40 (default: ${DEFAULT-VALUE})."
              + " Parts 3 and 5 run without a budget.")
  int budget = BenchSettings.defaults().budget();

  @Option(
      names = "--parts",
      paramLabel = "N",
      split = ",",
      description =
          "The parts to run, such as 1,2 (default: all). Parts 2 and 4 also run part 1, which"
              + " they are compared with.")
  List<Integer> parts = List.of(1, 2, 3, 4, 5);

  @Option(
      names = "--scale",
      paramLabel = "N",
      description =
          "How many copies of the directory part 5 pushes, each under a new top unit (default:"
              + " ${DEFAULT-VALUE}).")
  int scale = BenchSettings.defaults().scale();

  @Option(
      names = "--naive-share",
      paramLabel = "SHARE",
      description =
          "The share of the directory's org units the naive client of part 4 pushes, in whole"
              + " top-level units; its time is scaled up to the whole directory by calls. 1 pushes"
              + " everything, which takes ten minutes at 100 ms (default: ${DEFAULT-VALUE}).")
  double naiveShare = BenchSettings.defaults().naiveShare();

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text: the figures against their targets and each push's calls; json: all of it as one"
              + " object (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    BenchSettings settings = settings();
    DirectorySnapshot snapshot = DirectoryRunCommand.readDirectory(directory);
    LoadedProvider provider = host.providers().get(PushBench.PROVIDER_ID);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    BenchReport report;
    Logger opening = Logger.getLogger(CONNECTOR_OPENING_LOGGER);
    Level before = opening.getLevel();
    if (!host.verbose()) {
      // Each of the benchmark's connectors warns that its simulator is plain HTTP and, in parts 3
      // and 5, unpaced: true, expected, and a dozen times over. Say it once instead.
      err.println(
          "note: the connector's warnings about plain HTTP and unpaced calls to the benchmark's"
              + " own simulators on 127.0.0.1 are not shown (--verbose shows them).");
      opening.setLevel(Level.SEVERE);
    }
    try {
      report = new PushBench(settings, provider.provider(), err::println).run(snapshot);
    } catch (IllegalStateException e) {
      throw CliException.failed(e.getMessage(), e);
    } finally {
      opening.setLevel(before);
    }
    out.print(format == OutputFormat.JSON ? ReportFormat.json(report) : ReportFormat.table(report));
    out.println();
    out.flush();
    return ExitCode.SUCCESS;
  }

  private BenchSettings settings() {
    Set<Part> chosen = EnumSet.noneOf(Part.class);
    try {
      parts.forEach(number -> chosen.add(Part.numbered(number)));
      return BenchSettings.defaults()
          .withDirectory(directory)
          .withLatency(latency)
          .withBudget(budget)
          .withParts(chosen)
          .withScale(scale)
          .withNaiveShare(naiveShare);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("idaas-host bench: " + e.getMessage() + ".");
    }
  }

  /** Reads {@code 100ms}, {@code 2s}, a bare number of milliseconds, or ISO-8601 ({@code PT1S}). */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher matcher = SHORT_DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        return "s".equals(matcher.group(2))
            ? Duration.ofSeconds(amount)
            : Duration.ofMillis(amount);
      }
      try {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; write 100 (milliseconds), 100ms, 2s or PT0.1S");
      }
    }
  }
}
