package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ParameterSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * The connector parameters of a command, from three sources, the first that has a key winning:
 *
 * <ol>
 *   <li>{@code --param key=value} on the command line (repeatable);
 *   <li>the properties file given with {@code --params FILE} (UTF-8, {@code key=value} lines);
 *   <li>environment variables {@code IDAAS_PARAM_<key>}, such as {@code
 *       IDAAS_PARAM_accessPassword}.
 * </ol>
 *
 * <p>Commands on a state folder add the non-secret parameters stored there, below all three.
 * Secrets are never stored, so they come from these sources on every command that calls the target.
 * A secret given on the command line draws a warning: other users of the machine can read it with
 * {@code ps}, and the shell's history keeps it.
 */
final class ParameterOptions {

  /** The prefix of the environment variables that carry parameters. */
  static final String VARIABLE_PREFIX = "IDAAS_PARAM_";

  @Option(
      names = "--param",
      paramLabel = "KEY=VALUE",
      description =
          "A connector parameter; repeat for each. Wins over --params and the environment. Give"
              + " secrets through --params or IDAAS_PARAM_<key> instead: the command line is"
              + " visible to others.")
  List<String> pairs = new ArrayList<>();

  @Option(
      names = "--params",
      paramLabel = "FILE",
      description =
          "A properties file of parameters (key=value per line, UTF-8). Wins over the environment"
              + " (IDAAS_PARAM_<key>).")
  Path file;

  /**
   * The raw parameters for a provider, merged by precedence, with a warning on {@code err} for each
   * secret given on the command line.
   *
   * @param stored the non-secret parameters a state folder keeps; empty for none
   * @throws CliException (usage) if the parameters file cannot be read
   */
  Map<String, String> resolve(
      ConnectorDescriptor descriptor,
      Map<String, String> stored,
      CliEnvironment environment,
      PrintWriter err) {
    Map<String, String> commandLine = commandLine();
    Map<String, String> raw = new TreeMap<>(stored);
    raw.putAll(fromEnvironment(environment));
    if (file != null) {
      raw.putAll(readFile(file));
    }
    raw.putAll(commandLine);
    warnAboutSecretsOnTheCommandLine(descriptor, commandLine.keySet(), err);
    return raw;
  }

  /**
   * The {@code --param} pairs, the last of a key winning.
   *
   * @throws CliException (usage) for a pair without '=' or without a key
   */
  Map<String, String> commandLine() {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw CliException.usage("--param needs key=value, got '" + pair + "'.");
      }
      if (equals == 0) {
        throw CliException.usage("--param needs a key before '=', got '" + pair + "'.");
      }
      parsed.put(pair.substring(0, equals), pair.substring(equals + 1));
    }
    return parsed;
  }

  /** The parameters the environment gives, without the prefix. */
  static Map<String, String> fromEnvironment(CliEnvironment environment) {
    Map<String, String> raw = new TreeMap<>();
    environment
        .variables()
        .forEach(
            (name, value) -> {
              if (name.startsWith(VARIABLE_PREFIX) && name.length() > VARIABLE_PREFIX.length()) {
                raw.put(name.substring(VARIABLE_PREFIX.length()), value);
              }
            });
    return raw;
  }

  /**
   * Reads a parameters file.
   *
   * @throws CliException (usage) if it is missing, unreadable or not UTF-8
   */
  static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw CliException.usage(
          "The parameters file " + file + " does not exist. Check the path given with --params.");
    } catch (CharacterCodingException e) {
      throw CliException.usage(
          "The parameters file " + file + " is not UTF-8 text. Save it as UTF-8 and try again.");
    } catch (IOException | IllegalArgumentException e) {
      throw CliException.usage(
          "Cannot read the parameters file "
              + file
              + " ("
              + e.getMessage()
              + "). It must be a readable properties file of key=value lines.",
          e);
    }
    Map<String, String> raw = new TreeMap<>();
    properties.stringPropertyNames().forEach(key -> raw.put(key, properties.getProperty(key)));
    return raw;
  }

  private static void warnAboutSecretsOnTheCommandLine(
      ConnectorDescriptor descriptor, Set<String> keys, PrintWriter err) {
    for (String key : keys) {
      boolean secret = descriptor.parameter(key).map(ParameterSpec::secret).orElse(false);
      if (secret) {
        err.println(
            "warning: the secret parameter "
                + key
                + " was given with --param. Other users of this machine can see command lines"
                + " (ps), and your shell history keeps them. Put it in a file given with --params"
                + " FILE, or in the environment variable "
                + VARIABLE_PREFIX
                + key
                + ", instead.");
        err.flush();
      }
    }
  }
}
