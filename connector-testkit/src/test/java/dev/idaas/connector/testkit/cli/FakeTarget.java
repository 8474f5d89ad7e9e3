package dev.idaas.connector.testkit.cli;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The target of {@link FakeDirectoryProvider}: units and accounts kept in memory, reachable at an
 * endpoint while it is started. An endpoint with no started target is "unreachable".
 */
final class FakeTarget {

  private static final Map<String, FakeTarget> STARTED = new ConcurrentHashMap<>();

  final String endpoint;
  final String token;
  final Map<String, String> units = new TreeMap<>();
  final Map<String, String> accounts = new TreeMap<>();
  final Set<String> frozen = ConcurrentHashMap.newKeySet();
  final Set<String> refusedEmails = ConcurrentHashMap.newKeySet();
  final AtomicInteger writes = new AtomicInteger();

  private FakeTarget(String endpoint, String token) {
    this.endpoint = endpoint;
    this.token = token;
  }

  /** Starts a target at an endpoint, replacing any earlier one there. */
  static FakeTarget start(String endpoint, String token) {
    FakeTarget target = new FakeTarget(endpoint, token);
    STARTED.put(endpoint, target);
    return target;
  }

  static Optional<FakeTarget> at(String endpoint) {
    return Optional.ofNullable(STARTED.get(endpoint));
  }

  void stop() {
    STARTED.remove(endpoint, this);
  }

  synchronized void putUnit(String hostId, String name) {
    units.put(hostId, name);
    writes.incrementAndGet();
  }

  synchronized void removeUnit(String hostId) {
    units.remove(hostId);
    writes.incrementAndGet();
  }

  synchronized void putAccount(String email, String name) {
    accounts.put(email, name);
    writes.incrementAndGet();
  }

  synchronized void freeze(String email, boolean frozenNow) {
    if (frozenNow) {
      frozen.add(email);
    } else {
      frozen.remove(email);
    }
    writes.incrementAndGet();
  }
}
