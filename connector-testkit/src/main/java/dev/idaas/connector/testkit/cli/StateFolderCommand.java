package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.Trigger;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.host.AuthorizationPolicy;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.ProgressListener;
import dev.idaas.connector.testkit.host.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command on the state folder of one application: opens the host simulator on it with the
 * provider and parameters, and keeps the folder's {@link ApplicationRecord} up to date.
 */
abstract class StateFolderCommand implements Callable<Integer> {

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Option(
      names = "--state",
      required = true,
      paramLabel = "DIR",
      description =
          "The application's state folder: its links, runs, sync events and non-secret"
              + " parameters.")
  Path state;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  CliEnvironment environment() {
    return host.environment();
  }

  /** The application to record once a run has reached the target; null before {@link #open}. */
  private ApplicationRecord pendingRecord;

  /**
   * Opens the host simulator on the state folder. The application (provider and non-secret
   * parameters) is recorded in the folder only by {@link #remember}, after a run that reached the
   * target, so parameters that make a run fail are not kept for the next command.
   *
   * @param policy the authorization policy to save, or null to keep the stored one
   * @throws CliException (usage) listing every parameter problem
   */
  HostSimulator open(
      LoadedProvider provider,
      Map<String, String> raw,
      AuthorizationPolicy policy,
      ProgressListener listener) {
    boolean recorded = Files.isRegularFile(state.resolve(ApplicationRecord.FILE_NAME));
    requireValid(provider.descriptor(), raw, recorded);
    HostSimulator.Builder builder =
        HostSimulator.builder()
            .provider(provider.provider())
            .parameters(raw)
            .stateFolder(state)
            .clock(environment().clock())
            .progressListener(listener);
    if (policy != null) {
      builder.policy(policy);
    }
    HostSimulator simulator = builder.open();
    holdBackLogging();
    pendingRecord = ApplicationRecord.of(provider.descriptor(), raw);
    return simulator;
  }

  /**
   * Prints the logging held back during a run, leaving out what repeats the run's error, and
   * records the application in the state folder if a run reached the target: a run that is not a
   * preview and was not stopped by a run-level error (wrong parameters, failed sign-in, the
   * mass-revocation guard). A preview or a stopped run leaves the stored parameters as they were.
   */
  void remember(RunSummary run) {
    CliLogging logging = host.logging();
    if (logging != null) {
      logging.releaseHeld(run.error());
    }
    if (pendingRecord != null && run.trigger() != Trigger.PREVIEW && run.error() == null) {
      pendingRecord.write(state);
    }
  }

  /** A run's stop is logged by the library and reported by the summary: it is printed once. */
  private void holdBackLogging() {
    CliLogging logging = host.logging();
    if (logging != null) {
      logging.holdBack();
    }
  }

  /**
   * Checks the parameters before anything is opened, so every problem is listed at once.
   *
   * @param fromStateFolder whether the other parameters come from a state folder, which never keeps
   *     secrets: a missing secret then gets a reminder to give it again
   * @return the validated configuration
   * @throws CliException (usage) listing every problem
   */
  static ConnectorConfig requireValid(
      ConnectorDescriptor descriptor, Map<String, String> raw, boolean fromStateFolder) {
    try {
      return descriptor.validate(raw);
    } catch (InvalidConfigurationException invalid) {
      String message = ErrorReport.describe(invalid);
      if (fromStateFolder && lacksSecret(descriptor, invalid)) {
        message +=
            " A state folder never keeps secrets: give them again on each command that reaches"
                + " the target.";
      }
      throw CliException.usage(message, invalid);
    }
  }

  private static boolean lacksSecret(
      ConnectorDescriptor descriptor, InvalidConfigurationException invalid) {
    for (ParameterProblem problem : invalid.problems()) {
      boolean secret = descriptor.parameter(problem.key()).map(ParameterSpec::secret).orElse(false);
      if (secret && problem.message().startsWith("is required")) {
        return true;
      }
    }
    return false;
  }
}
