package dev.idaas.connector.testkit.alimail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens handed out by {@code wsLogin}, each valid for a fixed time from its issue.
 * Several tokens may be valid at once: a new login does not end the older sessions.
 */
final class TokenStore {

  private final String accessCode;
  private final Duration lifetime;
  private final Clock clock;
  private final RandomIds randomChars;
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  TokenStore(String accessCode, Duration lifetime, Clock clock, RandomIds randomChars) {
    this.accessCode = accessCode;
    this.lifetime = lifetime;
    this.clock = clock;
    this.randomChars = randomChars;
  }

  /** A new token, shaped like the real ones: access code, five random characters, epoch millis. */
  String issue() {
    Instant now = clock.instant();
    String token = accessCode + randomChars.chars(5) + now.toEpochMilli();
    expiries.put(token, now.plus(lifetime));
    return token;
  }

  /** Whether the token was issued here, not revoked, and has not expired yet. */
  boolean isValid(String token) {
    Instant expiry = token == null ? null : expiries.get(token);
    if (expiry == null) {
      return false;
    }
    if (!clock.instant().isBefore(expiry)) {
      expiries.remove(token);
      return false;
    }
    return true;
  }

  /** Ends every session at once, as if the service had revoked them. */
  void revokeAll() {
    expiries.clear();
  }
}
