package dev.idaas.connector.api;

import java.util.List;
import java.util.Objects;

/**
 * What a host asks a connector to push: org units or accounts to create or update, and objects to
 * revoke.
 *
 * <p>Hosts send one change set in this order: org unit upserts, then accounts, then org unit
 * removals, so that members have left a unit before it is deleted.
 *
 * @param mode whether {@code upserts} is the whole scope or a batch of changes
 * @param upserts the objects that must exist in the target as given, in any order
 * @param removals the pushed objects to revoke, in any order
 * @param preview when true, the connector plans and reports what it would do and writes nothing
 * @param <T> {@link OrgUnit} or {@link Account}
 */
public record SyncRequest<T>(
    SyncMode mode, List<T> upserts, List<Removal> removals, boolean preview) {

  public SyncRequest {
    Objects.requireNonNull(mode, "mode");
    upserts = List.copyOf(upserts);
    removals = List.copyOf(removals);
  }

  /** A full push of the whole scope. */
  public static <T> SyncRequest<T> full(List<T> scope, List<Removal> removals) {
    return new SyncRequest<>(SyncMode.FULL, scope, removals, false);
  }

  /** An incremental batch of changes. */
  public static <T> SyncRequest<T> incremental(List<T> changed, List<Removal> removals) {
    return new SyncRequest<>(SyncMode.INCREMENTAL, changed, removals, false);
  }

  /** The same request as a preview. */
  public SyncRequest<T> asPreview() {
    return new SyncRequest<>(mode, upserts, removals, true);
  }

  /** How many objects the request is about. */
  public int size() {
    return upserts.size() + removals.size();
  }
}
