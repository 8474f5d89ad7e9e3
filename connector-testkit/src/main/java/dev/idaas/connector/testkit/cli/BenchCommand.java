package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.testkit.bench.BenchReport;
import dev.idaas.connector.testkit.bench.BenchSettings;
import dev.idaas.connector.testkit.bench.Part;
import dev.idaas.connector.testkit.bench.PushBench;
import dev.idaas.connector.testkit.bench.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host bench}: measures a full push into a simulated Alibaba Mail running in this
 * process, and prints the figures against their targets. See {@link PushBench} for what each part
 * does and {@code BENCHMARKS.md} for the reference figures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a full push of a directory into a simulated Alibaba Mail in this process:",
      "  1 budget-bound push (calls, wall time against calls ÷ budget, throttled answers)",
      "  2 no-op push (writes, reads, wall time)",
      "  3 overhead (connector and host against a plain loop of the same requests)",
      "  4 naive baseline (one call per object, one at a time)",
      "  5 scale (a directory N times larger: wall time and peak heap)",
      "The budget-bound push takes about calls ÷ budget seconds (90 s for the reference"
          + " directory); choose parts with --parts while iterating."
    })
public final class BenchCommand implements Callable<Integer> {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

  @Spec private CommandSpec spec;

  @Option(
      names = "--directory",
      paramLabel = "FILE",
      description = "The directory snapshot to push (default: ${DEFAULT-VALUE}).")
  private Path directory = BenchSettings.DEFAULT_DIRECTORY;

  @Option(
      names = "--latency",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Delay of every answer in parts 1, 2 and 4, such as 100ms or 0 (default: 100ms).")
  private Duration latency = BenchSettings.defaults().latency();

  @Option(
      names = "--budget",
      paramLabel = "CALLS",
      description =
          "Calls a second the simulator accepts in parts 1, 2 and 4, and the connector's"
              + " requestsPerSecond (default: ${DEFAULT-VALUE}).")
  private int budget = BenchSettings.defaults().budget();

  @Option(
      names = "--parts",
      paramLabel = "N",
      split = ",",
      description = "The parts to run, such as 1,2 (default: all). Parts 2 and 4 also run part 1.")
  private List<Integer> parts = List.of(1, 2, 3, 4, 5);

  @Option(
      names = "--scale",
      paramLabel = "N",
      description = "How many copies of the directory part 5 pushes (default: ${DEFAULT-VALUE}).")
  private int scale = BenchSettings.defaults().scale();

  @Option(
      names = "--naive-share",
      paramLabel = "SHARE",
      description =
          "The share of the directory the naive client pushes in part 4, its time scaled up to the"
              + " whole by calls; 1 pushes it all, which takes about ten minutes at 100 ms"
              + " (default: ${DEFAULT-VALUE}).")
  private double naiveShare = BenchSettings.defaults().naiveShare();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  private String format = "table";

  /** Runs the benchmark on its own, until the command line offers it as a subcommand. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format is table or json, not '" + format + "'");
    }
    BenchSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    BenchReport report =
        PushBench.ofClassPath(
                settings,
                line -> {
                  err.println(line);
                  err.flush();
                })
            .run();
    out.print(format.equals("json") ? ReportFormat.json(report) : ReportFormat.table(report));
    out.println();
    out.flush();
    return 0;
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
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Reads {@code 100ms}, {@code 2s}, {@code 1m}, a bare number of milliseconds, or ISO-8601. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Matcher matcher = SHORT_DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
      if (matcher.matches()) {
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
        return switch (unit) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofMillis(amount);
        };
      }
      try {
        return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; write 100ms, 2s or PT0.1S");
      }
    }
  }
}
