package dev.idaas.connector.api.host;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ErrorKind;
import java.lang.System.Logger.Level;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The connector providers a host can offer: those on its class path, found with {@link
 * ServiceLoader}, and those in plug-in jars, each jar in a class loader of its own that sees only
 * connector-api and the JDK.
 *
 * <p>Loading never stops at a broken plug-in: each refusal is collected in {@link #problems()},
 * logged as a warning, and every sound provider is still offered. A host that would rather not
 * start with a broken plug-in sets {@link Builder#strict(boolean)}, and {@link Builder#build()}
 * then throws instead. Providers are read in a fixed order (the class path, then each folder's jars
 * by file name), and when two have the same id the first keeps it.
 *
 * <p>A registry is immutable and thread-safe once built. {@link #close()} closes the plug-in class
 * loaders; providers and connectors from plug-ins must not be used after it.
 *
 * <pre>{@code
 * try (ProviderRegistry registry =
 *     ProviderRegistry.builder().pluginFolder(Path.of("plugins")).build()) {
 *   registry.problems().forEach(problem -> adminAlerts.add(problem.message()));
 *   Connector connector = registry.get("alimail").open(config, context);
 * }
 * }</pre>
 */
public final class ProviderRegistry implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

  private final Map<String, LoadedProvider> byId;
  private final List<LoadProblem> problems;
  private final List<URLClassLoader> pluginLoaders;

  private ProviderRegistry(
      Map<String, LoadedProvider> byId,
      List<LoadProblem> problems,
      List<URLClassLoader> pluginLoaders) {
    this.byId = Collections.unmodifiableMap(new TreeMap<>(byId));
    this.problems = List.copyOf(problems);
    this.pluginLoaders = List.copyOf(pluginLoaders);
  }

  /** Starts a registry that reads the class path of connector-api's own class loader. */
  public static Builder builder() {
    return new Builder();
  }

  /** The providers on the class path of connector-api's own class loader; no plug-ins. */
  public static ProviderRegistry ofClassPath() {
    return builder().build();
  }

  /** Every loaded provider, sorted by id. */
  public List<LoadedProvider> providers() {
    return List.copyOf(byId.values());
  }

  /** The sorted ids of the loaded providers. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** The provider with an id, if one was loaded. */
  public Optional<LoadedProvider> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The provider with an id.
   *
   * @throws ConnectorException of kind {@link ErrorKind#INVALID_CONFIGURATION}, listing the known
   *     ids, if no loaded provider has it
   */
  public LoadedProvider get(String id) {
    LoadedProvider loaded = byId.get(id);
    if (loaded == null) {
      String known = byId.isEmpty() ? "none" : String.join(", ", byId.keySet());
      String refused =
          problems.isEmpty()
              ? ""
              : " (" + problems.size() + " could not be loaded; see the registry's problems)";
      throw new ConnectorException(
          ErrorKind.INVALID_CONFIGURATION,
          "No connector provider has the id '" + id + "'; known ids: " + known + refused);
    }
    return loaded;
  }

  /** Why plug-ins or providers were refused, in the order they were read; empty if none was. */
  public List<LoadProblem> problems() {
    return problems;
  }

  /** Closes the plug-in class loaders. Never throws; a loader that fails to close is logged. */
  @Override
  public void close() {
    RegistryLoading.closeAll(pluginLoaders);
  }

  /** Says where to look for providers, and whether a refusal stops the host. */
  public static final class Builder {
    private Supplier<Iterable<ConnectorProvider>> classPath =
        () -> ServiceLoader.load(ConnectorProvider.class, ProviderRegistry.class.getClassLoader());
    private final List<Path> pluginFolders = new ArrayList<>();
    private boolean strict;

    private Builder() {}

    /** Looks for class-path providers with {@link ServiceLoader} on this class loader. */
    public Builder classLoader(ClassLoader loader) {
      Objects.requireNonNull(loader, "loader");
      return classPathProviders(() -> ServiceLoader.load(ConnectorProvider.class, loader));
    }

    /**
     * Replaces the search of the class path, for a test or a host with its own discovery. The
     * providers it gives are checked like any other and have the origin {@value
     * LoadedProvider#CLASS_PATH}.
     */
    public Builder classPathProviders(Supplier<Iterable<ConnectorProvider>> providers) {
      this.classPath = Objects.requireNonNull(providers, "providers");
      return this;
    }

    /**
     * Also loads every {@code *.jar} file directly in {@code folder} as a plug-in; other files and
     * sub-folders are ignored. A folder that does not exist is a problem like a broken jar.
     */
    public Builder pluginFolder(Path folder) {
      pluginFolders.add(Objects.requireNonNull(folder, "folder"));
      return this;
    }

    /**
     * Whether {@link #build()} throws when anything was refused, instead of collecting it in {@link
     * ProviderRegistry#problems()}. Off by default.
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Loads the providers.
     *
     * @throws ConnectorException of kind {@link ErrorKind#INCOMPATIBLE_PROVIDER}, listing every
     *     problem, if the registry is strict and anything was refused
     */
    public ProviderRegistry build() {
      RegistryLoading loading = new RegistryLoading();
      loading.fromClassPath(classPath);
      pluginFolders.forEach(loading::fromFolder);

      if (strict && !loading.problems().isEmpty()) {
        RegistryLoading.closeAll(loading.pluginLoaders());
        throw new ConnectorException(ErrorKind.INCOMPATIBLE_PROVIDER, describe(loading.problems()));
      }
      loading.problems().forEach(problem -> LOG.log(Level.WARNING, "Skipped: {0}", problem));
      return new ProviderRegistry(loading.loaded(), loading.problems(), loading.pluginLoaders());
    }

    private static String describe(List<LoadProblem> problems) {
      return "Connector providers were refused ("
          + problems.size()
          + (problems.size() == 1 ? " problem" : " problems")
          + "):"
          + problems.stream().map(problem -> "\n  - " + problem).collect(Collectors.joining());
    }
  }
}
