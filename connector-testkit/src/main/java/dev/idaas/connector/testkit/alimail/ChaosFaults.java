package dev.idaas.connector.testkit.alimail;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random faults: each call fails with probability {@code probability}, with one of an expired token
 * ({@code 408}), throttling ({@code 429}), a server error ({@code 500}), a dropped connection, or a
 * late answer after the call was applied.
 *
 * <p>The choice depends only on the seed and the call's number, never on timing, so the same seed
 * and the same sequence of calls give the same faults. Logins never get the expired-token fault.
 *
 * @param seed chooses the faults
 * @param probability the chance of a fault on each call, from 0 to 1
 * @param lateDelay how long a late answer is held back; set it above the client's timeout
 */
public record ChaosFaults(long seed, double probability, Duration lateDelay) {

  private static final List<FaultAction> EXCEPT_LATE =
      List.of(
          FaultAction.expiredToken(),
          FaultAction.throttle(),
          FaultAction.serverError(),
          FaultAction.drop());

  public ChaosFaults {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be from 0 to 1: " + probability);
    }
    Objects.requireNonNull(lateDelay, "lateDelay");
  }

  /** Chaos whose late answers wait {@link FaultAction#DEFAULT_LATE_DELAY}. */
  public ChaosFaults(long seed, double probability) {
    this(seed, probability, FaultAction.DEFAULT_LATE_DELAY);
  }

  /** The fault for call {@code callNumber} on {@code path}, if this call gets one. */
  Optional<FaultAction> pick(long callNumber, String path) {
    SplittableRandom random = new SplittableRandom(seed ^ (callNumber * 0x9E3779B97F4A7C15L));
    if (random.nextDouble() >= probability) {
      return Optional.empty();
    }
    int choice = random.nextInt(EXCEPT_LATE.size() + 1);
    if (choice == EXCEPT_LATE.size()) {
      return Optional.of(FaultAction.late(lateDelay));
    }
    FaultAction action = EXCEPT_LATE.get(choice);
    boolean loginGetsExpiredToken =
        path.equals(CallHandler.LOGIN_PATH) && action.kind() == FaultAction.Kind.STATUS_CODE;
    return loginGetsExpiredToken ? Optional.empty() : Optional.of(action);
  }

  /** The chaos in fault-string syntax, as {@link FaultSpec#parse} reads it. */
  public String describe() {
    return "chaos:" + seed + ":" + probability + ":" + lateDelay.toMillis() + "ms";
  }
}
