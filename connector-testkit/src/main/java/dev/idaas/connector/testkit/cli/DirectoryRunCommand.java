package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.testkit.host.AuthorizationPolicy;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.HostSimulator;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code push} and {@code sync} share: a directory snapshot to push, the application's state
 * folder, its provider and parameters, the authorization scope, and how to report the run.
 */
abstract class DirectoryRunCommand extends StateFolderCommand {

  /** How many unknown scope ids a message names before it only counts the rest. */
  private static final int SHOWN_UNKNOWN_IDS = 5;

  @Option(
      names = "--directory",
      required = true,
      paramLabel = "FILE",
      description = "The directory snapshot (JSON, the format of examples/README.md).")
  Path directory;

  @Option(
      names = "--provider",
      paramLabel = "ID",
      description =
          "The connector provider, such as alimail. Required for a new state folder; a state"
              + " folder remembers it.")
  String providerId;

  @Mixin ParameterOptions parameters;

  @Option(
      names = "--org-scope",
      paramLabel = "ID",
      arity = "1..*",
      split = ",",
      description =
          "Push only these org units and everything below them (default: the whole directory)."
              + " Kept in the state folder until given again, except by a --preview.")
  List<String> orgScope;

  @Option(
      names = "--account-scope",
      paramLabel = "ID",
      arity = "1..*",
      split = ",",
      description =
          "Push exactly these accounts (default: the accounts whose primary org unit is in the"
              + " org scope). Kept in the state folder until given again, except by a"
              + " --preview.")
  List<String> accountScope;

