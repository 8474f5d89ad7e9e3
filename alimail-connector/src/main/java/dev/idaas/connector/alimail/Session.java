package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.alimail.WireCodec.Answer;
import dev.idaas.connector.alimail.WireCodec.MalformedAnswerException;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Secret;
import dev.idaas.connector.api.support.Redactor;
import dev.idaas.connector.api.support.RequestBudget;
import dev.idaas.connector.api.support.Retrier;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A signed-in conversation with Alibaba Mail, shared by every worker of a connector.
 *
 * <p>It signs in once and keeps the token. When a call answers {@code 408} (token invalid or
 * expired) it signs in again and repeats that call once. Several workers may meet the expiry at the
 * same moment: each remembers the generation of the token it used, and only the first to ask for a
 * new token signs in; the others take the token it got.
 *
 * <p>Every HTTP request, sign-in and retries included, first takes a slot from the request budget.
 * Throttling and server errors are retried as the retry policy says, except that a create whose
 * answer was lost is never repeated: it fails with {@link AmbiguousWriteException} so the caller
 * can look the object up.
 *
 * <p>A refused sign-in fails with {@link RunStoppedException}; once refused for credentials or
 * permission, later calls of the same run fail at once instead of asking again.
 */
final class Session {

  static final String LOGIN_PATH = "/control/wsLogin";

  private static final System.Logger LOG = System.getLogger(Session.class.getName());
  private static final Set<ErrorKind> LATCHED =
      Set.of(ErrorKind.AUTHENTICATION, ErrorKind.PERMISSION, ErrorKind.INVALID_CONFIGURATION);

  private final AliMailSettings settings;
  private final Transport transport;
  private final RequestBudget budget;
  private final Retrier retrier;
  private final Redactor redactor;
  private final List<Secret> tokens = new CopyOnWriteArrayList<>();
  private final Object signInLock = new Object();
  private volatile Token token;
  private volatile RunStoppedException refusal;

  /** A token and the sign-in that produced it, counting from 1. */
  private record Token(Secret value, long generation) {}

  Session(AliMailSettings settings, Transport transport, RequestBudget budget, Retrier retrier) {
    this.settings = settings;
    this.transport = transport;
    this.budget = budget;
    this.retrier = retrier;
    this.redactor = Redactor.of(settings.accessPassword());
  }

  /** Scrubs the access password and every token from text. */
  Redactor redactor() {
    return redactor;
  }

  /** A scrubber that also knows some secrets of one call, such as initial passwords. */
  Redactor redactorWith(Collection<Secret> extra) {
    List<Secret> all = new ArrayList<>(tokens);
    all.add(settings.accessPassword());
    all.addAll(extra);
    return Redactor.of(all.toArray(Secret[]::new));
  }

  /** Forgets a refused sign-in, so a new run asks again (the allow-list may have changed). */
  void forgetRefusal() {
    refusal = null;
  }

  /**
   * Signs in unless a token is held.
   *
   * @throws RunStoppedException if the sign-in failed
   */
  void signIn() {
    currentToken();
  }

  /** Calls Alibaba Mail and returns the answer's {@code data}; see the class comment. */
  JsonNode call(Call call) {
    return call(call, redactor);
  }

  /** The same, scrubbing server text with {@code scrubber}. */
  JsonNode call(Call call, Redactor scrubber) {
    return retrier.call(call.operation(), () -> callOnce(call, scrubber));
  }

  private JsonNode callOnce(Call call, Redactor scrubber) {
    Token used = currentToken();
    Answer answer = exchange(call, used.value().reveal(), scrubber);

    if (answer.tokenExpired()) {
      LOG.log(Level.DEBUG, "{0}: the access token expired", call.operation());
      Token fresh = renew(used);
      answer = exchange(call, fresh.value().reveal(), scrubber);
      if (answer.tokenExpired()) {
        throw new RunStoppedException(
            AliMailErrors.refused(call.operation(), answer.code(), answer.message(), scrubber));
      }
    }

    if (!answer.ok()) {
      throw AliMailErrors.refused(call.operation(), answer.code(), answer.message(), scrubber);
    }
    return answer.data();
  }

  private Token currentToken() {
    RunStoppedException refused = refusal;
    if (refused != null) {
      throw refused;
    }
    Token current = token;
    if (current != null) {
      return current;
    }
    synchronized (signInLock) {
      if (token == null) {
        signInLocked();
      }
      return token;
    }
  }

  /** A new token, unless another worker already replaced the stale one. */
  private Token renew(Token stale) {
    synchronized (signInLock) {
      Token current = token;
      if (current != null && current.generation() != stale.generation()) {
        return current;
      }
      signInLocked();
      return token;
    }
  }

