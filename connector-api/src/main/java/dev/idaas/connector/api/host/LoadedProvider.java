package dev.idaas.connector.api.host;

import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ErrorKind;
import java.util.Objects;

/**
 * A provider the {@link ProviderRegistry} loaded, with the descriptor it gave when loaded and where
 * it came from.
 *
 * @param provider the provider
 * @param descriptor what {@link ConnectorProvider#descriptor()} returned when the provider was
 *     loaded
 * @param origin {@value #CLASS_PATH}, or the path of the plug-in jar that holds the provider
 */
public record LoadedProvider(
    ConnectorProvider provider, ConnectorDescriptor descriptor, String origin) {

  /** The origin of a provider found on the host's own class path. */
  public static final String CLASS_PATH = "class path";

  public LoadedProvider {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(origin, "origin");
  }

  /** The provider id. */
  public String id() {
    return descriptor.id();
  }

  /** Whether the provider came from a plug-in jar rather than the class path. */
  public boolean isPlugin() {
    return !CLASS_PATH.equals(origin);
  }

  /**
   * Opens a connector through the provider, as {@link ConnectorProvider#open} does.
   *
   * @throws ConnectorException of kind {@link ErrorKind#INCOMPATIBLE_PROVIDER} if the plug-in fails
   *     with a {@link LinkageError} (built against another connector-api, or missing a library);
   *     any exception the provider throws otherwise
   */
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    try {
      return provider.open(config, context);
    } catch (LinkageError failure) {
      throw new ConnectorException(
          ErrorKind.INCOMPATIBLE_PROVIDER,
          origin + ": " + Failures.failedIn(provider, "open", failure),
          failure);
    }
  }
}
