package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.host.LoadProblem;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.api.host.ProviderRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The connector providers a command can use: those on the class path, and those in the plug-in
 * folder given with {@code --plugins} or {@code IDAAS_HOST_PLUGINS}. Refused plug-ins are logged as
 * warnings by the registry and listed by {@code idaas-host providers}.
 */
final class Providers implements AutoCloseable {

  /** The environment variable that names the plug-in folder when {@code --plugins} is not given. */
  static final String PLUGINS_VARIABLE = "IDAAS_HOST_PLUGINS";

  private final ProviderRegistry registry;
  private final Path pluginFolder;

  private Providers(ProviderRegistry registry, Path pluginFolder) {
    this.registry = registry;
    this.pluginFolder = pluginFolder;
  }

  /**
   * Loads the providers.
   *
   * @param pluginOption the {@code --plugins} folder; null to use the environment variable, if set
   */
  static Providers load(Path pluginOption, CliEnvironment environment) {
    Path folder = pluginOption;
    String fromEnvironment = environment.variable(PLUGINS_VARIABLE);
    if (folder == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      folder = Path.of(fromEnvironment.strip());
    }
    ProviderRegistry.Builder builder = ProviderRegistry.builder();
    if (folder != null) {
      builder.pluginFolder(folder);
    }
    return new Providers(builder.build(), folder);
  }

  /** Every loaded provider, sorted by id. */
  List<LoadedProvider> all() {
    return registry.providers();
  }

  /** Why plug-ins or providers were refused. */
  List<LoadProblem> problems() {
    return registry.problems();
  }

  /** The plug-in folder in use, or null. */
  Path pluginFolder() {
    return pluginFolder;
  }

  /**
   * The provider with an id.
   *
   * @throws CliException (usage) naming the known ids when there is none
   */
  LoadedProvider get(String id) {
    return registry.find(id).orElseThrow(() -> CliException.usage(unknown(id)));
  }

  private String unknown(String id) {
    String known =
        registry.ids().isEmpty()
            ? "none was found"
            : "the known ones are " + String.join(", ", registry.ids());
    String where =
        pluginFolder == null
            ? "on the class path"
            : "on the class path or in the plug-in folder " + pluginFolder;
    String refused =
        registry.problems().isEmpty()
            ? ""
            : " Some could not be loaded: "
                + registry.problems().stream()
                    .map(LoadProblem::message)
                    .collect(Collectors.joining("; "))
                + ".";
    return "There is no connector provider '"
        + id
        + "' "
        + where
        + "; "
        + known
        + "."
        + refused
        + " List them with 'idaas-host providers'; add a plug-in jar with --plugins DIR.";
  }

  @Override
  public void close() {
    registry.close();
  }
}
