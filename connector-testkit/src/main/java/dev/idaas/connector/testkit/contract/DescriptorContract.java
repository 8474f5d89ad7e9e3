package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.COMPLETE_DESCRIPTOR;
import static dev.idaas.connector.testkit.contract.BehaviourRule.DISCOVERABLE;

import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import dev.idaas.connector.api.SpiVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The checks on how a provider is found and what its descriptor declares. */
final class DescriptorContract {

  /**
   * Keys that name a secret. Only free text can hold a secret value: an ENUM such as {@code
   * initialPassword = random} names how a secret is made, not the secret.
   */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|secret|token|api[-_.]?key|private[-_.]?key|credential).*");

  private final ContractFixture fixture;

  DescriptorContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void isFoundThroughServiceLoaderByItsId() {
    Class<?> type = fixture.provider().getClass();
    String id = fixture.descriptor().id();
    String situation = "ServiceLoader.load(ConnectorProvider.class) on the test's class path";
    List<String> found = new ArrayList<>();
    List<String> withTheId = new ArrayList<>();

    for (ServiceLoader.Provider<ConnectorProvider> entry : loader().stream().toList()) {
      String name = entry.type().getName();
      try {
        String entryId = entry.get().descriptor().id();
        found.add(entryId + " → " + name);
        if (entryId.equals(id)) {
          withTheId.add(name);
        }
      } catch (ServiceConfigurationError | RuntimeException failure) {
        found.add("(broken) " + name + ": " + failure.getMessage());
      }
    }

    ContractAssertions.check(
        DISCOVERABLE,
        withTheId.equals(List.of(type.getName())),
        situation,
        "exactly one provider with the id '"
            + id
            + "', of class "
            + type.getName()
            + ", listed in META-INF/services/"
            + ConnectorProvider.class.getName()
            + " and made with its public no-argument constructor",
        () -> "providers found (id → class): " + (found.isEmpty() ? "none" : found));
  }

  void describesItselfCompletely() {
    ConnectorProvider provider = fixture.provider();
    ConnectorDescriptor descriptor = provider.descriptor();
    String situation = "reading the descriptor of " + descriptor.id();

    ContractAssertions.check(
        COMPLETE_DESCRIPTOR,
        SpiVersion.isCompatible(provider.spiVersion(), SpiVersion.CURRENT),
        situation,
        "spiVersion() compatible with this kit's SPI " + SpiVersion.CURRENT,
        () -> "spiVersion() is " + provider.spiVersion());
    ContractAssertions.same(
        COMPLETE_DESCRIPTOR,
        situation + " twice (hosts read it often)",
        descriptor,
        provider.descriptor());
    ContractAssertions.check(
        COMPLETE_DESCRIPTOR,
        !descriptor.version().isBlank(),
        situation,
        "a version such as 1.0.0",
        () -> "a blank version");
    ContractAssertions.check(
        COMPLETE_DESCRIPTOR,
        descriptor.can(Capability.ORGANIZATIONS) || descriptor.can(Capability.ACCOUNTS),
        situation,
        "the capability ORGANIZATIONS or ACCOUNTS: a connector that pushes nothing cannot be used",
        () -> "capabilities " + descriptor.capabilities());
    requireTranslated(situation, "the display name", descriptor.displayName());
  }

  void labelsAndDescribesEveryParameterInEnglishAndChinese() {
    String situation = "reading the parameters of " + fixture.descriptor().id();
    for (ParameterSpec spec : fixture.descriptor().parameters()) {
      requireTranslated(situation, "the label of '" + spec.key() + "'", spec.label());
      requireTranslated(situation, "the description of '" + spec.key() + "'", spec.description());
      ContractAssertions.check(
          COMPLETE_DESCRIPTOR,
          !spec.group().isBlank(),
          situation,
          "a form group for '" + spec.key() + "', such as connection",
          () -> "a blank group");
    }
  }

  void typesEverySecretAsSecretWithoutADefault() {
    String situation = "reading the parameters of " + fixture.descriptor().id();
    for (ParameterSpec spec : fixture.descriptor().parameters()) {
      ContractAssertions.check(
          COMPLETE_DESCRIPTOR,
          spec.type() != ParameterType.TEXT || !SECRET_KEY.matcher(spec.key()).matches(),
          situation,
          "'"
              + spec.key()
              + "', a free-text parameter whose name says it holds a secret, typed"
              + " SECRET",
          () -> "it is typed " + spec.type() + ", so forms show it and texts may print it");
      ContractAssertions.check(
          COMPLETE_DESCRIPTOR,
          !spec.secret() || spec.defaultValue() == null,
          situation,
          "the secret '" + spec.key() + "' without a default",
          () -> "it has a default value");
    }
  }

  void acceptsEveryDefaultItDeclares() {
    ConnectorDescriptor descriptor = fixture.descriptor();
    for (ParameterSpec spec : descriptor.parameters()) {
      if (spec.defaultValue() == null) {
        continue;
      }
      Map<String, String> raw = new HashMap<>(fixture.parameters());
      raw.put(spec.key(), spec.defaultValue());
      String situation =
          "validating the test's parameters with '"
              + spec.key()
              + "' set to its default '"
              + spec.defaultValue()
              + "'";
      try {
        descriptor.validate(raw);
      } catch (InvalidConfigurationException refused) {
        List<String> own =
            refused.problems().stream()
                .filter(problem -> problem.key().equals(spec.key()))
                .map(ParameterProblem::toString)
                .toList();
        ContractAssertions.check(
            COMPLETE_DESCRIPTOR,
            own.isEmpty(),
            situation,
            "the default accepted by its own spec",
            () -> "refused: " + own);
      }
    }
  }

  private void requireTranslated(String situation, String what, LocalizedText text) {
    ContractAssertions.check(
        COMPLETE_DESCRIPTOR,
        hasHan(text.zhCn()) && !text.zhCn().equals(text.en()),
        situation,
        what + " in Simplified Chinese, different from the English '" + text.en() + "'",
        () -> "the zh-CN text is '" + text.zhCn() + "', which is not translated");
  }

  private static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  private ServiceLoader<ConnectorProvider> loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : fixture.provider().getClass().getClassLoader();
    return ServiceLoader.load(ConnectorProvider.class, loader);
  }
}
