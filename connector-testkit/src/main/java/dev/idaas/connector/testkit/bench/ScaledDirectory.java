package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a directory several times larger from a real one, for the scale part of a benchmark: each
 * copy of the whole tree goes under a new top unit, and every id, username and e-mail address gets
 * the copy's tag, so nothing clashes.
 *
 * <p>For copy 3 of 10, the new top unit is {@code copy-03} named {@code Copy 03}; unit {@code 1101}
 * becomes {@code c03-1101}, account {@code u1} becomes {@code c03-u1}, username {@code li.na}
 * becomes {@code li.na.c03} and {@code Li.Na@example.com} becomes {@code Li.Na.c03@example.com}.
 * Names, statuses and other fields are kept, so the copies push exactly like the original.
 */
public final class ScaledDirectory {

  private ScaledDirectory() {}

  /**
   * A directory of {@code copies} copies of {@code base}, each under a new top unit: {@code copies
   * × units + copies} units and {@code copies × accounts} accounts.
   *
   * @throws IllegalArgumentException if {@code copies} is less than 1
   */
  public static DirectorySnapshot of(DirectorySnapshot base, int copies) {
    if (copies < 1) {
      throw new IllegalArgumentException("at least one copy: " + copies);
    }
    int width = String.valueOf(copies).length() < 2 ? 2 : String.valueOf(copies).length();
    List<OrgUnit> units = new ArrayList<>();
    List<Account> accounts = new ArrayList<>();
    for (int copy = 1; copy <= copies; copy++) {
      String tag = "c" + String.format("%0" + width + "d", copy);
      String top = "copy-" + tag.substring(1);
      units.add(OrgUnit.of(top, null, "Copy " + tag.substring(1), copy));
      base.orgUnits().forEach(unit -> units.add(copyOf(unit, tag, top)));
      base.accounts().forEach(account -> accounts.add(copyOf(account, tag)));
    }
    String source = (base.source() == null ? "a directory" : base.source()) + ", ×" + copies;
    return new DirectorySnapshot(source, units, accounts);
  }

  private static OrgUnit copyOf(OrgUnit unit, String tag, String top) {
    String parent = unit.isTopLevel() ? top : tagged(tag, unit.parentId());
    return new OrgUnit(
        tagged(tag, unit.id()), parent, unit.name(), unit.order(), unit.attributes());
  }

  private static Account copyOf(Account account, String tag) {
    return new Account(
        tagged(tag, account.id()),
        account.username() + "." + tag,
        taggedEmail(account.email(), tag),
        account.displayName(),
        account.mobile(),
        account.employeeNo(),
        account.jobTitle(),
        account.orgUnitIds().stream().map(unit -> tagged(tag, unit)).toList(),
        account.status(),
        account.attributes());
  }

  private static String tagged(String tag, String id) {
    return tag + "-" + id;
  }

  private static String taggedEmail(String email, String tag) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return at < 0 ? email + "." + tag : email.substring(0, at) + "." + tag + email.substring(at);
  }
}
