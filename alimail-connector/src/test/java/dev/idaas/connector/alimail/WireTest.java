package dev.idaas.connector.alimail;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test against Alibaba Mail's WebService stubbed over real HTTP on 127.0.0.1: the connector under
 * test uses its real transport, with instant waits.
 */
abstract class WireTest {

  @RegisterExtension
  static final WireMockExtension WIRE =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
          .build();

  final AliMailStub alimail = new AliMailStub(WIRE);
  final RecordingEvents events = new RecordingEvents();
  final InMemoryLinkStore links = new InMemoryLinkStore();
  final RecordingSleeper sleeper = new RecordingSleeper();
  final VirtualTicker ticker = new VirtualTicker();
  private final List<AliMailConnector> opened = new ArrayList<>();

  /** A connector for the stub, with parameter overrides as pairs (a null value removes one). */
  AliMailConnector connector(String... overrides) {
    AliMailConnector connector =
        AliMailProvider.open(
            Fixtures.config(alimail.endpoint(), overrides),
            Fixtures.context(events, links),
            Fixtures.instantWaits(sleeper, ticker));
    opened.add(connector);
    return connector;
  }

  @AfterEach
  void closeConnectors() {
    opened.forEach(AliMailConnector::close);
  }

  /** The requests to a path, with every {@code passwd} masked so bodies can be compared. */
  List<AliMailStub.Sent> withPasswordsMasked(String path) {
    List<AliMailStub.Sent> masked = new ArrayList<>();
    for (AliMailStub.Sent sent : alimail.calls(path)) {
      JsonNode body = sent.body().deepCopy();
      body.path("param")
          .path("accounts")
          .forEach(
              account -> {
                if (account.has("passwd")) {
                  ((ObjectNode) account).put("passwd", "*");
                }
              });
      masked.add(new AliMailStub.Sent(sent.path(), body));
    }
    return masked;
  }

  /** The initial passwords the connector sent, in order. */
  List<String> sentPasswords() {
    List<String> passwords = new ArrayList<>();
    for (AliMailStub.Sent sent : alimail.calls(AliMailStub.CREATE_ACCOUNTS)) {
      sent.body()
          .path("param")
          .path("accounts")
          .forEach(account -> passwords.add(account.path("passwd").asText()));
    }
    return passwords;
  }

  void assertNoWrites() {
    assertThat(alimail.paths())
        .allMatch(path -> path.equals(AliMailStub.LOGIN) || path.contains("/get"), "only reads");
  }
}
