package dev.idaas.connector.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.api.host.ProviderRegistry;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.SnapshotReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of a host embedding a connector, run against the AliMail simulator. */
class EmbeddingExampleTest {

  @TempDir Path folder;

  private final List<ObjectResult> eventLog = new CopyOnWriteArrayList<>();
  private final LinkStore linkStore = new MapLinkStore();

  @Test
  void pushesTheOracleHrDirectoryTheWayTheReadmeShows() throws Exception {
    DirectorySnapshot hr = new SnapshotReader().read(Examples.path("oracle-hr.json"));
    Path plugins = Files.createDirectories(folder.resolve("plugins"));
    SyncResult units;
    SyncResult people;

    try (AliMailSimulator simulator = AliMailSimulator.builder().start();
        ProviderRegistry registry = ProviderRegistry.builder().pluginFolder(plugins).build()) {
      LoadedProvider alimail = registry.get("alimail");
      ConnectorConfig config =
          alimail
              .descriptor()
              .validate(
                  Map.of(
                      "endpoint",
                      simulator.endpoint(),
                      "accessCode",
                      AliMailSimulator.DEFAULT_ACCESS_CODE,
                      "accessPassword",
                      AliMailSimulator.DEFAULT_ACCESS_PASSWORD,
                      "accessTarget",
                      simulator.domain()));

      ConnectorContext context =
          ConnectorContext.of(eventLog::add, linkStore, Clock.systemUTC(), Cancellation.NEVER);
      try (Connector connector = alimail.open(config, context)) {
        connector.checkConnection();
        units = connector.authorizeOrganizations(SyncRequest.full(hr.orgUnits(), List.of()));
        people = connector.authorizeAccounts(SyncRequest.full(hr.accounts(), List.of()));
      }

      assertThat(simulator.accounts()).hasSize(108);
    }

    assertThat(units.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(units.total()).isEqualTo(40);
    assertThat(people.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(people.total()).isEqualTo(107);
    assertThat(eventLog).hasSize(147);
    assertThat(linkStore.all(ObjectType.ORG_UNIT)).hasSize(40);
    assertThat(linkStore.all(ObjectType.ACCOUNT)).hasSize(107);
  }

  /** The host's link store, in memory; a real host keeps it in its database. */
  private static final class MapLinkStore implements LinkStore {
    private final Map<ObjectType, Map<String, String>> links = new EnumMap<>(ObjectType.class);

    MapLinkStore() {
      for (ObjectType type : ObjectType.values()) {
        links.put(type, new ConcurrentHashMap<>());
      }
    }

    @Override
    public Optional<String> targetId(ObjectType type, String hostId) {
      return Optional.ofNullable(links.get(type).get(hostId));
    }

    @Override
    public void link(ObjectType type, String hostId, String targetId) {
      links.get(type).put(hostId, targetId);
    }

    @Override
    public void unlink(ObjectType type, String hostId) {
      links.get(type).remove(hostId);
    }

    @Override
    public Map<String, String> all(ObjectType type) {
      return Map.copyOf(links.get(type));
    }
  }
}
