package dev.idaas.connector.testkit.cli;

/**
 * A command cannot go on. The message is one paragraph for the person at the keyboard: what is
 * wrong and what to do. The command line prints it without a stack trace and exits with {@link
 * #exitCode()}.
 */
final class CliException extends RuntimeException {

  private final int exitCode;

  private CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad usage or input: exit code {@value ExitCode#USAGE}. */
  static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message, null);
  }

  /** Bad input found through another failure, kept for {@code --verbose}. */
  static CliException usage(String message, Throwable cause) {
    return new CliException(ExitCode.USAGE, message, cause);
  }

  /** The work failed: exit code {@value ExitCode#FAILED}. */
  static CliException failed(String message, Throwable cause) {
    return new CliException(ExitCode.FAILED, message, cause);
  }

  int exitCode() {
    return exitCode;
  }
}
