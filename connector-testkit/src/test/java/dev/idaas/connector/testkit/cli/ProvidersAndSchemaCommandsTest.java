package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.testkit.schema.ParameterSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersAndSchemaCommandsTest {

  @TempDir Path folder;

  final Cli cli = new Cli();

  @Test
  void listsTheProvidersOnTheClassPathSortedById() {
    Cli.Result result = cli.run("providers");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            ID                NAME              名称      VERSION  SPI  FROM
            directory-mirror  Directory mirror  目录镜像  1.0.0    1.0  class path
            fake-directory    Fake directory    模拟目录  1.2.0    1.0  class path
            """);
  }

  @Test
  void listsWhatThePluginFolderFromTheEnvironmentCouldNotLoad() {
    Path plugins = folder.resolve("plugins");
    Cli.write(plugins.resolve("broken.jar"), "not a jar");
    cli.variables.put("IDAAS_HOST_PLUGINS", plugins.toString());

    Cli.Result result = cli.run("providers");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .endsWith(
            "\nNot loaded:\n  "
                + plugins.resolve("broken.jar")
                + ": cannot be read as a jar (zip END header not found)\n");
  }

  @Test
  void printsTheSchemaOfAProviderAsTheLibraryRendersIt() {
    Cli.Result first = cli.run("schema", FakeDirectoryProvider.ID);
    Cli.Result second = cli.run("schema", FakeDirectoryProvider.ID);

    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .isEqualTo(ParameterSchema.render(new FakeDirectoryProvider().descriptor()))
        .isEqualTo(second.out());
  }

  @Test
  void findsASchemaCompatibleWithItself() {
    Path old = Cli.write(folder.resolve("old.json"), cli.run("schema", "fake-directory").out());

    Cli.Result result = cli.run("schema", "fake-directory", "--compare", old.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "Compatible: every configuration valid for "
                + old
                + " is still valid for fake-directory 1.2.0.\n");
  }

  @Test
  void listsTheBreakingChangesSinceAnOlderSchemaWithExitCodeOne() {
    String current = cli.run("schema", "fake-directory").out();
    String older =
        current
            .replace("\"maxLength\": 64", "\"maxLength\": 128")
            .replace(
                "\"x-idaas-order\": 80\n    }",
                "\"x-idaas-order\": 80\n    },\n    \"region\": {}");
    Path old = Cli.write(folder.resolve("old.json"), older);

    Cli.Result result = cli.run("schema", "fake-directory", "--compare", old.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "Not compatible: 2 changes from "
                + old
                + " to fake-directory 1.2.0 would break stored configurations:\n"
                + "  - token (NARROWED): maxLength lowered from 128 to 64\n"
                + "  - region (REMOVED): was removed or renamed; a stored configuration that sets"
                + " it is refused as an unknown parameter\n");
  }

  @Test
  void refusesAComparisonWithAFileThatIsNotJson() {
    Path old = Cli.write(folder.resolve("old.json"), "{\"properties\": ");

    Cli.Result result = cli.run("schema", "fake-directory", "--compare", old.toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .startsWith("error: The schema file " + old + " is not JSON: ")
        .endsWith(". Give a file that 'idaas-host schema' wrote.\n");
  }
}
