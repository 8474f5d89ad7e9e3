package dev.idaas.connector.testkit.bench;

import java.util.Arrays;

/** The five measures of a {@link PushBench} run, numbered as the command line names them. */
public enum Part {
  /** A first push into an empty domain, held back by the request budget and the latency. */
  BUDGET_BOUND(1, "budget-bound push"),
  /** The same push again with nothing changed. */
  NO_OP(2, "no-op push"),
  /**
   * The connector beside a plain HTTP loop sending the same requests, without latency or budget.
   */
  OVERHEAD(3, "overhead"),
  /** The budget-bound push done one call per object, one at a time. */
  NAIVE(4, "naive baseline"),
  /** A directory several times larger, without latency or budget. */
  SCALE(5, "scale");

  private final int number;
  private final String title;

  Part(int number, String title) {
    this.number = number;
    this.title = title;
  }

  /** The part's number, from 1. */
  public int number() {
    return number;
  }

  /** A few words for people. */
  public String title() {
    return title;
  }

  /**
   * The part with a number.
   *
   * @throws IllegalArgumentException if no part has it
   */
  public static Part numbered(int number) {
    return Arrays.stream(values())
        .filter(part -> part.number == number)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "there is no part " + number + "; the parts are numbered 1 to 5"));
  }
}
