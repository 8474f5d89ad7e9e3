package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What one contract test works with: the provider, its valid parameters, the target as it was right
 * after its reset, the small directory in the target's mail domain, the known secrets, and the host
 * simulators the test opened (closed with the fixture).
 */
final class ContractFixture implements AutoCloseable {

  private final ConnectorProvider provider;
  private final Map<String, String> parameters;
  private final ContractTarget target;
  private final Path folder;
  private final TargetView baseline;
  private final ContractDirectory directory;
  private final KnownSecrets secrets;
  private final List<ContractHost> hosts = new ArrayList<>();

  ContractFixture(
      ConnectorProvider provider,
      Map<String, String> parameters,
      ContractTarget target,
      Path folder,
      KnownSecrets secrets) {
    this.provider = provider;
    this.parameters = Map.copyOf(parameters);
    this.target = target;
    this.folder = folder;
    this.baseline = TargetView.of(target);
    this.directory = new ContractDirectory(target.mailDomain());
    this.secrets = secrets;
  }

  ConnectorProvider provider() {
    return provider;
  }

  ConnectorDescriptor descriptor() {
    return provider.descriptor();
  }

  Map<String, String> parameters() {
    return parameters;
  }

  ContractTarget target() {
    return target;
  }

  /** The target as it was right after the reset, before the test did anything. */
  TargetView baseline() {
    return baseline;
  }

  /** The target now. */
  TargetView view() {
    return TargetView.of(target);
  }

  ContractDirectory directory() {
    return directory;
  }

  KnownSecrets secrets() {
    return secrets;
  }

  /** A host with the valid parameters and a state folder of its own. */
  ContractHost host() {
    return host(parameters);
  }

  /** A host with other parameters and a state folder of its own. */
  ContractHost host(Map<String, String> raw) {
    ContractHost host = ContractHost.open(provider, raw, folder.resolve("host-" + hosts.size()));
    hosts.add(host);
    return host;
  }

  /** The hosts this test opened, oldest first. */
  List<ContractHost> hosts() {
    return List.copyOf(hosts);
  }

  /** Every authorize call of every host of this test, oldest host first. */
  List<RecordingProvider.Call> calls() {
    return hosts.stream().flatMap(host -> host.recorder().calls().stream()).toList();
  }

  /** Skips the test, with the reason, unless the connector declares every capability given. */
  void requires(Capability... capabilities) {
    for (Capability capability : capabilities) {
      Assumptions.assumeTrue(
          descriptor().can(capability),
          () ->
              "skipped: "
                  + descriptor().id()
                  + " does not declare the "
                  + capability
                  + " capability, so this behaviour does not apply to it");
    }
  }

  @Override
  public void close() {
    hosts.forEach(ContractHost::close);
  }
}
