package dev.idaas.connector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectorDescriptorTest {

  private static final String CODE_HINT = "The access code shown in the mail admin console.";
  private static final String KNOWN_KEYS =
      "accessCode, accessPassword, accessTarget, endpoint, proxyPassword, requestsPerSecond,"
          + " revocation, rootDeptId, timeout, verbose";

  private final ConnectorDescriptor descriptor = mailDescriptor();

  @Test
  void reportsEveryProblemOfAFormAtOnceInParameterOrderWithUnknownKeysLast() {
    Map<String, String> raw =
        Map.of(
            "accessPassword", "s3cret-value",
            "accessTarget", "not a domain",
            "endpoint", "ftp://files.example.com",
            "requestsPerSecond", "500",
            "revocation", "archive",
            "timeout", "soon",
            "colour", "blue");

    InvalidConfigurationException thrown =
        catchThrowableOfType(InvalidConfigurationException.class, () -> descriptor.validate(raw));

    List<ParameterProblem> expected =
        List.of(
            new ParameterProblem("accessCode", "is required: " + CODE_HINT),
            new ParameterProblem(
                "accessTarget",
                "'not a domain' is not a mail domain; give the part after '@', such as"
                    + " example.com"),
            new ParameterProblem(
                "endpoint",
                "'ftp://files.example.com' is not an absolute http or https URL, such as"
                    + " https://host/path"),
            new ParameterProblem(
                "requestsPerSecond", "500 is out of range: give a number from 1 to 50"),
            new ParameterProblem("revocation", "'archive' is not one of disable, delete"),
            new ParameterProblem(
                "timeout", "'soon' is not a duration; write 500ms, 10s, 2m or PT10S"),
            new ParameterProblem(
                "colour",
                "is not a parameter of mail-demo; check the spelling (known: " + KNOWN_KEYS + ")"));
    assertThat(thrown.problems()).isEqualTo(expected);
    assertThat(thrown.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
    assertThat(thrown.getMessage())
        .isEqualTo(
            "The parameters of mail-demo have 7 problems:\n"
                + "  - accessCode: is required: "
                + CODE_HINT
                + "\n"
                + "  - accessTarget: 'not a domain' is not a mail domain; give the part after"
                + " '@', such as example.com\n"
                + "  - endpoint: 'ftp://files.example.com' is not an absolute http or https URL,"
                + " such as https://host/path\n"
                + "  - requestsPerSecond: 500 is out of range: give a number from 1 to 50\n"
                + "  - revocation: 'archive' is not one of disable, delete\n"
                + "  - timeout: 'soon' is not a duration; write 500ms, 10s, 2m or PT10S\n"
                + "  - colour: is not a parameter of mail-demo; check the spelling (known: "
                + KNOWN_KEYS
                + ")");
  }

  @Test
  void saysProblemInTheSingularWhenThereIsOne() {
    Map<String, String> raw = withRequired();
    raw.remove("accessCode");

    assertThatThrownBy(() -> descriptor.validate(raw))
        .hasMessage(
            "The parameters of mail-demo have 1 problem:\n  - accessCode: is required: "
                + CODE_HINT);
  }

  @Test
  void neverPutsTheValueOfASecretInAProblem() {
    String secret = "Sup3r-Secret-Value-That-Is-Far-Too-Long!";
    Map<String, String> raw = withRequired();
    raw.put("accessPassword", secret);

    InvalidConfigurationException thrown =
        catchThrowableOfType(InvalidConfigurationException.class, () -> descriptor.validate(raw));

    assertThat(thrown.problems())
        .containsExactly(
            new ParameterProblem(
                "accessPassword", "is 40 characters long; at most 32 are allowed"));
    assertThat(thrown.getMessage()).doesNotContain(secret).doesNotContain("Sup3r");
  }

  @Test
  void fillsInTheDefaultsOfParametersLeftOutOrBlank() {
    Map<String, String> raw = withRequired();
    raw.put("timeout", "   ");

    ConnectorConfig config = descriptor.validate(raw);

    assertThat(config.url("endpoint")).isEqualTo(URI.create("https://mail.example.com/api"));
    assertThat(config.integer("requestsPerSecond")).isEqualTo(10L);
    assertThat(config.text("revocation")).isEqualTo("disable");
    assertThat(config.duration("timeout")).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.bool("verbose")).isFalse();
    assertThat(config.has("rootDeptId")).isFalse();
    assertThat(config.optionalText("rootDeptId")).isEmpty();
    assertThat(config.has("proxyPassword")).isFalse();
  }

  @Test
  void convertsEachValueToItsTypeAfterTrimmingIt() {
    Map<String, String> raw = withRequired();
    raw.put("accessTarget", " Acme.Example ");
    raw.put("endpoint", "http://127.0.0.1:8080/alimailws");
    raw.put("requestsPerSecond", " 25 ");
    raw.put("revocation", "DELETE");
    raw.put("timeout", "PT1M30S");
    raw.put("verbose", "TRUE");
    raw.put("rootDeptId", "dept_42");

    ConnectorConfig config = descriptor.validate(raw);

    assertThat(config.text("accessCode")).isEqualTo("code-1");
    assertThat(config.secret("accessPassword")).isEqualTo(Secret.of("s3cret-value"));
    assertThat(config.text("accessTarget")).isEqualTo("acme.example");
    assertThat(config.url("endpoint")).isEqualTo(URI.create("http://127.0.0.1:8080/alimailws"));
    assertThat(config.integer("requestsPerSecond")).isEqualTo(25L);
    assertThat(config.text("revocation")).isEqualTo("delete");
    assertThat(config.duration("timeout")).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.bool("verbose")).isTrue();
    assertThat(config.optionalText("rootDeptId")).contains("dept_42");
    assertThat(config.descriptor()).isSameAs(descriptor);
  }

  @ParameterizedTest(name = "{0} gives {1}")
  @CsvSource({"500ms, PT0.5S", "10s, PT10S", "2m, PT2M", "1 h, PT1H", "pt45s, PT45S", "0s, PT0S"})
  void readsDurationsWithAUnitOrInIsoForm(String raw, String expected) {
    Map<String, String> values = withRequired();
    values.put("timeout", raw);

    assertThat(descriptor.validate(values).duration("timeout")).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "requestsPerSecond|ten|'ten' is not a whole number",
        "requestsPerSecond|0|0 is out of range: give a number from 1 to 50",
        "verbose|yes|'yes' is not 'true' or 'false'",
        "endpoint|https://exa mple.com|'https://exa mple.com' is not a URL: Illegal character in"
            + " authority",
        "endpoint|mail.example.com/api|'mail.example.com/api' is not an absolute http or https"
            + " URL, such as https://host/path",
        "accessTarget|postmaster@acme.example|'postmaster@acme.example' is not a mail domain; give"
            + " the part after '@', such as example.com",
        "timeout|PT-5S|'PT-5S' is negative; give a duration of zero or more",
        "rootDeptId|12/34|'12/34' has the wrong form: The id of the department to push under.",
      })
  void explainsWhatIsWrongWithOneValue(String key, String value, String message) {
    Map<String, String> raw = withRequired();
    raw.put(key, value);

    InvalidConfigurationException thrown =
        catchThrowableOfType(InvalidConfigurationException.class, () -> descriptor.validate(raw));

    assertThat(thrown.problems()).containsExactly(new ParameterProblem(key, message));
  }

  @Test
  void reportsBothTheLengthAndTheFormOfOneTextValue() {
    Map<String, String> raw = withRequired();
    raw.put("rootDeptId", "x/".repeat(20));

    InvalidConfigurationException thrown =
        catchThrowableOfType(InvalidConfigurationException.class, () -> descriptor.validate(raw));

    assertThat(thrown.problems())
        .extracting(ParameterProblem::message)
        .containsExactly(
            "is 40 characters long; at most 32 are allowed",
            "'"
                + "x/".repeat(20)
                + "' has the wrong form: The id of the department to push under.");
  }

  @Test
  void showsSecretsAsSetOrNotSetInToString() {
    ConnectorConfig config = descriptor.validate(withRequired());

    assertThat(config.toString())
        .isEqualTo(
            "mail-demo{accessCode=code-1, accessPassword=(set), accessTarget=acme.example,"
                + " endpoint=https://mail.example.com/api, requestsPerSecond=10,"
                + " revocation=disable, timeout=PT10S, verbose=false, proxyPassword=(not set)}")
        .doesNotContain("s3cret-value");
  }

  @Test
  void refusesToReadAValueAsAnotherTypeOrAnUnknownOrAbsentKey() {
    ConnectorConfig config = descriptor.validate(withRequired());

    assertThatThrownBy(() -> config.integer("accessCode"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mail-demo: parameter 'accessCode' is of type TEXT, not Long");
    assertThatThrownBy(() -> config.text("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mail-demo has no parameter 'nope'");
    assertThatThrownBy(() -> config.text("rootDeptId"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("mail-demo: parameter 'rootDeptId' has no value and no default");
  }

  @Test
  void sortsParametersByOrderAndAnswersCapabilityQuestions() {
    assertThat(descriptor.parameters())
        .extracting(ParameterSpec::key)
        .containsExactly(
            "accessCode",
            "accessPassword",
            "accessTarget",
            "endpoint",
            "requestsPerSecond",
            "revocation",
            "timeout",
            "verbose",
            "rootDeptId",
            "proxyPassword");
    assertThat(descriptor.parameter("endpoint"))
        .map(ParameterSpec::type)
        .contains(ParameterType.URL);
    assertThat(descriptor.parameter("colour")).isEmpty();
    assertThat(descriptor.can(Capability.ORGANIZATIONS)).isTrue();
    assertThat(descriptor.can(Capability.PREVIEW)).isFalse();
  }

  @Test
  void refusesABadIdARepeatedKeyAndANegativeBudget() {
    ParameterSpec key = text("accessCode", 1).build();

    assertThatThrownBy(() -> descriptor("Mail_Demo", List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "provider id 'Mail_Demo' must be lower-case letters, digits and '-', 40 at most");
    assertThatThrownBy(() -> descriptor("mail-demo", List.of(key, key), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mail-demo: parameter key 'accessCode' repeats");
    assertThatThrownBy(() -> descriptor("mail-demo", List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestsPerSecond must not be negative");
  }

  private static Map<String, String> withRequired() {
    Map<String, String> raw = new HashMap<>();
    raw.put("accessCode", "code-1");
    raw.put("accessPassword", "s3cret-value");
    raw.put("accessTarget", "acme.example");
    return raw;
  }

  /** A descriptor with a parameter of every type, listed out of order on purpose. */
  static ConnectorDescriptor mailDescriptor() {
    List<ParameterSpec> parameters =
        List.of(
            ParameterSpec.builder("proxyPassword", ParameterType.SECRET)
                .label("Proxy password", "代理密码")
                .description("The password of the outgoing proxy, if any.", "出站代理的密码。")
                .order(10)
                .build(),
            text("accessCode", 1).required().maxLength(64).build(),
            ParameterSpec.builder("accessPassword", ParameterType.SECRET)
                .required()
                .maxLength(32)
                .label("Access password", "访问密码")
                .description("The access password shown once in the console.", "访问密码。")
                .order(2)
                .build(),
            ParameterSpec.builder("accessTarget", ParameterType.MAIL_DOMAIN)
                .required()
                .label("Mail domain", "邮件域名")
                .description("The mail domain to manage.", "要管理的邮件域名。")
                .order(3)
                .build(),
            ParameterSpec.builder("endpoint", ParameterType.URL)
                .defaultValue("https://mail.example.com/api")
                .label("Endpoint", "接入点")
                .description("Where the mail API answers.", "邮件接口的地址。")
                .order(4)
                .build(),
            ParameterSpec.builder("requestsPerSecond", ParameterType.INTEGER)
                .defaultValue("10")
                .range(1L, 50L)
                .label("Requests per second", "每秒请求数")
                .description("How many calls the target allows.", "目标允许的调用次数。")
                .order(5)
                .build(),
            ParameterSpec.builder("revocation", ParameterType.ENUM)
                .allowedValues("disable", "delete")
                .defaultValue("disable")
                .label("Revocation", "撤销方式")
                .description("What revoking an account does.", "撤销账号时的操作。")
                .order(6)
                .build(),
            ParameterSpec.builder("timeout", ParameterType.DURATION)
                .defaultValue("10s")
                .label("Timeout", "超时")
                .description("How long one call may take.", "单次调用的最长时间。")
                .order(7)
                .build(),
            ParameterSpec.builder("verbose", ParameterType.BOOLEAN)
                .defaultValue("false")
                .label("Verbose", "详细")
                .description("Whether to log more.", "是否记录更多日志。")
                .order(8)
                .build(),
            ParameterSpec.builder("rootDeptId", ParameterType.TEXT)
                .maxLength(32)
                .pattern("[0-9A-Za-z_-]+")
                .label("Root department", "根部门")
                .description("The id of the department to push under.", "推送到的部门编号。")
                .order(9)
                .build());
    return descriptor("mail-demo", parameters, 10);
  }

  private static ConnectorDescriptor descriptor(
      String id, List<ParameterSpec> parameters, int requestsPerSecond) {
    return new ConnectorDescriptor(
        id,
        LocalizedText.of("Mail demo", "邮件演示"),
        "1.0.0",
        Set.of(Capability.ORGANIZATIONS, Capability.ACCOUNTS),
        parameters,
        requestsPerSecond);
  }

  private static ParameterSpec.Builder text(String key, int order) {
    return ParameterSpec.builder(key, ParameterType.TEXT)
        .label("Access code", "访问码")
        .description(CODE_HINT, "邮箱管理后台显示的访问码。")
        .order(order);
  }
}
