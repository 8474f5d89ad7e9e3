package dev.idaas.connector.alimail.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A proxy in front of the AliMail simulator that answers some calls as a broken network or a
 * hostile gateway would: bodies that are not JSON, HTML pages with HTTP 200, answers too large to
 * read. Everything else goes through to the simulator, whose state stays the truth.
 */
final class HostileProxy implements AutoCloseable {

  private static final String REPLACE = "replace-answer";

  private final WireMockServer server;
  private final String target;
  private final Map<String, Replacement> replacements = new ConcurrentHashMap<>();
  private int scenarios;

  HostileProxy(AliMailSimulator simulator) {
    target = "http://127.0.0.1:" + simulator.port();
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .disableRequestJournal()
                .notifier(new ConsoleNotifier(false))
                .extensions(new ReplaceAnswer()));
    server.start();
    server.stubFor(
        post(urlPathMatching("/alimailws/.*"))
            .atPriority(10)
            .willReturn(aResponse().proxiedFrom(target)));
  }

  /** The endpoint the connector is given instead of the simulator's. */
  String endpoint() {
    return "http://127.0.0.1:" + server.port() + "/alimailws";
  }

  /**
   * The next {@code times} calls of {@code path} get {@code answer}; the simulator never sees them.
   */
  void answerInstead(String path, int times, ResponseDefinitionBuilder answer) {
    stubTimes(path, times, answer);
  }

  /**
   * The next {@code times} calls of {@code path} reach the simulator and are applied, and their
   * answer is then replaced by {@code body} with HTTP 200.
   */
  void replaceAnswerAfterApplying(String path, int times, String contentType, byte[] body) {
    replacements.put(path, new Replacement(contentType, body));
    stubTimes(path, times, aResponse().proxiedFrom(target).withTransformers(REPLACE));
  }

  /** Answers every call with {@code answer}, for good. */
  void answerEverything(ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlPathMatching("/alimailws/.*")).atPriority(1).willReturn(answer));
  }

  private void stubTimes(String path, int times, ResponseDefinitionBuilder answer) {
    String scenario = "hostile-" + scenarios++;
    for (int i = 0; i < times; i++) {
      server.stubFor(
          post(urlPathEqualTo("/alimailws" + path))
              .atPriority(1)
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "after-" + i)
              .willSetStateTo("after-" + (i + 1))
              .willReturn(answer));
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  private record Replacement(String contentType, byte[] body) {}

  /** Replaces the body of a proxied answer once the simulator has applied the call. */
  private final class ReplaceAnswer implements ResponseTransformerV2 {

    @Override
    public String getName() {
      return REPLACE;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
      String path = serveEvent.getRequest().getUrl().substring("/alimailws".length());
      Replacement replacement = replacements.get(path);
      return Response.Builder.like(response)
          .but()
          .status(200)
          .headers(new HttpHeaders(new HttpHeader("Content-Type", replacement.contentType())))
          .body(replacement.body())
          .build();
    }
  }
}
