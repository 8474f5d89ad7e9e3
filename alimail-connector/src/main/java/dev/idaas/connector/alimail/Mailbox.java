package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;

/**
 * A mailbox as {@code getAccountsInfo} or {@code getAccountList} describes it. A field the answer
 * left out is unknown, not empty: it is absent from {@link #profile()}, or null.
 *
 * @param email the address as Alibaba Mail spells it
 * @param departmentId its department, or null when unknown
 * @param status {@code "0"} normal, {@code "1"} frozen, or null when unknown
 * @param profile the profile fields the answer included
 */
record Mailbox(
    String email, String departmentId, String status, Map<MailboxField, String> profile) {

  /** The fields this connector asks for when it reads mailboxes. */
  static final String[] FIELDS = {
    "email", "name", "nickName", "departmentId", "employeeNo", "mobilePhone", "jobTitle", "status"
  };

  Mailbox {
    profile = Map.copyOf(profile);
  }

  /** Reads one answer item; null when it has no address. */
  static Mailbox from(JsonNode item) {
    String email = WireCodec.text(item, "email");
    if (email == null || email.isBlank()) {
      return null;
    }
    Map<MailboxField, String> profile = new EnumMap<>(MailboxField.class);
    for (MailboxField field : MailboxField.values()) {
      String value = WireCodec.text(item, field.wireName());
      if (value != null) {
        profile.put(field, value);
      }
    }
    return new Mailbox(
        email.strip(),
        WireCodec.text(item, "departmentId"),
        WireCodec.text(item, "status"),
        profile);
  }

  /** Whether the mailbox is frozen; null when unknown. */
  Boolean frozen() {
    if ("1".equals(status)) {
      return Boolean.TRUE;
    }
    return "0".equals(status) ? Boolean.FALSE : null;
  }
}
