package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

class AliMailSimulatorExtensionTest {

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerTest {

    @RegisterExtension
    final AliMailSimulatorExtension alimail =
        AliMailSimulatorExtension.configure(builder -> builder.domain("corp.example"));

    @Test
    @Order(1)
    void givesEachTestARunningSimulatorWithTheConfiguredSettings(AliMailSimulator simulator) {
      assertThat(simulator).isSameAs(alimail.simulator());
      assertThat(simulator.isRunning()).isTrue();
      assertThat(simulator.connectorParameters())
          .isEqualTo(
              Map.of(
                  "endpoint", "http://127.0.0.1:" + simulator.port() + "/alimailws",
                  "accessCode", "sim-access-code",
                  "accessPassword", "sim-access-password",
                  "accessTarget", "corp.example"));
      simulator.createAccount("li.na@corp.example", "Li Na", simulator.rootDepartmentId());
    }

    @Test
    @Order(2)
    void startsEachTestFromAnEmptyDomain(AliMailSimulator simulator) {
      assertThat(simulator.accounts())
          .extracting(AccountSnapshot::email)
          .containsExactly("postmaster@corp.example");
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {

    @RegisterExtension
    static final AliMailSimulatorExtension alimail =
        AliMailSimulatorExtension.withDefaults().oncePerClass();

    @Test
    @Order(1)
    void sharesOneSimulatorBetweenTheTests() {
      alimail.simulator().createAccount("li.na@acme.example", "Li Na", rootId());
    }

    @Test
    @Order(2)
    void keepsTheStateOfEarlierTests() {
      assertThat(alimail.simulator().account("li.na@acme.example")).isPresent();
    }

    private String rootId() {
      return alimail.simulator().rootDepartmentId();
    }
  }
}
