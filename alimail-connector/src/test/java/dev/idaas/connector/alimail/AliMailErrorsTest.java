package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Secret;
import dev.idaas.connector.api.support.Redactor;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliMailErrorsTest {

  private final Redactor redactor = Redactor.of(Secret.of("s3cret-pass"));
  private final AliMailSettings settings =
      AliMailSettings.from(Fixtures.config("https://mail.example:8443/alimailws"));

  @ParameterizedTest
  @CsvSource({
    "408, AUTHENTICATION",
    "1101, AUTHENTICATION",
    "1102, PERMISSION",
    "1103, INVALID_CONFIGURATION",
    "1601, CONFLICT",
    "1602, NOT_FOUND",
    "1603, INVALID_DATA",
    "1610, QUOTA",
    "2961, INVALID_DATA",
    "2962, NOT_FOUND",
    "2963, CONFLICT",
    "2964, CONFLICT",
    "2965, CONFLICT",
    "429, RATE_LIMITED",
    "7777, INVALID_DATA"
  })
  void mapsEachCodeToItsKind(String code, ErrorKind kind) {
    ConnectorException error = AliMailErrors.refused("createAccounts", code, "x", redactor);

    assertThat(error.kind()).isEqualTo(kind);
    assertThat(error.targetCode()).contains(code);
  }

  @Test
  void namesTheSystemOperationCodeAndWhatToDo() {
    ConnectorException error =
        AliMailErrors.refused("wsLogin", "1102", "IP_NOT_ALLOWED 203.0.113.9", redactor);

    assertThat(error.getMessage())
        .isEqualTo(
            "Alibaba Mail refused wsLogin (code 1102: IP_NOT_ALLOWED 203.0.113.9). This machine's"
                + " outgoing (egress) IP address is not on the allow-list of these credentials:"
                + " ask Alibaba Mail support to allow it, or call from an allowed address.");
  }

  @Test
  void namesAnUnknownCode() {
    ConnectorException error = AliMailErrors.refused("removeDepartment", "7777", null, redactor);

    assertThat(error.getMessage())
        .isEqualTo(
            "Alibaba Mail refused removeDepartment (code 7777). This connector does not know code"
                + " 7777; see the Alibaba Mail documentation or ask its support.");
  }

  @Test
  void scrubsSecretsFromWhatTheServerEchoed() {
    ConnectorException error =
        AliMailErrors.itemRefused(
            "createAccounts",
            "li.na@acme.example",
            "1603",
            "bad request {\"passwd\":\"Xy7!pq\",\"accessPassword\":\"s3cret-pass\"}",
            redactor);

    assertThat(error.getMessage())
        .doesNotContain("Xy7!pq")
        .doesNotContain("s3cret-pass")
        .startsWith("Alibaba Mail refused createAccounts for li.na@acme.example (code 1603: bad");
  }

  @Test
  void treatsThrottlingAsRateLimitedWithTheWaitAskedFor() {
    ConnectorException error =
        AliMailErrors.http(
            "createAccounts",
            settings.endpoint(),
            "/ud/createAccounts",
            429,
            Duration.ofSeconds(3),
            "");

    assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(error.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(error.getMessage())
        .isEqualTo(
            "Alibaba Mail throttled createAccounts (HTTP 429). Alibaba Mail asked to slow down;"
                + " lower requestsPerSecond if this keeps happening.");
  }

  @Test
  void treatsServerErrorsAsUnavailableAndAMissingPathAsConfiguration() {
    URI endpoint = settings.endpoint();

    assertThat(AliMailErrors.http("getDepartmentList", endpoint, "/ud/x", 503, null, "busy").kind())
        .isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(AliMailErrors.http("getDepartmentList", endpoint, "/ud/x", 403, null, "").kind())
        .isEqualTo(ErrorKind.PERMISSION);
    assertThat(
            AliMailErrors.http(
                    "getDepartmentList", endpoint, "/ud/getDepartmentList", 404, null, "")
                .getMessage())
        .isEqualTo(
            "Alibaba Mail has no /ud/getDepartmentList at https://mail.example:8443/alimailws"
                + " (HTTP 404): check that endpoint is the WebService address, ending in"
                + " /alimailws.");
  }

  @Test
  void givesTlsFailuresTheirOwnMessage() {
    ConnectorException error =
        AliMailErrors.transport(
            "wsLogin",
            settings,
            new TransportException(
                TransportException.Failure.TLS,
                "SSLHandshakeException: PKIX path building failed",
                null));

    assertThat(error.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(error.getMessage())
        .isEqualTo(
            "The TLS handshake with mail.example:8443 failed for wsLogin (SSLHandshakeException:"
                + " PKIX path building failed): check that endpoint is the right https address,"
                + " that no proxy intercepts TLS, and that this Java runtime trusts the server's"
                + " certificate.");
  }

  @Test
  void tellsAnUnreachableEndpointFromASlowOne() {
    ConnectorException unreachable =
        AliMailErrors.transport(
            "wsLogin",
            settings,
            new TransportException(
                TransportException.Failure.UNREACHABLE,
                "ConnectException: Connection refused",
                null));
    ConnectorException slow =
        AliMailErrors.transport(
            "createAccounts",
            settings,
            new TransportException(TransportException.Failure.TIMEOUT, "timeout", null));

    assertThat(unreachable.getMessage())
        .isEqualTo(
            "Cannot reach Alibaba Mail at mail.example:8443 for wsLogin (ConnectException:"
                + " Connection refused): check endpoint, DNS, and that a firewall or proxy lets"
                + " this machine connect.");
    assertThat(slow.getMessage())
        .isEqualTo("Alibaba Mail did not answer createAccounts within readTimeout (30 s).");
  }
}
