package dev.idaas.connector.testkit.cli;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;

/**
 * What the command line takes from its process besides its arguments: the environment variables,
 * whether a person watches the output on a terminal, the clock for runs and events, a monotonic
 * clock for progress rates, and how a long-running command learns that it must stop. {@link
 * #system()} is the real process; tests make their own.
 */
final class CliEnvironment {

  /**
   * How a command that runs until stopped (the simulator) waits, and cleans up when told to stop.
   */
  @FunctionalInterface
  interface Lifetime {

    /**
     * Blocks until the process is asked to stop, then runs {@code onStop}.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitStop(Runnable onStop) throws InterruptedException;
  }

  private final Map<String, String> variables;
  private final boolean terminal;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Lifetime lifetime;

  CliEnvironment(
      Map<String, String> variables,
      boolean terminal,
      Clock clock,
      LongSupplier nanoTime,
      Lifetime lifetime) {
    this.variables = Map.copyOf(variables);
    this.terminal = terminal;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
  }

  /** The real process: its environment, its console, and stopping on Ctrl-C or SIGTERM. */
  static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(),
        System.console() != null,
        Clock.systemUTC(),
        System::nanoTime,
        CliEnvironment::untilShutdown);
  }

  /** The environment variables. */
  Map<String, String> variables() {
    return variables;
  }

  /** One environment variable, or null. */
  String variable(String name) {
    return variables.get(name);
  }

  /** Whether a person watches on a terminal, so progress can be redrawn on one line. */
  boolean terminal() {
    return terminal;
  }

  /** The clock of runs and events. */
  Clock clock() {
    return clock;
  }

  /** A monotonic clock in nanoseconds, for progress rates. */
  LongSupplier nanoTime() {
    return nanoTime;
  }

  Lifetime lifetime() {
    return lifetime;
  }

  /**
   * Waits for the JVM to shut down (Ctrl-C sends SIGINT, {@code kill} SIGTERM) and cleans up in a
   * shutdown hook, the only code that still runs then.
   */
  private static void untilShutdown(Runnable onStop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              onStop.run();
              stopped.countDown();
            },
            "idaas-host-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
