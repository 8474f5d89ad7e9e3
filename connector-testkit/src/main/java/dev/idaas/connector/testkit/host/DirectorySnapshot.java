package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The host's directory at one moment: its org units and accounts, as the SPI's records. Read from a
 * file with {@link SnapshotReader}, written with {@link SnapshotWriter}, compared with {@link
 * DirectoryDiff}.
 *
 * <p>Ids are unique within the org units and within the accounts. A snapshot may still hold data a
 * connector reports as a problem, such as a unit whose parent does not exist, a cycle of parents or
 * an account whose unit does not exist: that is directory content, not a broken file.
 *
 * <p>Immutable and thread-safe. Change a copy with {@link #toBuilder()}.
 */
public final class DirectorySnapshot {

  private final String source;
  private final Map<String, OrgUnit> orgUnits;
  private final Map<String, Account> accounts;

  /**
   * A snapshot of the given objects, kept in the given order.
   *
   * @param source where the data comes from, for people; may be null
   * @throws IllegalArgumentException if an org unit id or an account id repeats
   */
  public DirectorySnapshot(String source, List<OrgUnit> orgUnits, List<Account> accounts) {
    this.source = source;
    this.orgUnits = Collections.unmodifiableMap(indexUnique(orgUnits, OrgUnit::id, "org unit"));
    this.accounts = Collections.unmodifiableMap(indexUnique(accounts, Account::id, "account"));
  }

  private DirectorySnapshot(
      String source, Map<String, OrgUnit> orgUnits, Map<String, Account> accounts) {
    this.source = source;
    this.orgUnits = Collections.unmodifiableMap(new LinkedHashMap<>(orgUnits));
    this.accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
  }

  /** A directory with nothing in it. */
  public static DirectorySnapshot empty() {
    return new DirectorySnapshot(null, List.of(), List.of());
  }

  /** Starts a snapshot from nothing. */
  public static Builder builder() {
    return new Builder(null, Map.of(), Map.of());
  }

  /** Where the data comes from, for people; null when unknown. */
  public String source() {
    return source;
  }

  /** Every org unit, in the order of the file. */
  public List<OrgUnit> orgUnits() {
    return List.copyOf(orgUnits.values());
  }

  /** Every account, in the order of the file. */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** The org unit with this id, if the directory has it. */
  public Optional<OrgUnit> orgUnit(String id) {
    return Optional.ofNullable(orgUnits.get(id));
  }

  /** The account with this id, if the directory has it. */
  public Optional<Account> account(String id) {
    return Optional.ofNullable(accounts.get(id));
  }

  public boolean hasOrgUnit(String id) {
    return orgUnits.containsKey(id);
  }

  public boolean hasAccount(String id) {
    return accounts.containsKey(id);
  }

  /** A builder holding this snapshot's content, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(source, orgUnits, accounts);
  }

  /** Equal when the source, the objects and their order are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DirectorySnapshot that
        && Objects.equals(source, that.source)
        && orgUnits().equals(that.orgUnits())
        && accounts().equals(that.accounts());
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, orgUnits.keySet(), accounts.keySet());
  }

  /** The source and the counts; never the accounts' data. */
  @Override
  public String toString() {
    return "DirectorySnapshot["
        + (source == null ? "" : source + ", ")
        + orgUnits.size()
        + " org units, "
        + accounts.size()
        + " accounts]";
  }

  private static <T> Map<String, T> indexUnique(
      List<T> objects, Function<T, String> idOf, String noun) {
    Map<String, T> byId = new LinkedHashMap<>();
    for (T object : objects) {
      String id = idOf.apply(object);
      if (byId.putIfAbsent(id, object) != null) {
        throw new IllegalArgumentException(noun + " id " + id + " appears more than once");
      }
    }
    return byId;
  }

  /**
   * Makes a snapshot step by step, or a changed copy of one. Objects keep their position when
   * replaced; new ones go at the end. Not thread-safe.
   */
  public static final class Builder {
    private String source;
    private final Map<String, OrgUnit> orgUnits;
    private final Map<String, Account> accounts;

    private Builder(String source, Map<String, OrgUnit> orgUnits, Map<String, Account> accounts) {
      this.source = source;
      this.orgUnits = new LinkedHashMap<>(orgUnits);
      this.accounts = new LinkedHashMap<>(accounts);
    }

    /** Sets where the data comes from; may be null. */
    public Builder source(String newSource) {
      this.source = newSource;
      return this;
    }

    /** Adds an org unit, or replaces the one with the same id in place. */
    public Builder put(OrgUnit unit) {
      orgUnits.put(unit.id(), unit);
      return this;
    }

    /** Adds an account, or replaces the one with the same id in place. */
    public Builder put(Account account) {
      accounts.put(account.id(), account);
      return this;
    }

    /**
     * Changes one org unit.
     *
     * @throws IllegalArgumentException if there is no org unit with this id
     */
    public Builder updateOrgUnit(String id, UnaryOperator<OrgUnit> change) {
      orgUnits.put(id, change.apply(existing(orgUnits, id, "org unit")));
      return this;
    }

    /**
     * Changes one account.
     *
     * @throws IllegalArgumentException if there is no account with this id
     */
    public Builder updateAccount(String id, UnaryOperator<Account> change) {
      accounts.put(id, change.apply(existing(accounts, id, "account")));
      return this;
    }

    /**
     * Removes one org unit; its children and members are left as they are.
     *
     * @throws IllegalArgumentException if there is no org unit with this id
     */
    public Builder removeOrgUnit(String id) {
      existing(orgUnits, id, "org unit");
      orgUnits.remove(id);
      return this;
    }

    /**
     * Removes one account.
     *
     * @throws IllegalArgumentException if there is no account with this id
     */
    public Builder removeAccount(String id) {
      existing(accounts, id, "account");
      accounts.remove(id);
      return this;
    }

    public DirectorySnapshot build() {
      return new DirectorySnapshot(source, orgUnits, accounts);
    }

    private static <T> T existing(Map<String, T> objects, String id, String noun) {
      T object = objects.get(id);
      if (object == null) {
        throw new IllegalArgumentException("there is no " + noun + " with id " + id);
      }
      return object;
    }
  }
}
