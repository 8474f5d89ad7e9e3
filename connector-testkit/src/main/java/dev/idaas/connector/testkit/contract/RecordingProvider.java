package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorDescriptor;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Stands between the host simulator and the connector under test, and keeps what the connector
 * itself said: each result as reported (the host masks known secrets before it logs an event, so
 * only here does a leak show), what each call returned, what it threw, and each connector's {@code
 * toString}. Everything else goes through unchanged.
 */
final class RecordingProvider implements ConnectorProvider {

  /** One authorize call: what the connector reported during it and what it returned. */
  record Call(String method, boolean preview, List<ObjectResult> reported, SyncResult result) {}

  private final ConnectorProvider provider;
  private final List<Call> calls = new ArrayList<>();
  private final List<ObjectResult> reported = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private List<ObjectResult> current;

  RecordingProvider(ConnectorProvider provider) {
    this.provider = provider;
  }

  @Override
  public String spiVersion() {
    return provider.spiVersion();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return provider.descriptor();
  }

  @Override
  public Connector open(ConnectorConfig config, ConnectorContext context) {
    ConnectorContext recording =
        ConnectorContext.of(
            result -> {
              record(result);
              context.events().report(result);
            },
            context.links(),
            context.clock(),
            context.cancellation());
    Connector connector = provider.open(config, recording);
    remember("the connector's toString", String.valueOf(connector));
    return new RecordingConnector(connector);
  }

  /** Every authorize call so far, oldest first. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Every result the connector reported, before the host masked anything. */
  synchronized List<ObjectResult> reported() {
    return List.copyOf(reported);
  }

  /** Other text the connector gave out, each prefixed with where it came from. */
  synchronized List<String> texts() {
    return List.copyOf(texts);
  }

  private synchronized void record(ObjectResult result) {
    reported.add(result);
    if (current != null) {
      current.add(result);
    }
  }

  private synchronized void remember(String where, String text) {
    texts.add(where + ": " + text);
  }

  private synchronized void begin() {
    current = new ArrayList<>();
  }

  private synchronized void end(String method, boolean preview, SyncResult result) {
    calls.add(new Call(method, preview, List.copyOf(current), result));
    current = null;
  }

  /** Records each call, its result and any exception it throws. */
  private final class RecordingConnector implements Connector {
    private final Connector connector;

    RecordingConnector(Connector connector) {
      this.connector = connector;
    }

    @Override
    public ConnectionCheck checkConnection() {
      ConnectionCheck check = watch("checkConnection", connector::checkConnection);
      remember("a connection check step", String.join(" | ", check.steps()));
      return check;
    }

    @Override
    public SyncResult authorizeOrganizations(SyncRequest<OrgUnit> request) {
      return authorize(
          "authorizeOrganizations",
          request.preview(),
          () -> connector.authorizeOrganizations(request));
    }

    @Override
    public SyncResult authorizeAccounts(SyncRequest<Account> request) {
      return authorize(
          "authorizeAccounts", request.preview(), () -> connector.authorizeAccounts(request));
    }

    @Override
    public void close() {
      connector.close();
    }

    @Override
    public String toString() {
      return connector.toString();
    }

    private SyncResult authorize(String method, boolean preview, Supplier<SyncResult> call) {
      begin();
      SyncResult result = null;
      try {
        result = watch(method, call);
        if (result != null && result.error() != null) {
          remember("the run-level error " + method + " returned", result.error());
        }
        return result;
      } finally {
        end(method, preview, result);
      }
    }

    private <T> T watch(String method, Supplier<T> call) {
      try {
        return call.get();
      } catch (RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
          remember(
              "the message of " + cause.getClass().getSimpleName() + " from " + method,
              String.valueOf(cause.getMessage()));
        }
        throw failure;
      }
    }
  }
}
