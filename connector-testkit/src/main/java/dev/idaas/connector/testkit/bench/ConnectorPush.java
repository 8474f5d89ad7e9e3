package dev.idaas.connector.testkit.bench;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Drives a connector through the SPI alone, as a host would for Execute Add (org units, then
 * accounts, both as full requests), with links and events kept in memory: what it measures is the
 * connector, not a host's database.
 */
final class ConnectorPush {

  static final String DRIVER = "connector";

  private final ConnectorProvider provider;
  private final AliMailSimulator target;
  private final int requestsPerSecond;

  /**
   * @param requestsPerSecond the connector's pace; 0 for none
   */
  ConnectorPush(ConnectorProvider provider, AliMailSimulator target, int requestsPerSecond) {
    this.provider = provider;
    this.target = target;
    this.requestsPerSecond = requestsPerSecond;
  }

  /**
   * Pushes the whole directory once, counting the target's calls from zero.
   *
   * @param links the links the push starts from; it adds to them
   * @throws dev.idaas.connector.api.ConnectorException if the connector stops the run
   */
  PushFigures push(DirectorySnapshot directory, InMemoryLinkStore links) {
    ConnectorConfig config =
        provider.descriptor().validate(Simulators.connectorParameters(target, requestsPerSecond));
    TallyingEventSink events = new TallyingEventSink();
    ConnectorContext context =
        ConnectorContext.of(events, links, Clock.systemUTC(), Cancellation.NEVER);
    target.resetCalls();

    long started;
    long finished;
    try (Connector connector = provider.open(config, context)) {
      started = System.nanoTime();
      connector.authorizeOrganizations(SyncRequest.full(directory.orgUnits(), List.of()));
      connector.authorizeAccounts(SyncRequest.full(directory.accounts(), List.of()));
      finished = System.nanoTime();
    }

    return new PushFigures(
        DRIVER,
        directory.orgUnits().size() + directory.accounts().size(),
        Duration.ofNanos(finished - started),
        target.calls(),
        target.throttledCalls(),
        events.counts(ObjectType.ORG_UNIT),
        events.counts(ObjectType.ACCOUNT),
        0,
        null);
  }
}
