package dev.idaas.connector.alimail;

import dev.idaas.connector.alimail.TransportException.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The real transport: one shared {@link HttpClient}, so connections are kept alive and reused by
 * every worker thread.
 *
 * <p>Redirects are never followed: a redirect could carry the access password to another host.
 */
final class HttpTransport implements Transport {

  private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  private final HttpClient client;
  private final URI endpoint;
  private final Duration readTimeout;

  HttpTransport(URI endpoint, Duration connectTimeout, Duration readTimeout) {
    this.endpoint = endpoint;
    this.readTimeout = readTimeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Response post(String path, byte[] body) throws TransportException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + path))
            .timeout(readTimeout)
            .header("Content-Type", CONTENT_TYPE)
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(request, info -> new CappedBody(WireCodec.MAX_ANSWER_BYTES + 1));
    try {
      // The request timeout covers the wait for headers; this also bounds a body that trickles.
      HttpResponse<byte[]> response =
          pending.get(readTimeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new TransportException(Failure.TIMEOUT, "no complete answer in time", e);
    } catch (ExecutionException e) {
      throw classify(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new TransportException(Failure.INTERRUPTED, "interrupted", e);
    }
  }

  /** Names the failure from the first telling exception in the cause chain. */
  static TransportException classify(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Failure kind = kindOf(cause);
      if (kind != null) {
        return new TransportException(kind, describe(cause), failure);
      }
    }
    return new TransportException(Failure.DROPPED, describe(failure), failure);
  }

  private static Failure kindOf(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return Failure.CONNECT_TIMEOUT;
    }
    if (cause instanceof HttpTimeoutException) {
      return Failure.TIMEOUT;
    }
    if (cause instanceof SSLException) {
      return Failure.TLS;
    }
    if (cause instanceof ConnectException
        || cause instanceof UnknownHostException
        || cause instanceof NoRouteToHostException
        || cause instanceof UnresolvedAddressException) {
      return Failure.UNREACHABLE;
    }
    return null;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    String type = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  /**
   * Collects a body up to a cap and stops reading past it, so a hostile or broken server cannot
   * fill the heap.
   */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int cap;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int room = cap - received.size();
        int take = Math.min(room, buffer.remaining());
        byte[] chunk = new byte[take];
        buffer.get(chunk);
        received.write(chunk, 0, take);
      }
      if (received.size() >= cap) {
        subscription.cancel();
        body.complete(received.toByteArray());
      }
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(
          throwable instanceof IOException ? throwable : new IOException(throwable));
    }

    @Override
    public void onComplete() {
      body.complete(received.toByteArray());
    }
  }
}
