package dev.idaas.connector.api;

/** Whether a directory account may sign in. */
public enum AccountStatus {
  ACTIVE,
  /** Disabled in the directory: a pushed account is disabled in the target, a new one not made. */
  DISABLED
}
