package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.FakeTransport.fail;
import static dev.idaas.connector.alimail.FakeTransport.http;
import static dev.idaas.connector.alimail.FakeTransport.ok;
import static dev.idaas.connector.alimail.FakeTransport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.support.RequestBudget;
import dev.idaas.connector.api.support.Retrier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionTest {

  private static final String LIST = "/ud/getDepartmentList";
  private static final String CREATE = "/ud/createDepartment";

  private final FakeTransport transport = new FakeTransport();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final VirtualTicker ticker = new VirtualTicker();
  private final AliMailSettings settings =
      AliMailSettings.from(Fixtures.config("https://mail.example/alimailws"));

  private Session session(int requestsPerSecond) {
    return new Session(
        settings,
        transport,
        RequestBudget.perSecond(requestsPerSecond, ticker),
        new Retrier(Environment.RETRY_POLICY, sleeper));
  }

  private static FakeTransport.Reply token(String value) {
    return ok("{\"accessToken\":\"" + value + "\"}");
  }

  private static Call list() {
    return Call.read(LIST, "acme.example", WireCodec.param());
  }

  @Test
  void signsInOnceAndSendsTheTokenWithEveryCall() {
    transport.on(Session.LOGIN_PATH, token("t-1")).always(LIST, ok("{\"dataList\":[]}"));
    Session session = session(10);

    session.call(list());
    session.call(list());

    assertThat(transport.sent())
        .extracting(FakeTransport.Sent::path)
        .containsExactly(Session.LOGIN_PATH, LIST, LIST);
    assertThat(transport.sent().get(0).body().toString())
        .isEqualTo(
            "{\"access\":{\"accessToken\":\"\",\"accessTarget\":\"\"},\"param\":{\"accessCode\":"
                + "\"sim-access-code\",\"accessPassword\":\"sim-access-password\"}}");
    assertThat(transport.sent().subList(1, 3))
        .extracting(FakeTransport.Sent::token)
        .containsExactly("t-1", "t-1");
  }

  @Test
  void signsInAgainOnceWhenTheTokenExpiresAndRepeatsTheCall() {
    transport
        .on(Session.LOGIN_PATH, token("t-1"), token("t-2"))
        .on(LIST, status("408", "token expired"), ok("{\"dataList\":[]}"));
    Session session = session(10);

    JsonNode data = session.call(list());

    assertThat(data.path("dataList").isArray()).isTrue();
    assertThat(transport.sent())
        .extracting(FakeTransport.Sent::path)
        .containsExactly(Session.LOGIN_PATH, LIST, Session.LOGIN_PATH, LIST);
    assertThat(transport.sent().get(3).token()).isEqualTo("t-2");
  }

  /** Guards against every worker signing in at once when a token expires mid-run. */
  @Test
  void signsInOnlyOnceWhenManyCallsMeetTheExpiryTogether() throws Exception {
    int workers = 8;
    CountDownLatch allSentWithTheOldToken = new CountDownLatch(workers);
    AtomicInteger signIns = new AtomicInteger();
    transport
        .always(
            Session.LOGIN_PATH, request -> token("t-" + signIns.incrementAndGet()).answer(request))
        .always(
            LIST,
            request -> {
              if (request.path("access").path("accessToken").asText().equals("t-1")) {
                allSentWithTheOldToken.countDown();
                awaitQuietly(allSentWithTheOldToken);
                return status("408", "expired").answer(request);
              }
              return ok("{\"dataList\":[]}").answer(request);
            });
    Session session = session(40);
    session.signIn();

    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<JsonNode>> calls = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      calls.add(pool.submit(() -> session.call(list())));
    }
    for (Future<JsonNode> call : calls) {
      call.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(transport.count(Session.LOGIN_PATH)).isEqualTo(2);
    assertThat(transport.count(LIST)).isEqualTo(2L * workers);
  }

  @Test
  void stopsWithOneRunLevelErrorWhenTheSignInIsRefused() {
    transport.on(Session.LOGIN_PATH, status("1101", "ACCESS_DENIED"));
    Session session = session(10);

    assertThatThrownBy(() -> session.call(list()))
        .isInstanceOfSatisfying(
            RunStoppedException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Alibaba Mail refused wsLogin (code 1101: ACCESS_DENIED). The access code or"
                          + " access password is wrong: check accessCode and accessPassword, which"
                          + " Alibaba Mail support issues.");
            });
    assertThatThrownBy(() -> session.call(list())).isInstanceOf(RunStoppedException.class);
    assertThat(transport.count(Session.LOGIN_PATH)).as("asks once per run").isEqualTo(1);
  }

  @Test
  void asksAgainInANewRunAfterARefusal() {
    transport.on(Session.LOGIN_PATH, status("1102", "IP"), token("t-1")).on(LIST, ok("{}"));
    Session session = session(10);
    assertThatThrownBy(session::signIn).isInstanceOf(RunStoppedException.class);

    session.forgetRefusal();
    session.call(list());

    assertThat(transport.count(Session.LOGIN_PATH)).isEqualTo(2);
  }

  @Test
  void honoursRetryAfterWhenThrottledAndHoldsEveryCallerBack() {
    transport
        .on(Session.LOGIN_PATH, token("t-1"))
        .on(
            LIST,
            http(429, "{\"status\":{\"statusCode\":\"429\"}}", "Retry-After", "3"),
            ok("{\"dataList\":[]}"));
    Session session = session(10);

    session.call(list());

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(transport.count(LIST)).isEqualTo(2);
    assertThat(ticker.sleptNanos())
        .as("the budget also held back for the pause")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
  }

  @Test
  void retriesAReadAfterAServerError() {
    transport
        .on(Session.LOGIN_PATH, token("t-1"))
        .on(LIST, http(502, "<html>Bad Gateway</html>"), ok("{\"dataList\":[]}"));
    Session session = session(10);

    session.call(list());

    assertThat(transport.count(LIST)).isEqualTo(2);
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void neverRepeatsACreateWhoseAnswerWasLost() {
    transport
        .on(Session.LOGIN_PATH, token("t-1"))
        .on(CREATE, fail(TransportException.Failure.TIMEOUT));
    Session session = session(10);

    assertThatThrownBy(() -> session.call(Call.create(CREATE, "acme.example", WireCodec.param())))
        .isInstanceOfSatisfying(
            AmbiguousWriteException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Alibaba Mail did not answer createDepartment within readTimeout (30 s)."
                          + " Whether it was done is unknown; it is looked up before any retry.");
            });
    assertThat(transport.count(CREATE)).isEqualTo(1);
  }

  @Test
  void treatsAServerErrorOnACreateAsLost() {
    transport.on(Session.LOGIN_PATH, token("t-1")).on(CREATE, http(500, "oops"));
    Session session = session(10);

    assertThatThrownBy(() -> session.call(Call.create(CREATE, "acme.example", WireCodec.param())))
        .isInstanceOf(AmbiguousWriteException.class);
    assertThat(transport.count(CREATE)).isEqualTo(1);
  }

  @Test
  void repeatsACreateThatWasRefusedBeforeItWasSent() {
    transport
        .on(Session.LOGIN_PATH, token("t-1"))
        .on(
            CREATE,
            fail(TransportException.Failure.UNREACHABLE),
            http(429, "{}", "Retry-After", "1"),
            ok("{\"departmentId\":\"d-1\"}"));
    Session session = session(10);

    JsonNode data = session.call(Call.create(CREATE, "acme.example", WireCodec.param()));

    assertThat(data.path("departmentId").asText()).isEqualTo("d-1");
    assertThat(transport.count(CREATE)).isEqualTo(3);
  }

  @Test
  void givesUpOnAnUnreachableSignInWithARunLevelError() {
    transport.always(Session.LOGIN_PATH, fail(TransportException.Failure.UNREACHABLE));
    Session session = session(10);

    assertThatThrownBy(session::signIn)
        .isInstanceOfSatisfying(
            RunStoppedException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.getMessage())
                  .startsWith("Cannot reach Alibaba Mail at mail.example for wsLogin");
            });
    assertThat(transport.count(Session.LOGIN_PATH))
        .isEqualTo(Environment.RETRY_POLICY.maxAttempts());
  }

  @Test
  void pacesEveryCallTheSignInIncluded() {
    transport.on(Session.LOGIN_PATH, token("t-1")).always(LIST, ok("{}"));
    Session session = session(10);

    session.call(list());
    session.call(list());
    session.call(list());

    assertThat(ticker.sleptNanos())
        .as("four calls at ten a second wait three intervals")
        .isEqualTo(3 * 100_000_000L);
  }

  @Test
  void refusesAnAnswerThatIsNotJsonWithAClearMessage() {
    transport.on(Session.LOGIN_PATH, token("t-1")).always(LIST, http(200, "<html>portal</html>"));
    Session session = session(10);

    assertThatThrownBy(() -> session.call(list()))
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Alibaba Mail answered getDepartmentList with something that is not a"
                            + " WebService answer (HTTP 200: the answer is not JSON); a proxy or"
                            + " gateway may be in the way."));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
