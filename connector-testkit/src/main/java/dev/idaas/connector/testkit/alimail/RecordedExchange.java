package dev.idaas.connector.testkit.alimail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One WebService call as the simulator received and answered it, kept when the simulator was built
 * with {@link AliMailSimulator.Builder#recordExchanges(boolean)}. Benchmarks replay these to time a
 * plain HTTP client sending exactly what a connector sent.
 *
 * <p>The request body holds whatever the client sent, initial passwords and the access token
 * included: keep recordings in memory, never print or store them.
 *
 * @param path the path below the endpoint, such as {@code /ud/createDepartment}
 * @param requestBody the body as received; the array is shared, do not change it
 * @param httpStatus the HTTP status of the answer; 0 for a connection broken by a fault
 * @param answerBody the body of the answer; the array is shared, do not change it
 */
public record RecordedExchange(String path, byte[] requestBody, int httpStatus, byte[] answerBody) {

  public RecordedExchange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(requestBody, "requestBody");
    Objects.requireNonNull(answerBody, "answerBody");
  }

  /** The answer body as text. */
  public String answerText() {
    return new String(answerBody, StandardCharsets.UTF_8);
  }

  /** The path and the status only: the bodies may hold secrets. */
  @Override
  public String toString() {
    return "RecordedExchange[" + path + " → HTTP " + httpStatus + "]";
  }
}
