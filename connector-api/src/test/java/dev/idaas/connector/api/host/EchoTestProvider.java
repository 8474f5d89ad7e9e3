package dev.idaas.connector.api.host;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.SpiVersion;
import java.util.List;
import java.util.Set;

/**
 * The provider this module's tests find on their class path, through the service file in the test
 * resources. It opens no connector: the registry tests only look it up.
 */
public final class EchoTestProvider implements ConnectorProvider {

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(
        "echo",
        LocalizedText.of("Echo", "回声"),
        "0.0.1",
        Set.of(Capability.ORGANIZATIONS),
        List.of(),
        0);
  }

  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    throw new UnsupportedOperationException("the echo test provider opens no connector");
  }
}
