package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import dev.idaas.connector.api.SpiVersion;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AliMailProviderTest {

  private final ConnectorDescriptor descriptor = new AliMailProvider().descriptor();

  @Test
  void describesItselfAsAlibabaMailWithEveryCapability() {
    assertThat(descriptor.id()).isEqualTo("alimail");
    assertThat(descriptor.displayName().en()).isEqualTo("Alibaba Mail");
    assertThat(descriptor.displayName().zhCn()).isEqualTo("阿里邮箱");
    assertThat(descriptor.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
    assertThat(descriptor.requestsPerSecond()).isEqualTo(10);
    assertThat(new AliMailProvider().spiVersion()).isEqualTo(SpiVersion.CURRENT);
  }

  @Test
  void isFoundByTheServiceLoader() {
    List<String> found =
        ServiceLoader.load(ConnectorProvider.class).stream()
            .map(provider -> provider.get().descriptor().id())
            .toList();

    assertThat(found).contains("alimail");
  }

  @Test
  void listsItsParametersInFormOrder() {
    assertThat(descriptor.parameters().stream().map(ParameterSpec::key))
        .containsExactly(
            "endpoint",
            "accessCode",
            "accessPassword",
            "accessTarget",
            "rootDeptId",
            "revocation",
            "initialPassword",
            "mailboxLocalPart",
            "nameFrom",
            "nickNameFrom",
            "employeeNoFrom",
            "mobilePhoneFrom",
            "jobTitleFrom",
            "requestsPerSecond",
            "accountBatchSize",
            "connectTimeout",
            "readTimeout");
  }

  @Test
  void labelsAndDescribesEveryParameterInEnglishAndChinese() {
    Set<Integer> orders = new HashSet<>();
    for (ParameterSpec spec : descriptor.parameters()) {
      assertThat(spec.label().zhCn()).as(spec.key()).matches(".*\\p{IsHan}.*");
      assertThat(spec.description().zhCn()).as(spec.key()).matches(".*\\p{IsHan}.*");
      assertThat(spec.description().en()).as(spec.key()).hasSizeGreaterThan(30);
      assertThat(spec.group())
          .as(spec.key())
          .isIn("connection", "policy", "mapping", "performance");
      assertThat(orders.add(spec.order())).as(spec.key() + " has its own order").isTrue();
    }
  }

  @Test
  void marksOnlyTheAccessPasswordAsSecret() {
    assertThat(
            descriptor.parameters().stream()
                .filter(ParameterSpec::secret)
                .map(ParameterSpec::key)
                .collect(Collectors.toList()))
        .containsExactly("accessPassword");
    assertThat(descriptor.parameter("accessTarget").orElseThrow().type())
        .isEqualTo(ParameterType.MAIL_DOMAIN);
  }

  @Test
  void fillsEveryDefaultFromTheThreeRequiredValues() {
    ConnectorConfig config =
        descriptor.validate(
            Map.of(
                "accessCode", "code",
                "accessPassword", "password",
                "accessTarget", "Acme.Example"));

    AliMailSettings settings = AliMailSettings.from(config);

    assertThat(settings.endpoint())
        .isEqualTo(URI.create("https://alimailws.alibaba-inc.com/alimailws"));
    assertThat(settings.domain()).isEqualTo("acme.example");
    assertThat(settings.rootDepartmentId()).isNull();
    assertThat(settings.requestsPerSecond()).isEqualTo(10);
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.revocation()).isEqualTo(AliMailSettings.Revocation.FREEZE);
    assertThat(settings.initialPassword()).isEqualTo(AliMailSettings.PasswordSource.RANDOM);
    assertThat(settings.localPart()).isEqualTo(AliMailSettings.LocalPart.EMAIL_LOCAL_PART);
    assertThat(settings.accountBatchSize()).isEqualTo(100);
    assertThat(settings.mapping())
        .hasSize(5)
        .hasEntrySatisfying(
            MailboxField.NAME, source -> assertThat(source.name()).isEqualTo("displayName"))
        .hasEntrySatisfying(
            MailboxField.NICK_NAME, source -> assertThat(source.name()).isEqualTo("none"))
        .hasEntrySatisfying(
            MailboxField.MOBILE_PHONE, source -> assertThat(source.name()).isEqualTo("mobile"));
  }

  @Test
  void refusesARequestRateAndABatchSizeOutOfRange() {
    assertThatThrownBy(
            () ->
                descriptor.validate(
                    Fixtures.parameters(
                        "https://mail.example/alimailws",
                        "requestsPerSecond",
                        "41",
                        "accountBatchSize",
                        "101")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ParameterProblem(
                            "requestsPerSecond", "41 is out of range: give a number from 0 to 40"),
                        new ParameterProblem(
                            "accountBatchSize",
                            "101 is out of range: give a number from 1 to 100")));
  }

  @Test
  void refusesAMappingSourceItDoesNotKnow() {
    assertThatThrownBy(
            () ->
                descriptor.validate(
                    Fixtures.parameters("https://mail.example/alimailws", "nameFrom", "fullName")))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ParameterProblem::key)
                    .containsExactly("nameFrom"));
  }

  @Test
  void readsAnAttributeSourceByKey() {
    AliMailSettings settings =
        AliMailSettings.from(
            Fixtures.config(
                "https://mail.example/alimailws", "nickNameFrom", "attributes.preferredName"));

    assertThat(settings.mapping().get(MailboxField.NICK_NAME).name())
        .isEqualTo("attributes.preferredName");
  }

  @Test
  void refusesPlainHttpToAnotherMachine() {
    ConnectorConfig config = Fixtures.config("http://mail.example/alimailws");

    assertThatThrownBy(() -> new AliMailProvider().open(config, null))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
              assertThat(e.problems())
                  .containsExactly(
                      new ParameterProblem(
                          "endpoint",
                          "'http://mail.example/alimailws' is plain http:// to another machine,"
                              + " which would send the access password unencrypted; use https://,"
                              + " or http:// only to 127.0.0.1 or localhost for a simulator"));
            });
  }

  @Test
  void acceptsPlainHttpToThisMachineWithAWarning() {
    try (LogCapture logs = new LogCapture();
        var connector =
            new AliMailProvider()
                .open(
                    Fixtures.config("http://127.0.0.1:9/alimailws/"),
                    Fixtures.context(new RecordingEvents(), new InMemoryLinkStore()))) {

      assertThat(logs.messagesAt(Level.WARNING))
          .containsExactly(
              "The endpoint http://127.0.0.1:9/alimailws is plain HTTP: the access password and"
                  + " tokens travel unencrypted. Use it only for a simulator on this machine.");
      assertThat(connector).isNotNull();
    }
  }

  @Test
  void runsHalfTheBudgetInWorkersSoFortyCallsASecondStayBusyAt500MillisecondsACall() {
    assertThat(workersAt("1")).isEqualTo(2);
    assertThat(workersAt("10")).isEqualTo(5);
    assertThat(workersAt("40")).isEqualTo(20);
  }

  private static int workersAt(String requestsPerSecond) {
    return AliMailSettings.from(
            Fixtures.config(
                "https://mail.example/alimailws", "requestsPerSecond", requestsPerSecond))
        .workerThreads();
  }

  @Test
  void refusesUnpacedCallsToAnotherMachine() {
    ConnectorConfig config =
        Fixtures.config("https://mail.example/alimailws", "requestsPerSecond", "0");

    assertThatThrownBy(() -> new AliMailProvider().open(config, null))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new ParameterProblem(
                            "requestsPerSecond",
                            "0 switches pacing off, which only a simulator on this machine can"
                                + " take; give Alibaba Mail a number from 1 to 40")));
  }

  @Test
  void runsASimulatorOnThisMachineUnpacedWithEightWorkersAndAWarning() {
    ConnectorConfig config =
        Fixtures.config("http://127.0.0.1:9/alimailws", "requestsPerSecond", "0");

    try (LogCapture logs = new LogCapture();
        var connector =
            new AliMailProvider()
                .open(config, Fixtures.context(new RecordingEvents(), new InMemoryLinkStore()))) {

      assertThat(AliMailSettings.from(config).workerThreads()).isEqualTo(8);
      assertThat(logs.messagesAt(Level.WARNING))
          .startsWith(
              "requestsPerSecond is 0: calls to http://127.0.0.1:9/alimailws are not paced. Use"
                  + " it only for a simulator.");
      assertThat(connector).isNotNull();
    }
  }

  @Test
  void treatsOnlyLoopbackNamesAndAddressesAsThisMachine() {
    assertThat(AliMailSettings.isLoopback("localhost")).isTrue();
    assertThat(AliMailSettings.isLoopback("127.0.0.1")).isTrue();
    assertThat(AliMailSettings.isLoopback("127.10.20.30")).isTrue();
    assertThat(AliMailSettings.isLoopback("[::1]")).isTrue();
    assertThat(AliMailSettings.isLoopback("127.0.0.1.evil.example")).isFalse();
    assertThat(AliMailSettings.isLoopback("localhost.evil.example")).isFalse();
    assertThat(AliMailSettings.isLoopback("10.0.0.1")).isFalse();
  }

  @Test
  void neverShowsTheAccessPasswordInItsSettings() {
    AliMailSettings settings =
        AliMailSettings.from(Fixtures.config("https://mail.example/alimailws"));

    assertThat(settings.toString()).doesNotContain(AliMailStub.ACCESS_PASSWORD).contains("******");
  }
}
