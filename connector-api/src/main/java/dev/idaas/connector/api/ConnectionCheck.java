package dev.idaas.connector.api;

import java.util.List;
import java.util.Objects;

/**
 * A successful connection check: what was checked, for the administrator to read.
 *
 * @param steps each check that passed, such as "signed in" or "root department found", in order
 */
public record ConnectionCheck(List<String> steps) {

  public ConnectionCheck {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }
}
