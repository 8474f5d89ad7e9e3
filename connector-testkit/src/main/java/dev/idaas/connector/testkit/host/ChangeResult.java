package dev.idaas.connector.testkit.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link HostSimulator#applyChanges} or {@link HostSimulator#changeScope} did with a change:
 * the change set, and the run that pushed it, if one did.
 *
 * <p>No run happens when nothing changed in the scope, or when the change is <em>pending</em>:
 * automatic authorization is off, or Execute Add has never run (so there is no pushed state to
 * change). Pending changes are kept as the difference between the last pushed scope and the latest
 * directory, and go out with the next push.
 */
public final class ChangeResult {

  private final ChangeSet changes;
  private final RunSummary run;
  private final String pendingReason;

  private ChangeResult(ChangeSet changes, RunSummary run, String pendingReason) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.run = run;
    this.pendingReason = pendingReason;
  }

  static ChangeResult pushed(ChangeSet changes, RunSummary run) {
    return new ChangeResult(changes, Objects.requireNonNull(run, "run"), null);
  }

  static ChangeResult unchanged() {
    return new ChangeResult(ChangeSet.none(), null, null);
  }

  static ChangeResult pending(ChangeSet changes, String reason) {
    return new ChangeResult(changes, null, Objects.requireNonNull(reason, "reason"));
  }

  /** The changes in scope since the last push: pushed by {@link #run()}, or pending. */
  public ChangeSet changes() {
    return changes;
  }

  /** The run that pushed the changes; empty when nothing was pushed. */
  public Optional<RunSummary> run() {
    return Optional.ofNullable(run);
  }

  /** Whether there are changes that were not pushed. */
  public boolean isPending() {
    return pendingReason != null;
  }

  /**
   * Why the changes were not pushed and what pushes them, for people; empty unless {@link
   * #isPending()}.
   */
  public Optional<String> pendingReason() {
    return Optional.ofNullable(pendingReason);
  }

  @Override
  public String toString() {
    String what = changes.diff().summary();
    if (run != null) {
      return "pushed in " + run.runId() + " (" + run.status() + "): " + what;
    }
    return isPending() ? "pending (" + pendingReason + "): " + what : "no changes";
  }
}
