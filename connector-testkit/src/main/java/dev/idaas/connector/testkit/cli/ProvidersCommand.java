package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.host.LoadProblem;
import dev.idaas.connector.api.host.LoadedProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code idaas-host providers}: the connector providers found, and those refused. */
@Command(
    name = "providers",
    description = {
      "List the connector providers found on the class path and in the plug-in folder: id, name"
          + " in English and Chinese, version, SPI version, and where each comes from."
    },
    footer = {"", "Exit codes: 0 listed, 64 bad usage."})
final class ProvidersCommand implements Callable<Integer> {

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Providers providers = host.providers();
    if (providers.all().isEmpty()) {
      out.println("No connector provider was found " + where(providers) + ".");
    } else {
      TextTable table = new TextTable("ID", "NAME", "名称", "VERSION", "SPI", "FROM");
      for (LoadedProvider provider : providers.all()) {
        ConnectorDescriptor descriptor = provider.descriptor();
        table.add(
            descriptor.id(),
            descriptor.displayName().en(),
            descriptor.displayName().zhCn(),
            descriptor.version(),
            provider.provider().spiVersion(),
            provider.isPlugin() ? "plug-in " + provider.origin() : provider.origin());
      }
      table.print(out);
    }
    if (!providers.problems().isEmpty()) {
      out.println();
      out.println("Not loaded:");
      for (LoadProblem problem : providers.problems()) {
        out.println("  " + problem.message());
      }
    }
    out.flush();
    return ExitCode.SUCCESS;
  }

  private static String where(Providers providers) {
    return providers.pluginFolder() == null
        ? "on the class path; add plug-in jars with --plugins DIR"
        : "on the class path or in " + providers.pluginFolder();
  }
}
