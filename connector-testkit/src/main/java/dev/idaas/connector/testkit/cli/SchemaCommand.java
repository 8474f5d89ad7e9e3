package dev.idaas.connector.testkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.schema.Incompatibility;
import dev.idaas.connector.testkit.schema.ParameterSchema;
import dev.idaas.connector.testkit.schema.SchemaCompatibility;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code idaas-host schema}: a provider's parameters as JSON Schema, or what changed since an older
 * export that would break stored configurations.
 */
@Command(
    name = "schema",
    sortOptions = false,
    description = {
      "Print a provider's parameters as a JSON Schema (draft 2020-12), the same bytes on every"
          + " run; or, with --compare, list the changes since an older export that would break"
          + " stored configurations."
    },
    footer = {
      "",
      "Examples:",
      "  idaas-host schema alimail > alimail-schema.json",
      "  idaas-host schema alimail --compare alimail-schema.json",
      "",
      "Exit codes: 0 printed, or compatible; 1 breaking changes found; 64 bad usage or input."
    })
final class SchemaCommand implements Callable<Integer> {

  @ParentCommand IdaasHost host;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PROVIDER", description = "The provider id, such as alimail.")
  String providerId;

  @Option(
      names = "--compare",
      paramLabel = "OLD.json",
      description =
          "A schema exported earlier: report what in the current schema would break"
              + " configurations that were valid for it.")
  Path older;

  @Override
  public Integer call() {
    LoadedProvider provider = host.providers().get(providerId);
    ConnectorDescriptor descriptor = provider.descriptor();
    ObjectNode schema = ParameterSchema.toJsonSchema(descriptor, provider.provider().spiVersion());
    PrintWriter out = spec.commandLine().getOut();
    if (older == null) {
      out.print(ParameterSchema.render(schema));
      out.flush();
      return ExitCode.SUCCESS;
    }
    return compare(out, descriptor, readSchema(older), schema);
  }

  private int compare(
      PrintWriter out, ConnectorDescriptor descriptor, JsonNode before, JsonNode after) {
    List<Incompatibility> breaking;
    try {
      breaking = SchemaCompatibility.compare(before, after);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(older + " cannot be compared: " + e.getMessage() + ".", e);
    }
    String current = descriptor.id() + " " + descriptor.version();
    if (breaking.isEmpty()) {
      out.println(
          "Compatible: every configuration valid for "
              + older
              + " is still valid for "
              + current
              + ".");
      out.flush();
      return ExitCode.SUCCESS;
    }
    out.println(
        "Not compatible: "
            + breaking.size()
            + (breaking.size() == 1 ? " change" : " changes")
            + " from "
            + older
            + " to "
            + current
            + " would break stored configurations:");
    breaking.forEach(change -> out.println("  - " + change));
    out.flush();
    return ExitCode.PARTIAL;
  }

  private static JsonNode readSchema(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw CliException.usage(
          "The schema file " + file + " does not exist. Check the path given with --compare.", e);
    } catch (IOException e) {
      throw CliException.usage(
          "The schema file " + file + " cannot be read (" + e.getMessage() + ").", e);
    }
    try {
      return new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw CliException.usage(
          "The schema file "
              + file
              + " is not JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "). Give a file that 'idaas-host schema' wrote.",
          e);
    }
  }
}
