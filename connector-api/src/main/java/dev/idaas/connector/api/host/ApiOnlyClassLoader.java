package dev.idaas.connector.api.host;

import dev.idaas.connector.api.ConnectorProvider;
import java.security.CodeSource;
import java.util.Objects;

/**
 * The parent of every plug-in class loader: it shows the JDK (through the platform class loader)
 * and the host's connector-api classes, and hides everything else on the host's class path.
 *
 * <p>A class counts as connector-api when its name is in {@code dev.idaas.connector.api} or below
 * and it comes from the same place as {@link ConnectorProvider}; a class of that name from anywhere
 * else on the host's class path (a test, or a jar that repeats the package) stays hidden. No
 * resource of the host is shown, so a plug-in's {@link java.util.ServiceLoader} sees only its own
 * service files.
 */
final class ApiOnlyClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String API_PACKAGE = "dev.idaas.connector.api.";

  private final ClassLoader api;
  private final String apiLocation;

  /**
   * @param api the host's class loader that defines connector-api
   */
  ApiOnlyClassLoader(ClassLoader api) {
    super("connector-api only", ClassLoader.getPlatformClassLoader());
    this.api = Objects.requireNonNull(api, "api");
    this.apiLocation = locationOf(ConnectorProvider.class);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(API_PACKAGE)) {
      // The platform class loader, then findClass, which finds nothing: the JDK only.
      return super.loadClass(name, resolve);
    }
    Class<?> type = api.loadClass(name);
    if (!Objects.equals(locationOf(type), apiLocation)) {
      throw new ClassNotFoundException(
          name + " is not part of connector-api, so plug-ins cannot see it");
    }
    return type;
  }

  private static String locationOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? null : source.getLocation().toString();
  }
}
