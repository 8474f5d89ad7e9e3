package dev.idaas.connector.api;

/**
 * The entry point of a connector, found by the host with {@link java.util.ServiceLoader}. List the
 * implementing class in {@code META-INF/services/dev.idaas.connector.api.ConnectorProvider}.
 *
 * <p>Implementations have a public no-argument constructor, hold no state, and are cheap to create:
 * a host creates one to list the catalogue.
 */
public interface ConnectorProvider {

  /**
   * The SPI version this provider was built against. Implement it as {@code return
   * SpiVersion.CURRENT;}: the compiler copies the constant's value into your class, so a host with
   * another API version can tell.
   */
  String spiVersion();

  /** The provider's id, names, capabilities and parameters. Never null; the same on every call. */
  ConnectorDescriptor descriptor();

  /**
   * Opens a connector for one application instance. Opening does not call the target; {@link
   * Connector#checkConnection()} does.
   *
   * @param config parameters validated against {@link #descriptor()}
   * @param context what the host lends the connector
   * @throws ConnectorException of kind {@link ErrorKind#INVALID_CONFIGURATION} if the values passed
   *     validation but cannot work together
   */
  Connector open(ConnectorConfig config, ConnectorContext context);
}
