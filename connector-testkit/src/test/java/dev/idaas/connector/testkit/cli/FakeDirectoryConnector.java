package dev.idaas.connector.testkit.cli;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connector of {@link FakeDirectoryProvider}: a unit becomes an entry named like it, an account
 * a mailbox {@code <local part>@<domain>}. A unit whose parent has no link, and an account whose
 * primary unit has none, are blocked; an address the target refuses fails; a disabled account never
 * pushed is skipped; revocation freezes. The tenant {@code unmanaged} fails the connection check as
 * a wrong configuration.
 */
final class FakeDirectoryConnector implements Connector {

  private final ConnectorConfig config;
  private final ConnectorContext context;

  FakeDirectoryConnector(ConnectorConfig config, ConnectorContext context) {
    this.config = config;
    this.context = context;
  }

  @Override
  public ConnectionCheck checkConnection() {
    FakeTarget target = signIn();
    List<String> steps = new ArrayList<>();
    steps.add("reached " + target.endpoint);
    steps.add("signed in");
    Optional<String> tenant = config.optionalText("tenant");
    if (tenant.filter("unmanaged"::equals).isPresent()) {
      throw new ConnectorException(
          ErrorKind.INVALID_CONFIGURATION,
          "The fake target does not manage the tenant unmanaged (code 1103). Check the tenant"
              + " parameter.");
    }
    tenant.ifPresent(name -> steps.add("tenant " + name + " found"));
    return new ConnectionCheck(steps);
  }

