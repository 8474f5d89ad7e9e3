package dev.idaas.connector.alimail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTransportTest extends WireTest {

  private static final byte[] BODY = "{\"param\":{}}".getBytes(StandardCharsets.UTF_8);

  private HttpTransport transport(Duration readTimeout) {
    return new HttpTransport(URI.create(alimail.endpoint()), Duration.ofSeconds(2), readTimeout);
  }

  @Test
  void postsJsonToThePathUnderTheEndpoint() throws Exception {
    alimail.answer("/ud/getDepartmentList", "{}");

    Transport.Response response =
        transport(Duration.ofSeconds(5)).post("/ud/getDepartmentList", BODY);

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("\"statusCode\":\"100\"");
    WIRE.verify(
        postRequestedFor(urlEqualTo("/alimailws/ud/getDepartmentList"))
            .withHeader("Content-Type", equalTo("application/json;charset=UTF-8"))
            .withRequestBody(equalToJson("{\"param\":{}}")));
  }

  @Test
  void returnsAnyStatusWithItsHeaders() throws Exception {
    alimail.stub(
        AliMailStub.to("/ud/createAccounts")
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("slow down")));

    Transport.Response response = transport(Duration.ofSeconds(5)).post("/ud/createAccounts", BODY);

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.header("retry-after")).contains("7");
    assertThat(Session.retryAfter(response)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void neverFollowsARedirect() throws Exception {
    alimail.stub(
        AliMailStub.to("/control/wsLogin")
            .willReturn(
                aResponse().withStatus(302).withHeader("Location", "http://127.0.0.1:9/x")));

    assertThat(transport(Duration.ofSeconds(5)).post("/control/wsLogin", BODY).status())
        .isEqualTo(302);
  }

  @Test
  void reportsALateAnswerAsATimeoutThatMayHaveBeenDone() {
    alimail.stub(
        AliMailStub.to("/ud/createAccounts")
            .willReturn(AliMailStub.ok("{}").withFixedDelay(1_500)));

    assertThatThrownBy(() -> transport(Duration.ofMillis(200)).post("/ud/createAccounts", BODY))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(TransportException.Failure.TIMEOUT);
              assertThat(e.mayHaveReachedServer()).isTrue();
            });
  }

  @Test
  void reportsARefusedConnectionAsUnreachableAndNotSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpTransport closed =
        new HttpTransport(
            URI.create("http://127.0.0.1:" + closedPort + "/alimailws"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(() -> closed.post("/control/wsLogin", BODY))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(TransportException.Failure.UNREACHABLE);
              assertThat(e.mayHaveReachedServer()).isFalse();
            });
  }

  @Test
  void reportsAFailedTlsHandshakeAsTls() {
    HttpTransport tls =
        new HttpTransport(
            URI.create("https://127.0.0.1:" + WIRE.getPort() + "/alimailws"),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));

    assertThatThrownBy(() -> tls.post("/control/wsLogin", BODY))
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.failure()).isEqualTo(TransportException.Failure.TLS));
  }

  @Test
  void stopsReadingAHugeBodyJustPastTheLimit() throws Exception {
    byte[] huge = new byte[WireCodec.MAX_ANSWER_BYTES + 500_000];
    java.util.Arrays.fill(huge, (byte) 'x');
    alimail.stub(AliMailStub.to("/ud/getDepartmentList").willReturn(aResponse().withBody(huge)));

    Transport.Response response =
        transport(Duration.ofSeconds(5)).post("/ud/getDepartmentList", BODY);

    assertThat(response.body()).hasSize(WireCodec.MAX_ANSWER_BYTES + 1);
  }
}
