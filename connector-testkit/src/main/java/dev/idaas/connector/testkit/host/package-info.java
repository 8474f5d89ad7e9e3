/**
 * The IDaaS host simulator: the host side of the connector SPI, as an administrator uses it, for
 * tests, demos and the {@code idaas-host} command line.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link dev.idaas.connector.testkit.host.DirectorySnapshot}: the directory at one moment,
 *       read by {@link dev.idaas.connector.testkit.host.SnapshotReader} from the snapshot format
 *       ({@code examples/README.md}), refused with a {@link
 *       dev.idaas.connector.testkit.host.SnapshotFormatException} that names the file, field, line
 *       and column when malformed, and written by {@link
 *       dev.idaas.connector.testkit.host.SnapshotWriter}.
 *   <li>{@link dev.idaas.connector.testkit.host.DirectoryDiff}: what changed between two snapshots.
 *   <li>{@link dev.idaas.connector.testkit.host.AuthorizationPolicy}: the org scope, the account
 *       scope and the automatic-authorization switch; its Javadoc states the scope rules.
 *   <li>{@link dev.idaas.connector.testkit.host.HostSimulator}: one application instance with its
 *       state folder: Execute Add, previews, automatic authorization of directory and scope
 *       changes, retries, the event log and the runs. Each run ends in a {@link
 *       dev.idaas.connector.testkit.host.RunSummary}; directory and scope changes also give a
 *       {@link dev.idaas.connector.testkit.host.ChangeResult} with the {@link
 *       dev.idaas.connector.testkit.host.ChangeSet} sent or pending.
 *   <li>{@link dev.idaas.connector.testkit.host.MassRevocationGuard}: stops a run that would revoke
 *       too much at once; {@link dev.idaas.connector.testkit.host.ProgressListener} follows runs.
 * </ul>
 *
 * <p>Nothing here prints: the library logs through {@link java.lang.System.Logger} and the command
 * line decides what to show. Exceptions carry messages meant for the person at the keyboard: what
 * is wrong and what to do. Unless a Javadoc says otherwise, nothing is null.
 */
package dev.idaas.connector.testkit.host;
