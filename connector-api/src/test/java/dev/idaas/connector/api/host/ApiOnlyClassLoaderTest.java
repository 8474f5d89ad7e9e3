package dev.idaas.connector.api.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.host.ProviderRegistryTest.FakeProvider;
import dev.idaas.connector.api.support.Redactor;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ApiOnlyClassLoaderTest {

  private final ClassLoader apiOnly = new ApiOnlyClassLoader(getClass().getClassLoader());

  @Test
  void showsTheHostsOwnConnectorApiClasses() throws Exception {
    assertThat(apiOnly.loadClass(ConnectorProvider.class.getName()))
        .isSameAs(ConnectorProvider.class);
    assertThat(apiOnly.loadClass(Redactor.class.getName())).isSameAs(Redactor.class);
    assertThat(apiOnly.loadClass(ProviderRegistry.class.getName()))
        .isSameAs(ProviderRegistry.class);
  }

  @Test
  void showsTheWholeJdkThroughThePlatformClassLoader() throws Exception {
    assertThat(apiOnly.loadClass(String.class.getName())).isSameAs(String.class);
    assertThat(apiOnly.loadClass(Connection.class.getName())).isSameAs(Connection.class);
  }

  @Test
  void hidesAClassInAnApiPackageThatComesFromElsewhere() {
    assertThatThrownBy(() -> apiOnly.loadClass(FakeProvider.class.getName()))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessage(
            FakeProvider.class.getName()
                + " is not part of connector-api, so plug-ins cannot see it");
  }

  @Test
  void hidesLibrariesOfTheHost() {
    assertThatThrownBy(() -> apiOnly.loadClass("org.assertj.core.api.Assertions"))
        .isInstanceOf(ClassNotFoundException.class)
        .hasMessage("org.assertj.core.api.Assertions");
  }

  @Test
  void hidesTheResourcesOfTheHostSuchAsItsServiceFiles() throws Exception {
    assertThat(getClass().getClassLoader().getResource(RegistryLoading.SERVICE_FILE)).isNotNull();

    assertThat(apiOnly.getResource(RegistryLoading.SERVICE_FILE)).isNull();
    assertThat(apiOnly.getResources(RegistryLoading.SERVICE_FILE).hasMoreElements()).isFalse();
  }
}
