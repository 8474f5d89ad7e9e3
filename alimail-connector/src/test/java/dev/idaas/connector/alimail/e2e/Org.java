package dev.idaas.connector.alimail.e2e;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.List;
import java.util.Map;

/**
 * Small hand-made directories. People are {@code <id>@corp.example} in the directory (another
 * domain, upper and lower case kept), which the connector turns into {@code <id>@acme.example}.
 */
final class Org {

  private Org() {}

  static OrgUnit unit(String id, String parentId, String name) {
    return OrgUnit.of(id, parentId, name, 0);
  }

  /** An active person in the given units, primary first; none puts the mailbox in the root. */
  static Account person(String id, String... units) {
    return new Account(
        id,
        id.toLowerCase(),
        id + "@corp.example",
        "Person " + id,
        null,
        null,
        null,
        List.of(units),
        AccountStatus.ACTIVE,
        Map.of());
  }

  /** An active person with a given directory e-mail. */
  static Account withEmail(String id, String email, String... units) {
    return new Account(
        id,
        id.toLowerCase(),
        email,
        "Person " + id,
        null,
        null,
        null,
        List.of(units),
        AccountStatus.ACTIVE,
        Map.of());
  }

  /** The mailbox address the connector makes for {@link #person}. */
  static String mailbox(String id) {
    return id.toLowerCase() + "@acme.example";
  }

  static DirectorySnapshot directory(List<OrgUnit> units, List<Account> accounts) {
    return new DirectorySnapshot("hand-made", units, accounts);
  }
}
