package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.support.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The one place that turns what Alibaba Mail answered (a status code, an HTTP status, no answer)
 * into a {@link ConnectorException}: its kind, and a message that names the system, the operation,
 * the code, and what to do. Text the server sent is scrubbed before it is quoted.
 *
 * <p>Codes marked as guesses in {@code docs/alimail-api.md} are not published by Alibaba Mail; they
 * are the codes this connector and its simulator agree on.
 */
final class AliMailErrors {

  static final String SYSTEM = "Alibaba Mail";

  /** What a code means: its kind and a hint for the person reading the message. */
  private record Meaning(ErrorKind kind, String hint) {}

  private static final Map<String, Meaning> CODES =
      Map.ofEntries(
          Map.entry(
              "408",
              new Meaning(
                  ErrorKind.AUTHENTICATION,
                  "The access token was refused again right after signing in; check that the"
                      + " credentials are not used by another system that keeps signing in.")),
          Map.entry(
              "1101",
              new Meaning(
                  ErrorKind.AUTHENTICATION,
                  "The access code or access password is wrong: check accessCode and"
                      + " accessPassword, which Alibaba Mail support issues.")),
          Map.entry(
              "1102",
              new Meaning(
                  ErrorKind.PERMISSION,
                  "This machine's outgoing (egress) IP address is not on the allow-list of these"
                      + " credentials: ask Alibaba Mail support to allow it, or call from an"
                      + " allowed address.")),
          Map.entry(
              "1103",
              new Meaning(
                  ErrorKind.INVALID_CONFIGURATION,
                  "The mail domain is not managed by these credentials: check accessTarget, and"
                      + " that the access code was issued for this domain.")),
          Map.entry(
              "1601",
              new Meaning(ErrorKind.CONFLICT, "A mailbox with this address already exists.")),
          Map.entry("1602", new Meaning(ErrorKind.NOT_FOUND, "The mailbox does not exist.")),
          Map.entry(
              "1603",
              new Meaning(
                  ErrorKind.INVALID_DATA,
                  "Alibaba Mail refused the account's data (for example an address outside the"
                      + " domain, or a field it does not accept): fix it in the directory.")),
          Map.entry(
              "1610",
              new Meaning(
                  ErrorKind.QUOTA,
                  "The mail plan has no free seat: add seats or free some, then push again.")),
          Map.entry(
              "2961",
              new Meaning(
                  ErrorKind.INVALID_DATA,
                  "Alibaba Mail refused the department name (at most 64 characters, none of"
                      + " / \\ : * ? \" < > |): rename the org unit in the directory.")),
          Map.entry(
              "2962",
              new Meaning(ErrorKind.NOT_FOUND, "The department does not exist in Alibaba Mail.")),
          Map.entry(
              "2963",
              new Meaning(
                  ErrorKind.CONFLICT,
                  "A department with this name already exists under the same parent.")),
          Map.entry(
              "2964",
              new Meaning(
                  ErrorKind.CONFLICT,
                  "The department is not empty: it still has sub-departments.")),
          Map.entry(
              "2965",
              new Meaning(
                  ErrorKind.CONFLICT, "The department is not empty: it still has mailboxes.")),
          Map.entry(
              "429",
              new Meaning(
                  ErrorKind.RATE_LIMITED,
                  "Alibaba Mail asked to slow down; lower requestsPerSecond if this keeps"
                      + " happening.")));

  private AliMailErrors() {}

  /** The kind a code stands for; codes this connector does not know are invalid data. */
  static ErrorKind kindOf(String code) {
    Meaning meaning = CODES.get(code);
    return meaning == null ? ErrorKind.INVALID_DATA : meaning.kind();
  }

  /**
   * A whole call refused with a status code.
   *
   * @param statusMessage the server's text, or null
   */
  static ConnectorException refused(
      String operation, String code, String statusMessage, Redactor scrubber) {
    String message =
        SYSTEM
            + " refused "
            + operation
            + " (code "
            + code
            + quote(statusMessage, scrubber)
            + "). "
            + hintOf(code);
    return new ConnectorException(kindOf(code), message, code, null, null);
  }

  /** One item of a batch refused with a code, such as one mailbox in {@code data.fail}. */
  static ConnectorException itemRefused(
      String operation, String subject, String code, String itemMessage, Redactor scrubber) {
    String shownCode = code == null ? "unknown" : code;
    String message =
        SYSTEM
            + " refused "
            + operation
            + " for "
            + subject
            + " (code "
            + shownCode
            + quote(itemMessage, scrubber)
            + "). "
            + hintOf(shownCode);
    return new ConnectorException(kindOf(shownCode), message, code, null, null);
  }

