package dev.idaas.connector.alimail;

import dev.idaas.connector.alimail.AliMailSettings.LocalPart;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a directory account into what its mailbox should be: its address and profile fields, and
 * which fields differ from a mailbox as it is.
 *
 * <p>A directory field that is empty is not managed: the mailbox keeps whatever it has, so a
 * directory that lacks a phone number never wipes one an administrator typed in. A field Alibaba
 * Mail's answer left out is unknown and left alone too, so an incomplete answer never causes a
 * write. Values are compared after stripping surrounding spaces.
 */
final class MailboxMapper {

  private final String domain;
  private final LocalPart localPart;
  private final Map<MailboxField, AttributeSource> mapping;

  MailboxMapper(AliMailSettings settings) {
    this.domain = settings.domain();
    this.localPart = settings.localPart();
    this.mapping = settings.mapping();
  }

  /**
   * The mailbox address: the local part the mapping names, {@code @}, the mail domain; lower case.
   *
   * @throws ConnectorException of kind INVALID_DATA when the directory gives no local part
   */
  String address(Account account) {
    String source = localPart == LocalPart.USERNAME ? account.username() : account.email();
    String local = source == null ? "" : source.strip();
    int at = local.indexOf('@');
    if (at >= 0) {
      local = local.substring(0, at).strip();
    }
    if (local.isEmpty()) {
      throw new ConnectorException(ErrorKind.INVALID_DATA, missingLocalPart());
    }
    return (local + "@" + domain).toLowerCase(Locale.ROOT);
  }

  private String missingLocalPart() {
    return localPart == LocalPart.USERNAME
        ? "The account has no username to make a mailbox address from."
        : "The account has no e-mail address to make a mailbox address from: give it one in the"
            + " directory, or set mailboxLocalPart to username.";
  }

  /**
   * The profile the mailbox should have: every mapped field the directory fills. The name is always
   * present; it falls back to the username, since Alibaba Mail requires one.
   */
  Map<MailboxField, String> profile(Account account) {
    Map<MailboxField, String> profile = new EnumMap<>(MailboxField.class);
    for (Map.Entry<MailboxField, AttributeSource> entry : mapping.entrySet()) {
      String value = entry.getValue().valueOf(account);
      if (value != null) {
        profile.put(entry.getKey(), value);
      }
    }
    profile.putIfAbsent(MailboxField.NAME, account.username().strip());
    return Collections.unmodifiableMap(profile);
  }

  /** The fields whose wanted value differs from a known current value. */
  static Map<MailboxField, String> changes(Map<MailboxField, String> wanted, Mailbox current) {
    Map<MailboxField, String> changes = new EnumMap<>(MailboxField.class);
    wanted.forEach(
        (field, value) -> {
          String now = current.profile().get(field);
          if (now != null && !now.strip().equals(value)) {
            changes.put(field, value);
          }
        });
    return Collections.unmodifiableMap(changes);
  }

  /**
   * Whether an address is the domain's postmaster, which this connector never changes: it is the
   * administrator's own mailbox and exists in every domain.
   */
  static boolean isPostmaster(String email) {
    return email.toLowerCase(Locale.ROOT).startsWith("postmaster@");
  }
}
