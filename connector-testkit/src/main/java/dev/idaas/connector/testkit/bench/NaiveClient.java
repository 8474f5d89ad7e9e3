package dev.idaas.connector.testkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.support.TreeOrder;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simple way to push a directory into Alibaba Mail, for a benchmark to compare a connector
 * with: one call per object, one call at a time, no batching, no reads. It signs in, reads the root
 * department, makes each org unit (parents first) with {@code createDepartment}, then each active
 * account with a {@code createAccounts} of one mailbox. Disabled accounts are left out, as a
 * connector leaves them out.
 *
 * <p>It makes {@code 2 + units + active accounts} calls when nothing is refused. An answer 429 is
 * waited out as its {@code Retry-After} says and the call is sent again (and counted again); any
 * other refusal is counted as a problem, and the units and accounts below a refused unit are left
 * out.
 *
 * <p>Not thread-safe: one push at a time.
 */
public final class NaiveClient {

  static final String DRIVER = "naive client";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD_CHARACTERS =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-";

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final SecureRandom random = new SecureRandom();
  private final AliMailSimulator target;
  private String token = "";
  private long problems;

  /** A client for one simulated domain, signing in with its test credentials. */
  public NaiveClient(AliMailSimulator target) {
    this.target = target;
  }

  /**
   * Pushes the directory into the simulated domain, counting its calls from zero.
   *
   * @throws IllegalStateException if sign-in or the root department read is refused
   */
  public PushFigures push(DirectorySnapshot directory) {
    target.resetCalls();
    problems = 0;

    long started = System.nanoTime();
    signIn();
    ObjectNode domainInfo = param();
    domainInfo.putArray("fields").add("rootDepartmentId");
    String root =
        call("/ud/getDomainInfo", domainInfo)
            .map(data -> data.path("rootDepartmentId").asText())
            .orElseThrow(() -> new IllegalStateException("the root department could not be read"));
    Map<String, String> departments = createUnits(directory, root);
    for (Account account : directory.accounts()) {
      if (account.isActive()) {
        createAccount(account, departmentOf(account, departments, root));
      }
    }
    long finished = System.nanoTime();

    return new PushFigures(
        DRIVER,
        directory.orgUnits().size() + directory.accounts().size(),
        Duration.ofNanos(finished - started),
        target.calls(),
        target.throttledCalls(),
        Map.of(),
        Map.of(),
        problems,
        null);
  }

  private void signIn() {
    ObjectNode param =
        param()
            .put("accessCode", AliMailSimulator.DEFAULT_ACCESS_CODE)
            .put("accessPassword", AliMailSimulator.DEFAULT_ACCESS_PASSWORD);
    token = "";
    token =
        call("/control/wsLogin", param)
            .map(data -> data.path("accessToken").asText())
            .orElseThrow(() -> new IllegalStateException("the simulator refused the sign-in"));
  }

  /** Makes each unit, parents first; returns the department of each unit made. */
  private Map<String, String> createUnits(DirectorySnapshot directory, String root) {
    Map<String, String> departments = new HashMap<>();
    for (OrgUnit unit : TreeOrder.ofUnits(directory.orgUnits(), id -> false).parentsFirst()) {
      String parent = unit.isTopLevel() ? root : departments.get(unit.parentId());
      if (parent == null) {
        continue;
      }
      ObjectNode param =
          param()
              .put("parentId", parent)
              .put("name", unit.name())
              .put("customDepartmentId", unit.id());
      param.putObject("extend").put("order", unit.order());
      call("/ud/createDepartment", param)
          .ifPresent(data -> departments.put(unit.id(), data.path("departmentId").asText()));
    }
    return departments;
  }

  private static String departmentOf(
      Account account, Map<String, String> departments, String root) {
    return account.primaryOrgUnitId().map(departments::get).orElse(root);
  }

  private void createAccount(Account account, String departmentId) {
    if (departmentId == null) {
      return;
    }
    ObjectNode mailbox =
        JSON.createObjectNode()
            .put("email", addressOf(account))
            .put("name", account.displayName())
            .put("passwd", password())
            .put("departmentId", departmentId);
    putIfPresent(mailbox, "mobilePhone", account.mobile());
    putIfPresent(mailbox, "employeeNo", account.employeeNo());
    putIfPresent(mailbox, "jobTitle", account.jobTitle());
    ObjectNode param = param();
    param.putArray("accounts").add(mailbox);
    call("/ud/createAccounts", param);
  }

  private String addressOf(Account account) {
    String local =
        account.email() == null
            ? account.username()
            : account.email().substring(0, Math.max(0, account.email().lastIndexOf('@')));
    return local.toLowerCase(Locale.ROOT) + "@" + target.domain();
  }

  private String password() {
    StringBuilder password = new StringBuilder("Aa1!");
    for (int i = 0; i < 12; i++) {
      password.append(PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length())));
    }
    return password.toString();
  }

  /**
   * Sends one call, again after each 429; gives the answer's data on success, and counts a problem
   * (a refusal, or a batch item that failed) otherwise.
   */
  private Optional<JsonNode> call(String path, ObjectNode param) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("access")
        .put("accessToken", token)
        .put("accessTarget", path.equals("/control/wsLogin") ? "" : target.domain());
    body.set("param", param);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(target.endpoint() + path))
            .header("Content-Type", "application/json;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
            .build();

    while (true) {
      HttpResponse<byte[]> response = send(request);
      if (response.statusCode() == 429) {
        pause(response.headers().firstValue("Retry-After").orElse("1"));
        continue;
      }
      JsonNode answer = read(response.body());
      JsonNode data = answer.path("data");
      if (!"100".equals(answer.path("status").path("statusCode").asText())) {
        problems++;
        return Optional.empty();
      }
      problems += data.path("fail").size();
      return Optional.of(data);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("the simulated Alibaba Mail did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an answer", e);
    }
  }

  private static void pause(String retryAfter) {
    try {
      Thread.sleep(Math.round(Double.parseDouble(retryAfter.strip()) * 1000));
    } catch (NumberFormatException e) {
      pause("1");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting out a 429", e);
    }
  }

  private static ObjectNode param() {
    return JSON.createObjectNode();
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null && !value.isBlank()) {
      node.put(field, value);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the simulated Alibaba Mail answered something not JSON", e);
    }
  }
}
