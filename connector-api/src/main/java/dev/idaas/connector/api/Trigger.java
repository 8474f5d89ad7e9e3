package dev.idaas.connector.api;

/** What started the run an event belongs to. */
public enum Trigger {
  /** The administrator pressed Execute Add: a full push of the scope. */
  EXECUTE_ADD,
  /** Automatic authorization pushed directory changes as they happened. */
  AUTOMATIC,
  /** The administrator retried failed events. */
  RETRY,
  /** A preview: nothing was written. */
  PREVIEW
}
