package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request budget, latency and every kind of fault, shown over HTTP. */
class AliMailSimulatorFaultsTest {

  private final ManualClock clock = new ManualClock();
  private final List<AliMailSimulator> started = new ArrayList<>();

  @AfterEach
  void stopSimulators() {
    started.forEach(AliMailSimulator::stop);
  }

  // ---- request budget ----

  @Test
  void callsOverTheBudgetGet429WithRetryAfterAndAreNotApplied() {
    AliMailSimulator simulator = start(AliMailSimulator.builder().clock(clock).requestBudget(5));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();
    String root = simulator.rootDepartmentId();
    for (int i = 0; i < 4; i++) {
      assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("100");
    }

    List<WebServiceClient.Reply> over = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      over.add(client.call("/ud/createDepartment", Map.of("parentId", root, "name", "D" + i)));
    }

    assertThat(over).extracting(WebServiceClient.Reply::httpStatus).containsOnly(429);
    assertThat(over).extracting(WebServiceClient.Reply::code).containsOnly("429");
    assertThat(over.get(0).headers().get("Retry-After")).containsExactly("1");
    assertThat(simulator.throttledCalls()).isEqualTo(3);
    assertThat(simulator.departments()).hasSize(1);
    assertThat(simulator.calls().total()).isEqualTo(8);