  @Override
  public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
    FakeTarget target = signIn();
    SyncResult.Tally tally = SyncResult.tally();
    for (OrgUnit unit : request.upserts()) {
      report(tally, upsert(target, unit, request.preview()));
    }
    for (Removal removal : request.removals()) {
      if (!request.preview()) {
        target.removeUnit(removal.hostId());
        context.links().unlink(ObjectType.ORG_UNIT, removal.hostId());
      }
      report(
          tally,
          done(
              ObjectType.ORG_UNIT,
              removal.hostId(),
              removal.displayKey(),
              Operation.REVOKE,
              Outcome.DELETED,
              null));
    }
    return tally.result();
  }

  @Override
  public SyncResult authorizeAccounts(SyncRequest<Account> request) {
    FakeTarget target = signIn();
    SyncResult.Tally tally = SyncResult.tally();
    for (Account account : request.upserts()) {
      report(tally, upsert(target, account, request.preview()));
    }
    for (Removal removal : request.removals()) {
      Optional<String> mailbox = context.links().targetId(ObjectType.ACCOUNT, removal.hostId());
      if (!request.preview()) {
        mailbox.ifPresent(address -> target.freeze(address, true));
      }
      report(
          tally,
          done(
              ObjectType.ACCOUNT,
              removal.hostId(),
              removal.displayKey(),
              Operation.REVOKE,
              Outcome.DISABLED,
              mailbox.orElse(null)));
    }
    return tally.result();
  }

  @Override
  public void close() {}

  private ObjectResult upsert(FakeTarget target, OrgUnit unit, boolean preview) {
    if (unit.parentId() != null
        && context.links().targetId(ObjectType.ORG_UNIT, unit.parentId()).isEmpty()) {
      return ObjectResult.blocked(
          ObjectType.ORG_UNIT,
          unit.id(),
          unit.name(),
          Operation.UPSERT,
          "its parent " + unit.parentId() + " has no entry in the target");
    }
    String targetId = "u-" + unit.id();
    Optional<String> linked = context.links().targetId(ObjectType.ORG_UNIT, unit.id());
    Outcome outcome;
    if (linked.isEmpty()) {
      outcome = Outcome.CREATED;
    } else {
      outcome =
          unit.name().equals(target.units.get(unit.id())) ? Outcome.UNCHANGED : Outcome.UPDATED;
    }
    if (!preview && outcome != Outcome.UNCHANGED) {
      target.putUnit(unit.id(), unit.name());
    }
    context.links().link(ObjectType.ORG_UNIT, unit.id(), targetId);
    return done(ObjectType.ORG_UNIT, unit.id(), unit.name(), Operation.UPSERT, outcome, targetId);
  }

  private ObjectResult upsert(FakeTarget target, Account account, boolean preview) {
    String mailbox = mailboxOf(account);
    Optional<String> unit = account.primaryOrgUnitId();
    if (unit.isPresent() && context.links().targetId(ObjectType.ORG_UNIT, unit.get()).isEmpty()) {
      return ObjectResult.blocked(
          ObjectType.ACCOUNT,
          account.id(),
          mailbox,
          Operation.UPSERT,
          "its org unit " + unit.get() + " has no entry in the target");
    }
    if (target.refusedEmails.contains(mailbox)) {
      return ObjectResult.failed(
          ObjectType.ACCOUNT,
          account.id(),
          mailbox,
          Operation.UPSERT,
          ErrorKind.INVALID_DATA,
          "the target refuses " + mailbox);
    }
    boolean linked = context.links().targetId(ObjectType.ACCOUNT, account.id()).isPresent();
    Outcome outcome = outcomeOf(target, account, mailbox, linked);
    if (!preview) {
      apply(target, account, mailbox, outcome);
    }
    if (outcome != Outcome.SKIPPED) {
      context.links().link(ObjectType.ACCOUNT, account.id(), mailbox);
    }
    return done(
        ObjectType.ACCOUNT,
        account.id(),
        mailbox,
        Operation.UPSERT,
        outcome,
        outcome == Outcome.SKIPPED ? null : mailbox);
  }

  private static Outcome outcomeOf(
      FakeTarget target, Account account, String mailbox, boolean linked) {
    if (!linked) {
      return account.isActive() ? Outcome.CREATED : Outcome.SKIPPED;
    }
    boolean frozen = target.frozen.contains(mailbox);
    if (account.isActive() == frozen) {
      return account.isActive() ? Outcome.ENABLED : Outcome.DISABLED;
    }
    return account.displayName().equals(target.accounts.get(mailbox))
        ? Outcome.UNCHANGED
        : Outcome.UPDATED;
  }

  private static void apply(FakeTarget target, Account account, String mailbox, Outcome outcome) {
    switch (outcome) {
      case CREATED, UPDATED -> target.putAccount(mailbox, account.displayName());
      case DISABLED -> target.freeze(mailbox, true);
      case ENABLED -> target.freeze(mailbox, false);
      default -> {}
    }
  }

  private String mailboxOf(Account account) {
    String local =
        account.email() == null
            ? account.username()
            : account.email().substring(0, account.email().indexOf('@'));
    return local.toLowerCase(Locale.ROOT) + "@" + config.text("domain");
  }

  private FakeTarget signIn() {
    String endpoint = config.url("endpoint").toString();
    FakeTarget target =
        FakeTarget.at(endpoint)
            .orElseThrow(
                () ->
                    new ConnectorException(
                        ErrorKind.UNAVAILABLE,
                        "Cannot reach the fake target at "
                            + endpoint
                            + ": connection refused. Check the endpoint, and that the target"
                            + " runs."));
    if (!target.token.equals(config.secret("token").reveal())) {
      throw new ConnectorException(
          ErrorKind.AUTHENTICATION,
          "The fake target refused the token (code 1101). Check the token parameter.");
    }
    return target;
  }

  private void report(SyncResult.Tally tally, ObjectResult result) {
    context.events().report(result);
    tally.add(result);
  }

  private static ObjectResult done(
      ObjectType type,
      String hostId,
      String displayKey,
      Operation operation,
      Outcome outcome,
      String targetId) {
    return ObjectResult.done(type, hostId, displayKey, operation, outcome, targetId, null);
  }
}
