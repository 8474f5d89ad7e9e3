package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code idaas-host retry}: pushes again the objects whose latest event failed or was blocked. */
@Command(
    name = "retry",
    sortOptions = false,
    description = {
      "Retry the objects whose latest sync event failed or was blocked, in one run; each event"
          + " counts its attempt.",
      "The provider and non-secret parameters come from the state folder; give the secrets again."
    },
    footer = {
      "",
      "Example:",
      "  idaas-host retry --state state --params alimail.properties",
      "",
      "Exit codes: 0 SUCCESS (or nothing to retry), 1 PARTIAL, 2 FAILED, 64 bad usage or input."
    })
final class RetryCommand extends StateFolderCommand {

  @Option(
      names = "--run",
      paramLabel = "RUN",
      description = "Retry only the problems of this run, such as run-3 (default: every run).")
  String runId;

  @Mixin ParameterOptions parameters;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "How to print the summary: text, or one JSON object (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    ApplicationRecord record = ApplicationRecord.require(state, "idaas-host retry");
    LoadedProvider provider = host.providers().get(record.providerId());
    Map<String, String> raw =
        parameters.resolve(provider.descriptor(), record.parameters(), environment(), err());
    ProgressReporter progress =
        new ProgressReporter(err(), environment().terminal(), environment().nanoTime());

    try (HostSimulator simulator = open(provider, raw, null, progress)) {
      Optional<RunSummary> run =
          runId == null ? simulator.retryFailed() : simulator.retryFailed(runId);
      if (run.isEmpty()) {
        String scope = runId == null ? "" : " of " + runId;
        RunReport.printNoRun(
            out(),
            format,
            "Nothing to retry: no object" + scope + " failed or was blocked since it last ran.");
        return ExitCode.SUCCESS;
      }
      remember(run.get());
      RunReport.print(out(), format, run.get(), state);
      return ExitCode.of(run.get().status());
    }
  }
}
