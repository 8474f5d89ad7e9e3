package dev.idaas.connector.api;

/**
 * The version of this SPI, which a host compares with the version a provider was compiled against.
 *
 * <p>{@link #CURRENT} is a compile-time constant, so the compiler copies its value into every
 * provider class that returns it from {@link ConnectorProvider#spiVersion()}. A host holding a
 * newer API can therefore tell which SPI a plug-in jar was built for, and refuse it with a clear
 * message instead of failing later with a {@link LinkageError}.
 *
 * <p>Versions are {@code MAJOR.MINOR}. A host accepts a provider with the same major version and a
 * minor version not newer than its own.
 */
public final class SpiVersion {

  /**
   * The SPI version of this API. Return this constant from {@link ConnectorProvider#spiVersion()}.
   */
  public static final String CURRENT = "1.0";

  private SpiVersion() {}

  /**
   * Tells whether a provider built against {@code providerVersion} can run on a host whose API is
   * {@code hostVersion}.
   *
   * @return false also when either version is not of the form {@code MAJOR.MINOR}
   */
  public static boolean isCompatible(String providerVersion, String hostVersion) {
    int[] provider = parse(providerVersion);
    int[] host = parse(hostVersion);
    if (provider == null || host == null) {
      return false;
    }
    return provider[0] == host[0] && provider[1] <= host[1];
  }

  private static int[] parse(String version) {
    if (version == null || !version.matches("\\d{1,4}\\.\\d{1,4}")) {
      return null;
    }
    String[] parts = version.split("\\.");
    return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
  }
}
