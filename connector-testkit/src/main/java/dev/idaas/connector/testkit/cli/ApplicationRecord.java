package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ParameterSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The application a state folder belongs to, as the command line keeps it: the provider id and the
 * non-secret parameters given when the folder was last used, in {@value #FILE_NAME}. It lets {@code
 * sync}, {@code events} and {@code retry} run on a state folder with nothing more than the secrets.
 *
 * <p>No secret is ever written here, whatever the parameters hold: secrets are given again on each
 * command, through {@code --params FILE} or {@code IDAAS_PARAM_<key>}. The host simulator's own
 * database in the same folder checks, on every command, that the folder's target has not changed.
 *
 * @param providerId the provider's id
 * @param parameters the non-secret raw parameters, sorted by key
 */
record ApplicationRecord(String providerId, Map<String, String> parameters) {

  /** The file in the state folder. */
  static final String FILE_NAME = "idaas-host.properties";

  private static final String PROVIDER_KEY = "provider";
  private static final String PARAMETER_PREFIX = "param.";

  ApplicationRecord {
    parameters = Map.copyOf(parameters);
  }

  /** The record for a provider and raw parameters, leaving out secrets and unknown keys. */
  static ApplicationRecord of(ConnectorDescriptor descriptor, Map<String, String> raw) {
    Map<String, String> kept = new TreeMap<>();
    for (ParameterSpec spec : descriptor.parameters()) {
      String value = raw.get(spec.key());
      if (!spec.secret() && value != null) {
        kept.put(spec.key(), value);
      }
    }
    return new ApplicationRecord(descriptor.id(), kept);
  }

  /**
   * The record of a state folder, if it has one.
   *
   * @throws CliException (usage) if the file exists but cannot be read or names no provider
   */
  static Optional<ApplicationRecord> read(Path stateFolder) {
    requireNotAFile(stateFolder);
    Path file = stateFolder.resolve(FILE_NAME);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.usage(
          "Cannot read "
              + file
              + " ("
              + e.getMessage()
              + "), which says which application the state folder belongs to. Restore it, or"
              + " use another state folder.",
          e);
    }
    String providerId = properties.getProperty(PROVIDER_KEY);
    if (providerId == null || providerId.isBlank()) {
      throw CliException.usage(
          file
              + " names no provider (a line provider=<id>). Restore it, or use another state"
              + " folder.");
    }
    Map<String, String> parameters = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith(PARAMETER_PREFIX)) {
        parameters.put(name.substring(PARAMETER_PREFIX.length()), properties.getProperty(name));
      }
    }
    return Optional.of(new ApplicationRecord(providerId.strip(), parameters));
  }

  /**
   * The record of a state folder that must have one.
   *
   * @param command the command, for the message
   * @throws CliException (usage) if the folder has no record
   */
  static ApplicationRecord require(Path stateFolder, String command) {
    requireNotAFile(stateFolder);
    if (!Files.isDirectory(stateFolder)) {
      throw CliException.usage(
          "The state folder "
              + stateFolder
              + " does not exist. "
              + command
              + " works on a folder made by 'idaas-host push --directory FILE --state "
              + stateFolder
              + " --provider ID'; check the path.");
    }
    return read(stateFolder)
        .orElseThrow(
            () ->
                CliException.usage(
                    "The folder "
                        + stateFolder
                        + " is not a state folder of idaas-host: it has no "
                        + FILE_NAME
                        + ". Run 'idaas-host push --directory FILE --state "
                        + stateFolder
                        + " --provider ID' first, then "
                        + command
                        + "."));
  }

  /**
   * Refuses a state folder path that names a file.
   *
   * @throws CliException (usage) if it does
   */
  static void requireNotAFile(Path stateFolder) {
    if (Files.isRegularFile(stateFolder)) {
      throw CliException.usage(
          stateFolder
              + " is a file, not a folder; --state takes the application's state folder (a new"
              + " or empty folder for a first push). Check the path.");
    }
  }

  /** Writes the record into a state folder, replacing the previous one in one step. */
  void write(Path stateFolder) {
    Path file = stateFolder.resolve(FILE_NAME);
    Path temporary = stateFolder.resolve(FILE_NAME + ".tmp");
    try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      writer.write("# The application this state folder belongs to, kept by idaas-host.\n");
      writer.write(
          "# No secret is stored: give secrets with --params FILE or IDAAS_PARAM_<key>.\n");
      writer.write(PROVIDER_KEY + "=" + escape(providerId) + "\n");
      for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
        writer.write(
            PARAMETER_PREFIX
                + escape(parameter.getKey())
                + "="
                + escape(parameter.getValue())
                + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temporary, e);
    }
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
  }

  /** A key or value in properties syntax: backslashes, separators and line breaks escaped. */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '=', ':', '#', '!' -> escaped.append('\\').append(c);
        case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
