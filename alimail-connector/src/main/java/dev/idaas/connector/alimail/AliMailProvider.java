package dev.idaas.connector.alimail;

import com.google.auto.service.AutoService;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.SpiVersion;
import java.util.EnumSet;

/**
 * The Alibaba Mail (阿里邮箱) connector: pushes a directory's org units as departments and its accounts
 * as mailboxes, through Alibaba Mail's WebService API.
 *
 * <p>Hosts find it with {@link java.util.ServiceLoader} under the id {@value #ID}; nobody calls it
 * directly. Its parameters and their meaning are in the descriptor and in {@code
 * docs/alimail-api.md} of this module.
 */
@AutoService(ConnectorProvider.class)
public final class AliMailProvider implements ConnectorProvider {

  /** The provider id an application instance refers to. */
  public static final String ID = "alimail";

  private static final String VERSION = "0.1.0";

  private static final ConnectorDescriptor DESCRIPTOR =
      new ConnectorDescriptor(
          ID,
          LocalizedText.of("Alibaba Mail", "阿里邮箱"),
          VERSION,
          EnumSet.allOf(Capability.class),
          AliMailParameters.all(),
          AliMailParameters.DEFAULT_REQUESTS_PER_SECOND);

  /** Called by {@link java.util.ServiceLoader}. */
  public AliMailProvider() {}

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Opens a connector; no call is made until the host asks for one.
   *
   * @throws dev.idaas.connector.api.InvalidConfigurationException if the endpoint is plain {@code
   *     http://} to a machine other than this one
   * @throws IllegalArgumentException if {@code config} was validated against another descriptor
   */
  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    return open(config, context, Environment.REAL);
  }

  /** The same, with the network and the clocks a test chooses. */
  static AliMailConnector open(
      ConnectorConfig config, ConnectorContext context, Environment environment) {
    if (!ID.equals(config.descriptor().id())) {
      throw new IllegalArgumentException(
          "the configuration is for provider " + config.descriptor().id() + ", not " + ID);
    }
    return new AliMailConnector(AliMailSettings.from(config), context, environment);
  }
}
