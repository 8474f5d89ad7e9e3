package dev.idaas.connector.api;

import java.util.Objects;

/**
 * One thing wrong with a raw parameter map: which parameter, and what the administrator should do
 * about it. Messages never contain the value of a secret.
 *
 * @param key the parameter's key, as in {@link ParameterSpec#key()}
 * @param message what is wrong and what to do, in one sentence, without the key itself
 */
public record ParameterProblem(String key, String message) {

  public ParameterProblem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return key + ": " + message;
  }
}
