package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a directory in a data folder so that it survives the process: a snapshot file, and a
 * journal of the changes made since the snapshot.
 *
 * <p>Every change is appended to the journal and flushed before the service answers, so killing the
 * process loses nothing it has answered. Writing the whole snapshot on every change would be as
 * safe but slow for large domains. On start the snapshot and the journal are read back, and
 * compacted into a new snapshot; a journal line cut short by a kill is skipped. Snapshots are
 * written to a temporary file and then moved over the old one, so a kill during compaction leaves
 * the old snapshot and the journal intact.
 */
final class StateStore implements ChangeLog {

  static final String STATE_FILE = "alimail-state.json";
  static final String JOURNAL_FILE = "alimail-journal.jsonl";

  private static final System.Logger LOG = System.getLogger(StateStore.class.getName());

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private static final ObjectMapper JOURNAL_JSON =
      new ObjectMapper()
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path folder;
  private BufferedWriter journal;

  StateStore(Path folder) {
    this.folder = folder;
  }

  Path folder() {
    return folder;
  }

  /**
   * The stored directory, if the folder holds one.
   *
   * @throws UncheckedIOException if the files cannot be read or the snapshot is not valid
   */
  synchronized Optional<StoredState> load() {
    Path stateFile = folder.resolve(STATE_FILE);
    Path journalFile = folder.resolve(JOURNAL_FILE);
    if (!Files.exists(stateFile)) {
      return Optional.empty();
    }
    try {
      StoredState snapshot = JSON.readValue(stateFile.toFile(), StoredState.class);
      return Optional.of(Files.exists(journalFile) ? replay(snapshot, journalFile) : snapshot);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read the simulator state in " + folder, unreadable);
    }
  }

  /** Writes a whole snapshot and empties the journal. */
  synchronized void compact(StoredState state) {
    try {
      Files.createDirectories(folder);
      closeJournal();
      Path temporary = folder.resolve(STATE_FILE + ".tmp");
      JSON.writeValue(temporary.toFile(), state);
      Files.move(
          temporary,
          folder.resolve(STATE_FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(folder.resolve(JOURNAL_FILE));
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write the simulator state in " + folder, unwritable);
    }
  }

  /** Closes the journal; the next change opens it again. */
  synchronized void close() {
    try {
      closeJournal();
    } catch (IOException unwritable) {
      LOG.log(Level.WARNING, "cannot close the simulator journal in " + folder, unwritable);
    }
  }

  @Override
  public void saved(Department department) {
    append(new Change("department", department, null, null));
  }

  @Override
  public void departmentRemoved(String id) {
    append(new Change("removeDepartment", null, null, id));
  }

  @Override
  public void saved(Mailbox account) {
    append(new Change("account", null, account, null));
  }

  @Override
  public void accountRemoved(String email) {
    append(new Change("removeAccount", null, null, email));
  }

  private synchronized void append(Change change) {
    try {
      if (journal == null) {
        journal =
            Files.newBufferedWriter(
                folder.resolve(JOURNAL_FILE),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
      }
      journal.write(JOURNAL_JSON.writeValueAsString(change));
      journal.newLine();
      // A flush hands the line to the operating system, which keeps it if the process is killed.
      journal.flush();
    } catch (IOException unwritable) {
      throw new UncheckedIOException("cannot write the simulator journal in " + folder, unwritable);
    }
  }

  private void closeJournal() throws IOException {
    if (journal != null) {
      journal.close();
      journal = null;
    }
  }

  private static StoredState replay(StoredState snapshot, Path journalFile) throws IOException {
    Map<String, Department> departments = new LinkedHashMap<>();
    snapshot.departments().forEach(d -> departments.put(d.id(), d));
    Map<String, Mailbox> accounts = new LinkedHashMap<>();
    snapshot.accounts().forEach(a -> accounts.put(a.email(), a));

    List<String> lines = Files.readAllLines(journalFile, StandardCharsets.UTF_8);
    for (String line : lines) {
      Change change;
      try {
        change = JOURNAL_JSON.readValue(line, Change.class);
      } catch (JsonProcessingException cutShort) {
        LOG.log(Level.WARNING, "skipping an unreadable line of the simulator journal");
        continue;
      }
      change.applyTo(departments, accounts);
    }
    return new StoredState(
        snapshot.version(),
        snapshot.domain(),
        snapshot.rootDepartmentId(),
        List.copyOf(departments.values()),
        List.copyOf(accounts.values()));
  }

  /**
   * One line of the journal.
   *
   * @param op {@code department}, {@code removeDepartment}, {@code account} or {@code
   *     removeAccount}
   * @param key the id or e-mail of a removed object
   */
  record Change(String op, Department department, Mailbox account, String key) {

    void applyTo(Map<String, Department> departments, Map<String, Mailbox> accounts) {
      switch (op) {
        case "department" -> departments.put(department.id(), department);
        case "removeDepartment" -> departments.remove(key);
        case "account" -> accounts.put(account.email(), account);
        case "removeAccount" -> accounts.remove(key);
        default -> LOG.log(Level.WARNING, "skipping an unknown change in the journal: " + op);
      }
    }
  }
}
