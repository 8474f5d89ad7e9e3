package dev.idaas.connector.api;

import java.util.Objects;

/**
 * An object to revoke: it was pushed before and is now deleted in the directory or out of scope.
 * The connector finds its target object through the link store, so it never touches an object it
 * did not create or adopt.
 *
 * @param hostId the host's id of the removed object
 * @param displayKey the name or e-mail the object last had, for events
 * @param reason why it is revoked
 */
public record Removal(String hostId, String displayKey, Reason reason) {

  /** Why an object is revoked. */
  public enum Reason {
    DELETED_IN_DIRECTORY,
    OUT_OF_SCOPE
  }

  public Removal {
    Objects.requireNonNull(hostId, "hostId");
    Objects.requireNonNull(displayKey, "displayKey");
    Objects.requireNonNull(reason, "reason");
  }
}
