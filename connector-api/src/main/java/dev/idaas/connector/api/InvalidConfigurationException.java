package dev.idaas.connector.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A raw parameter map has problems. Carries every problem found, so a form can mark each field at
 * once; the message lists them one per line.
 */
public class InvalidConfigurationException extends ConnectorException {

  private final List<ParameterProblem> problems;

  public InvalidConfigurationException(String providerId, List<ParameterProblem> problems) {
    super(ErrorKind.INVALID_CONFIGURATION, describe(providerId, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order of the descriptor's parameters, unknown keys last. */
  public List<ParameterProblem> problems() {
    return problems;
  }

  private static String describe(String providerId, List<ParameterProblem> problems) {
    String noun = problems.size() == 1 ? "problem" : "problems";
    return "The parameters of "
        + providerId
        + " have "
        + problems.size()
        + " "
        + noun
        + ":"
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }
}
