package dev.idaas.connector.api.host;

import java.util.Objects;

/**
 * Why a plug-in jar, or a provider in it or on the class path, was not loaded. Collected by {@link
 * ProviderRegistry#problems()}.
 *
 * @param origin {@value LoadedProvider#CLASS_PATH}, the path of the plug-in jar, or the plug-in
 *     folder
 * @param reason what is wrong and, where it helps, what to do, in one sentence
 */
public record LoadProblem(String origin, String reason) {

  public LoadProblem {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }

  /** The problem for an operator to read: the origin, then the reason. */
  public String message() {
    return origin + ": " + reason;
  }

  @Override
  public String toString() {
    return message();
  }
}
