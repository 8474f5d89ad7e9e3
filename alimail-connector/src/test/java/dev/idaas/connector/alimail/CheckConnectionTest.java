package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.AliMailStub.DEPARTMENTS;
import static dev.idaas.connector.alimail.AliMailStub.DOMAIN_INFO;
import static dev.idaas.connector.alimail.AliMailStub.LOGIN;
import static dev.idaas.connector.alimail.AliMailStub.ROOT;
import static dev.idaas.connector.alimail.AliMailStub.expected;
import static dev.idaas.connector.alimail.AliMailStub.expectedSignIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class CheckConnectionTest extends WireTest {

  @Test
  void signsInReadsTheDomainAndFindsTheRootDepartment() {
    alimail
        .signIn()
        .answer(DOMAIN_INFO, "{\"rootDepartmentId\":\"" + ROOT + "\"}")
        .departments("d-1|" + ROOT + "|Sales");

    ConnectionCheck check = connector("rootDeptId", null).checkConnection();

    assertThat(check.steps())
        .containsExactly(
            "Signed in to Alibaba Mail at "
                + alimail.endpoint()
                + " with access code sim-access-code.",
            "The mail domain acme.example is managed by these credentials; its root department is "
                + ROOT
                + ".",
            "Found the root department 'acme.example' (" + ROOT + ") among 2 departments.");
    assertThat(alimail.calls())
        .containsExactly(
            expectedSignIn(),
            expected(DOMAIN_INFO, "{'fields':['rootDepartmentId']}"),
            expected(DEPARTMENTS, "{}"));
  }

  @Test
  void findsAConfiguredRootDepartmentBelowTheDomainRoot() {
    alimail
        .signIn()
        .answer(DOMAIN_INFO, "{\"rootDepartmentId\":\"" + ROOT + "\"}")
        .departments("d-idaas|" + ROOT + "|From IDaaS");

    ConnectionCheck check = connector("rootDeptId", "d-idaas").checkConnection();

    assertThat(check.steps().get(2))
        .isEqualTo("Found the root department 'From IDaaS' (d-idaas) among 2 departments.");
  }

  @Test
  void saysSoWhenTheCredentialsAreWrong() {
    alimail.refuse(LOGIN, "1101", "ACCESS_CODE_OR_PASSWORD_ERROR");

    assertThatThrownBy(() -> connector().checkConnection())
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Alibaba Mail refused wsLogin (code 1101: ACCESS_CODE_OR_PASSWORD_ERROR)."
                          + " The access code or access password is wrong: check accessCode and"
                          + " accessPassword, which Alibaba Mail support issues.");
            });
  }

  @Test
  void saysSoWhenThisMachineIsNotAllowedToCall() {
    alimail.refuse(LOGIN, "1102", "IP_NOT_IN_WHITELIST");

    assertThatThrownBy(() -> connector().checkConnection())
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION);
              assertThat(e.getMessage())
                  .contains("outgoing (egress) IP address is not on the allow-list");
            });
  }

  @Test
  void saysSoWhenTheDomainIsNotManagedByTheseCredentials() {
    alimail.signIn().refuse(DOMAIN_INFO, "1103", "DOMAIN_NOT_MANAGED");

    assertThatThrownBy(() -> connector().checkConnection())
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Alibaba Mail refused getDomainInfo (code 1103: DOMAIN_NOT_MANAGED). The mail"
                          + " domain is not managed by these credentials: check accessTarget, and"
                          + " that the access code was issued for this domain.");
            });
  }

  @Test
  void saysSoWhenTheConfiguredRootDepartmentDoesNotExist() {
    alimail.signIn().answer(DOMAIN_INFO, "{\"rootDepartmentId\":\"" + ROOT + "\"}").departments();

    assertThatThrownBy(() -> connector("rootDeptId", "d-gone").checkConnection())
        .isInstanceOfSatisfying(
            ConnectorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "The department d-gone set in rootDeptId does not exist in acme.example:"
                          + " check rootDeptId, or leave it empty to use the domain's root"
                          + " department.");
            });
  }

  @Test
  void saysSoWhenTheEndpointCannotBeReached() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AliMailConnector unreachable =
        AliMailProvider.open(
            Fixtures.config("http://127.0.0.1:" + closedPort + "/alimailws"),
            Fixtures.context(events, links),
            Fixtures.instantWaits(sleeper, ticker));

    try (unreachable) {
      assertThatThrownBy(unreachable::checkConnection)
          .isInstanceOfSatisfying(
              ConnectorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                assertThat(e.getMessage())
                    .startsWith(
                        "Cannot reach Alibaba Mail at 127.0.0.1:" + closedPort + " for wsLogin")
                    .endsWith(
                        "check endpoint, DNS, and that a firewall or proxy lets this machine"
                            + " connect.");
              });
    }
  }
}
