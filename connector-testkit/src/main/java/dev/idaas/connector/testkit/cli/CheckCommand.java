package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.host.LoadedProvider;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host check}: checks that a connector can reach and sign in to its target with the
 * given parameters. Writes nothing and keeps nothing.
 */
@Command(
    name = "check",
    sortOptions = false,
    description = {
      "Check a connection: validate the parameters, sign in to the target and read a little."
          + " Nothing is written, nothing is kept."
    },
    footer = {
      "",
      "Example:",
      "  IDAAS_PARAM_accessPassword=... idaas-host check alimail --param accessCode=...",
      "      --param accessTarget=example.com",
      "",
      "Exit codes: 0 the connection works, 2 it does not (whatever the target refused), 64 bad"
          + " usage or parameters found invalid before contacting the target."
    })
final class CheckCommand implements Callable<Integer> {

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROVIDER", description = "The provider id, such as alimail.")
  String providerId;

  @Mixin ParameterOptions parameters;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LoadedProvider provider = host.providers().get(providerId);
    Map<String, String> raw =
        parameters.resolve(
            provider.descriptor(), Map.of(), host.environment(), spec.commandLine().getErr());
    ConnectorConfig config = StateFolderCommand.requireValid(provider.descriptor(), raw, false);

    ConnectionCheck check;
    try (Connector connector = provider.open(config, context())) {
      check = connector.checkConnection();
    } catch (ConnectorException e) {
      // Whatever the target refused (credentials, domain, address), the check failed: exit 2.
      // Exit 64 is for parameters found invalid before the target is contacted.
      throw CliException.failed(
          "The connection check of " + providerId + " failed: " + e.getMessage(), e);
    }
    out.println("The connection of " + providerId + " works:");
    check.steps().forEach(step -> out.println("  ok  " + step));
    out.flush();
    return ExitCode.SUCCESS;
  }

  /** A context for one check: results are ignored and links live in memory only. */
  private static ConnectorContext context() {
    return ConnectorContext.of(result -> {}, new NoLinks(), Clock.systemUTC(), Cancellation.NEVER);
  }

  /** A connection check makes no links; an empty store that forgets anything given to it. */
  private static final class NoLinks implements LinkStore {
    @Override
    public Optional<String> targetId(ObjectType type, String hostId) {
      return Optional.empty();
    }

    @Override
    public void link(ObjectType type, String hostId, String targetId) {}

    @Override
    public void unlink(ObjectType type, String hostId) {}

    @Override
    public Map<String, String> all(ObjectType type) {
      return Map.of();
    }
  }
}
