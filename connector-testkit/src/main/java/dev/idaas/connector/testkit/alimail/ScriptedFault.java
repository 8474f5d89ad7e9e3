package dev.idaas.connector.testkit.alimail;

import java.util.Locale;
import java.util.Objects;

/**
 * One planned fault: when it fires and what happens then.
 *
 * <p>A fault on a call number fires once. A fault on an e-mail address fires on every {@code
 * createAccounts} item with that address until the faults are cleared.
 *
 * @param trigger when the fault fires
 * @param action what happens then; for an e-mail trigger, always a {@link
 *     FaultAction.Kind#STATUS_CODE} answer for that item
 */
public record ScriptedFault(Trigger trigger, FaultAction action) {

  public ScriptedFault {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(action, "action");
    if (trigger instanceof ForEmail && action.kind() != FaultAction.Kind.STATUS_CODE) {
      throw new IllegalArgumentException(
          "an e-mail fault fails one batch item with a business code, not " + action.describe());
    }
  }

  /** The {@code number}-th call the simulator receives, counting every path from 1. */
  public static ScriptedFault atCall(long number, FaultAction action) {
    return new ScriptedFault(new AtCall(number), action);
  }

  /**
   * The {@code number}-th call of one path, such as {@code /ud/createAccounts}, counting from 1.
   */
  public static ScriptedFault atPathCall(String path, long number, FaultAction action) {
    return new ScriptedFault(new AtPathCall(path, number), action);
  }

  /**
   * Every {@code createAccounts} item for {@code email} (compared case-insensitively) fails with
   * {@code code}, while the rest of the batch is served: a partial batch failure.
   */
  public static ScriptedFault itemFailure(String email, String code) {
    return new ScriptedFault(new ForEmail(email), FaultAction.answer(code));
  }

  /** The fault in fault-string syntax, as {@link FaultSpec#parse} reads it. */
  public String describe() {
    String action = this.action.describe();
    String lateDelay = "";
    if (this.action.kind() == FaultAction.Kind.LATE) {
      action = "late";
      lateDelay = ":" + this.action.delay().toMillis() + "ms";
    }
    return action + "@" + trigger.describe() + lateDelay;
  }

  /** When a scripted fault fires. */
  public sealed interface Trigger permits AtCall, AtPathCall, ForEmail {
    /** The trigger in fault-string syntax, such as {@code call:12}. */
    String describe();
  }

  /** The {@code number}-th call on any path. */
  public record AtCall(long number) implements Trigger {
    public AtCall {
      if (number < 1) {
        throw new IllegalArgumentException("call numbers start at 1: " + number);
      }
    }

    @Override
    public String describe() {
      return "call:" + number;
    }
  }

  /** The {@code number}-th call of {@code path}. */
  public record AtPathCall(String path, long number) implements Trigger {
    public AtPathCall {
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException(
            "a path starts with /, such as /ud/createAccounts: " + path);
      }
      if (number < 1) {
        throw new IllegalArgumentException("call numbers start at 1: " + number);
      }
    }

    @Override
    public String describe() {
      return "path:" + path + "#" + number;
    }
  }

  /** A {@code createAccounts} item with this address. */
  public record ForEmail(String email) implements Trigger {
    public ForEmail {
      if (email == null || !email.contains("@")) {
        throw new IllegalArgumentException("not an e-mail address: " + email);
      }
      email = email.toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
      return "email:" + email;
    }
  }
}
