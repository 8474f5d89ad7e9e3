package dev.idaas.connector.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Operation;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector may report from several workers at once; the host records each report once. */
class ConcurrentReportingTest {

  @TempDir Path stateFolder;

  @Test
  void recordsEveryReportOfConcurrentWorkersWithItsOwnEventId() {
    List<Integer> progress = new ArrayList<>();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void objectDone(Progress p) {
            progress.add(p.done());
          }
        };
    HostFixture fixture = new HostFixture(stateFolder);

    try (HostSimulator host =
        fixture
            .builder()
            .provider(new ParallelProvider(fixture))
            .progressListener(listener)
            .open()) {
      RunSummary run = host.executeAdd(HostFixture.hr());

      assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 40));
      assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 107));
      List<SyncEvent> events = host.events(EventFilter.all());
      assertThat(events).extracting(SyncEvent::eventId).doesNotHaveDuplicates().hasSize(147);
      assertThat(events).extracting(SyncEvent::hostId).doesNotHaveDuplicates();
      assertThat(host.links().all(ObjectType.ACCOUNT)).hasSize(107);
    }
    assertThat(progress).hasSize(147).isSorted().startsWith(1).endsWith(147);
  }

  /** Reports every object as created, four workers at a time, and links it. */
  private static final class ParallelProvider implements ConnectorProvider {
    private final ConnectorProvider base;

    ParallelProvider(HostFixture fixture) {
      this.base = new InMemoryDirectoryProvider(fixture.target);
    }

    @Override
    public String spiVersion() {
      return base.spiVersion();
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return base.descriptor();
    }

    @Override
    public Connector open(ConnectorConfig config, ConnectorContext context) {
      return new Connector() {
        private final ExecutorService workers = Executors.newFixedThreadPool(4);

        @Override
        public ConnectionCheck checkConnection() {
          return new ConnectionCheck(List.of("ok"));
        }

        @Override
        public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
          return inParallel(
              request.upserts().stream()
                  .map(u -> created(ObjectType.ORG_UNIT, u.id(), u.name()))
                  .toList());
        }

        @Override
        public SyncResult authorizeAccounts(SyncRequest<Account> request) {
          return inParallel(
              request.upserts().stream()
                  .map(a -> created(ObjectType.ACCOUNT, a.id(), a.email()))
                  .toList());
        }

        private SyncResult inParallel(List<ObjectResult> results) {
          SyncResult.Tally tally = SyncResult.tally();
          List<Future<?>> done = new ArrayList<>();
          for (ObjectResult result : results) {
            done.add(
                workers.submit(
                    () -> {
                      context.links().link(result.objectType(), result.hostId(), result.targetId());
                      context.events().report(result);
                      tally.add(result);
                    }));
          }
          for (Future<?> future : done) {
            try {
              future.get();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          return tally.result();
        }

        @Override
        public void close() {
          workers.shutdownNow();
        }
      };
    }

    private static ObjectResult created(ObjectType type, String id, String key) {
      return ObjectResult.done(type, id, key, Operation.UPSERT, Outcome.CREATED, "t-" + id, null);
    }
  }
}
