package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.FaultSpec;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host simulate alimail}: the AliMail simulator as a server, until Ctrl-C or SIGTERM.
 *
 * <p>Standard output gets the connector parameters that reach it, one {@code key=value} per line,
 * and comment lines: redirected to a file, it is a parameters file for {@code --params}. The access
 * password printed is the simulator's own test credential, which guards nothing real.
 */
@Command(
    name = "alimail",
    sortOptions = false,
    description = {
      "Run the AliMail simulator (its WebService API over HTTP on 127.0.0.1) until Ctrl-C or"
          + " SIGTERM, and print the connector parameters that reach it, one key=value per line.",
      "Its state is GET /__sim/state, its call counts GET /__sim/calls."
    },
    footer = {
      "",
      "Example (the output is a parameters file):",
      "  idaas-host simulate alimail --data sim-data > alimail.properties &",
      "",
      "Exit codes: 0 stopped cleanly, 2 could not start, 64 bad usage."
    })
final class SimulateAliMailCommand implements Callable<Integer> {

  /** The order the parameters are printed in. */
  private static final List<String> PRINTED =
      List.of("endpoint", "accessCode", "accessPassword", "accessTarget");

  @ParentCommand SimulateCommand simulate;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "0",
      description = "The port on 127.0.0.1 (default: 0, any free port; the output says which).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Keep the mail domain in this folder between runs (default: in memory only).")
  Path data;

  @Option(
      names = "--latency",
      paramLabel = "MS",
      defaultValue = "0",
      description = "Milliseconds added to every answer (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(
      names = "--budget",
      paramLabel = "RPS",
      description =
          "Calls per second allowed before answering HTTP 429 with Retry-After (default: no"
              + " limit).")
  Double budget;

  @Option(
      names = "--faults",
      paramLabel = "SPEC",
      description =
          "Planned faults, such as 408@call:12,500@path:/ud/createAccounts#3 or"
              + " chaos:42:0.05 (see connector-testkit/docs/alimail-simulator.md).")
  String faults;

  @Override
  public Integer call() throws InterruptedException {
    AliMailSimulator.Builder builder = configure();
    AliMailSimulator simulator;
    try {
      simulator = builder.start();
    } catch (RuntimeException e) {
      throw startFailure(e);
    }
    printParameters(simulator);

    PrintWriter err = spec.commandLine().getErr();
    simulate
        .host
        .environment()
        .lifetime()
        .awaitStop(
            () -> {
              simulator.stop();
              err.println(
                  "AliMail simulator stopped"
                      + (data == null ? "." : "; the domain is kept in " + data + "."));
              err.flush();
            });
    return ExitCode.SUCCESS;
  }

  /** One sentence for a simulator that did not start; the web server's exception stays hidden. */
  private CliException startFailure(RuntimeException e) {
    if (port != 0 && isBindFailure(e)) {
      return CliException.failed(
          "The AliMail simulator could not start: port "
              + port
              + " on 127.0.0.1 is in use. Try another port, or --port 0 for any free one.",
          e);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return CliException.failed(
        "The AliMail simulator could not start: " + root.getMessage() + ".", e);
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private AliMailSimulator.Builder configure() {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port must be from 0 to 65535, not " + port + ".");
    }
    if (data != null && Files.exists(data) && !Files.isDirectory(data)) {
      throw CliException.usage(
          "--data names "
              + data
              + ", which is a file, not a folder. Give a folder for the simulator's data (it is"
              + " created if missing).");
    }
    if (latencyMillis < 0) {
      throw CliException.usage(
          "--latency must be 0 or more milliseconds, not " + latencyMillis + ".");
    }
    if (budget != null && !(budget > 0)) {
      throw CliException.usage(
          "--budget must be more than 0 calls per second, not " + budget + ".");
    }
    AliMailSimulator.Builder builder = AliMailSimulator.builder().port(port);
    if (data != null) {
      builder.dataDir(data);
    }
    if (latencyMillis > 0) {
      builder.latency(Duration.ofMillis(latencyMillis));
    }
    if (budget != null) {
      builder.requestBudget(budget);
    }
    if (faults != null) {
      try {
        builder.faults(FaultSpec.parse(faults));
      } catch (IllegalArgumentException e) {
        throw CliException.usage(
            "--faults: "
                + e.getMessage()
                + ". See the fault syntax in connector-testkit/docs/alimail-simulator.md.",
            e);
      }
    }
    return builder;
  }

  private void printParameters(AliMailSimulator simulator) {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> parameters = simulator.connectorParameters();
    out.println(
        "# AliMail simulator for "
            + simulator.domain()
            + " on http://127.0.0.1:"
            + simulator.port()
            + " (Ctrl-C stops it).");
    out.println("# Inspect it: " + simulator.inspectionUrl() + "/state and /__sim/calls.");
    out.println("# Connector parameters, ready for --params FILE or --param. The access password");
    out.println("# is the simulator's own test credential, not a real secret, so it is printed.");
    for (String key : PRINTED) {
      out.println(key + "=" + parameters.get(key));
    }
    out.flush();
  }
}
