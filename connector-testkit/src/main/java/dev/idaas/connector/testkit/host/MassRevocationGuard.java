package dev.idaas.connector.testkit.host;

/**
 * Stops a run that would revoke a large part of what was pushed, which usually means a broken
 * directory feed (an export that suddenly lacks most accounts) rather than a real change.
 *
 * <p>A run trips the guard when, for org units or for accounts, its revocations exceed <em>both
 * </em> {@code maxShare} of the linked objects of that type <em>and</em> {@code minimumCount}. A
 * linked account the directory newly marks disabled counts as a revocation too: its mailbox is
 * frozen all the same. The two together let a small deliberate change through (3 people leaving a
 * company of 107 is 3 %; 5 of 12 is 42 % but only 5), and still catch a feed that lost half of the
 * directory.
 *
 * <p>A tripped run revokes nothing and pushes nothing: it ends {@code FAILED} with a message that
 * says how many objects it would revoke and ends with {@link #CONFIRMATION_HINT}. {@link
 * HostSimulator#confirmMassRevocation()} lets the next run through.
 *
 * @param maxShare the share of linked objects a run may revoke, from 0 to 1
 * @param minimumCount the number of revocations a run may always make
 */
public record MassRevocationGuard(double maxShare, int minimumCount) {

  /**
   * The last sentence of the message of a run the guard stopped. It names no API, so a host can
   * replace it with how its own users confirm (a button, a command-line option).
   */
  public static final String CONFIRMATION_HINT =
      "If the revocations are intended, confirm the mass revocation and run again.";

  /** At most 20 % of the linked objects of a type, unless there are 10 revocations or fewer. */
  public static final MassRevocationGuard DEFAULT = new MassRevocationGuard(0.20, 10);

  /** Never stops a run. */
  public static final MassRevocationGuard OFF = new MassRevocationGuard(1.0, Integer.MAX_VALUE);

  public MassRevocationGuard {
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new IllegalArgumentException("maxShare must be from 0 to 1: " + maxShare);
    }
    if (minimumCount < 0) {
      throw new IllegalArgumentException("minimumCount must not be negative: " + minimumCount);
    }
  }

  /**
   * Whether a number of revocations trips the guard.
   *
   * @param revocations the revocations of one type in one run
   * @param linked the linked objects of that type before the run
   */
  public boolean trips(int revocations, int linked) {
    return revocations > minimumCount && revocations > maxShare * linked;
  }
}
