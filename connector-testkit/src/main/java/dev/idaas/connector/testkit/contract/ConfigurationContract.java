package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.BehaviourRule.EVERY_PROBLEM_AT_ONCE;

import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.api.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The checks on how a provider's parameters are validated. */
final class ConfigurationContract {

  /** A key no descriptor has, to check that a misspelt key is reported too. */
  static final String UNKNOWN_KEY = "notAParameterOfThisConnector";

  /** A value that breaks one constraint of one parameter. */
  record Violation(String key, String value, String breaks) {}

  private final ContractFixture fixture;

  ConfigurationContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void acceptsTheParametersOfTheTarget() {
    String situation = "validating the parameters the connector test gives for its target";
    ConnectorConfig config;
    try {
      config = fixture.descriptor().validate(fixture.parameters());
    } catch (InvalidConfigurationException refused) {
      throw new ContractViolation(
          EVERY_PROBLEM_AT_ONCE,
          situation,
          "the parameters accepted (the connector test must give valid ones)",
          fixture.secrets().mask(refused.getMessage()));
    }
    fixture.secrets().requireAbsent(situation, "the configuration's toString", config.toString());
  }

  void namesEachMissingRequiredParameter() {
    for (ParameterSpec spec : requiredWithoutDefault()) {
      Map<String, String> raw = new HashMap<>(fixture.parameters());
      raw.remove(spec.key());
      Set<String> named =
          problemKeys(raw, "validating the parameters without '" + spec.key() + "'");
      ContractAssertions.check(
          EVERY_PROBLEM_AT_ONCE,
          named.contains(spec.key()),
          "validating the parameters without the required '" + spec.key() + "'",
          "a problem naming '" + spec.key() + "'",
          () -> named.isEmpty() ? "accepted" : "problems for " + named + " only");
    }
  }

  void refusesAValueBreakingEachConstraint() {
    for (ParameterSpec spec : fixture.descriptor().parameters()) {
      for (Violation violation : violationsOf(spec)) {
        Map<String, String> raw = new HashMap<>(fixture.parameters());
        raw.put(violation.key(), violation.value());
        String situation =
            "validating the parameters with '"
                + violation.key()
                + "' = '"
                + shorten(violation.value())
                + "' ("
                + violation.breaks()
                + ")";
        Set<String> named = problemKeys(raw, situation);
        ContractAssertions.same(
            EVERY_PROBLEM_AT_ONCE,
            situation,
            "problems for [" + violation.key() + "]",
            named.isEmpty() ? "accepted" : "problems for " + named);
      }
    }
  }

  void reportsEveryProblemAtOnce() {
    Map<String, String> raw = new HashMap<>(fixture.parameters());
    Set<String> expected = new TreeSet<>();
    for (ParameterSpec spec : requiredWithoutDefault()) {
      raw.remove(spec.key());
      expected.add(spec.key());
    }
    for (ParameterSpec spec : fixture.descriptor().parameters()) {
      List<Violation> violations = violationsOf(spec);
      if (!expected.contains(spec.key()) && !violations.isEmpty()) {
        raw.put(spec.key(), violations.get(0).value());
        expected.add(spec.key());
      }
    }
    raw.put(UNKNOWN_KEY, "1");
    expected.add(UNKNOWN_KEY);

    String situation =
        "validating parameters with every required one missing, one wrong value for each other"
            + " constrained one, and the unknown key '"
            + UNKNOWN_KEY
            + "'";
    Set<String> named = new TreeSet<>(problemKeys(raw, situation));
    ContractAssertions.check(
        EVERY_PROBLEM_AT_ONCE,
        named.equals(expected),
        situation,
        "one exception with problems for " + expected,
        () -> named.isEmpty() ? "accepted" : "one exception with problems for " + named);
  }

  /** The keys named by the problems of validating {@code raw}; empty if it was accepted. */
  private Set<String> problemKeys(Map<String, String> raw, String situation) {
    ConnectorDescriptor descriptor = fixture.descriptor();
    try {
      descriptor.validate(raw);
      return Set.of();
    } catch (InvalidConfigurationException refused) {
      fixture.secrets().requireAbsent(situation, "the exception message", refused.getMessage());
      Set<String> keys = new LinkedHashSet<>();
      refused.problems().stream().map(ParameterProblem::key).forEach(keys::add);
      return keys;
    }
  }

  private List<ParameterSpec> requiredWithoutDefault() {
    return fixture.descriptor().parameters().stream()
        .filter(spec -> spec.required() && spec.defaultValue() == null)
        .toList();
  }

  /** A value breaking each constraint a spec has; none for free text without limits. */
  static List<Violation> violationsOf(ParameterSpec spec) {
    List<Violation> violations = new ArrayList<>();
    String key = spec.key();
    switch (spec.type()) {
      case TEXT, SECRET -> {
        if (spec.maxLength() != null) {
          violations.add(
              new Violation(
                  key, "x".repeat(spec.maxLength() + 1), "longer than " + spec.maxLength()));
        }
        if (spec.pattern() != null) {
          for (String candidate : List.of("#not valid#", "-", "0", "x y", "é")) {
            if (!candidate.matches(spec.pattern())) {
              violations.add(new Violation(key, candidate, "not matching " + spec.pattern()));
              break;
            }
          }
        }
      }
      case INTEGER -> {
        violations.add(new Violation(key, "twelve", "not a number"));
        if (spec.minimum() != null) {
          violations.add(
              new Violation(key, String.valueOf(spec.minimum() - 1), "below " + spec.minimum()));
        }
        if (spec.maximum() != null) {
          violations.add(
              new Violation(key, String.valueOf(spec.maximum() + 1), "above " + spec.maximum()));
        }
      }
      case BOOLEAN -> violations.add(new Violation(key, "perhaps", "not true or false"));
      case URL -> violations.add(new Violation(key, "not a url", "not a URL"));
      case MAIL_DOMAIN -> violations.add(new Violation(key, "not a domain", "not a mail domain"));
      case ENUM -> violations.add(new Violation(key, "noneOfTheAllowedValues", "not allowed"));
      case DURATION -> violations.add(new Violation(key, "soon", "not a duration"));
    }
    return violations;
  }

  private static String shorten(String value) {
    return value.length() <= 20 ? value : value.substring(0, 8) + "…(" + value.length() + ")";
  }
}
