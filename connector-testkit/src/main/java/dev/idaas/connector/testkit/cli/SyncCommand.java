package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.testkit.host.ChangeResult;
import dev.idaas.connector.testkit.host.ChangeSet;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import picocli.CommandLine.Command;

/**
 * {@code idaas-host sync}: automatic authorization of directory changes. Compares a newer snapshot
 * with the scope as last pushed and pushes only the differences, as an incremental run.
 */
@Command(
    name = "sync",
    sortOptions = false,
    description = {
      "Push the changes between the directory as last pushed and a newer snapshot: new, renamed,"
          + " moved, disabled and deleted objects, as one incremental run.",
      "The state folder must come from an earlier push; give the secrets again."
    },
    footer = {
      "",
      "Example:",
      "  idaas-host sync --directory hr-tomorrow.json --state state",
      "      --params alimail.properties",
      "",
      "Exit codes: 0 SUCCESS (or nothing to do), 1 PARTIAL, 2 FAILED, 64 bad usage or input."
    })
final class SyncCommand extends DirectoryRunCommand {

  @Override
  String commandName() {
    return "sync";
  }

  @Override
  boolean needsExistingApplication() {
    return true;
  }

  @Override
  int run(HostSimulator simulator, DirectorySnapshot snapshot) {
    if (preview) {
      ChangeSet pending = simulator.pendingChanges(snapshot, previewPolicy(simulator));
      if (pending.isEmpty()) {
        return nothingToDo();
      }
      return report(simulator.previewChanges(snapshot, previewPolicy(simulator)), pending);
    }
    ChangeResult result = simulator.applyChanges(snapshot);
    if (result.isPending()) {
      throw CliException.usage(
          "The changes ("
              + result.changes().diff().summary()
              + ") were not pushed: "
              + result.pendingReason().orElse("")
              + ". Run 'idaas-host push --directory "
              + RunReport.quoted(directory)
              + " --state "
              + RunReport.quoted(state)
              + "' instead.");
    }
    if (result.run().isEmpty()) {
      return nothingToDo();
    }
    remember(result.run().get());
    return report(result.run().get(), result.changes());
  }

  private int nothingToDo() {
    RunReport.printNoRun(
        out(), format, "No changes in scope since the last push; nothing was sent.");
    return ExitCode.SUCCESS;
  }

  private int report(RunSummary run, ChangeSet changes) {
    if (format == OutputFormat.TEXT) {
      out().println("Changes: " + changes.diff().summary());
    }
    RunReport.print(out(), format, run, state);
    return ExitCode.of(run.status());
  }
}
