package dev.idaas.connector.testkit.host;

/**
 * A directory snapshot file is not in the snapshot format, so nothing of it is loaded. The message
 * names the file, the field (such as {@code accounts[12].status}), what is wrong and where:
 *
 * <pre>
 * Cannot load the directory snapshot hr.json: accounts[12].status: expected ACTIVE or DISABLED,
 * found "ENABLED" (line 340, column 18)
 * </pre>
 *
 * <p>Only the form of the file is checked here. A unit whose parent does not exist, or an account
 * whose unit does not exist, is directory content: it loads, and the connector reports it.
 */
public class SnapshotFormatException extends HostSimulatorException {

  private final String file;
  private final String fieldPath;
  private final String problem;
  private final int line;
  private final int column;

  /**
   * @param file the file's name or path, as the caller gave it
   * @param fieldPath where in the document, such as {@code accounts[12].status}; empty for the
   *     document itself
   * @param problem what is wrong, for a person
   * @param line the line, counting from 1
   * @param column the column, counting from 1
   */
  public SnapshotFormatException(
      String file, String fieldPath, String problem, int line, int column) {
    super(
        "Cannot load the directory snapshot "
            + file
            + ": "
            + detail(fieldPath, problem, line, column));
    this.file = file;
    this.fieldPath = fieldPath;
    this.problem = problem;
    this.line = line;
    this.column = column;
  }

  /** The file's name or path. */
  public String file() {
    return file;
  }

  /** Where in the document, such as {@code accounts[12].status}; empty for the document itself. */
  public String fieldPath() {
    return fieldPath;
  }

  /** What is wrong, without the field path and the position. */
  public String problem() {
    return problem;
  }

  /** The line, counting from 1. */
  public int line() {
    return line;
  }

  /** The column, counting from 1. */
  public int column() {
    return column;
  }

  /** The field path, the problem and the position, without the file: one line for a listing. */
  public String detail() {
    return detail(fieldPath, problem, line, column);
  }

  private static String detail(String fieldPath, String problem, int line, int column) {
    String where = fieldPath.isEmpty() ? "" : fieldPath + ": ";
    return where + problem + " (line " + line + ", column " + column + ")";
  }
}
