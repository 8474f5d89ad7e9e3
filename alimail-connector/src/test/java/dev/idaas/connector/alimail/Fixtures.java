package dev.idaas.connector.alimail;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.OrgUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds configurations, contexts and directory objects for tests. */
final class Fixtures {

  private Fixtures() {}

  /** The raw parameters of a connector pointing at {@code endpoint}, with overrides as pairs. */
  static Map<String, String> parameters(String endpoint, String... overrides) {
    Map<String, String> raw = new HashMap<>();
    raw.put("endpoint", endpoint);
    raw.put("accessCode", AliMailStub.ACCESS_CODE);
    raw.put("accessPassword", AliMailStub.ACCESS_PASSWORD);
    raw.put("accessTarget", AliMailStub.DOMAIN);
    raw.put("rootDeptId", AliMailStub.ROOT);
    raw.put("requestsPerSecond", "40");
    for (int i = 0; i < overrides.length; i += 2) {
      if (overrides[i + 1] == null) {
        raw.remove(overrides[i]);
      } else {
        raw.put(overrides[i], overrides[i + 1]);
      }
    }
    return raw;
  }

  static ConnectorConfig config(String endpoint, String... overrides) {
    return new AliMailProvider().descriptor().validate(parameters(endpoint, overrides));
  }

  static ConnectorContext context(RecordingEvents events, InMemoryLinkStore links) {
    return ConnectorContext.of(
        events,
        links,
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        Cancellation.NEVER);
  }

  /** An environment with real HTTP but instant waits. */
  static Environment instantWaits(RecordingSleeper sleeper, VirtualTicker ticker) {
    return new Environment(
        Environment.REAL.transports(), sleeper, ticker, Environment.RETRY_POLICY);
  }

  static OrgUnit unit(String id, String parentId, String name) {
    return OrgUnit.of(id, parentId, name, 0);
  }

  static Account account(String id, String email, String name, String... units) {
    return new Account(
        id,
        email.substring(0, email.indexOf('@')).toLowerCase(),
        email,
        name,
        null,
        null,
        null,
        Arrays.asList(units),
        AccountStatus.ACTIVE,
        Map.of());
  }

  static Account account(
      String id,
      String email,
      String name,
      String mobile,
      String employeeNo,
      String jobTitle,
      List<String> units) {
    return new Account(
        id,
        email.substring(0, email.indexOf('@')).toLowerCase(),
        email,
        name,
        mobile,
        employeeNo,
        jobTitle,
        units,
        AccountStatus.ACTIVE,
        Map.of());
  }
}
