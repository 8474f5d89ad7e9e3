package dev.idaas.connector.api;

/** What a connector set out to do to one object; the {@link Outcome} says how it ended. */
public enum Operation {
  /** Make the object exist as the directory has it: create, adopt, update or move it. */
  UPSERT,
  /** Disable the object (for AliMail: freeze the mailbox). */
  DISABLE,
  /** Enable it again. */
  ENABLE,
  /** Revoke it: disable or delete, as the revocation policy says. */
  REVOKE
}
