package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an account job into the one result the host records: the outcome that best says what
 * happened, with a note listing everything that was done. When several things changed, the outcome
 * is the weightiest: a status change first, then a move, then field updates.
 */
final class AccountResults {

  static final String POSTMASTER =
      "postmaster@ is the domain administrator's mailbox; this connector never changes it.";

  static final String DELETED = "deleted";
  static final String FROZEN = "frozen";
  static final String UNFROZEN = "unfrozen";
  static final String MOVED_TO = "moved to department ";

  private AccountResults() {}

  static ObjectResult resultOf(AccountJob job) {
    Operation operation = operationOf(job);
    ConnectorException failure = job.failure();
    if (failure != null) {
      String message =
          job.done().isEmpty()
              ? failure.getMessage()
              : failure.getMessage() + " Done before that: " + String.join("; ", job.done()) + ".";
      return new ObjectResult(
          ObjectType.ACCOUNT,
          job.hostId(),
          job.displayKey(),
          operation,
          Outcome.FAILED,
          null,
          failure.kind(),
          message,
          Duration.ZERO);
    }
    Outcome outcome = outcomeOf(job);
    String target = outcome == Outcome.DELETED || job.gone ? null : job.address;
    return ObjectResult.done(
        ObjectType.ACCOUNT,
        job.hostId(),
        job.displayKey(),
        operation,
        outcome,
        target,
        noteOf(job, outcome));
  }

  private static Outcome outcomeOf(AccountJob job) {
    List<String> done = job.done();
    if (job.gone) {
      return job.isRevocation() ? Outcome.UNCHANGED : Outcome.SKIPPED;
    }
    if (job.origin != null) {
      return job.origin;
    }
    if (done.contains(DELETED)) {
      return Outcome.DELETED;
    }
    if (done.contains(FROZEN)) {
      return Outcome.DISABLED;
    }
    if (done.contains(UNFROZEN)) {
      return Outcome.ENABLED;
    }
    if (done.stream().anyMatch(change -> change.startsWith(MOVED_TO))) {
      return Outcome.MOVED;
    }
    return done.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATED;
  }

  private static String noteOf(AccountJob job, Outcome outcome) {
    List<String> parts = new ArrayList<>(job.notes());
    if (job.gone && !job.isRevocation()) {
      parts.add("The account is disabled in the directory, so no mailbox is made again.");
    } else if (job.gone) {
      parts.add("The mailbox was already gone.");
    }
    if (!job.done().isEmpty() && outcome != Outcome.DELETED) {
      parts.add("Changes: " + String.join("; ", job.done()) + ".");
    }
    if (job.isRevocation() && outcome == Outcome.UNCHANGED && !job.gone) {
      parts.add("The mailbox was already frozen.");
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static Operation operationOf(AccountJob job) {
    if (job.isRevocation()) {
      return Operation.REVOKE;
    }
    if (job.done().contains(UNFROZEN)) {
      return Operation.ENABLE;
    }
    return operationOf(job.account);
  }

  static Operation operationOf(Account account) {
    return account.isActive() ? Operation.UPSERT : Operation.DISABLE;
  }

  static ObjectResult skipped(Account account, String address, String note) {
    return ObjectResult.done(
        ObjectType.ACCOUNT,
        account.id(),
        address != null ? address : displayKeyOf(account),
        operationOf(account),
        Outcome.SKIPPED,
        null,
        note);
  }

  static ObjectResult failed(Account account, String address, ConnectorException failure) {
    return ObjectResult.failed(
        ObjectType.ACCOUNT,
        account.id(),
        address != null ? address : displayKeyOf(account),
        operationOf(account),
        failure.kind(),
        failure.getMessage());
  }

  static ObjectResult revoked(Removal removal, String address, Outcome outcome, String note) {
    return ObjectResult.done(
        ObjectType.ACCOUNT, removal.hostId(), address, Operation.REVOKE, outcome, null, note);
  }

  private static String displayKeyOf(Account account) {
    return account.email() != null && !account.email().isBlank()
        ? account.email()
        : account.username();
  }
}
