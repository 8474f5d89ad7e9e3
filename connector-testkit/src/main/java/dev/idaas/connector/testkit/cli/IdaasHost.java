package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.SpiVersion;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host}: the IDaaS host simulator on the command line, for people trying the connector
 * kit and for delivery staff checking a customer's set-up before the real host is wired.
 *
 * <p>Every command prints its result on standard output and everything else (progress, warnings,
 * errors) on standard error. Exit codes: 0 success, 1 a partial run (or a schema comparison that
 * found breaking changes), 2 a failed run or an unreachable target, 64 bad usage or input. Errors
 * are one paragraph that says what is wrong and what to do; {@code --verbose} adds stack traces and
 * debug logging.
 *
 * <p>Run it with the {@code ./idaas-host} launcher of the repository, which puts the connectors the
 * project ships on the class path.
 */
@Command(
    name = "idaas-host",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = IdaasHost.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Simulates an IDaaS host: pushes a directory snapshot through a connector into its target,"
          + " keeps links, runs and sync events in a state folder, and runs target simulators.",
      ""
    },
    footer = {
      "",
      "Parameters: --param KEY=VALUE wins over --params FILE, which wins over the environment"
          + " (IDAAS_PARAM_<key>). A state folder keeps the provider and the non-secret"
          + " parameters; secrets are never stored, so give them again with --params FILE or"
          + " IDAAS_PARAM_<key>.",
      "",
      "Exit codes: 0 success, 1 partial run or breaking schema changes, 2 failed run,"
          + " 64 bad usage or input."
    },
    subcommands = {
      ProvidersCommand.class,
      SchemaCommand.class,
      CheckCommand.class,
      PushCommand.class,
      SyncCommand.class,
      EventsCommand.class,
      RetryCommand.class,
      SimulateCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class IdaasHost implements Callable<Integer> {

  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "A folder of connector plug-in jars to load besides the class path (default: the"
              + " environment variable IDAAS_HOST_PLUGINS).")
  Path plugins;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show debug logging and the stack trace of errors.")
  boolean verbose;

  @Spec CommandSpec spec;

  private final CliEnvironment environment;
  private Providers providers;
  private CliLogging logging;

  IdaasHost(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Runs a command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    CommandLine commandLine = commandLine(CliEnvironment.system());
    commandLine.setOut(utf8(stdout));
    commandLine.setErr(utf8(stderr));
    System.exit(commandLine.execute(args));
  }

  /**
   * The command line with the real process environment, for embedding {@code idaas-host} in a Java
   * program or an end-to-end test: set its output and error writers, then call {@link
   * CommandLine#execute}.
   */
  public static CommandLine commandLine() {
    return commandLine(CliEnvironment.system());
  }

  static CommandLine commandLine(CliEnvironment environment) {
    IdaasHost host = new IdaasHost(environment);
    CommandLine commandLine = new CommandLine(host);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(host::execute);
    commandLine.setParameterExceptionHandler(ErrorReport::usage);
    commandLine.setExecutionExceptionHandler(
        (failure, command, parseResult) ->
            ErrorReport.failure(failure, command.getErr(), host.verbose));
    return commandLine;
  }

  /** With no command: the list of commands on standard error, and exit code 64. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("error: give a command, such as 'idaas-host demo'.");
    err.println();
    spec.commandLine().usage(err);
    err.flush();
    return ExitCode.USAGE;
  }

  CliEnvironment environment() {
    return environment;
  }

  /** The connector providers, loaded once per command. */
  Providers providers() {
    if (providers == null) {
      providers = Providers.load(plugins, environment);
    }
    return providers;
  }

  /** The command line's logging while a command runs; null outside {@link #execute}. */
  CliLogging logging() {
    return logging;
  }

  boolean verbose() {
    return verbose;
  }

  private int execute(ParseResult parseResult) {
    PrintWriter err = spec.commandLine().getErr();
    try (CliLogging installed = CliLogging.install(err, verbose)) {
      logging = installed;
      return new CommandLine.RunLast().execute(parseResult);
    } finally {
      logging = null;
      if (providers != null) {
        providers.close();
        providers = null;
      }
    }
  }

  private static PrintWriter utf8(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** The version of the command line and of the SPI it speaks. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = IdaasHost.class.getPackage().getImplementationVersion();
      return new String[] {
        "idaas-host " + (version == null ? "(development build)" : version),
        "connector SPI " + SpiVersion.CURRENT
      };
    }
  }
}
