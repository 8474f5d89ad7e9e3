package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles one WebService call from end to end: counts it, fires a fault if one is due, charges the
 * request budget, checks the session, and hands the call to the {@link WebService}.
 *
 * <p>The order matters and is part of the simulator's contract: a fault that answers instead of the
 * service (every kind but late) neither charges the budget nor applies the call; a late fault goes
 * through everything, then waits.
 */
final class CallHandler {

  static final String LOGIN_PATH = "/control/wsLogin";

  private static final System.Logger LOG = System.getLogger(CallHandler.class.getName());

  private final Credentials credentials;
  private final TokenStore tokens;
  private final TokenBucket budget;
  private final FaultPlan faults;
  private final CallCounter counter;
  private final WebService service;
  private final Duration latency;
  private final List<RecordedExchange> recorded;

  /**
   * @param recordExchanges whether to keep every request and answer, for {@link #recorded()}
   */
  CallHandler(
      Credentials credentials,
      TokenStore tokens,
      TokenBucket budget,
      FaultPlan faults,
      CallCounter counter,
      WebService service,
      Duration latency,
      boolean recordExchanges) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.budget = budget;
    this.faults = faults;
    this.counter = counter;
    this.service = service;
    this.latency = latency;
    this.recorded = recordExchanges ? new ArrayList<>() : null;
  }

  /**
   * Answers one call.
   *
   * @param path the path below the endpoint, such as {@code /ud/createAccounts}
   * @param body the request body as received
   */
  Answer handle(String path, byte[] body) {
    CallCounter.CallNumber number = counter.next(path);
    Optional<FaultAction> fault = faults.forCall(number, path);
    if (fault.isPresent() && !fault.get().appliesCall()) {
      LOG.log(
          Level.DEBUG, "call {0} to {1}: fault {2}", number.global(), path, fault.get().describe());
      return faultAnswer(fault.get(), body).delayedBy(latency);
    }

    Answer answer = serve(path, body);
    record(path, body, answer);

    Duration lateBy = fault.map(FaultAction::delay).orElse(Duration.ZERO);
    LOG.log(Level.DEBUG, "call {0} to {1}: HTTP {2}", number.global(), path, answer.httpStatus());
    return answer.delayedBy(latency.plus(lateBy));
  }

  /** The exchanges kept so far, in the order they were answered; empty unless recording. */
  List<RecordedExchange> recorded() {
    if (recorded == null) {
      return List.of();
    }
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  private void record(String path, byte[] body, Answer answer) {
    if (recorded == null) {
      return;
    }
    RecordedExchange exchange =
        new RecordedExchange(path, body, answer.httpStatus(), answer.body());
    synchronized (recorded) {
      recorded.add(exchange);
    }
  }

  private Answer serve(String path, byte[] body) {
    if (!budget.tryTake()) {
      counter.countThrottled();
      return Answer.throttled();
    }
    if (!path.equals(LOGIN_PATH) && !WebService.PATHS.contains(path)) {
      return Answer.text(404, "text/plain", "no such WebService method: " + path);
    }
    try {
      JsonNode request = parse(body);
      JsonNode param = request.path("param").isObject() ? request.get("param") : emptyObject();
      if (path.equals(LOGIN_PATH)) {
        return login(param);
      }
      if (!tokens.isValid(WebService.text(request.path("access"), "accessToken"))) {
        return Answer.refused(new ServiceError(ServiceError.TOKEN_INVALID, null));
      }
      String target = WebService.text(request.path("access"), "accessTarget");
      return Answer.ok(faults.rewrite(path, service.call(path, target, param)));
    } catch (ServiceError refusal) {
      return Answer.refused(refusal);
    }
  }

  private Answer login(JsonNode param) {
    boolean accepted =
        credentials.accept(
            WebService.text(param, "accessCode"), WebService.text(param, "accessPassword"));
    if (!accepted) {
      return Answer.refused(new ServiceError(ServiceError.LOGIN_REFUSED, null));
    }
    counter.countLogin();
    return Answer.ok(JsonNodeFactory.instance.objectNode().put("accessToken", tokens.issue()));
  }

  private Answer faultAnswer(FaultAction fault, byte[] body) {
    return switch (fault.kind()) {
      case STATUS_CODE -> Answer.refused(new ServiceError(fault.code(), "injected fault"));
      case ECHO ->
          Answer.refused(
              new ServiceError(
                  ServiceError.INVALID_ACCOUNT_DATA,
                  "cannot process " + new String(body, StandardCharsets.UTF_8)));
      case THROTTLE -> {
        counter.countThrottled();
        yield Answer.throttled();
      }
      case SERVER_ERROR -> Answer.serverError();
      case DROP, EMPTY_RESPONSE -> Answer.broken(fault.kind());
      case LATE -> throw new IllegalArgumentException("a late fault answers normally");
    };
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode request = Answer.JSON.readTree(body);
      if (request == null || !request.isObject()) {
        throw new ServiceError(ServiceError.INVALID_ACCOUNT_DATA, "the body is not a JSON object");
      }
      return request;
    } catch (IOException notJson) {
      throw new ServiceError(ServiceError.INVALID_ACCOUNT_DATA, "the body is not JSON");
    }
  }

  private static JsonNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The access code and password the simulated service accepts. */
  record Credentials(String accessCode, String accessPassword) {
    boolean accept(String code, String password) {
      return accessCode.equals(code) && accessPassword.equals(password);
    }

    @Override
    public String toString() {
      return "Credentials[accessCode=" + accessCode + ", accessPassword=******]";
    }
  }
}
