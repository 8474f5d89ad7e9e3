package dev.idaas.connector.testkit.alimail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A set of faults for the simulator, written in Java or parsed from a compact string that a command
 * line or a test can carry.
 *
 * <h2>Fault strings</h2>
 *
 * <pre>
 * spec     = entry *( ("," / ";") entry )
 * entry    = fault / chaos
 * fault    = action "@" trigger [ ":" duration ]     ; a duration only after late
 * action   = code / "drop" / "empty" / "late" / "echo"
 * trigger  = "call:" n                               ; the n-th call on any path, from 1
 *          / "path:" path "#" n                      ; the n-th call of one path
 *          / "email:" address                        ; createAccounts items with that address
 * chaos    = "chaos:" seed ":" probability [ ":" duration ]
 * code     = 3*4DIGIT      ; 429 throttles, 500 is a server error, others come inside HTTP 200
 * duration = 1*DIGIT ("ms" / "s")
 * </pre>
 *
 * <p>Examples: {@code 408@call:12}, {@code 500@path:/ud/createAccounts#3}, {@code drop@call:40},
 * {@code late@path:/ud/createDepartment#2:3000ms}, {@code 429@call:7}, {@code
 * 1610@email:li.na@acme.example}, {@code chaos:42:0.05:2000ms}. A {@code late} fault without a
 * duration waits {@link FaultAction#DEFAULT_LATE_DELAY}; so does chaos.
 *
 * @param scripted the planned faults, in the order given
 * @param chaos the random faults; null for none
 */
public record FaultSpec(List<ScriptedFault> scripted, ChaosFaults chaos) {

  /** No faults. */
  public static final FaultSpec NONE = new FaultSpec(List.of(), null);

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s)");
  private static final Pattern CODE = Pattern.compile("\\d{3,4}");

  public FaultSpec {
    scripted = List.copyOf(scripted);
  }

  /** A spec of these planned faults and no chaos. */
  public static FaultSpec of(ScriptedFault... faults) {
    return new FaultSpec(List.of(faults), null);
  }

  /** The same planned faults with this chaos. */
  public FaultSpec withChaos(ChaosFaults chaos) {
    return new FaultSpec(scripted, Objects.requireNonNull(chaos, "chaos"));
  }

  /**
   * Reads a fault string.
   *
   * @param spec a fault string as described on this class; blank gives {@link #NONE}
   * @throws IllegalArgumentException naming the entry that cannot be read and why
   */
  public static FaultSpec parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    List<ScriptedFault> faults = new ArrayList<>();
    ChaosFaults chaos = null;
    for (String entry : spec.split("[,;]")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("chaos:")) {
          chaos = parseChaos(trimmed.substring("chaos:".length()));
        } else {
          faults.add(parseFault(trimmed));
        }
      } catch (IllegalArgumentException problem) {
        throw new IllegalArgumentException(
            "cannot read fault '" + trimmed + "': " + problem.getMessage(), problem);
      }
    }
    return new FaultSpec(faults, chaos);
  }

  /** The spec as a fault string that {@link #parse} reads back to an equal spec. */
  public String describe() {
    Stream<String> chaosEntry = chaos == null ? Stream.empty() : Stream.of(chaos.describe());
    return Stream.concat(scripted.stream().map(ScriptedFault::describe), chaosEntry)
        .collect(Collectors.joining(","));
  }

  private static ScriptedFault parseFault(String entry) {
    int at = entry.indexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException("expected action@trigger, such as 408@call:12");
    }
    String action = entry.substring(0, at).trim().toLowerCase(Locale.ROOT);
    String trigger = entry.substring(at + 1).trim();

    if (trigger.startsWith("email:")) {
      String email = trigger.substring("email:".length());
      requireCode(action, "an e-mail fault needs a business code, such as 1610@email:a@b.c");
      return ScriptedFault.itemFailure(email, action);
    }

    String[] numberAndDelay = numberPart(trigger).split(":", 2);
    long number = parseNumber(numberAndDelay[0]);
    Duration delay = numberAndDelay.length > 1 ? parseDuration(numberAndDelay[1]) : null;
    FaultAction faultAction = parseAction(action, delay);
    if (trigger.startsWith("call:")) {
      return ScriptedFault.atCall(number, faultAction);
    }
    String path = trigger.substring("path:".length(), trigger.indexOf('#'));
    return ScriptedFault.atPathCall(path, number, faultAction);
  }

  private static String numberPart(String trigger) {
    if (trigger.startsWith("call:")) {
      return trigger.substring("call:".length());
    }
    if (trigger.startsWith("path:") && trigger.indexOf('#') > 0) {
      return trigger.substring(trigger.indexOf('#') + 1);
    }
    throw new IllegalArgumentException(
        "the trigger must be call:N, path:/ud/name#N or email:address, not '" + trigger + "'");
  }

  private static FaultAction parseAction(String action, Duration delay) {
    if (action.equals("late")) {
      return FaultAction.late(delay == null ? FaultAction.DEFAULT_LATE_DELAY : delay);
    }
    if (delay != null) {
      throw new IllegalArgumentException("only late takes a duration");
    }
    return switch (action) {
      case "drop" -> FaultAction.drop();
      case "empty" -> FaultAction.emptyResponse();
      case "echo" -> FaultAction.echo();
      default -> {
        requireCode(action, "the action must be a status code, drop, empty, late or echo");
        yield FaultAction.answer(action);
      }
    };
  }

  private static ChaosFaults parseChaos(String arguments) {
    String[] parts = arguments.split(":");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("expected chaos:seed:probability[:duration]");
    }
    long seed = Long.parseLong(parts[0].trim());
    double probability = Double.parseDouble(parts[1].trim());
    Duration lateDelay =
        parts.length == 3 ? parseDuration(parts[2]) : FaultAction.DEFAULT_LATE_DELAY;
    return new ChaosFaults(seed, probability, lateDelay);
  }

  private static void requireCode(String action, String message) {
    if (!CODE.matcher(action).matches()) {
      throw new IllegalArgumentException(message);
    }
  }

  private static long parseNumber(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("not a call number: '" + text + "'");
    }
  }

  private static Duration parseDuration(String text) {
    Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a duration is a number with ms or s, such as 3000ms");
    }
    long amount = Long.parseLong(matcher.group(1));
    return matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
  }
}
