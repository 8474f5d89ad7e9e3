package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starts the simulated Alibaba Mail the way each part needs it, and points a connector at it. */
final class Simulators {

  /** The connector parameter that sets its pace; 0 switches pacing off for a simulator. */
  static final String REQUESTS_PER_SECOND = "requestsPerSecond";

  private Simulators() {}

  /**
   * An empty domain answering after {@code latency}, over {@code budget} calls a second with 429.
   */
  static AliMailSimulator paced(Duration latency, int budget) {
    return AliMailSimulator.builder().latency(latency).requestBudget(budget).start();
  }

  /** An empty domain answering at once, with no budget. */
  static AliMailSimulator unlimited(boolean recordExchanges) {
    return AliMailSimulator.builder().recordExchanges(recordExchanges).start();
  }

  /** The parameters an administrator would fill in for the simulator, with the pace. */
  static Map<String, String> connectorParameters(AliMailSimulator target, int requestsPerSecond) {
    Map<String, String> parameters = new HashMap<>(target.connectorParameters());
    parameters.put(REQUESTS_PER_SECOND, Integer.toString(requestsPerSecond));
    return parameters;
  }
}
