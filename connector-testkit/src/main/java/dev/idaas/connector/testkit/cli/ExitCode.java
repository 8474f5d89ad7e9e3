package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.RunStatus;

/** The exit codes of {@code idaas-host}, the same for every command. */
final class ExitCode {

  /** The command did what was asked; a run ended SUCCESS. */
  static final int SUCCESS = 0;

  /**
   * A run ended PARTIAL: some objects failed or were blocked. Also a {@code schema --compare} that
   * found breaking changes.
   */
  static final int PARTIAL = 1;

  /** A run ended FAILED, or the command could not do its work (an unreachable target, say). */
  static final int FAILED = 2;

  /**
   * Bad usage or bad input: a wrong option, file, parameter or state folder (sysexits EX_USAGE).
   */
  static final int USAGE = 64;

  private ExitCode() {}

  /** The exit code for how a run ended. */
  static int of(RunStatus status) {
    return switch (status) {
      case SUCCESS -> SUCCESS;
      case PARTIAL -> PARTIAL;
      case FAILED -> FAILED;
    };
  }
}