    clock.advance(Duration.ofMillis(400));
    assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("100");
    assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("100");
    assertThat(client.call("/ud/getDomainInfo", Map.of()).httpStatus()).isEqualTo(429);
    assertThat(simulator.throttledCalls()).isEqualTo(4);
  }

  @Test
  void latencyDelaysEveryAnswerPastAShortClientTimeout() {
    AliMailSimulator simulator = start(AliMailSimulator.builder().latency(Duration.ofMillis(400)));
    WebServiceClient impatient =
        new WebServiceClient(simulator).withTimeout(Duration.ofMillis(100));

    assertThatThrownBy(() -> impatient.sendOrThrow("/control/wsLogin", "", "", Map.of()))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(new WebServiceClient(simulator).inspect("/calls")).contains("\"total\":1");
  }

  // ---- scripted faults ----

  @Test
  void aScriptedStatusCodeAnswersInsteadOfTheCall() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("408@call:2")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();
    String root = simulator.rootDepartmentId();

    WebServiceClient.Reply faulted =
        client.call("/ud/createDepartment", Map.of("parentId", root, "name", "Sales"));
    WebServiceClient.Reply next =
        client.call("/ud/createDepartment", Map.of("parentId", root, "name", "Sales"));

    assertThat(faulted.httpStatus()).isEqualTo(200);
    assertThat(faulted.code()).isEqualTo("408");
    assertThat(next.code()).isEqualTo("100");
    assertThat(simulator.departments())
        .extracting(DepartmentSnapshot::name)
        .containsExactlyInAnyOrder("acme.example", "Sales");
    assertThat(simulator.firedFaults())
        .containsExactly(new FiredFault(2, "/ud/createDepartment", "408"));
  }

  @Test
  void aScriptedServerErrorOnTheNthCallOfAPathIsHttp500WithoutJson() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("500@path:/ud/createAccounts#2")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    WebServiceClient.Reply first = createAccount(client, "u1@acme.example");
    WebServiceClient.Reply second = createAccount(client, "u2@acme.example");
    WebServiceClient.Reply third = createAccount(client, "u3@acme.example");

    assertThat(first.successes()).containsExactly("u1@acme.example");
    assertThat(second.httpStatus()).isEqualTo(500);
    assertThat(second.body())
        .isEqualTo("<html><body><h1>500 Internal Server Error</h1></body></html>");
    assertThat(third.successes()).containsExactly("u3@acme.example");
    assertThat(simulator.accounts())
        .extracting(AccountSnapshot::email)
        .containsExactly("postmaster@acme.example", "u1@acme.example", "u3@acme.example");
  }

  @Test
  void aScriptedThrottleIsHttp429AndCountsAsThrottled() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("429@call:2")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    WebServiceClient.Reply reply = client.call("/ud/getDomainInfo", Map.of());

    assertThat(reply.httpStatus()).isEqualTo(429);
    assertThat(reply.code()).isEqualTo("429");
    assertThat(reply.headers().get("Retry-After")).containsExactly("1");
    assertThat(simulator.throttledCalls()).isEqualTo(1);
  }

  @Test
  void anEchoRefusesTheCallQuotingTheWholeRequest() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("echo@path:/ud/createAccounts#1")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    WebServiceClient.Reply reply = createAccount(client, "u1@acme.example");

    assertThat(reply.httpStatus()).isEqualTo(200);
    assertThat(reply.code()).isEqualTo("1603");
    assertThat(reply.message())
        .startsWith(
            "APP_UD_ACCOUNT_INVALID: cannot process {\"access\":{\"accessToken\":\"sim-access-code")
        .contains("\"email\":\"u1@acme.example\"");
    assertThat(simulator.accounts()).hasSize(1);
    assertThat(simulator.firedFaults())
        .containsExactly(new FiredFault(2, "/ud/createAccounts", "echo"));
  }

  @Test
  void aRewriteChangesTheDataOfSuccessfulAnswersOnOnePathUntilFaultsAreCleared() {
    AliMailSimulator simulator = start(AliMailSimulator.builder());
    simulator.rewriteAnswers("/ud/getDomainInfo", data -> data.put("rootDepartmentId", 42));
    simulator.rewriteAnswers("/ud/getDomainInfo", data -> data.put("extra", "yes"));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    WebServiceClient.Reply rewritten = client.call("/ud/getDomainInfo", Map.of());
    simulator.clearFaults();
    WebServiceClient.Reply plain = client.call("/ud/getDomainInfo", Map.of());

    assertThat(rewritten.body()).contains("\"data\":{\"rootDepartmentId\":42,\"extra\":\"yes\"}");
    assertThat(plain.body())
        .contains("\"data\":{\"rootDepartmentId\":\"" + simulator.rootDepartmentId() + "\"}");
  }

  @Test
  void aDroppedConnectionLeavesTheStateUnchanged() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("drop@call:2, empty@call:3")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    assertThatThrownBy(() -> createAccountOrThrow(client, "u1@acme.example"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> createAccountOrThrow(client, "u1@acme.example"))
        .isInstanceOf(IOException.class);

    assertThat(simulator.account("u1@acme.example")).isEmpty();
    assertThat(createAccount(client, "u1@acme.example").successes())
        .containsExactly("u1@acme.example");
    assertThat(simulator.calls("/ud/createAccounts")).isEqualTo(3);
  }

  @Test
  void aLateAnswerTimesTheClientOutAfterTheChangeWasMade() {
    AliMailSimulator simulator =
        start(
            AliMailSimulator.builder()
                .faults(FaultSpec.parse("late@path:/ud/createDepartment#1:900ms")));
    WebServiceClient client = new WebServiceClient(simulator).withTimeout(Duration.ofMillis(200));
    client.login();
    String root = simulator.rootDepartmentId();

    assertThatThrownBy(
            () ->
                client.callOrThrow(
                    "/ud/createDepartment", Map.of("parentId", root, "name", "Sales")))
        .isInstanceOf(HttpTimeoutException.class);

    assertThat(simulator.findDepartment(root, "Sales")).isPresent();
    assertThat(client.inspect("/state")).contains("\"name\":\"Sales\"");
    assertThat(simulator.firedFaults())
        .containsExactly(new FiredFault(2, "/ud/createDepartment", "late:900ms"));
  }

  @Test
  void aPartialBatchFailureRefusesOnlyTheGivenEmail() {
    AliMailSimulator simulator =
        start(
            AliMailSimulator.builder()
                .faults(
                    FaultSpec.parse("1603@email:U47@acme.example,1610@email:u43@acme.example")));
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    WebServiceClient.Reply reply =
        client.call(
            "/ud/createAccounts",
            Map.of(
                "accounts",
                List.of(
                    account("u43@acme.example"),
                    account("u45@acme.example"),
                    account("u47@acme.example"))));

    assertThat(reply.code()).isEqualTo("100");
    assertThat(reply.successes()).containsExactly("u45@acme.example");
    assertThat(reply.failures()).containsExactly("u43@acme.example=1610", "u47@acme.example=1603");
    assertThat(reply.data().get("fail").get(1).get("errorMsg").asText())
        .isEqualTo("APP_UD_ACCOUNT_INVALID");

    simulator.clearFaults();
    assertThat(createAccount(client, "u47@acme.example").successes())
        .containsExactly("u47@acme.example");
  }

  @Test
  void faultsInjectedAtRunTimeCountFromTheCallsAlreadyMade() {
    AliMailSimulator simulator = start(AliMailSimulator.builder());
    WebServiceClient client = new WebServiceClient(simulator);
    client.login();

    simulator.inject(ScriptedFault.atCall(3, FaultAction.expiredToken()));

    assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("100");
    assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("408");
    assertThat(client.call("/ud/getDomainInfo", Map.of()).code()).isEqualTo("100");
  }

  @Test
  void faultsNeverHitTheInspectionDocuments() {
    AliMailSimulator simulator =
        start(AliMailSimulator.builder().faults(FaultSpec.parse("500@call:1")));
    WebServiceClient client = new WebServiceClient(simulator);

    String calls = client.inspect("/calls");
    WebServiceClient.Reply firstCall = client.login("sim-access-code", "sim-access-password");

    assertThat(calls).isEqualTo("{\"total\":0,\"byPath\":{}}");
    assertThat(firstCall.httpStatus()).isEqualTo(500);
  }

  // ---- chaos ----

  @Test
  void chaosGivesTheSameFaultsForTheSameSeedAndCalls() {
    List<String> first = runChaos(42);
    List<String> second = runChaos(42);
    List<String> otherSeed = runChaos(43);

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(otherSeed);
    assertThat(first).filteredOn(outcome -> !outcome.endsWith("=100")).isNotEmpty();
  }

  @Test
  void chaosPicksAmongEveryKindOfFault() {
    AliMailSimulator simulator =
        start(
            AliMailSimulator.builder()
                .faults(FaultSpec.parse("chaos:7:1.0:1ms"))
                .containerThreads(16));
    WebServiceClient client = new WebServiceClient(simulator);
    for (int i = 0; i < 40; i++) {
      try {
        client.sendOrThrow("/ud/getDomainInfo", "", "acme.example", Map.of());
      } catch (IOException dropped) {
        // Expected for the dropped-connection fault.
      }
    }

    assertThat(simulator.firedFaults())
        .extracting(FiredFault::action)
        .containsOnly("408", "429", "500", "drop", "late:1ms")
        .contains("408", "429", "500", "drop", "late:1ms");
  }

  // ---- helpers ----

  private AliMailSimulator start(AliMailSimulator.Builder builder) {
    AliMailSimulator simulator = builder.start();
    started.add(simulator);
    return simulator;
  }

  /** Logs in once and makes 30 calls, noting each outcome, without reacting to any fault. */
  private List<String> runChaos(long seed) {
    AliMailSimulator simulator =
        start(
            AliMailSimulator.builder()
                .faults(
                    FaultSpec.NONE.withChaos(new ChaosFaults(seed, 0.3, Duration.ofMillis(1)))));
    WebServiceClient client = new WebServiceClient(simulator);
    String token = "";
    List<String> outcomes = new ArrayList<>();
    for (int call = 1; call <= 30; call++) {
      String path = call == 1 ? "/control/wsLogin" : "/ud/getDomainInfo";
      Map<String, String> param =
          call == 1
              ? Map.of("accessCode", "sim-access-code", "accessPassword", "sim-access-password")
              : Map.of();
      try {
        WebServiceClient.Reply reply =
            client.sendOrThrow(path, token, call == 1 ? "" : "acme.example", param);
        String code = reply.httpStatus() == 500 ? "http500" : reply.code();
        if (call == 1 && code.equals("100")) {
          token = reply.data().get("accessToken").asText();
        }
        outcomes.add(call + "=" + code);
      } catch (IOException dropped) {
        outcomes.add(call + "=dropped");
      }
    }
    outcomes.addAll(simulator.firedFaults().stream().map(FiredFault::toString).toList());
    return outcomes;
  }

  private static WebServiceClient.Reply createAccount(WebServiceClient client, String email) {
    return client.call("/ud/createAccounts", Map.of("accounts", List.of(account(email))));
  }

  private static void createAccountOrThrow(WebServiceClient client, String email)
      throws IOException {
    client.callOrThrow("/ud/createAccounts", Map.of("accounts", List.of(account(email))));
  }

  private static Map<String, String> account(String email) {
    return Map.of("email", email, "name", email, "passwd", "Initial-Pass1");
  }
}