  private void signInLocked() {
    RunStoppedException refused = refusal;
    if (refused != null) {
      throw refused;
    }
    try {
      JsonNode data = retrier.call("wsLogin", this::signInOnce);
      String value = WireCodec.text(data, "accessToken");
      if (value == null || value.isBlank()) {
        throw AliMailErrors.malformed("wsLogin", 200, "the answer has no data.accessToken");
      }
      Secret secret = Secret.of(value);
      redactor.add(secret);
      tokens.add(secret);
      long generation = token == null ? 1 : token.generation() + 1;
      token = new Token(secret, generation);
      logSignIn(generation);
    } catch (ConnectorException failure) {
      RunStoppedException stop =
          failure instanceof RunStoppedException stopped
              ? stopped
              : new RunStoppedException(failure);
      if (LATCHED.contains(stop.kind())) {
        refusal = stop;
      }
      throw stop;
    }
  }

  private JsonNode signInOnce() {
    ObjectNode param = WireCodec.param();
    param.put("accessCode", settings.accessCode());
    param.put("accessPassword", settings.accessPassword().reveal());
    Answer answer = exchange(Call.read(LOGIN_PATH, "", param), "", redactor);
    if (!answer.ok()) {
      throw AliMailErrors.refused("wsLogin", answer.code(), answer.message(), redactor);
    }
    return answer.data();
  }

  private void logSignIn(long generation) {
    if (generation == 1) {
      LOG.log(
          Level.INFO,
          "Signed in to {0} at {1} for {2}",
          AliMailErrors.SYSTEM,
          settings.endpoint(),
          settings.domain());
    } else {
      LOG.log(
          Level.INFO,
          "The {0} access token expired; signed in again (sign-in {1} of this connector)",
          AliMailErrors.SYSTEM,
          generation);
    }
  }

  /** One HTTP exchange: a budget slot, the request, and the answer read or mapped to a failure. */
  private Answer exchange(Call call, String accessToken, Redactor scrubber) {
    byte[] body = WireCodec.request(accessToken, call.accessTarget(), call.param());
    takeSlot();

    long started = System.nanoTime();
    Transport.Response response;
    try {
      response = transport.post(call.path(), body);
    } catch (TransportException e) {
      LOG.log(
          Level.DEBUG,
          "{0} → no answer ({1}) after {2} ms",
          call.operation(),
          e.failure(),
          millisSince(started));
      ConnectorException mapped = AliMailErrors.transport(call.operation(), settings, e);
      throw isCreate(call) && e.mayHaveReachedServer()
          ? new AmbiguousWriteException(mapped)
          : mapped;
    }
    return read(call, response, scrubber, started);
  }

  private Answer read(Call call, Transport.Response response, Redactor scrubber, long started) {
    int status = response.status();
    Duration retryAfter = retryAfter(response);
    Answer answer;
    try {
      answer = WireCodec.answer(response.body());
    } catch (MalformedAnswerException e) {
      LOG.log(
          Level.DEBUG,
          "{0} → HTTP {1}, unreadable answer ({2} ms)",
          call.operation(),
          status,
          millisSince(started));
      throw unreadable(call, response, retryAfter, e.getMessage(), scrubber);
    }
    LOG.log(
        Level.DEBUG,
        "{0} → HTTP {1}, status {2} ({3} ms)",
        call.operation(),
        status,
        answer.code(),
        millisSince(started));

    if (status == 429 || "429".equals(answer.code())) {
      throw throttled(call, retryAfter);
    }
    if (status >= 500 || status >= 300 && answer.ok()) {
      throw unreadable(call, response, retryAfter, "HTTP " + status, scrubber);
    }
    return answer;
  }

  private ConnectorException unreadable(
      Call call,
      Transport.Response response,
      Duration retryAfter,
      String reason,
      Redactor scrubber) {
    int status = response.status();
    if (status == 429) {
      return throttled(call, retryAfter);
    }
    ConnectorException failure =
        status >= 200 && status < 300
            ? AliMailErrors.malformed(call.operation(), status, reason)
            : AliMailErrors.http(
                call.operation(),
                settings.endpoint(),
                call.path(),
                status,
                retryAfter,
                bodyStart(response.body(), scrubber));
    boolean serverMayHaveDoneIt = status >= 500 || status >= 200 && status < 300;
    return isCreate(call) && serverMayHaveDoneIt ? new AmbiguousWriteException(failure) : failure;
  }

  private ConnectorException throttled(Call call, Duration retryAfter) {
    if (retryAfter != null) {
      // Every worker waits, not only this one: the server asked the whole client to slow down.
      budget.backOff(retryAfter);
    }
    return AliMailErrors.http(
        call.operation(), settings.endpoint(), call.path(), 429, retryAfter, "");
  }

  private void takeSlot() {
    try {
      budget.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ErrorKind.CANCELLED, "Interrupted while pacing calls.", e);
    }
  }

  private static boolean isCreate(Call call) {
    return call.kind() == Call.Kind.CREATE;
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Transport.Response response) {
    String value = response.header("Retry-After").map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(value);
      return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until =
            Duration.between(
                ZonedDateTime.now(),
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static String bodyStart(byte[] body, Redactor scrubber) {
    int length = Math.min(body.length, 200);
    return scrubber.scrub(new String(body, 0, length, StandardCharsets.UTF_8).strip());
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
