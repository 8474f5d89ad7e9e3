package dev.idaas.connector.testkit.host;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded H2 database in a state folder: one connection in auto-commit mode, so every
 * statement is committed when it returns, and every write reaches the file at once ({@code
 * WRITE_DELAY=0}), so a crash loses nothing recorded. Calls are serialized on one lock, which makes
 * it safe for a connector's concurrent workers.
 *
 * <p>Holds the application row, the links, the runs, the events and named documents (the policy,
 * the last directory and the last pushed scope). Never holds a secret.
 */
final class StateDatabase implements AutoCloseable {

  /** The version of the tables below; a folder of another version is refused. */
  static final int SCHEMA_VERSION = 1;

  private static final System.Logger LOG = System.getLogger(StateDatabase.class.getName());
  private static final String FILE_NAME = "host-state";

  /** H2's code for a database file locked by another process or connection. */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  /** Folders open in this process: H2 would silently share one database between two owners. */
  private static final Set<Path> OPEN_FOLDERS = new HashSet<>();

  private final Path folder;
  private final Connection connection;
  private final Object lock = new Object();

  private StateDatabase(Path folder, Connection connection) {
    this.folder = folder;
    this.connection = connection;
  }

  /**
   * Opens (or creates) the database in a folder, creating the folder if needed.
   *
   * @throws StateFolderException if the folder cannot be used
   */
  static StateDatabase open(Path stateFolder) {
    Path folder = prepareFolder(stateFolder);
    synchronized (OPEN_FOLDERS) {
      if (!OPEN_FOLDERS.add(folder)) {
        throw new StateFolderException(
            folder,
            "The state folder "
                + folder
                + " is already open in this process; close the other HostSimulator on it first.");
      }
    }
    StateDatabase database;
    try {
      database = new StateDatabase(folder, connect(folder));
    } catch (RuntimeException e) {
      release(folder);
      throw e;
    }
    try {
      database.createTables();
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  Path folder() {
    return folder;
  }

  /** Runs one piece of database work under the lock, turning SQL failures into a clear error. */
  <T> T sql(SqlWork<T> work) {
    synchronized (lock) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        throw new StateFolderException(
            folder,
            "The host state in "
                + folder
                + " could not be read or written: "
                + e.getMessage()
                + ". Check the disk; if the folder is damaged, move it away and run Execute Add"
                + " with an empty state folder (existing target objects are adopted).",
            e);
      }
    }
  }

  /** Runs one statement with parameters. */
  void update(String statement, Object... parameters) {
    sql(
        c -> {
          try (PreparedStatement update = c.prepareStatement(statement)) {
            bind(update, parameters);
            return update.executeUpdate();
          }
        });
  }

