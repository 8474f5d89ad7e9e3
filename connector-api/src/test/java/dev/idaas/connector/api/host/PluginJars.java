package dev.idaas.connector.api.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ConnectorProvider;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds real plug-in jars during a test: compiles provider sources with the JDK's compiler against
 * connector-api, then writes a jar with a service file, as a connector author's build would.
 */
final class PluginJars {

  private final Path workFolder;

  PluginJars(Path workFolder) {
    this.workFolder = workFolder;
  }

  /**
   * Compiles sources against connector-api.
   *
   * @param sources each class's binary name and source
   * @return the folder holding the class files
   */
  Path compile(String name, Map<String, String> sources) throws IOException {
    Path classes = Files.createDirectories(workFolder.resolve("classes-" + name));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((className, source) -> units.add(new Source(className, source)));
    List<String> options =
        List.of(
            "--release", "17", "-proc:none", "-classpath", apiClasses(), "-d", classes.toString());

    boolean compiled = compiler.getTask(null, null, diagnostics, options, null, units).call();

    assertThat(compiled).as("compiled: %s", diagnostics.getDiagnostics()).isTrue();
    return classes;
  }

  /**
   * Writes a jar of the class files under {@code packagePath} (such as {@code com/example/}) and a
   * service file that lists {@code providers}; no service file if none is listed.
   */
  Path jar(String fileName, Path classes, String packagePath, String... providers)
      throws IOException {
    Path jar = Files.createDirectories(workFolder.resolve("jars")).resolve(fileName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String entry = classes.relativize(file).toString().replace('\\', '/');
        if (entry.startsWith(packagePath)) {
          write(out, entry, Files.readAllBytes(file));
        }
      }
      if (providers.length > 0) {
        String services = String.join("\n", providers) + "\n";
        write(out, RegistryLoading.SERVICE_FILE, services.getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  /** Writes a file that is not a zip archive under a jar's name. */
  Path corruptJar(String fileName) throws IOException {
    Path jar = Files.createDirectories(workFolder.resolve("jars")).resolve(fileName);
    Files.writeString(jar, "this is not a zip archive");
    return jar;
  }

  /** A provider's source, with its id and the expression its spiVersion() returns. */
  static String providerSource(String className, String id, String spiVersion) {
    int dot = className.lastIndexOf('.');
    return """
    package %s;

    import dev.idaas.connector.api.*;
    import java.util.List;
    import java.util.Set;

    public final class %s implements ConnectorProvider {
      @Override
      public String spiVersion() {
        return %s;
      }

      @Override
      public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(
            "%s", LocalizedText.of("Plug-in", "插件"), "2.3.0", Set.of(), List.of(), 0);
      }

      @Override
      public Connector open(ConnectorConfig config, ConnectorContext context) {
        throw new UnsupportedOperationException("a test plug-in opens no connector");
      }
    }
    """
        .formatted(className.substring(0, dot), className.substring(dot + 1), spiVersion, id);
  }

  private static void write(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static String apiClasses() {
    try {
      return Path.of(
              ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
