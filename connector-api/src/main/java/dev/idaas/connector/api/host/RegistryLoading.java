package dev.idaas.connector.api.host;

import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.SpiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** One run of loading providers into a {@link ProviderRegistry}: what was loaded and refused. */
final class RegistryLoading {

  private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

  static final String SERVICE_FILE = "META-INF/services/" + ConnectorProvider.class.getName();

  /** Defensive: a source whose every entry fails is not read forever. */
  private static final int MOST_FAILURES_PER_SOURCE = 100;

  private final Map<String, LoadedProvider> loaded = new LinkedHashMap<>();
  private final List<LoadProblem> problems = new ArrayList<>();
  private final List<URLClassLoader> pluginLoaders = new ArrayList<>();
  private final ClassLoader apiOnly =
      new ApiOnlyClassLoader(ConnectorProvider.class.getClassLoader());

  Map<String, LoadedProvider> loaded() {
    return loaded;
  }

  List<LoadProblem> problems() {
    return problems;
  }

  List<URLClassLoader> pluginLoaders() {
    return pluginLoaders;
  }

  void fromClassPath(Supplier<Iterable<ConnectorProvider>> providers) {
    Iterator<ConnectorProvider> iterator;
    try {
      iterator = providers.get().iterator();
    } catch (ServiceConfigurationError | LinkageError failure) {
      refuse(LoadedProvider.CLASS_PATH, Failures.cannotCreate(failure), failure);
      return;
    }
    addAll(iterator, LoadedProvider.CLASS_PATH);
  }

  void fromFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      refuse(folder.toString(), "the plug-in folder does not exist or is not a folder", null);
      return;
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(folder)) {
      jars =
          files
              .filter(Files::isRegularFile)
              .filter(
                  file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
              .sorted()
              .toList();
    } catch (IOException | UncheckedIOException failure) {
      refuse(folder.toString(), "the plug-in folder cannot be listed: " + failure, failure);
      return;
    }
    jars.forEach(this::fromJar);
  }

  private void fromJar(Path jar) {
    String origin = jar.toString();
    String unusable = checkJar(jar);
    if (unusable != null) {
      refuse(origin, unusable, null);
      return;
    }

    URLClassLoader loader = new URLClassLoader("plug-in " + jar.getFileName(), urlOf(jar), apiOnly);
    int added = addAll(ServiceLoader.load(ConnectorProvider.class, loader).iterator(), origin);
    if (added == 0) {
      closeAll(List.of(loader));
    } else {
      pluginLoaders.add(loader);
    }
  }

  /** Why a file cannot be a plug-in, or null if it may be one. */
  private static String checkJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(SERVICE_FILE) == null
          ? "holds no " + SERVICE_FILE + ", so it provides no connector"
          : null;
    } catch (IOException failure) {
      return "cannot be read as a jar (" + failure.getMessage() + ")";
    }
  }

  /** Adds each provider the iterator gives; returns how many were added. */
  private int addAll(Iterator<ConnectorProvider> providers, String origin) {
    int added = 0;
    int failures = 0;
    while (failures < MOST_FAILURES_PER_SOURCE) {
      ConnectorProvider provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError | LinkageError failure) {
        // ServiceLoader moves on to the next entry after an error, so reading can go on.
        failures++;
        refuse(origin, Failures.cannotCreate(failure), failure);
        continue;
      }
      if (add(provider, origin)) {
        added++;
      }
    }
    return added;
  }

  private boolean add(ConnectorProvider provider, String origin) {
    String spiVersion;
    try {
      spiVersion = provider.spiVersion();
    } catch (LinkageError | RuntimeException failure) {
      return refuse(origin, Failures.failedIn(provider, "spiVersion", failure), failure);
    }
    if (!SpiVersion.isCompatible(spiVersion, SpiVersion.CURRENT)) {
      return refuse(origin, incompatible(provider, spiVersion), null);
    }

    ConnectorDescriptor descriptor;
    try {
      descriptor = provider.descriptor();
    } catch (LinkageError | RuntimeException failure) {
      return refuse(origin, Failures.failedIn(provider, "descriptor", failure), failure);
    }
    if (descriptor == null) {
      return refuse(origin, "provider " + typeOf(provider) + " gave no descriptor (null)", null);
    }

    LoadedProvider earlier = loaded.get(descriptor.id());
    if (earlier != null) {
      return refuse(origin, duplicate(descriptor.id(), earlier, provider), null);
    }
    loaded.put(descriptor.id(), new LoadedProvider(provider, descriptor, origin));
    LOG.log(
        Level.INFO,
        "Loaded connector provider {0} {1} from {2}",
        descriptor.id(),
        descriptor.version(),
        origin);
    return true;
  }

  private static String incompatible(ConnectorProvider provider, String spiVersion) {
    String built =
        spiVersion == null
            ? " declares no SPI version"
            : " was built for SPI version " + spiVersion;
    return "provider "
        + typeOf(provider)
        + built
        + ", but this host supports SPI version "
        + SpiVersion.CURRENT
        + " ("
        + acceptedVersions()
        + "); rebuild the plug-in against connector-api with SPI version "
        + SpiVersion.CURRENT;
  }

  /** The versions {@link SpiVersion#isCompatible} accepts on this host, in words. */
  private static String acceptedVersions() {
    String[] current = SpiVersion.CURRENT.split("\\.");
    return current[1].equals("0")
        ? "it runs providers built for " + SpiVersion.CURRENT + " only"
        : "it runs providers built for " + current[0] + ".0 to " + SpiVersion.CURRENT;
  }

  private static String duplicate(String id, LoadedProvider earlier, ConnectorProvider provider) {
    return "provider id '"
        + id
        + "' is already taken by "
        + typeOf(earlier.provider())
        + " from "
        + earlier.origin()
        + ", so "
        + typeOf(provider)
        + " is ignored";
  }

  private boolean refuse(String origin, String reason, Throwable failure) {
    problems.add(new LoadProblem(origin, reason));
    if (failure != null) {
      LOG.log(Level.DEBUG, "Failure behind a refused provider from " + origin, failure);
    }
    return false;
  }

  private static String typeOf(ConnectorProvider provider) {
    return provider.getClass().getName();
  }

  private static URL[] urlOf(Path jar) {
    try {
      return new URL[] {jar.toUri().toURL()};
    } catch (MalformedURLException impossible) {
      // Defensive: a path from the file system always makes a file: URL.
      throw new IllegalArgumentException("no URL for " + jar, impossible);
    }
  }

  static void closeAll(List<URLClassLoader> loaders) {
    for (URLClassLoader loader : loaders) {
      try {
        loader.close();
      } catch (IOException failure) {
        LOG.log(Level.WARNING, "Could not close the class loader " + loader.getName(), failure);
      }
    }
  }
}
