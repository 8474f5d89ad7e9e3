package dev.idaas.connector.api.host;

import static dev.idaas.connector.api.host.PluginJars.providerSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.support.TreeOrder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loads plug-in jars that the test compiles and packs itself, so each refusal is met the way a host
 * meets it: a real jar, a real service file, a real class loader.
 */
class PluginLoadingTest {

  private static final String INCOMPATIBLE =
      ", but this host supports SPI version 1.0 (it runs providers built for 1.0 only); rebuild"
          + " the plug-in against connector-api with SPI version 1.0";

  @TempDir static Path workFolder;
  @TempDir Path plugins;

  private static Path greeter;
  private static Path greeterTwin;
  private static Path echoTwin;
  private static Path needy;
  private static Path ancient;
  private static Path notAProvider;
  private static Path missingClass;
  private static Path noServiceFile;
  private static Path corrupt;
  private static Map<String, Path> bySpiVersion;

  @BeforeAll
  static void buildPlugins() throws IOException {
    PluginJars jars = new PluginJars(workFolder);
    Path classes =
        jars.compile(
            "current",
            Map.of(
                "com.example.greeter.GreeterProvider",
                providerSource(
                    "com.example.greeter.GreeterProvider", "greeter", "SpiVersion.CURRENT"),
                "com.example.twin.TwinProvider",
                providerSource("com.example.twin.TwinProvider", "greeter", "SpiVersion.CURRENT"),
                "com.example.echo.EchoTwin",
                providerSource("com.example.echo.EchoTwin", "echo", "SpiVersion.CURRENT"),
                "com.example.old.OldProvider",
                providerSource("com.example.old.OldProvider", "old", "\"0.9\""),
                "com.example.newer.NewerProvider",
                providerSource("com.example.newer.NewerProvider", "newer", "\"2.0\""),
                "com.example.minor.MinorProvider",
                providerSource("com.example.minor.MinorProvider", "minor", "\"1.1\""),
                "com.example.needy.NeedyProvider",
                providerSource("com.example.needy.NeedyProvider", "needy", "SpiVersion.CURRENT")
                    .replace("\"Plug-in\"", "com.example.lib.Helper.name()"),
                "com.example.lib.Helper",
                "package com.example.lib; public final class Helper {"
                    + " public static String name() { return \"Needy\"; } }",
                "com.example.notone.NotAProvider",
                "package com.example.notone; public final class NotAProvider {}"));
    greeter =
        jars.jar(
            "greeter.jar", classes, "com/example/greeter/", "com.example.greeter.GreeterProvider");
    greeterTwin =
        jars.jar("twin.jar", classes, "com/example/twin/", "com.example.twin.TwinProvider");
    echoTwin = jars.jar("echo-twin.jar", classes, "com/example/echo/", "com.example.echo.EchoTwin");
    bySpiVersion =
        Map.of(
            "0.9", jars.jar("old.jar", classes, "com/example/old/", "com.example.old.OldProvider"),
            "2.0",
                jars.jar(
                    "newer.jar", classes, "com/example/newer/", "com.example.newer.NewerProvider"),
            "1.1",
                jars.jar(
                    "minor.jar", classes, "com/example/minor/", "com.example.minor.MinorProvider"));
    // The library the provider calls is left out of its jar, as a careless build would.
    needy = jars.jar("needy.jar", classes, "com/example/needy/", "com.example.needy.NeedyProvider");
    notAProvider =
        jars.jar(
            "not-a-provider.jar",
            classes,
            "com/example/notone/",
            "com.example.notone.NotAProvider");
    missingClass =
        jars.jar(
            "missing-class.jar", classes, "com/example/gone/", "com.example.gone.GoneProvider");
    noServiceFile = jars.jar("no-service-file.jar", classes, "com/example/greeter/");
    corrupt = jars.corruptJar("corrupt.jar");
    ancient = buildAncientPlugin(jars);
  }

