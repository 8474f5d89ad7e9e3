package dev.idaas.connector.api;

/**
 * A connector opened for one application instance: it checks the connection and turns the host's
 * authorization requests into calls to the target.
 *
 * <p>The host calls one method at a time per instance. A connector may use several threads inside a
 * call, within the target's request budget. Methods report each object's result to {@link
 * ConnectorContext#events()} as soon as it is known, once per object, and return the run's counts.
 *
 * <p>Behaviour every connector follows:
 *
 * <ul>
 *   <li>A second full push with no directory change writes nothing.
 *   <li>An existing target object is adopted, not duplicated: first by link, then by a matching key
 *       (a unit by its name under the same parent; an account by e-mail, ignoring case).
 *   <li>Parents are made before children; deletions go leaf-first, after members have moved; an
 *       object the connector did not create or adopt is never deleted or disabled.
 *   <li>Revocation disables by default; it deletes only when the operator chose so.
 *   <li>A failed object does not stop the run; the run-level errors that do (credentials refused,
 *       for example) are thrown as a {@link ConnectorException}.
 *   <li>No secret appears in a result, a message, a log line or a {@code toString}.
 * </ul>
 */
public interface Connector extends AutoCloseable {

  /**
   * Signs in and reads enough of the target to show the parameters work.
   *
   * @return the checks that passed
   * @throws ConnectorException whose kind and message say what failed and what to do
   */
  ConnectionCheck checkConnection();

  /**
   * Pushes org units as target departments, or revokes them.
   *
   * @throws UnsupportedOperationException if the connector lacks {@link Capability#ORGANIZATIONS}
   * @throws ConnectorException for a run-level failure only; object failures are reported as
   *     results
   */
  SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request);

  /**
   * Pushes accounts, or revokes them. The accounts' org units are pushed first, so their links
   * exist; an account whose unit has no link is reported as {@link Outcome#BLOCKED}.
   *
   * @throws UnsupportedOperationException if the connector lacks {@link Capability#ACCOUNTS}
   * @throws ConnectorException for a run-level failure only; object failures are reported as
   *     results
   */
  SyncResult authorizeAccounts(SyncRequest<Account> request);

  /** Releases connections and threads. Never throws. */
  @Override
  void close();
}
