package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One WebService call to make.
 *
 * @param path such as {@code /ud/createAccounts}
 * @param accessTarget the mail domain, or a user's address for per-account calls
 * @param param the operation's parameters
 * @param kind whether the call may be repeated safely
 */
record Call(String path, String accessTarget, ObjectNode param, Kind kind) {

  /** Whether a call may be repeated when its outcome is unknown. */
  enum Kind {
    /** Reads nothing but state; always safe to repeat. */
    READ,
    /** Sets state to a given value; repeating it changes nothing. */
    WRITE,
    /**
     * Makes a new object. Never repeated blindly: Alibaba Mail has no idempotency key, so a repeat
     * after a lost answer could make a second department or mailbox.
     */
    CREATE
  }

  static Call read(String path, String accessTarget, ObjectNode param) {
    return new Call(path, accessTarget, param, Kind.READ);
  }

  static Call write(String path, String accessTarget, ObjectNode param) {
    return new Call(path, accessTarget, param, Kind.WRITE);
  }

  static Call create(String path, String accessTarget, ObjectNode param) {
    return new Call(path, accessTarget, param, Kind.CREATE);
  }

  /** The operation's name for messages and logs, such as {@code createAccounts}. */
  String operation() {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
