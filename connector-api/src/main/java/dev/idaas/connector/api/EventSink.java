package dev.idaas.connector.api;

/**
 * Where a connector reports the result of each object, as soon as it is known. The host records it
 * durably before returning, so a crash later in the run loses nothing reported.
 *
 * <p>Implementations are thread-safe: a connector may report from several workers at once.
 */
@FunctionalInterface
public interface EventSink {

  /** Records one object's result. A connector reports each object once per run. */
  void report(ObjectResult result);
}
