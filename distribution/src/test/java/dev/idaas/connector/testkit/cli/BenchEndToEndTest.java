package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code idaas-host bench} with the alimail connector, on the Oracle HR example and the scale part
 * only: the reference run lasts minutes.
 */
class BenchEndToEndTest {

  @Test
  void measuresTheScaleOfAPushAndPrintsItAsJson() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        IdaasHost.commandLine(
            new CliEnvironment(
                Map.of(), false, Clock.systemUTC(), System::nanoTime, onStop -> onStop.run()));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));

    int exitCode =
        commandLine.execute(
            "bench",
            "--directory",
            example("oracle-hr.json").toString(),
            "--parts",
            "5",
            "--scale",
            "2",
            "--format",
            "json");

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(err.toString()).contains("Part 5, scale: the directory, then 2 copies of it");
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(report.path("directory").path("units").asInt()).isEqualTo(40);
    assertThat(report.path("pushes").fieldNames())
        .toIterable()
        .containsExactly("5 connector alone, ×1", "5 connector alone, ×2");
    JsonNode scaled = report.path("pushes").path("5 connector alone, ×2");
    assertThat(scaled.path("callsByPath").path("/ud/createDepartment").asInt()).isEqualTo(82);
    assertThat(scaled.path("heap").path("peakUsedBytes").asLong()).isPositive();
    assertThat(report.path("checks"))
        .extracting(check -> check.path("measure").asText())
        .containsExactly("scale ×2 wall ÷ ×1 wall", "peak heap at ×2", "peak heap at ×1");
  }

  private static Path example(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("examples/" + name + " not found above the working folder");
  }
}
