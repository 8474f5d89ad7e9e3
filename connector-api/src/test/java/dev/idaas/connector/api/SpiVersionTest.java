package dev.idaas.connector.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpiVersionTest {

  @ParameterizedTest(name = "provider {0} on host {1}: {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "1.0, 1.0, true",
        "1.0, 1.3, true",
        "1.3, 1.3, true",
        "1.9, 1.10, true",
        "1.4, 1.3, false",
        "1.10, 1.9, false",
        "0.9, 1.0, false",
        "2.0, 1.0, false",
        "1.0, 2.0, false",
        "1, 1.0, false",
        "1.0.1, 1.0, false",
        "v1.0, 1.0, false",
        "'', 1.0, false",
        "null, 1.0, false",
        "1.0, null, false",
      })
  void acceptsTheSameMajorVersionWithAMinorVersionNotNewerThanTheHost(
      String provider, String host, boolean compatible) {
    assertThat(SpiVersion.isCompatible(provider, host)).isEqualTo(compatible);
  }

  @Test
  void isOneDotZeroForThisApi() {
    assertThat(SpiVersion.CURRENT).isEqualTo("1.0");
    assertThat(SpiVersion.isCompatible(SpiVersion.CURRENT, SpiVersion.CURRENT)).isTrue();
  }
}
