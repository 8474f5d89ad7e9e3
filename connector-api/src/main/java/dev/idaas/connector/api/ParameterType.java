package dev.idaas.connector.api;

/**
 * The type of a connector parameter. The raw value is always a string; the type says how it is
 * checked and how {@link ConnectorConfig} returns it.
 */
public enum ParameterType {
  /** Free text, returned as a string. */
  TEXT,
  /** A secret such as a password or an API key, returned as a {@link Secret}. */
  SECRET,
  /** A whole number, returned as a {@code long}. */
  INTEGER,
  /** {@code true} or {@code false}, returned as a {@code boolean}. */
  BOOLEAN,
  /** An absolute {@code http} or {@code https} URL, returned as a {@link java.net.URI}. */
  URL,
  /** A mail domain such as {@code example.com}, returned in lower case. */
  MAIL_DOMAIN,
  /** One of the spec's allowed values, returned as a string. */
  ENUM,
  /** An ISO-8601 duration ({@code PT10S}) or a number with a unit ({@code 10s}, {@code 500ms}). */
  DURATION
}