  /**
   * A provider compiled against an older connector-api whose provider interface had no
   * spiVersion(): the JVM only finds out when the host calls it.
   */
  private static Path buildAncientPlugin(PluginJars jars) throws IOException {
    String olderInterface =
        """
        package dev.idaas.connector.api;

        public interface ConnectorProvider {
          ConnectorDescriptor descriptor();

          Connector open(ConnectorConfig config, ConnectorContext context);
        }
        """;
    String ancientProvider =
        providerSource("com.example.ancient.AncientProvider", "ancient", "\"1.0\"")
            .replace("@Override\n  public String spiVersion()", "public String unused()");
    Path classes =
        jars.compile(
            "ancient",
            Map.of(
                "dev.idaas.connector.api.ConnectorProvider", olderInterface,
                "com.example.ancient.AncientProvider", ancientProvider));
    return jars.jar(
        "ancient.jar", classes, "com/example/ancient/", "com.example.ancient.AncientProvider");
  }

  @Test
  void loadsAPluginJarInAClassLoaderOfItsOwn() throws IOException {
    Path jar = install(greeter);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.ids()).containsExactly("echo", "greeter");
      LoadedProvider loaded = registry.get("greeter");
      assertThat(loaded.origin()).isEqualTo(jar.toString());
      assertThat(loaded.isPlugin()).isTrue();
      assertThat(loaded.descriptor().version()).isEqualTo("2.3.0");
      ClassLoader loader = loaded.provider().getClass().getClassLoader();
      assertThat(loader)
          .isInstanceOf(URLClassLoader.class)
          .isNotSameAs(getClass().getClassLoader())
          .isNotSameAs(ConnectorProvider.class.getClassLoader());
      assertThat(loader.getName()).isEqualTo("plug-in greeter.jar");
      assertThat(registry.problems()).isEmpty();
    }
  }

  @Test
  void showsAPluginConnectorApiAndTheJdkAndNothingElseOfTheHost() throws Exception {
    install(greeter);

    try (ProviderRegistry registry = registryOf(plugins)) {
      ClassLoader plugin = registry.get("greeter").provider().getClass().getClassLoader();

      assertThat(plugin.loadClass(ConnectorProvider.class.getName()))
          .isSameAs(ConnectorProvider.class);
      assertThat(plugin.loadClass(TreeOrder.class.getName())).isSameAs(TreeOrder.class);
      assertThat(plugin.loadClass(HttpClient.class.getName())).isSameAs(HttpClient.class);
      assertThatThrownBy(() -> plugin.loadClass("org.assertj.core.api.Assertions"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> plugin.loadClass(PluginLoadingTest.class.getName()))
          .isInstanceOf(ClassNotFoundException.class)
          .hasMessage(PluginLoadingTest.class.getName());
      List<URL> serviceFiles = Collections.list(plugin.getResources(RegistryLoading.SERVICE_FILE));
      assertThat(serviceFiles).hasSize(1);
      assertThat(serviceFiles.get(0).toString()).startsWith("jar:file:").contains("greeter.jar!");
    }
  }

  @ParameterizedTest(name = "SPI {0}")
  @CsvSource({
    "0.9, com.example.old.OldProvider",
    "2.0, com.example.newer.NewerProvider",
    "1.1, com.example.minor.MinorProvider"
  })
  void refusesAPluginBuiltForAnotherSpiVersion(String spiVersion, String providerClass)
      throws IOException {
    Path jar = install(bySpiVersion.get(spiVersion));

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.ids()).containsExactly("echo");
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              jar
                  + ": provider "
                  + providerClass
                  + " was built for SPI version "
                  + spiVersion
                  + INCOMPATIBLE);
    }
  }

  @Test
  void refusesAPluginBuiltAgainstAnOlderProviderInterface() throws IOException {
    Path jar = install(ancient);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.ids()).containsExactly("echo");
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              jar
                  + ": provider com.example.ancient.AncientProvider failed in spiVersion() with"
                  + " java.lang.AbstractMethodError, so it was probably built against another"
                  + " version of connector-api");
    }
  }

  @Test
  void refusesAPluginThatDoesNotBundleALibraryItCalls() throws IOException {
    Path jar = install(needy);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              jar
                  + ": provider com.example.needy.NeedyProvider failed in descriptor() with"
                  + " java.lang.NoClassDefFoundError for com.example.lib.Helper; a plug-in jar"
                  + " must bundle every library it uses except connector-api");
    }
  }

  @Test
  void refusesACorruptJarNamingIt() throws IOException {
    Path jar = install(corrupt);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.problems())
          .containsExactly(
              new LoadProblem(
                  jar.toString(), "cannot be read as a jar (zip END header not found)"));
    }
  }

  @Test
  void refusesAJarWithoutAServiceFile() throws IOException {
    Path jar = install(noServiceFile);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              jar
                  + ": holds no META-INF/services/dev.idaas.connector.api.ConnectorProvider, so it"
                  + " provides no connector");
    }
  }

  @Test
  void refusesAServiceFileThatNamesAMissingClassOrOneThatIsNoProvider() throws IOException {
    Path missing = install(missingClass);
    Path notOne = install(notAProvider);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              missing
                  + ": cannot create a connector provider:"
                  + " dev.idaas.connector.api.ConnectorProvider: Provider"
                  + " com.example.gone.GoneProvider not found",
              notOne
                  + ": cannot create a connector provider:"
                  + " dev.idaas.connector.api.ConnectorProvider:"
                  + " com.example.notone.NotAProvider not a subtype");
    }
  }

  @Test
  void refusesAPluginWhoseIdTheClassPathAlreadyHasNamingBothOrigins() throws IOException {
    Path jar = install(echoTwin);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.get("echo").origin()).isEqualTo("class path");
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              jar
                  + ": provider id 'echo' is already taken by "
                  + EchoTestProvider.class.getName()
                  + " from class path, so com.example.echo.EchoTwin is ignored");
    }
  }

  @Test
  void refusesTheLaterOfTwoJarsWithTheSameIdNamingBoth() throws IOException {
    Path first = install(greeter);
    Path second = install(greeterTwin);

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.get("greeter").origin()).isEqualTo(first.toString());
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              second
                  + ": provider id 'greeter' is already taken by"
                  + " com.example.greeter.GreeterProvider from "
                  + first
                  + ", so com.example.twin.TwinProvider is ignored");
    }
  }

  @Test
  void loadsTheSoundPluginsAndReportsTheBrokenOnesInFileNameOrder() throws IOException {
    Path broken = install(corrupt);
    install(greeter);
    Path old = install(bySpiVersion.get("0.9"));
    Files.writeString(plugins.resolve("README.txt"), "not a plug-in");
    Files.createDirectories(plugins.resolve("archive.jar"));

    try (ProviderRegistry registry = registryOf(plugins)) {

      assertThat(registry.ids()).containsExactly("echo", "greeter");
      assertThat(registry.problems())
          .extracting(LoadProblem::origin)
          .containsExactly(broken.toString(), old.toString());
    }
  }

  @Test
  void throwsEveryProblemAtOnceWhenStrict() throws IOException {
    Path broken = install(corrupt);
    install(greeter);
    Path old = install(bySpiVersion.get("0.9"));
    ProviderRegistry.Builder builder =
        ProviderRegistry.builder().pluginFolder(plugins).strict(true);

    ConnectorException thrown = catchThrowableOfType(ConnectorException.class, builder::build);

    assertThat(thrown.kind()).isEqualTo(ErrorKind.INCOMPATIBLE_PROVIDER);
    assertThat(thrown)
        .hasMessage(
            "Connector providers were refused (2 problems):\n  - "
                + broken
                + ": cannot be read as a jar (zip END header not found)\n  - "
                + old
                + ": provider com.example.old.OldProvider was built for SPI version 0.9"
                + INCOMPATIBLE);
  }

  @Test
  void reportsAPluginFolderThatDoesNotExist() {
    Path missing = plugins.resolve("nowhere");

    try (ProviderRegistry registry = registryOf(missing)) {

      assertThat(registry.ids()).containsExactly("echo");
      assertThat(registry.problems())
          .containsExactly(
              new LoadProblem(
                  missing.toString(), "the plug-in folder does not exist or is not a folder"));
    }
  }

  @Test
  void closesThePluginClassLoadersWhenClosed() throws IOException {
    install(greeter);
    ProviderRegistry registry = registryOf(plugins);
    ClassLoader plugin = registry.get("greeter").provider().getClass().getClassLoader();
    assertThat(plugin.getResource(RegistryLoading.SERVICE_FILE)).isNotNull();

    registry.close();

    assertThat(plugin.getResource(RegistryLoading.SERVICE_FILE)).isNull();
  }

  private Path install(Path jar) throws IOException {
    return Files.copy(jar, plugins.resolve(jar.getFileName()));
  }

  private static ProviderRegistry registryOf(Path folder) {
    return ProviderRegistry.builder().pluginFolder(folder).build();
  }
}
