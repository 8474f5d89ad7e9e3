package dev.idaas.connector.testkit.alimail;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link AliMailSimulator} around JUnit 5 tests.
 *
 * <p>By default each test gets a fresh simulator, started before it and stopped after it:
 *
 * <pre>{@code
 * @RegisterExtension
 * final AliMailSimulatorExtension alimail =
 *     AliMailSimulatorExtension.configure(b -> b.seatQuota(10).requestBudget(20));
 *
 * @Test
 * void pushesTheTree() {
 *   Map<String, String> parameters = alimail.simulator().connectorParameters();
 *   ...
 * }
 * }</pre>
 *
 * <p>For one simulator shared by every test of a class, register the extension in a {@code static}
 * field and call {@link #oncePerClass()}; the state then carries over from test to test. Test
 * methods may also take an {@code AliMailSimulator} parameter.
 */
public final class AliMailSimulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final Consumer<AliMailSimulator.Builder> configuration;
  private final boolean perClass;
  private AliMailSimulator simulator;

  private AliMailSimulatorExtension(
      Consumer<AliMailSimulator.Builder> configuration, boolean perClass) {
    this.configuration = configuration;
    this.perClass = perClass;
  }

  /** A simulator with the default settings for each test. */
  public static AliMailSimulatorExtension withDefaults() {
    return configure(builder -> {});
  }

  /** A simulator configured by {@code configuration} for each test. */
  public static AliMailSimulatorExtension configure(
      Consumer<AliMailSimulator.Builder> configuration) {
    return new AliMailSimulatorExtension(Objects.requireNonNull(configuration), false);
  }

  /** The same settings, with one simulator for all the tests of the class. */
  public AliMailSimulatorExtension oncePerClass() {
    return new AliMailSimulatorExtension(configuration, true);
  }

  /**
   * The running simulator.
   *
   * @throws IllegalStateException outside a test
   */
  public AliMailSimulator simulator() {
    if (simulator == null) {
      throw new IllegalStateException("the AliMail simulator runs only during a test");
    }
    return simulator;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (perClass) {
      simulator = startSimulator();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass) {
      stopSimulator();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass && simulator == null) {
      throw new ExtensionConfigurationException(
          "oncePerClass() needs the AliMailSimulatorExtension in a static field");
    }
    if (!perClass) {
      simulator = startSimulator();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stopSimulator();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AliMailSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return simulator();
  }

  private AliMailSimulator startSimulator() {
    AliMailSimulator.Builder builder = AliMailSimulator.builder();
    configuration.accept(builder);
    return builder.start();
  }

  private void stopSimulator() {
    if (simulator != null) {
      simulator.stop();
      simulator = null;
    }
  }
}
