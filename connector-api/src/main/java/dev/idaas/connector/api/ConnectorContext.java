package dev.idaas.connector.api;

import java.time.Clock;

/**
 * What the host lends a connector for its lifetime: where to report results, where links live, the
 * clock, and a way to learn the run was cancelled.
 *
 * <p>In a preview the host passes a link store whose changes are kept in memory and thrown away
 * afterwards, so a connector can plan a whole change set (units, then the accounts in them) the
 * same way it runs one.
 */
public interface ConnectorContext {

  /** The sink for per-object results. */
  EventSink events();

  /** The host's links between its ids and the target's. */
  LinkStore links();

  /** The clock to read time from; tests pass a fixed one. */
  Clock clock();

  /** Whether the host asked the run to stop. */
  Cancellation cancellation();

  /** A context from its four parts. */
  static ConnectorContext of(
      EventSink events, LinkStore links, Clock clock, Cancellation cancellation) {
    return new ConnectorContext() {
      @Override
      public EventSink events() {
        return events;
      }

      @Override
      public LinkStore links() {
        return links;
      }

      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public Cancellation cancellation() {
        return cancellation;
      }
    };
  }
}
