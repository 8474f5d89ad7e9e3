package dev.idaas.connector.api;

/** Whether a {@link SyncRequest} carries the whole scope or a batch of changes. */
public enum SyncMode {
  /**
   * The whole scope (Execute Add, or a reconcile): every object in scope is in the request, and the
   * connector matches each against the target, adopting what already exists.
   */
  FULL,
  /** A batch of directory changes: the objects that changed and those to revoke. */
  INCREMENTAL
}
