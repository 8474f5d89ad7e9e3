package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.RunSummary;
import picocli.CommandLine.Command;

/**
 * {@code idaas-host push}: Execute Add. Pushes the whole scope of a directory snapshot, and revokes
 * what was pushed before and is now gone or out of scope; or, with {@code --preview}, reports what
 * it would do.
 */
@Command(
    name = "push",
    sortOptions = false,
    description = {
      "Execute Add: push every org unit and account in scope into the target, adopting what"
          + " already exists, and revoke what was pushed before and is now gone.",
      "A second push of the same directory writes nothing."
    },
    footer = {
      "",
      "Example:",
      "  idaas-host push --directory examples/oracle-hr.json --state state",
      "      --provider alimail --params alimail.properties",
      "",
      "Exit codes: 0 SUCCESS, 1 PARTIAL, 2 FAILED, 64 bad usage or input."
    })
final class PushCommand extends DirectoryRunCommand {

  @Override
  String commandName() {
    return "push";
  }

  @Override
  boolean needsExistingApplication() {
    return false;
  }

  @Override
  int run(HostSimulator simulator, DirectorySnapshot snapshot) {
    RunSummary run =
        preview
            ? simulator.preview(snapshot, previewPolicy(simulator))
            : simulator.executeAdd(snapshot);
    remember(run);
    RunReport.print(out(), format, run, state);
    return ExitCode.of(run.status());
  }
}
