package dev.idaas.connector.testkit.host;

import java.nio.file.Path;

/**
 * The state folder cannot be used: it belongs to another application, it is in use, or its database
 * cannot be opened. The message names the folder and says what to do.
 */
public class StateFolderException extends HostSimulatorException {

  private final Path folder;

  public StateFolderException(Path folder, String message) {
    super(message);
    this.folder = folder;
  }

  public StateFolderException(Path folder, String message, Throwable cause) {
    super(message, cause);
    this.folder = folder;
  }

  /** The state folder in question. */
  public Path folder() {
    return folder;
  }
}