  /**
   * An answer whose HTTP status is not 200 and whose body is not a usable answer.
   *
   * @param retryAfter what the server asked for, or null
   * @param bodyStart the start of the body, already scrubbed; may be empty
   */
  static ConnectorException http(
      String operation,
      URI endpoint,
      String path,
      int status,
      Duration retryAfter,
      String bodyStart) {
    String detail = bodyStart.isBlank() ? "" : " (the answer starts: " + bodyStart + ")";
    if (status == 429) {
      return new ConnectorException(
          ErrorKind.RATE_LIMITED,
          SYSTEM + " throttled " + operation + " (HTTP 429). " + CODES.get("429").hint(),
          "429",
          retryAfter,
          null);
    }
    if (status >= 500) {
      return new ConnectorException(
          ErrorKind.UNAVAILABLE,
          SYSTEM + " failed " + operation + " with HTTP " + status + detail + ".",
          null,
          retryAfter,
          null);
    }
    if (status == 404) {
      return new ConnectorException(
          ErrorKind.INVALID_CONFIGURATION,
          SYSTEM
              + " has no "
              + path
              + " at "
              + endpoint
              + " (HTTP 404): check that endpoint is the WebService address, ending in"
              + " /alimailws.");
    }
    if (status == 401 || status == 403) {
      return new ConnectorException(
          ErrorKind.PERMISSION,
          SYSTEM
              + " refused "
              + operation
              + " with HTTP "
              + status
              + detail
              + ": this machine's outgoing IP address may not be allowed to call it.");
    }
    return new ConnectorException(
        ErrorKind.INVALID_DATA,
        SYSTEM + " answered " + operation + " with an unexpected HTTP " + status + detail + ".");
  }

  /** An answer that could not be read. */
  static ConnectorException malformed(String operation, int status, String reason) {
    return new ConnectorException(
        ErrorKind.UNAVAILABLE,
        SYSTEM
            + " answered "
            + operation
            + " with something that is not a WebService answer (HTTP "
            + status
            + ": "
            + reason
            + "); a proxy or gateway may be in the way.");
  }

  /** No answer arrived. */
  static ConnectorException transport(
      String operation, AliMailSettings settings, TransportException failure) {
    String where = settings.endpoint().getHost() + portOf(settings.endpoint());
    String reason = " (" + failure.getMessage() + ")";
    String message =
        switch (failure.failure()) {
          case UNREACHABLE ->
              "Cannot reach "
                  + SYSTEM
                  + " at "
                  + where
                  + " for "
                  + operation
                  + reason
                  + ": check endpoint, DNS, and that a firewall or proxy lets this machine"
                  + " connect.";
          case CONNECT_TIMEOUT ->
              "Connecting to "
                  + SYSTEM
                  + " at "
                  + where
                  + " for "
                  + operation
                  + " took longer than connectTimeout ("
                  + seconds(settings.connectTimeout())
                  + "): check endpoint and the network path.";
          case TLS ->
              "The TLS handshake with "
                  + where
                  + " failed for "
                  + operation
                  + reason
                  + ": check that endpoint is the right https address, that no proxy intercepts"
                  + " TLS, and that this Java runtime trusts the server's certificate.";
          case TIMEOUT ->
              SYSTEM
                  + " did not answer "
                  + operation
                  + " within readTimeout ("
                  + seconds(settings.readTimeout())
                  + ").";
          case DROPPED ->
              "The connection to "
                  + SYSTEM
                  + " at "
                  + where
                  + " dropped during "
                  + operation
                  + reason
                  + ".";
          case INTERRUPTED -> "The call " + operation + " to " + SYSTEM + " was interrupted.";
        };
    ErrorKind kind =
        failure.failure() == TransportException.Failure.INTERRUPTED
            ? ErrorKind.CANCELLED
            : ErrorKind.UNAVAILABLE;
    return new ConnectorException(kind, message, null, null, failure);
  }

  private static String hintOf(String code) {
    Meaning meaning = CODES.get(code);
    return meaning == null
        ? "This connector does not know code "
            + code
            + "; see the Alibaba Mail documentation or ask its support."
        : meaning.hint();
  }

  private static String quote(String serverText, Redactor scrubber) {
    if (serverText == null || serverText.isBlank()) {
      return "";
    }
    return ": " + scrubber.scrub(serverText.strip());
  }

  private static String portOf(URI endpoint) {
    return endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
