package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.host.LoadedProvider;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idaas-host demo}: everything embedded, no arguments, no account. */
@Command(
    name = "demo",
    description = {
      "Run the whole kit in this process, with no account and no argument: start the AliMail"
          + " simulator, push the Oracle HR and China areas example directories through the"
          + " alimail connector, push a few directory changes, and show what AliMail holds.",
      "Everything is kept in a temporary folder that is removed at the end."
    },
    footer = {"", "Exit codes: 0 every run succeeded, 1 a run was partial, 2 a run failed."})
final class DemoCommand implements Callable<Integer> {

  /** The provider the demo pushes through. */
  static final String PROVIDER = "alimail";

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LoadedProvider provider =
        host.providers().all().stream()
            .filter(loaded -> loaded.id().equals(PROVIDER))
            .findFirst()
            .orElseThrow(
                () ->
                    CliException.usage(
                        "The demo needs the alimail connector, which is not on the class path."
                            + " Build the project and use the launcher: ./mvnw -B -q package"
                            + " -DskipTests && ./idaas-host demo"));
    Demo demo =
        new Demo(
            provider, spec.commandLine().getOut(), spec.commandLine().getErr(), host.environment());
    return demo.run(List.of(Demo.ORACLE_HR, Demo.CHINA_AREAS));
  }
}
