package dev.idaas.connector.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.api.host.ProviderRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The demo with the alimail connector, on the Oracle HR example only: the China areas example makes
 * the real demo last over a minute, and adds nothing the steps here do not show.
 */
class DemoEndToEndTest {

  @Test
  void pushesChangesAndShowsTheDomainThenRemovesItsStateFolders() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<Path> before = demoFolders();

    int exitCode;
    try (ProviderRegistry registry = ProviderRegistry.ofClassPath()) {
      LoadedProvider alimail = registry.get("alimail");
      Demo demo =
          new Demo(alimail, new PrintWriter(out, true), new PrintWriter(err, true), environment());
      exitCode = demo.run(List.of(Demo.ORACLE_HR));
    }

    assertThat(exitCode).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            """
            2. Execute Add of oracle-hr.json (40 org units, 107 accounts) into "Oracle HR":
               Execute Add run-1: SUCCESS in\
            """)
        .contains(
            """
                 org units      40  created 40
                 accounts      107  created 107
                 writes        147
            """)
        .contains(
            """
                 org units       1  updated 1
                 accounts        3  created 1, moved 1, disabled 1
                 writes          4
               Its sync events:
                 org unit  Information Technology   UPSERT  → UPDATED  (Renamed from 'IT'.)
                 account   alovelace@acme.example   UPSERT  → CREATED
            """)
        .contains(
            """
                 org units      40  unchanged 40
                 accounts      108  unchanged 108
                 writes          0
            """)
        .contains(
            """
               acme.example  (41 departments, 109 mailboxes)
               └─ Oracle HR  (40 departments, 108 mailboxes)
                  ├─ Americas  (30 departments, 71 mailboxes)
                  │  ├─ United States of America  (26 departments, 69 mailboxes)
                  │  └─ Canada  (2 departments, 2 mailboxes)
                  └─ Europe  (8 departments, 36 mailboxes)
            """);
    assertThat(demoFolders()).isEqualTo(before);
  }

  private static CliEnvironment environment() {
    return new CliEnvironment(
        Map.of(), false, Clock.systemUTC(), System::nanoTime, onStop -> onStop.run());
  }

  private static List<Path> demoFolders() throws Exception {
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> files = Files.list(temporary)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("idaas-host-demo-"))
          .sorted()
          .toList();
    }
  }
}
