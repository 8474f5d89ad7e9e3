package dev.idaas.connector.testkit.alimail;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.function.Function;

/**
 * The WireMock extension that answers every request of the simulator's stubs from its state,
 * instead of from a canned response.
 */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "alimail-simulator";
  static final String API_PREFIX = "/alimailws";
  static final String INSPECTION_PREFIX = "/__sim/";

  private static final System.Logger LOG = System.getLogger(SimulatorTransformer.class.getName());

  private final CallHandler calls;
  private final Function<String, Answer> inspection;

  SimulatorTransformer(CallHandler calls, Function<String, Answer> inspection) {
    this.calls = calls;
    this.inspection = inspection;
  }

  @Override
  public String getName() {
    return NAME;
  }

  /** Only the simulator's own stubs name this transformer. */
  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    String url = serveEvent.getRequest().getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    try {
      Answer answer =
          path.startsWith(INSPECTION_PREFIX)
              ? inspection.apply(path)
              : calls.handle(
                  path.substring(API_PREFIX.length()), serveEvent.getRequest().getBody());
      return toResponse(answer);
    } catch (RuntimeException bug) {
      LOG.log(Level.ERROR, "the AliMail simulator failed to answer " + path, bug);
      return toResponse(Answer.text(500, "text/plain", "simulator error: " + bug));
    }
  }

  private static ResponseDefinition toResponse(Answer answer) {
    ResponseDefinitionBuilder response = new ResponseDefinitionBuilder();
    if (answer.delay().toMillis() > 0) {
      response.withFixedDelay(Math.toIntExact(answer.delay().toMillis()));
    }
    if (answer.connectionFault() != null) {
      Fault fault =
          answer.connectionFault() == FaultAction.Kind.DROP
              ? Fault.CONNECTION_RESET_BY_PEER
              : Fault.EMPTY_RESPONSE;
      return response.withFault(fault).build();
    }
    response.withStatus(answer.httpStatus()).withHeader("Content-Type", answer.contentType());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.withHeader(header.getKey(), header.getValue());
    }
    return response.withBody(answer.body()).build();
  }
}