  @Option(
      names = "--preview",
      description =
          "Plan and report what would be done; write nothing to the target and keep no scope or"
              + " parameter in the state folder.")
  boolean preview;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "How to print the summary: text, or one JSON object (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--confirm-mass-revocation",
      description =
          "Let this run revoke more than the mass-revocation guard allows (over 20 %% of the"
              + " pushed objects of a type, and over 10).")
  boolean confirmMassRevocation;

  /** The policy with the scope options applied; null when neither scope option is given. */
  private AuthorizationPolicy scopePolicy;

  /** The name of the command, for messages. */
  abstract String commandName();

  /** Whether the state folder must already hold an application. */
  abstract boolean needsExistingApplication();

  /** Runs the command on the open host; returns the exit code. */
  abstract int run(HostSimulator simulator, DirectorySnapshot snapshot);

  @Override
  public Integer call() {
    DirectorySnapshot snapshot = readDirectory(directory);
    Optional<ApplicationRecord> record =
        needsExistingApplication()
            ? Optional.of(ApplicationRecord.require(state, "idaas-host " + commandName()))
            : ApplicationRecord.read(state);
    LoadedProvider provider = host.providers().get(chooseProvider(record));
    Map<String, String> stored = record.map(ApplicationRecord::parameters).orElse(Map.of());
    Map<String, String> raw =
        parameters.resolve(provider.descriptor(), stored, environment(), err());

    requireKnownScope(snapshot);
    scopePolicy = scopeChanged() ? newPolicy(provider, raw) : null;
    ProgressReporter progress =
        new ProgressReporter(err(), environment().terminal(), environment().nanoTime());
    // A preview must leave the stored policy alone: its scope is used for that preview only.
    AuthorizationPolicy policyToStore = preview ? null : scopePolicy;
    try (HostSimulator simulator = open(provider, raw, policyToStore, progress)) {
      if (confirmMassRevocation) {
        simulator.confirmMassRevocation();
      }
      return run(simulator, snapshot);
    }
  }

  /**
   * Reads a directory snapshot.
   *
   * @throws CliException (usage) if the file is missing or unreadable; a malformed file throws the
   *     reader's exception, which names line, column and field
   */
  static DirectorySnapshot readDirectory(Path file) {
    if (Files.isDirectory(file)) {
      throw CliException.usage(
          file + " is a folder; --directory takes a directory snapshot file (JSON).");
    }
    try {
      return new SnapshotReader().read(file);
    } catch (NoSuchFileException e) {
      throw CliException.usage(
          "The directory snapshot file "
              + file
              + " does not exist. Check the path given with --directory.",
          e);
    } catch (AccessDeniedException e) {
      throw CliException.usage(
          "The directory snapshot file " + file + " cannot be read: permission denied.", e);
    } catch (IOException e) {
      throw CliException.usage(
          "The directory snapshot file " + file + " cannot be read (" + e.getMessage() + ").", e);
    }
  }

  private String chooseProvider(Optional<ApplicationRecord> record) {
    if (record.isEmpty()) {
      if (providerId == null) {
        throw CliException.usage(
            "The state folder "
                + state
                + " holds no application yet, so say which connector to push with: add"
                + " --provider ID ('idaas-host providers' lists them).");
      }
      return providerId;
    }
    String recorded = record.get().providerId();
    if (providerId != null && !providerId.equals(recorded)) {
      throw CliException.usage(
          "The state folder "
              + state
              + " belongs to an application of provider "
              + recorded
              + ", not "
              + providerId
              + ": its links point to objects of that application. Use another (or an empty)"
              + " state folder for "
              + providerId
              + ", or leave out --provider.");
    }
    return recorded;
  }

  /** The policy a preview plans with: the scope options given, or else the stored policy. */
  AuthorizationPolicy previewPolicy(HostSimulator simulator) {
    return scopePolicy == null ? simulator.policy() : scopePolicy;
  }

  /**
   * Refuses scope ids the directory snapshot does not have, before anything is sent or stored: an
   * unknown id would silently put the rest of the directory out of scope and revoke it.
   *
   * @throws CliException (usage) naming the first unknown ids and how many there are
   */
  private void requireKnownScope(DirectorySnapshot snapshot) {
    if (orgScope != null) {
      List<String> unknown = orgScope.stream().filter(id -> !snapshot.hasOrgUnit(id)).toList();
      requireNone(unknown, "--org-scope", "org unit");
    }
    if (accountScope != null) {
      List<String> unknown = accountScope.stream().filter(id -> !snapshot.hasAccount(id)).toList();
      requireNone(unknown, "--account-scope", "account");
    }
  }

  private void requireNone(List<String> unknown, String option, String noun) {
    if (unknown.isEmpty()) {
      return;
    }
    int shown = Math.min(unknown.size(), SHOWN_UNKNOWN_IDS);
    String ids = String.join(", ", unknown.subList(0, shown));
    String more = unknown.size() > shown ? " and " + (unknown.size() - shown) + " more" : "";
    throw CliException.usage(
        option
            + " names "
            + unknown.size()
            + " "
            + noun
            + (unknown.size() == 1 ? "" : "s")
            + " the directory snapshot "
            + directory
            + " does not have: "
            + ids
            + more
            + ". Nothing was sent or stored. Give the ids (the \"id\" field) of "
            + noun
            + "s in that snapshot, or leave out "
            + option
            + ".");
  }

  private boolean scopeChanged() {
    return orgScope != null || accountScope != null;
  }

  /**
   * The stored policy with the scope options applied; an option not given keeps its part of the
   * stored policy.
   */
  private AuthorizationPolicy newPolicy(LoadedProvider provider, Map<String, String> raw) {
    AuthorizationPolicy policy = storedPolicy(provider, raw);
    if (orgScope != null) {
      policy = policy.withOrgScope(orgScope);
    }
    if (accountScope != null) {
      policy = policy.withAccounts(accountScope);
    }
    return policy;
  }

  private AuthorizationPolicy storedPolicy(LoadedProvider provider, Map<String, String> raw) {
    requireValid(provider.descriptor(), raw, false);
    try (HostSimulator simulator =
        HostSimulator.builder()
            .provider(provider.provider())
            .parameters(raw)
            .stateFolder(state)
            .clock(environment().clock())
            .open()) {
      return simulator.policy();
    }
  }
}
