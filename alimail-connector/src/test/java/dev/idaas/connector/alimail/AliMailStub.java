package dev.idaas.connector.alimail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Alibaba Mail's WebService as WireMock stubs, one test at a time: canned answers per path, and
 * every request the connector sent, in order, for exact assertions.
 */
final class AliMailStub {

  static final String ACCESS_CODE = "sim-access-code";
  static final String ACCESS_PASSWORD = "sim-access-password";
  static final String DOMAIN = "acme.example";
  static final String TOKEN = "sim-access-codeQx7Zp1767225600000";
  static final String ROOT = "----.root:1";

  static final String LOGIN = "/control/wsLogin";
  static final String DOMAIN_INFO = "/ud/getDomainInfo";
  static final String DEPARTMENTS = "/ud/getDepartmentList";
  static final String CREATE_DEPARTMENT = "/ud/createDepartment";
  static final String UPDATE_DEPARTMENT = "/ud/updateDepartment";
  static final String REMOVE_DEPARTMENT = "/ud/removeDepartment";
  static final String CREATE_ACCOUNTS = "/ud/createAccounts";
  static final String UPDATE_ACCOUNT = "/ud/updateAccountInfo";
  static final String MOVE_ACCOUNTS = "/ud/moveAccountsToDepartment";
  static final String ACCOUNTS_STATUS = "/ud/updateAccountsStatus";
  static final String REMOVE_ACCOUNTS = "/ud/removeAccounts";
  static final String ACCOUNTS_INFO = "/ud/getAccountsInfo";
  static final String ACCOUNT_LIST = "/ud/getAccountList";

  private static final String BASE = "/alimailws";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WireMockExtension wire;

  AliMailStub(WireMockExtension wire) {
    this.wire = wire;
  }

  String endpoint() {
    return "http://127.0.0.1:" + wire.getPort() + BASE;
  }

  /** Sign-in answers with {@link #TOKEN}. */
  AliMailStub signIn() {
    return answer(LOGIN, "{\"accessToken\":\"" + TOKEN + "\"}");
  }

  /** Every call to {@code path} answers status 100 with {@code data}. */
  AliMailStub answer(String path, String data) {
    wire.stubFor(to(path).willReturn(ok(data)));
    return this;
  }

  /** Every call to {@code path} answers with another status code. */
  AliMailStub refuse(String path, String code, String message) {
    wire.stubFor(to(path).willReturn(status(code, message)));
    return this;
  }

  /** Calls to {@code path} get these answers in turn; the last one repeats. */
  AliMailStub inTurn(String path, ResponseDefinitionBuilder... answers) {
    String scenario = "turns of " + path;
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "turn " + i;
      ScenarioMappingBuilder mapping = to(path).inScenario(scenario).whenScenarioStateIs(state);
      if (i + 1 < answers.length) {
        mapping = mapping.willSetStateTo("turn " + (i + 1));
      }
      wire.stubFor(mapping.willReturn(answers[i]));
    }
    return this;
  }

  /** Calls to {@code path} whose JSON has {@code value} at {@code jsonPath} get this answer. */
  AliMailStub when(String path, String jsonPath, String value, ResponseDefinitionBuilder answer) {
    wire.stubFor(
        to(path)
            .atPriority(1)
            .withRequestBody(matchingJsonPath(jsonPath, equalTo(value)))
            .willReturn(answer));
    return this;
  }

  /** Stubs any mapping the test builds itself. */
  AliMailStub stub(MappingBuilder mapping) {
    wire.stubFor(mapping);
    return this;
  }

  /** The department list, root included; each item {@code id|parentId|name|accountNum}. */
  AliMailStub departments(String... items) {
    return answer(DEPARTMENTS, departmentList(items));
  }

  static String departmentList(String... items) {
    StringBuilder list = new StringBuilder("{\"dataList\":[");
    list.append(
        "{\"departmentId\":\"" + ROOT + "\",\"name\":\"" + DOMAIN + "\",\"accountNum\":\"1\"}");
    for (String item : items) {
      String[] parts = item.split("\\|", -1);
      list.append(",{\"departmentId\":\"")
          .append(parts[0])
          .append("\",\"parentId\":\"")
          .append(parts[1])
          .append("\",\"name\":\"")
          .append(parts[2])
          .append("\",\"accountNum\":\"")
          .append(parts.length > 3 ? parts[3] : "0")
          .append("\"}");
    }
    return list.append("]}").toString();
  }

  static MappingBuilder to(String path) {
    return post(urlEqualTo(BASE + path));
  }

  static ResponseDefinitionBuilder ok(String data) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(
            "{\"status\":{\"statusCode\":\"100\",\"statusMsg\":\"SYS_RESP_OK\"},\"data\":"
                + data
                + "}");
  }

  static ResponseDefinitionBuilder status(String code, String message) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(
            "{\"status\":{\"statusCode\":\""
                + code
                + "\",\"statusMsg\":\""
                + message
                + "\"},\"data\":{}}");
  }

  /** A request as the connector sent it. */
  record Sent(String path, JsonNode body) {
    @Override
    public String toString() {
      return path + " " + body;
    }
  }

  /** Every request, oldest first. */
  List<Sent> calls() {
    // WireMock lists the newest first.
    List<ServeEvent> events = new ArrayList<>(wire.getAllServeEvents());
    Collections.reverse(events);
    List<Sent> sent = new ArrayList<>();
    for (ServeEvent event : events) {
      String url = event.getRequest().getUrl();
      sent.add(new Sent(url.substring(BASE.length()), parse(event.getRequest().getBodyAsString())));
    }
    return sent;
  }

  /** The requests to one path, oldest first. */
  List<Sent> calls(String path) {
    return calls().stream().filter(call -> call.path().equals(path)).toList();
  }

  /** The paths called, oldest first. */
  List<String> paths() {
    return calls().stream().map(Sent::path).toList();
  }

  /** What the connector should send: the envelope with the token and a domain-level target. */
  static Sent expected(String path, String param) {
    return expected(path, DOMAIN, param);
  }

  /** The same, to another target, such as a user's address. */
  static Sent expected(String path, String target, String param) {
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("access").put("accessToken", TOKEN).put("accessTarget", target);
    body.set("param", parse(param));
    return new Sent(path, body);
  }

  /** The sign-in request. */
  static Sent expectedSignIn() {
    ObjectNode body = MAPPER.createObjectNode();
    body.putObject("access").put("accessToken", "").put("accessTarget", "");
    body.putObject("param").put("accessCode", ACCESS_CODE).put("accessPassword", ACCESS_PASSWORD);
    return new Sent(LOGIN, body);
  }

  /** JSON written with single quotes, for readable tests. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
