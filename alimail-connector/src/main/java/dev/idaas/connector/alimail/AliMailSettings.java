package dev.idaas.connector.alimail;

import static dev.idaas.connector.alimail.AliMailParameters.ACCESS_CODE;
import static dev.idaas.connector.alimail.AliMailParameters.ACCESS_PASSWORD;
import static dev.idaas.connector.alimail.AliMailParameters.ACCESS_TARGET;
import static dev.idaas.connector.alimail.AliMailParameters.ACCOUNT_BATCH_SIZE;
import static dev.idaas.connector.alimail.AliMailParameters.CONNECT_TIMEOUT;
import static dev.idaas.connector.alimail.AliMailParameters.ENDPOINT;
import static dev.idaas.connector.alimail.AliMailParameters.INITIAL_PASSWORD;
import static dev.idaas.connector.alimail.AliMailParameters.MAILBOX_LOCAL_PART;
import static dev.idaas.connector.alimail.AliMailParameters.READ_TIMEOUT;
import static dev.idaas.connector.alimail.AliMailParameters.REQUESTS_PER_SECOND;
import static dev.idaas.connector.alimail.AliMailParameters.REVOCATION;
import static dev.idaas.connector.alimail.AliMailParameters.ROOT_DEPT_ID;

import dev.idaas.connector.api.ConnectorConfig;
import dev.idaas.connector.api.InvalidConfigurationException;
import dev.idaas.connector.api.ParameterProblem;
import dev.idaas.connector.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The connector's configuration, typed and checked beyond what the generic validation can see.
 *
 * @param endpoint the WebService base address, without a trailing slash
 * @param domain the mail domain, lower case
 * @param rootDepartmentId the configured root department, or null to use the domain's root
 * @param mapping which directory field feeds each mailbox field
 */
record AliMailSettings(
    URI endpoint,
    String accessCode,
    Secret accessPassword,
    String domain,
    String rootDepartmentId,
    int requestsPerSecond,
    Duration connectTimeout,
    Duration readTimeout,
    Revocation revocation,
    PasswordSource initialPassword,
    LocalPart localPart,
    Map<MailboxField, AttributeSource> mapping,
    int accountBatchSize) {

  /** What revoking an account does to its mailbox. */
  enum Revocation {
    FREEZE,
    DELETE
  }

  /** Where a new mailbox's password comes from. */
  enum PasswordSource {
    RANDOM,
    FROM_ATTRIBUTE
  }

  /** What goes before the @ of a mailbox address. */
  enum LocalPart {
    EMAIL_LOCAL_PART,
    USERNAME
  }

  /** Half the highest budget: 500 ms in flight at 40 calls a second. */
  static final int MAX_WORKERS = 20;

  AliMailSettings {
    mapping = Map.copyOf(mapping);
  }

  /**
   * Reads a validated configuration.
   *
   * @throws InvalidConfigurationException if the endpoint is plain HTTP to another machine
   */
  static AliMailSettings from(ConnectorConfig config) {
    URI endpoint = withoutTrailingSlash(config.url(ENDPOINT));
    requireSafeEndpoint(config.descriptor().id(), endpoint);
    int requestsPerSecond = (int) config.integer(REQUESTS_PER_SECOND);
    requirePacingOfARealService(config.descriptor().id(), endpoint, requestsPerSecond);

    Map<MailboxField, AttributeSource> mapping = new EnumMap<>(MailboxField.class);
    for (MailboxField field : MailboxField.values()) {
      mapping.put(field, AttributeSource.parse(config.text(field.parameter())));
    }

    return new AliMailSettings(
        endpoint,
        config.text(ACCESS_CODE),
        config.secret(ACCESS_PASSWORD),
        config.text(ACCESS_TARGET),
        config.optionalText(ROOT_DEPT_ID).filter(id -> !id.isBlank()).orElse(null),
        requestsPerSecond,
        config.duration(CONNECT_TIMEOUT),
        config.duration(READ_TIMEOUT),
        Revocation.valueOf(config.text(REVOCATION).toUpperCase(Locale.ROOT)),
        "fromAttribute".equals(config.text(INITIAL_PASSWORD))
            ? PasswordSource.FROM_ATTRIBUTE
            : PasswordSource.RANDOM,
        "username".equals(config.text(MAILBOX_LOCAL_PART))
            ? LocalPart.USERNAME
            : LocalPart.EMAIL_LOCAL_PART,
        mapping,
        (int) config.integer(ACCOUNT_BATCH_SIZE));
  }

  /** Whether the endpoint is plain HTTP, which is allowed only to this machine. */
  boolean plainHttp() {
    return "http".equalsIgnoreCase(endpoint.getScheme());
  }

  /** Whether calls are paced; not only for a simulator on this machine. */
  boolean paced() {
    return requestsPerSecond > 0;
  }

  /**
   * Threads for independent calls. Paced, half the budget: enough calls in flight to keep the
   * budget busy while a call takes up to 500 ms (12 at 40 a second and 300 ms, say); the threads
   * wait on the network, and the budget, not the pool, bounds the work. Unpaced (a simulator on
   * this machine), the calls are CPU work, and eight are plenty for a few cores.
   */
  int workerThreads() {
    return paced() ? Math.max(2, Math.min(MAX_WORKERS, requestsPerSecond / 2)) : 8;
  }

  private static URI withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static void requireSafeEndpoint(String providerId, URI endpoint) {
    if ("http".equalsIgnoreCase(endpoint.getScheme()) && !isLoopback(endpoint.getHost())) {
      throw new InvalidConfigurationException(
          providerId,
          List.of(
              new ParameterProblem(
                  ENDPOINT,
                  "'"
                      + endpoint
                      + "' is plain http:// to another machine, which would send the access"
                      + " password unencrypted; use https://, or http:// only to 127.0.0.1 or"
                      + " localhost for a simulator")));
    }
  }

  private static void requirePacingOfARealService(
      String providerId, URI endpoint, int requestsPerSecond) {
    if (requestsPerSecond == 0 && !isLoopback(endpoint.getHost())) {
      throw new InvalidConfigurationException(
          providerId,
          List.of(
              new ParameterProblem(
                  REQUESTS_PER_SECOND,
                  "0 switches pacing off, which only a simulator on this machine can take; give"
                      + " Alibaba Mail a number from 1 to 40")));
    }
  }

  /** Loopback by name or literal address only: no DNS lookup decides what is safe. */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return bare.equalsIgnoreCase("localhost")
        || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
        || bare.equals("::1")
        || bare.equals("0:0:0:0:0:0:0:1");
  }
}
