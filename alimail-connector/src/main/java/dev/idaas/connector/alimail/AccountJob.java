package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The work on one account (or one revocation) in one run, filled in phase by phase: planned, its
 * mailbox read or made, its changes found, applied, reported. Phases hand a job from thread to
 * thread through the pool's futures; within the apply phase several calls may record on it at once,
 * so recording is synchronized.
 */
final class AccountJob {

  /** The directory account; null for a revocation. */
  final Account account;

  /** The revocation; null for an upsert. */
  final Removal removal;

  /** The mailbox address the job is about: the linked one, or the one the mapping gives. */
  String address;

  /** Whether the account was linked when the run started. */
  boolean linked;

  /** Where the mailbox belongs; null for a revocation, or to leave it where it is. */
  String departmentId;

  /** The profile the mailbox should have; empty for a revocation. */
  Map<MailboxField, String> profile = Map.of();

  /** The mailbox as Alibaba Mail has it, once read or found; null before, or when there is none. */
  Mailbox current;

  /** CREATED or LINKED when the mailbox was made or adopted in this run; null otherwise. */
  Outcome origin;

  /** Alibaba Mail answered 1601 to the create: a mailbox with the address exists already. */
  boolean taken;

  /** The planned changes, found by comparing {@link #current} with what the directory wants. */
  Map<MailboxField, String> fieldChanges = Map.of();

  String moveTo;
  Boolean freezeTo;
  boolean delete;

  /** A revocation whose mailbox was already gone. */
  boolean gone;

  /** Whether the job's result was reported already. */
  boolean reported;

  private final List<String> notes = new ArrayList<>();
  private final List<String> done = new ArrayList<>();
  private ConnectorException failure;

  private AccountJob(Account account, Removal removal, String address) {
    this.account = account;
    this.removal = removal;
    this.address = address;
  }

  static AccountJob upsert(Account account, String address) {
    return new AccountJob(account, null, address);
  }

  static AccountJob revocation(Removal removal, String address) {
    AccountJob job = new AccountJob(null, removal, address);
    job.linked = true;
    return job;
  }

  String hostId() {
    return account != null ? account.id() : removal.hostId();
  }

  /** The key people read in events: the mailbox address. */
  String displayKey() {
    return address != null ? address : removal != null ? removal.displayKey() : account.id();
  }

  boolean isRevocation() {
    return removal != null;
  }

  /** Whether the mailbox should end frozen: the account is disabled, or it is revoked. */
  boolean wantsFrozen() {
    return removal != null || !account.isActive();
  }

  synchronized void note(String note) {
    if (note != null) {
      notes.add(note);
    }
  }

  /** Records a change made in Alibaba Mail. */
  synchronized void did(String change) {
    done.add(change);
  }

  /** Records the first failure; later ones add nothing. */
  synchronized void fail(ConnectorException cause) {
    if (failure == null) {
      failure = cause;
    }
  }

  synchronized ConnectorException failure() {
    return failure;
  }

  synchronized boolean failed() {
    return failure != null;
  }

  synchronized List<String> notes() {
    return List.copyOf(notes);
  }

  synchronized List<String> done() {
    return List.copyOf(done);
  }

  /** Whether anything must still be written for this job. */
  boolean hasChanges() {
    return !fieldChanges.isEmpty() || moveTo != null || freezeTo != null || delete;
  }
}
