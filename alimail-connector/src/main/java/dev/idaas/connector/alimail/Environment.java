package dev.idaas.connector.alimail;

import dev.idaas.connector.api.support.RequestBudget;
import dev.idaas.connector.api.support.Retrier;
import dev.idaas.connector.api.support.RetryPolicy;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the connector takes from the world besides its configuration: the network, and how it waits.
 * Production uses {@link #REAL}; tests swap in a fake transport, a sleeper that records instead of
 * sleeping, or a ticker that moves only when told.
 *
 * @param transports makes the transport for a configuration
 * @param sleeper waits between retries
 * @param ticker the clock and sleep of the request budget
 * @param retryPolicy how throttled calls and server errors are retried
 */
record Environment(
    Function<AliMailSettings, Transport> transports,
    Retrier.Sleeper sleeper,
    RequestBudget.Ticker ticker,
    RetryPolicy retryPolicy) {

  /**
   * Six attempts, from 250 ms doubling; waits of up to a minute, so a {@code Retry-After} of up to
   * 60 seconds is honoured as asked, and at most two minutes of waiting for one call.
   */
  static final RetryPolicy RETRY_POLICY =
      new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofMinutes(2));

  static final Environment REAL =
      new Environment(
          settings ->
              new HttpTransport(
                  settings.endpoint(), settings.connectTimeout(), settings.readTimeout()),
          Retrier.Sleeper.SYSTEM,
          RequestBudget.Ticker.SYSTEM,
          RETRY_POLICY);
}
