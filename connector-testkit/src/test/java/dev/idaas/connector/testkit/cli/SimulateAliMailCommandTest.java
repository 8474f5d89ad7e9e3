package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateAliMailCommandTest {

  private static final Pattern ENDPOINT =
      Pattern.compile("endpoint=(http://127\\.0\\.0\\.1:(\\d+)/alimailws)\n");

  @TempDir Path folder;

  final Cli cli = new Cli();

  @Test
  void servesUntilStoppedPrintingTheParametersAsAPropertiesFile() throws Exception {
    Path data = folder.resolve("sim-data");

    Cli.Running simulator =
        cli.start("simulate", "alimail", "--port", "0", "--data", data.toString());
    Matcher endpoint = awaitEndpoint(simulator);
    JsonNode state = get("http://127.0.0.1:" + endpoint.group(2) + "/__sim/state");
    cli.stop.countDown();
    int exitCode = simulator.exitCode().get(30, TimeUnit.SECONDS);

    assertThat(exitCode).isZero();
    assertThat(
            ParameterOptions.readFile(
                Cli.write(folder.resolve("out.properties"), simulator.out().toString())))
        .containsExactly(
            java.util.Map.entry("accessCode", "sim-access-code"),
            java.util.Map.entry("accessPassword", "sim-access-password"),
            java.util.Map.entry("accessTarget", "acme.example"),
            java.util.Map.entry("endpoint", endpoint.group(1)));
    assertThat(simulator.out().toString())
        .contains(
            "# is the simulator's own test credential, not a real secret, so it is printed.\n");
    assertThat(state.get("domain").asText()).isEqualTo("acme.example");
    assertThat(simulator.err().toString())
        .isEqualTo("AliMail simulator stopped; the domain is kept in " + data + ".\n");
    assertThat(data.resolve("alimail-state.json")).exists();
  }

  @Test
  void saysInOneSentenceThatThePortIsInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      Cli.Result result = cli.run("simulate", "alimail", "--port", String.valueOf(port));

      assertThat(result.exitCode()).isEqualTo(2);
      assertThat(result.out()).isEmpty();
      assertThat(result.err())
          .isEqualTo(
              "error: The AliMail simulator could not start: port "
                  + port
                  + " on 127.0.0.1 is in use. Try another port, or --port 0 for any free one.\n");
    }
  }

  @Test
  void refusesADataFolderThatIsAFile() {
    Path file = Cli.write(folder.resolve("sim-data.txt"), "not a folder");

    Cli.Result result = cli.run("simulate", "alimail", "--data", file.toString());

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .isEqualTo(
            "error: --data names "
                + file
                + ", which is a file, not a folder. Give a folder for the simulator's data (it is"
                + " created if missing).\n");
  }

  @Test
  void refusesAFaultSpecificationItCannotRead() {
    Cli.Result result = cli.run("simulate", "alimail", "--faults", "boom@call:x");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .startsWith("error: --faults: cannot read fault 'boom@call:x': ")
        .endsWith(". See the fault syntax in connector-testkit/docs/alimail-simulator.md.\n");
  }

  @Test
  void asksWhichTargetToSimulate() {
    Cli.Result result = cli.run("simulate");

    assertThat(result.exitCode()).isEqualTo(64);
    assertThat(result.err())
        .startsWith("error: Say which target to simulate: 'idaas-host simulate alimail'.\n");
  }

  private static Matcher awaitEndpoint(Cli.Running simulator) throws InterruptedException {
    for (int attempt = 0; attempt < 300; attempt++) {
      Matcher matcher = ENDPOINT.matcher(simulator.out().toString());
      if (matcher.find()) {
        return matcher;
      }
      assertThat(simulator.exitCode()).as(simulator.err().toString()).isNotDone();
      Thread.sleep(50);
    }
    throw new AssertionError("no endpoint printed: " + simulator.out() + simulator.err());
  }

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }
}
