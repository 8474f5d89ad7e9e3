package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.testkit.host.HostSimulatorException;
import dev.idaas.connector.testkit.host.SnapshotFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what stopped a command into one paragraph on standard error, and an exit code: {@value
 * ExitCode#USAGE} for bad usage or input, {@value ExitCode#FAILED} for work that failed. A stack
 * trace follows only with {@code --verbose}.
 */
final class ErrorReport {

  private ErrorReport() {}

  /** A command line that does not parse: the problem, a hint to the help, exit code 64. */
  static int usage(ParameterException problem, String[] args) {
    CommandLine command = problem.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + sentence(problem.getMessage()));
    UnmatchedArgumentException.printSuggestions(problem, err);
    err.println(
        "Run '" + command.getCommandSpec().qualifiedName() + " --help' to see what it takes.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** An exception a command threw: its message, and the exit code its kind calls for. */
  static int failure(Exception failure, PrintWriter err, boolean verbose) {
    Report report = reportOf(failure);
    err.println("error: " + report.message());
    if (verbose) {
      failure.printStackTrace(err);
    }
    err.flush();
    return report.exitCode();
  }

  private static Report reportOf(Exception failure) {
    if (failure instanceof CliException cli) {
      return new Report(cli.getMessage(), cli.exitCode());
    }
    if (failure instanceof InvalidConfigurationException invalid) {
      return new Report(describe(invalid), ExitCode.USAGE);
    }
    if (failure instanceof SnapshotFormatException format) {
      return new Report(
          format.getMessage() + ". Fix the file and run the command again.", ExitCode.USAGE);
    }
    if (failure instanceof HostSimulatorException host) {
      return new Report(host.getMessage(), ExitCode.USAGE);
    }
    if (failure instanceof ConnectorException connector) {
      int exitCode =
          connector.kind() == ErrorKind.INVALID_CONFIGURATION ? ExitCode.USAGE : ExitCode.FAILED;
      return new Report(connector.getMessage(), exitCode);
    }
    return new Report(
        "idaas-host stopped on an unexpected "
            + failure.getClass().getSimpleName()
            + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
            + ". Run the command again with --verbose to see where, and report it with that"
            + " output.",
        ExitCode.FAILED);
  }

  /** Every parameter problem, one per line, and where parameters come from. */
  static String describe(InvalidConfigurationException invalid) {
    return invalid.getMessage()
        + "\nGive parameters with --param KEY=VALUE, a file with --params FILE, or environment"
        + " variables IDAAS_PARAM_<key>; 'idaas-host schema <provider>' describes each one.";
  }

  private static String sentence(String message) {
    String text = message == null ? "the command line cannot be read" : message.strip();
    return text.endsWith(".") ? text : text + ".";
  }

  private record Report(String message, int exitCode) {}
}