  /** A named document, such as the last pushed scope. */
  Optional<String> document(String name) {
    return sql(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement("SELECT content FROM document WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
          }
        });
  }

  /** Stores a named document, replacing the previous one. */
  void saveDocument(String name, String content) {
    update("MERGE INTO document (name, content) KEY (name) VALUES (?, ?)", name, content);
  }

  @Override
  public void close() {
    synchronized (lock) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "Closing the host state in {0} failed: {1}", folder, e.getMessage());
      } finally {
        release(folder);
      }
    }
  }

  static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  private static Path prepareFolder(Path stateFolder) {
    Path folder = stateFolder.toAbsolutePath().normalize();
    if (folder.toString().contains(";")) {
      // The database URL separates its settings with ';', so such a path cannot be opened.
      throw new StateFolderException(
          folder, "The state folder " + folder + " contains ';'; choose a folder without it.");
    }
    try {
      Files.createDirectories(folder);
      return folder.toRealPath();
    } catch (FileAlreadyExistsException e) {
      throw new StateFolderException(
          folder, folder + " is a file, not a folder; give a folder for the host state.", e);
    } catch (IOException e) {
      throw new StateFolderException(
          folder, "Cannot create the state folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(Path folder) {
    String url = "jdbc:h2:file:" + folder.resolve(FILE_NAME) + ";WRITE_DELAY=0";
    try {
      Connection connection = DriverManager.getConnection(url, "host", "");
      connection.setAutoCommit(true);
      return connection;
    } catch (SQLException e) {
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new StateFolderException(
            folder,
            "The state folder "
                + folder
                + " is in use by another program (another host simulator or command line);"
                + " wait for it to finish, or use another state folder.",
            e);
      }
      throw new StateFolderException(
          folder,
          "Cannot open the host state in "
              + folder
              + ": "
              + e.getMessage()
              + ". If this folder was not made by the host simulator, choose another one.",
          e);
    }
  }

  private void createTables() {
    sql(
        c -> {
          try (Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            ddl.execute(
                "CREATE TABLE IF NOT EXISTS application ("
                    + " singleton INT PRIMARY KEY CHECK (singleton = 1),"
                    + " application_id VARCHAR(200) NOT NULL,"
                    + " provider_id VARCHAR(40) NOT NULL,"
                    + " target_fingerprint VARCHAR(64) NOT NULL,"
                    + " target_description VARCHAR(4000) NOT NULL,"
                    + " parameters_fingerprint VARCHAR(64) NOT NULL,"
                    + " created VARCHAR(40) NOT NULL)");
            ddl.execute(
                "CREATE TABLE IF NOT EXISTS link ("
                    + " object_type VARCHAR(10) NOT NULL,"
                    + " host_id VARCHAR(1024) NOT NULL,"
                    + " target_id VARCHAR(1024) NOT NULL,"
                    + " PRIMARY KEY (object_type, host_id))");
            ddl.execute(
                "CREATE TABLE IF NOT EXISTS run ("
                    + " seq BIGINT PRIMARY KEY,"
                    + " run_id VARCHAR(40) NOT NULL UNIQUE,"
                    + " run_trigger VARCHAR(20) NOT NULL,"
                    + " started VARCHAR(40) NOT NULL,"
                    + " finished VARCHAR(40),"
                    + " status VARCHAR(10),"
                    + " error VARCHAR(8000))");
            ddl.execute(
                "CREATE TABLE IF NOT EXISTS sync_event ("
                    + " seq BIGINT PRIMARY KEY,"
                    + " event_id VARCHAR(40) NOT NULL UNIQUE,"
                    + " run_id VARCHAR(40) NOT NULL,"
                    + " event_time VARCHAR(40) NOT NULL,"
                    + " application_id VARCHAR(200) NOT NULL,"
                    + " run_trigger VARCHAR(20) NOT NULL,"
                    + " attempt INT NOT NULL,"
                    + " object_type VARCHAR(10) NOT NULL,"
                    + " host_id VARCHAR(1024) NOT NULL,"
                    + " display_key VARCHAR(4000) NOT NULL,"
                    + " operation VARCHAR(10) NOT NULL,"
                    + " outcome VARCHAR(10) NOT NULL,"
                    + " target_id VARCHAR(1024),"
                    + " error_kind VARCHAR(40),"
                    + " message VARCHAR(8000),"
                    + " duration_nanos BIGINT NOT NULL)");
            ddl.execute(
                "CREATE INDEX IF NOT EXISTS sync_event_object ON sync_event (object_type,"
                    + " host_id)");
            ddl.execute("CREATE INDEX IF NOT EXISTS sync_event_run ON sync_event (run_id)");
            ddl.execute(
                "CREATE TABLE IF NOT EXISTS document ("
                    + " name VARCHAR(40) PRIMARY KEY,"
                    + " content CHARACTER LARGE OBJECT NOT NULL)");
          }
          checkSchemaVersion(c);
          return null;
        });
  }

  private void checkSchemaVersion(Connection c) throws SQLException {
    try (Statement query = c.createStatement();
        ResultSet row = query.executeQuery("SELECT version FROM schema_version")) {
      if (!row.next()) {
        try (Statement insert = c.createStatement()) {
          insert.execute("INSERT INTO schema_version VALUES (" + SCHEMA_VERSION + ")");
        }
        return;
      }
      int version = row.getInt(1);
      if (version != SCHEMA_VERSION) {
        throw new StateFolderException(
            folder,
            "The state folder "
                + folder
                + " was written by another version of the host simulator (state version "
                + version
                + ", this one reads "
                + SCHEMA_VERSION
                + "); use that version, or start with an empty state folder.");
      }
    }
  }

  private static void release(Path folder) {
    synchronized (OPEN_FOLDERS) {
      OPEN_FOLDERS.remove(folder);
    }
  }

  /** Database work that may fail with an SQL error. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
