package dev.idaas.connector.testkit.host;

import static dev.idaas.connector.testkit.host.HostFixture.hr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderTest {

  @TempDir Path stateFolder;

  @Test
  void aNewSimulatorOnTheSameFolderSeesLinksEventsAndRunsAndWritesNothing() {
    HostFixture fixture = new HostFixture(stateFolder);
    try (HostSimulator first = fixture.open()) {
      first.executeAdd(hr());
    }
    int writes = fixture.target.writes();

    try (HostSimulator second = fixture.open()) {
      assertThat(second.links().all(ObjectType.ORG_UNIT)).hasSize(40);
      assertThat(second.links().all(ObjectType.ACCOUNT)).hasSize(107);
      assertThat(second.events(EventFilter.all())).hasSize(147);
      assertThat(second.runs()).extracting(RunSummary::runId).containsExactly("run-1");
      assertThat(second.lastPushedScope())
          .contains(AuthorizationPolicy.wholeDirectory().scopeOf(hr()));
      assertThat(second.lastDirectory()).contains(hr());

      RunSummary again = second.executeAdd(hr());

      assertThat(again.runId()).isEqualTo("run-2");
      assertThat(again.orgUnitCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 40));
      assertThat(again.accountCounts()).isEqualTo(Map.of(Outcome.UNCHANGED, 107));
      assertThat(second.events(EventFilter.all().inRun("run-2")).get(0).eventId())
          .isEqualTo("event-148");
    }
    assertThat(fixture.target.writes()).isEqualTo(writes);
  }

  @Test
  void keepsThePolicyAcrossSimulators() {
    HostFixture fixture = new HostFixture(stateFolder);
    AuthorizationPolicy americas =
        AuthorizationPolicy.wholeDirectory()
            .withOrgScope("region-20")
            .withAutomaticAuthorization(false);
    try (HostSimulator first = fixture.builder().policy(americas).open()) {
      first.executeAdd(hr());
    }

    try (HostSimulator second = fixture.open()) {
      assertThat(second.policy()).isEqualTo(americas);
      assertThat(second.applyChanges(hr().toBuilder().removeAccount("emp-100").build()).isPending())
          .isTrue();
    }
  }

  @Test
  void refusesAFolderMadeForAnotherTarget() {
    HostFixture fixture = new HostFixture(stateFolder);
    fixture.open().close();
    Map<String, String> otherDomain = new HashMap<>(HostFixture.PARAMETERS);
    otherDomain.put("domain", "other.example");
    HostSimulator.Builder builder = fixture.builder().parameters(otherDomain);

    assertThatThrownBy(builder::open)
        .isInstanceOf(StateFolderException.class)
        .hasMessage(
            "The state folder "
                + realPath(stateFolder)
                + " belongs to application 'hr-mail' with target domain=acme.example, but these"
                + " parameters give domain=other.example. Its links point to objects in that other"
                + " target, so using them here would update or revoke the wrong objects. Choose"
                + " another (or an empty) state folder for this target, or correct the"
                + " parameters.");
  }

  @Test
  void refusesAFolderMadeForAnotherProvider() {
    HostFixture fixture = new HostFixture(stateFolder);
    fixture.open().close();
    HostSimulator.Builder builder =
        fixture
            .builder()
            .provider(renamed(new InMemoryDirectoryProvider(fixture.target), "other-mail"));

    assertThatThrownBy(builder::open)
        .isInstanceOf(StateFolderException.class)
        .hasMessage(
            "The state folder "
                + realPath(stateFolder)
                + " belongs to application 'hr-mail' of provider in-memory, not to provider"
                + " other-mail. Its links point to objects of that other application. Choose"
                + " another (or an empty) state folder for this application.");
  }

  @Test
  void refusesAFolderOfAnotherApplication() {
    HostFixture fixture = new HostFixture(stateFolder);
    fixture.open().close();
    HostSimulator.Builder builder = fixture.builder().applicationId("sales-mail");

    assertThatThrownBy(builder::open)
        .isInstanceOf(StateFolderException.class)
        .hasMessage(
            "The state folder "
                + realPath(stateFolder)
                + " belongs to application 'hr-mail', not to 'sales-mail'. Open it with"
                + " application id 'hr-mail', or choose another state folder.");
  }

  @Test
  void acceptsAChangedParameterThatDoesNotNameTheTarget() {
    HostFixture fixture = new HostFixture(stateFolder);
    fixture.open().close();
    Map<String, String> relabelled = new HashMap<>(HostFixture.PARAMETERS);
    relabelled.put("label", "HR mailboxes");
    relabelled.put("apiKey", "a-rotated-key");

    fixture.builder().parameters(relabelled).open().close();
  }

  @Test
  void refusesASecondSimulatorOnAFolderInUse() {
    HostFixture fixture = new HostFixture(stateFolder);
    try (HostSimulator first = fixture.open()) {
      assertThatThrownBy(fixture::open)
          .isInstanceOf(StateFolderException.class)
          .hasMessage(
              "The state folder "
                  + realPath(stateFolder)
                  + " is already open in this process; close the other HostSimulator on it"
                  + " first.");
      assertThat(first.runs()).isEmpty();
    }
  }

  @Test
  void refusesAFileAsStateFolder() throws IOException {
    Path file = Files.writeString(stateFolder.resolve("state"), "not a folder");
    HostSimulator.Builder builder = new HostFixture(file).builder();

    assertThatThrownBy(builder::open)
        .isInstanceOf(StateFolderException.class)
        .hasMessage(file + " is a file, not a folder; give a folder for the host state.");
  }

  @Test
  void neverStoresASecret() throws IOException {
    HostFixture fixture = new HostFixture(stateFolder);
    try (HostSimulator host = fixture.open()) {
      host.executeAdd(hr());
    }

    byte[] secret = HostFixture.API_KEY.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(stateFolder)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).isNotEmpty();
      for (Path file : all) {
        assertThat(indexOf(Files.readAllBytes(file), secret)).as(file.toString()).isEqualTo(-1);
      }
    }
  }

  @Test
  void keepsNoSecretAttributeOfTheDirectoryAndSeesNoChangeInOneAfterReopening() throws IOException {
    String initialPassword = "Init-Pw-In-Directory-77";
    DirectorySnapshot withPassword =
        hr().toBuilder()
            .updateAccount("emp-100", account -> withAttribute(account, initialPassword))
            .build();
    HostFixture fixture = new HostFixture(stateFolder);
    try (HostSimulator host = fixture.open()) {
      host.executeAdd(withPassword);
    }

    byte[] secret = initialPassword.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(stateFolder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(file), secret)).as(file.toString()).isEqualTo(-1);
      }
    }
    try (HostSimulator host = fixture.open()) {
      assertThat(host.lastDirectory().orElseThrow().account("emp-100").orElseThrow().attributes())
          .containsOnlyKeys("hireDate");
      assertThat(host.pendingChanges(withPassword).isEmpty()).isTrue();
    }
  }

  private static Account withAttribute(Account account, String initialPassword) {
    Map<String, String> attributes = new HashMap<>(account.attributes());
    attributes.put("initialPassword", initialPassword);
    return new Account(
        account.id(),
        account.username(),
        account.email(),
        account.displayName(),
        account.mobile(),
        account.employeeNo(),
        account.jobTitle(),
        account.orgUnitIds(),
        account.status(),
        attributes);
  }

  @Test
  void aCrashMidRunLosesNothingAlreadyRecorded() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingHost.class.getName(),
                stateFolder.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isEqualTo(CrashingHost.EXIT_CODE);

    try (HostSimulator host = new HostFixture(stateFolder).open()) {
      assertThat(host.events(EventFilter.all())).hasSize(CrashingHost.OBJECTS_BEFORE_CRASH);
      assertThat(host.links().all(ObjectType.ORG_UNIT)).hasSize(40);
      assertThat(host.links().all(ObjectType.ACCOUNT)).hasSize(20);
      assertThat(host.runs())
          .singleElement()
          .satisfies(
              run -> {
                assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                assertThat(run.error()).isEqualTo(EventLog.INTERRUPTED);
                assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 40));
                assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 20));
              });
      assertThat(host.lastPushedScope()).isEmpty();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String realPath(Path folder) {
    try {
      return folder.toRealPath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same provider under another id. */
  private static ConnectorProvider renamed(ConnectorProvider provider, String id) {
    ConnectorDescriptor d = provider.descriptor();
    ConnectorDescriptor descriptor =
        new ConnectorDescriptor(
            id,
            d.displayName(),
            d.version(),
            d.capabilities(),
            d.parameters(),
            d.requestsPerSecond());
    return new ConnectorProvider() {
      @Override
      public String spiVersion() {
        return provider.spiVersion();
      }

      @Override
      public ConnectorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public Connector open(ConnectorConfig config, ConnectorContext context) {
        return provider.open(config, context);
      }
    };
  }
}
