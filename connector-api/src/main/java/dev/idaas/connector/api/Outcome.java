package dev.idaas.connector.api;

/** How the work on one object ended. */
public enum Outcome {
  /** A new target object was made. */
  CREATED,
  /** An existing target object's fields were changed. */
  UPDATED,
  /** An existing target object was put under another parent. */
  MOVED,
  /** An existing target object that matched was adopted and linked, not duplicated. */
  LINKED,
  /** The target object already matched; nothing was written. */
  UNCHANGED,
  /** The target object was disabled. */
  DISABLED,
  /** The target object was enabled again. */
  ENABLED,
  /** The target object was deleted. */
  DELETED,
  /** Not pushed because a policy said so, for example a disabled account never pushed. */
  SKIPPED,
  /** Not attempted because something it needs failed, for example its org unit. */
  BLOCKED,
  /** Attempted and refused or failed. */
  FAILED;

  /** Whether this outcome makes a run {@link RunStatus#PARTIAL}. */
  public boolean isProblem() {
    return this == BLOCKED || this == FAILED;
  }

  /** Whether the target was written to. */
  public boolean isWrite() {
    return switch (this) {
      case CREATED, UPDATED, MOVED, DISABLED, ENABLED, DELETED -> true;
      default -> false;
    };
  }
}
