package dev.idaas.connector.testkit.alimail;

import java.time.Duration;
import java.util.Objects;

/**
 * What the simulator does instead of (or on top of) a normal answer when a fault fires.
 *
 * <p>Every kind but {@link Kind#LATE} answers without applying the call: the directory is unchanged
 * and the request budget is not charged. {@code LATE} applies the call normally and then holds the
 * answer back, so a client that gives up first cannot know the change was made.
 *
 * @param kind what happens
 * @param code the status code of a {@link Kind#STATUS_CODE} answer, such as {@code "408"}; null for
 *     every other kind
 * @param delay how long a {@link Kind#LATE} answer is held back; zero for every other kind
 */
public record FaultAction(Kind kind, String code, Duration delay) {

  /** The delay of {@code late} when a fault string gives none. */
  public static final Duration DEFAULT_LATE_DELAY = Duration.ofSeconds(10);

  /** The kinds of fault. */
  public enum Kind {
    /** HTTP 200 with the given business status code, such as {@code 408} (token expired). */
    STATUS_CODE,
    /** HTTP 429, header {@code Retry-After: 1}, status code {@code 429}. */
    THROTTLE,
    /** HTTP 500 with a body that is not JSON. */
    SERVER_ERROR,
    /** The connection is reset without an answer. */
    DROP,
    /** The connection is closed without an answer. */
    EMPTY_RESPONSE,
    /** The call is applied, then the answer waits {@code delay} before it is sent. */
    LATE,
    /**
     * HTTP 200 with status {@code 1603} whose message quotes the whole request body, token and
     * passwords included, as a careless service or gateway does: for tests that secrets sent to the
     * target never come back out of the client.
     */
    ECHO
  }

  public FaultAction {
    Objects.requireNonNull(kind, "kind");
    delay = delay == null ? Duration.ZERO : delay;
    if (kind == Kind.STATUS_CODE && (code == null || !code.matches("\\d{3,4}"))) {
      throw new IllegalArgumentException("a status code is 3 or 4 digits: " + code);
    }
    if (kind != Kind.STATUS_CODE && code != null) {
      throw new IllegalArgumentException("only a status-code fault has a code: " + kind);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
  }

  /**
   * Answers with a status code: {@code "429"} throttles, {@code "500"} is a server error, any other
   * code comes as a business error inside HTTP 200.
   */
  public static FaultAction answer(String code) {
    return switch (code) {
      case "429" -> throttle();
      case "500" -> serverError();
      default -> new FaultAction(Kind.STATUS_CODE, code, Duration.ZERO);
    };
  }

  /** Answers {@code 408}: the client must log in again. The token itself stays valid. */
  public static FaultAction expiredToken() {
    return answer("408");
  }

  /** Answers HTTP 429 with {@code Retry-After: 1}. */
  public static FaultAction throttle() {
    return new FaultAction(Kind.THROTTLE, null, Duration.ZERO);
  }

  /** Answers HTTP 500 with a body that is not JSON. */
  public static FaultAction serverError() {
    return new FaultAction(Kind.SERVER_ERROR, null, Duration.ZERO);
  }

  /** Resets the connection without an answer. */
  public static FaultAction drop() {
    return new FaultAction(Kind.DROP, null, Duration.ZERO);
  }

  /** Closes the connection without an answer. */
  public static FaultAction emptyResponse() {
    return new FaultAction(Kind.EMPTY_RESPONSE, null, Duration.ZERO);
  }

  /** Refuses the call with {@code 1603} and a message that quotes the request body. */
  public static FaultAction echo() {
    return new FaultAction(Kind.ECHO, null, Duration.ZERO);
  }

  /** Applies the call, then holds the answer back for {@code delay}. */
  public static FaultAction late(Duration delay) {
    return new FaultAction(Kind.LATE, null, delay);
  }

  /** Whether the call is applied in spite of the fault. */
  public boolean appliesCall() {
    return kind == Kind.LATE;
  }

  /**
   * The action in fault-string syntax, such as {@code 408}, {@code drop} or {@code late:3000ms}.
   */
  public String describe() {
    return switch (kind) {
      case STATUS_CODE -> code;
      case THROTTLE -> "429";
      case SERVER_ERROR -> "500";
      case DROP -> "drop";
      case EMPTY_RESPONSE -> "empty";
      case LATE -> "late:" + delay.toMillis() + "ms";
      case ECHO -> "echo";
    };
  }
}
