package dev.idaas.connector.api;

/** How a whole run ended. */
public enum RunStatus {
  /** Every object ended without a problem (skips a policy asked for are fine). */
  SUCCESS,
  /** Some objects failed or were blocked; the others were pushed. */
  PARTIAL,
  /** The run stopped with a run-level error, or every object in it failed or was blocked. */
  FAILED
}
