package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Thirty-two clients at once, as a benchmark or a parallel connector drives the simulator. */
class AliMailSimulatorConcurrencyTest {

  private static final int CLIENTS = 32;

  @RegisterExtension
  final AliMailSimulatorExtension alimail =
      AliMailSimulatorExtension.configure(builder -> builder.latency(Duration.ofMillis(20)));

  @Test
  void concurrentCreatesOfTheSameDepartmentMakeExactlyOne() throws Exception {
    AliMailSimulator simulator = alimail.simulator();
    String root = simulator.rootDepartmentId();

    List<String> codes =
        runConcurrently(
            client ->
                client
                    .call("/ud/createDepartment", Map.of("parentId", root, "name", "Sales"))
                    .code());

    assertThat(codes).filteredOn("100"::equals).hasSize(1);
    assertThat(codes).filteredOn("2963"::equals).hasSize(CLIENTS - 1);
    assertThat(simulator.departments()).hasSize(2);
  }

  @Test
  void concurrentBatchesCreateEveryAccountOnce() throws Exception {
    AliMailSimulator simulator = alimail.simulator();

    List<String> outcomes =
        runConcurrently(
            client -> {
              String prefix = "c" + Thread.currentThread().getId();
              List<Map<String, String>> accounts = new ArrayList<>();
              for (int i = 0; i < 5; i++) {
                accounts.add(
                    Map.of(
                        "email",
                        prefix + "." + i + "@acme.example",
                        "name",
                        prefix,
                        "passwd",
                        "Pass-123"));
              }
              WebServiceClient.Reply reply =
                  client.call("/ud/createAccounts", Map.of("accounts", accounts));
              return reply.successes().size() + "/" + reply.failures().size();
            });

    assertThat(outcomes).containsOnly("5/0").hasSize(CLIENTS);
    assertThat(simulator.accounts()).hasSize(CLIENTS * 5 + 1);
    assertThat(simulator.calls("/ud/createAccounts")).isEqualTo(CLIENTS);
    assertThat(simulator.logins()).isEqualTo(CLIENTS);
  }

  /** Logs each client in, then lets all of them make their call at the same moment. */
  private List<String> runConcurrently(ClientCall call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch ready = new CountDownLatch(CLIENTS);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        WebServiceClient client = new WebServiceClient(alimail.simulator());
        Callable<String> task =
            () -> {
              client.login();
              ready.countDown();
              ready.await();
              return call.make(client);
            };
        results.add(pool.submit(task));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private interface ClientCall {
    String make(WebServiceClient client) throws Exception;
  }
}
