package dev.idaas.connector.api.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.LocalizedText;
import dev.idaas.connector.api.SpiVersion;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  private static final String FAKE = FakeProvider.class.getName();

  @Test
  void findsTheProviderNamedInTheClassPathServiceFile() {
    try (ProviderRegistry registry = ProviderRegistry.ofClassPath()) {

      assertThat(registry.ids()).containsExactly("echo");
      LoadedProvider echo = registry.get("echo");
      assertThat(echo.provider()).isInstanceOf(EchoTestProvider.class);
      assertThat(echo.descriptor().version()).isEqualTo("0.0.1");
      assertThat(echo.origin()).isEqualTo("class path");
      assertThat(echo.isPlugin()).isFalse();
      assertThat(registry.problems()).isEmpty();
    }
  }

  @Test
  void readsTheClassPathOfTheClassLoaderItIsGiven() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);

    try (ProviderRegistry registry = ProviderRegistry.builder().classLoader(empty).build()) {

      assertThat(registry.providers()).isEmpty();
    }
  }

  @Test
  void takesProvidersFromAReplacementDiscoveryAndSortsThemById() {
    try (ProviderRegistry registry =
        registryOf(() -> List.of(FakeProvider.sound("beta"), FakeProvider.sound("alpha")))) {

      assertThat(registry.providers())
          .extracting(LoadedProvider::id, LoadedProvider::origin)
          .containsExactly(tuple("alpha", "class path"), tuple("beta", "class path"));
      assertThat(registry.find("beta")).isPresent();
      assertThat(registry.find("gamma")).isEmpty();
    }
  }

  @Test
  void refusesAnUnknownIdListingTheKnownOnes() {
    try (ProviderRegistry registry =
        registryOf(() -> List.of(FakeProvider.sound("beta"), FakeProvider.sound("alpha")))) {

      ConnectorException thrown =
          catchThrowableOfType(ConnectorException.class, () -> registry.get("alimail"));

      assertThat(thrown.kind()).isEqualTo(ErrorKind.INVALID_CONFIGURATION);
      assertThat(thrown)
          .hasMessage("No connector provider has the id 'alimail'; known ids: alpha, beta");
    }
  }

  @Test
  void saysSoWhenNoProviderIsKnownAndWhenSomeWereRefused() {
    try (ProviderRegistry none = registryOf(List::of);
        ProviderRegistry refused =
            registryOf(
                () -> List.of(FakeProvider.sound("alpha"), new FakeProvider("beta", "2.0")))) {

      assertThatThrownBy(() -> none.get("alimail"))
          .hasMessage("No connector provider has the id 'alimail'; known ids: none");
      assertThatThrownBy(() -> refused.get("beta"))
          .hasMessage(
              "No connector provider has the id 'beta'; known ids: alpha"
                  + " (1 could not be loaded; see the registry's problems)");
    }
  }

  @Test
  void refusesAProviderBuiltForAnotherSpiVersionAndKeepsTheOthers() {
    try (ProviderRegistry registry =
        registryOf(() -> List.of(new FakeProvider("old", "0.9"), FakeProvider.sound("alpha")))) {

      assertThat(registry.ids()).containsExactly("alpha");
      assertThat(registry.problems())
          .containsExactly(
              new LoadProblem(
                  "class path",
                  "provider "
                      + FAKE
                      + " was built for SPI version 0.9, but this host supports SPI version 1.0"
                      + " (it runs providers built for 1.0 only); rebuild the plug-in against"
                      + " connector-api with SPI version 1.0"));
    }
  }

  @Test
  void refusesAProviderThatDeclaresNoSpiVersion() {
    try (ProviderRegistry registry = registryOf(() -> List.of(new FakeProvider("x", null)))) {

      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "class path: provider "
                  + FAKE
                  + " declares no SPI version, but this host supports SPI version 1.0"
                  + " (it runs providers built for 1.0 only); rebuild the plug-in against"
                  + " connector-api with SPI version 1.0");
    }
  }

  @Test
  void refusesAProviderWhoseDescriptorFailsOrIsMissing() {
    FakeProvider failing = FakeProvider.sound("x");
    failing.descriptorFailure = new IllegalStateException("no parameters file");
    FakeProvider empty = FakeProvider.sound("y");
    empty.descriptorMissing = true;

    try (ProviderRegistry registry = registryOf(() -> List.of(failing, empty))) {

      assertThat(registry.providers()).isEmpty();
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "class path: provider "
                  + FAKE
                  + " failed in descriptor() with java.lang.IllegalStateException: no parameters"
                  + " file",
              "class path: provider " + FAKE + " gave no descriptor (null)");
    }
  }

  @Test
  void refusesAProviderWhoseSpiVersionMethodIsMissing() {
    FakeProvider stale = FakeProvider.sound("x");
    stale.spiVersionFailure = new AbstractMethodError("spiVersion");

    try (ProviderRegistry registry = registryOf(() -> List.of(stale))) {

      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "class path: provider "
                  + FAKE
                  + " failed in spiVersion() with java.lang.AbstractMethodError, so it was"
                  + " probably built against another version of connector-api");
    }
  }

  @Test
  void refusesTheSecondOfTwoProvidersWithTheSameId() {
    try (ProviderRegistry registry =
        registryOf(() -> List.of(FakeProvider.sound("echo"), new EchoTestProvider()))) {

      assertThat(registry.get("echo").provider()).isInstanceOf(FakeProvider.class);
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "class path: provider id 'echo' is already taken by "
                  + FAKE
                  + " from class path, so "
                  + EchoTestProvider.class.getName()
                  + " is ignored");
    }
  }

  @Test
  void goesOnReadingAfterAServiceEntryFails() {
    Iterable<ConnectorProvider> discovery =
        () ->
            new Iterator<>() {
              private int next;

              @Override
              public boolean hasNext() {
                return next < 2;
              }

              @Override
              public ConnectorProvider next() {
                if (next >= 2) {
                  throw new NoSuchElementException();
                }
                if (next++ == 0) {
                  throw new ServiceConfigurationError(
                      "dev.idaas.connector.api.ConnectorProvider: Provider com.example.Gone not"
                          + " found");
                }
                return FakeProvider.sound("alpha");
              }
            };

    try (ProviderRegistry registry = registryOf(() -> discovery)) {

      assertThat(registry.ids()).containsExactly("alpha");
      assertThat(registry.problems())
          .extracting(LoadProblem::message)
          .containsExactly(
              "class path: cannot create a connector provider:"
                  + " dev.idaas.connector.api.ConnectorProvider: Provider com.example.Gone not"
                  + " found");
    }
  }

  @Test
  void throwsEveryProblemAtOnceWhenStrict() {
    ProviderRegistry.Builder builder =
        ProviderRegistry.builder()
            .strict(true)
            .classPathProviders(
                () -> List.of(new FakeProvider("old", "0.9"), FakeProvider.sound("alpha")));

    ConnectorException thrown = catchThrowableOfType(ConnectorException.class, builder::build);

    assertThat(thrown.kind()).isEqualTo(ErrorKind.INCOMPATIBLE_PROVIDER);
    assertThat(thrown)
        .hasMessage(
            "Connector providers were refused (1 problem):\n"
                + "  - class path: provider "
                + FAKE
                + " was built for SPI version 0.9, but this host supports SPI version 1.0 (it"
                + " runs providers built for 1.0 only); rebuild the plug-in against connector-api"
                + " with SPI version 1.0");
  }

  @Test
  void loadsNormallyWhenStrictAndNothingIsWrong() {
    try (ProviderRegistry registry = ProviderRegistry.builder().strict(true).build()) {

      assertThat(registry.ids()).containsExactly("echo");
    }
  }

  @Test
  void turnsALinkageErrorWhileOpeningIntoAnIncompatibleProviderError() {
    FakeProvider stale = FakeProvider.sound("alpha");
    stale.openFailure = new NoSuchMethodError("'void dev.idaas.connector.api.Gone.call()'");

    try (ProviderRegistry registry = registryOf(() -> List.of(stale))) {

      ConnectorException thrown =
          catchThrowableOfType(
              ConnectorException.class, () -> registry.get("alpha").open(null, null));

      assertThat(thrown.kind()).isEqualTo(ErrorKind.INCOMPATIBLE_PROVIDER);
      assertThat(thrown)
          .hasMessage(
              "class path: provider "
                  + FAKE
                  + " failed in open() with java.lang.NoSuchMethodError, so it was probably"
                  + " built against another version of connector-api")
          .hasCause(stale.openFailure);
    }
  }

  @Test
  void letsAnyOtherFailureWhileOpeningThroughUnchanged() {
    try (ProviderRegistry registry = ProviderRegistry.ofClassPath()) {

      assertThatThrownBy(() -> registry.get("echo").open(null, null))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("the echo test provider opens no connector");
    }
  }

  private static ProviderRegistry registryOf(Supplier<Iterable<ConnectorProvider>> providers) {
    return ProviderRegistry.builder().classPathProviders(providers).build();
  }

  /** A provider whose every answer a test can set. */
  static final class FakeProvider implements ConnectorProvider {
    private final String id;
    private final String spiVersion;
    RuntimeException descriptorFailure;
    boolean descriptorMissing;
    Error spiVersionFailure;
    Error openFailure;

    FakeProvider(String id, String spiVersion) {
      this.id = id;
      this.spiVersion = spiVersion;
    }

    static FakeProvider sound(String id) {
      return new FakeProvider(id, SpiVersion.CURRENT);
    }

    @Override
    public String spiVersion() {
      if (spiVersionFailure != null) {
        throw spiVersionFailure;
      }
      return spiVersion;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      if (descriptorFailure != null) {
        throw descriptorFailure;
      }
      return descriptorMissing
          ? null
          : new ConnectorDescriptor(
              id, LocalizedText.of("Fake", "假"), "1.0.0", Set.of(), List.of(), 0);
    }

    @Override
    public Connector open(ConnectorConfig config, ConnectorContext context) {
      if (openFailure != null) {
        throw openFailure;
      }
      throw new UnsupportedOperationException("a fake provider opens no connector");
    }
  }
}
