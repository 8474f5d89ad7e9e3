package dev.idaas.connector.alimail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one WebService call: a POST of a JSON body to a path under the endpoint. The seam between
 * the connector and the network, so unit tests can replace it.
 *
 * <p>Implementations are thread-safe, and never log bodies or headers.
 */
interface Transport {

  /**
   * Posts {@code body} to {@code path}.
   *
   * @param path such as {@code /ud/createAccounts}
   * @param body the JSON request, UTF-8
   * @return whatever the server answered, whatever its HTTP status
   * @throws TransportException when no answer arrived
   */
  Response post(String path, byte[] body) throws TransportException;

  /**
   * An HTTP answer.
   *
   * @param status the HTTP status
   * @param headers the headers, by name as the server spelled it
   * @param body the body as received; a transport may cut a very large body just past {@link
   *     WireCodec#MAX_ANSWER_BYTES}, so the codec can refuse it
   */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {

    public Response {
      headers = Map.copyOf(headers);
    }

    /** The first value of a header, ignoring the case of its name. */
    Optional<String> header(String name) {
      String wanted = name.toLowerCase(Locale.ROOT);
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(wanted))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst();
    }
  }
}
