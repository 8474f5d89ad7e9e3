package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Alibaba Mail that keeps departments and mailboxes in memory, as a transport, for tests
 * that push a whole directory. It enforces what matters to the connector: tokens, unique names
 * under a parent, unique addresses, non-empty departments, refused names. Thread-safe.
 */
final class StatefulAliMail implements Transport {

  static final String ROOT = "dep-root";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String domain;
  private final Map<String, ObjectNode> departments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> mailboxes = new LinkedHashMap<>();
  private final Map<String, Integer> calls = new TreeMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private String token;

  StatefulAliMail(String domain) {
    this.domain = domain;
    departments.put(ROOT, department(ROOT, null, domain));
    ObjectNode postmaster = MAPPER.createObjectNode();
    postmaster.put("email", "postmaster@" + domain).put("name", "Postmaster");
    postmaster.put("departmentId", ROOT).put("status", "0");
    mailboxes.put("postmaster@" + domain, postmaster);
  }

  /** Calls per path. */
  synchronized Map<String, Integer> calls() {
    return new TreeMap<>(calls);
  }

  synchronized int departmentCount() {
    return departments.size();
  }

  synchronized int mailboxCount() {
    return mailboxes.size();
  }

  synchronized ObjectNode mailbox(String email) {
    return mailboxes.get(email.toLowerCase(Locale.ROOT));
  }

  synchronized void clearCalls() {
    calls.clear();
  }

  @Override
  public synchronized Response post(String path, byte[] body) {
    calls.merge(path, 1, Integer::sum);
    JsonNode request = parse(body);
    JsonNode param = request.path("param");
    if (!path.equals(Session.LOGIN_PATH)
        && !request.path("access").path("accessToken").asText().equals(token)) {
      return answer("408", null);
    }
    return switch (path) {
      case Session.LOGIN_PATH -> signIn();
      case "/ud/getDomainInfo" -> ok(MAPPER.createObjectNode().put("rootDepartmentId", ROOT));
      case "/ud/getDepartmentList" -> departmentList();
      case "/ud/createDepartment" -> createDepartment(param);
      case "/ud/updateDepartment" -> updateDepartment(param);
      case "/ud/removeDepartment" -> removeDepartment(param);
      case "/ud/createAccounts" -> createAccounts(param);
      case "/ud/getAccountsInfo" -> accountsInfo(param);
      case "/ud/updateAccountInfo" ->
          updateAccount(request.path("access").path("accessTarget").asText(), param);
      case "/ud/moveAccountsToDepartment" ->
          each(
              param.path("emails"),
              m -> m.put("departmentId", param.path("toDepartmentId").asText()));
      case "/ud/updateAccountsStatus" -> setStatus(param);
      case "/ud/removeAccounts" -> removeAccounts(param);
      case "/ud/getAccountList" -> accountList(param);
      default -> new Response(404, Map.of(), new byte[0]);
    };
  }

  private Response signIn() {
    token = "tok-" + ids.incrementAndGet();
    return ok(MAPPER.createObjectNode().put("accessToken", token));
  }

  private Response departmentList() {
    ArrayNode list = MAPPER.createArrayNode();
    for (ObjectNode department : departments.values()) {
      ObjectNode item = department.deepCopy();
      long members =
          mailboxes.values().stream()
              .filter(
                  m ->
                      m.path("departmentId")
                          .asText()
                          .equals(department.path("departmentId").asText()))
              .count();
      item.put("accountNum", Long.toString(members));
      list.add(item);
    }
    ObjectNode data = MAPPER.createObjectNode();
    data.set("dataList", list);
    return ok(data);
  }

  private Response createDepartment(JsonNode param) {
    String parent = param.path("parentId").asText();
    String name = param.path("name").asText();
    if (!departments.containsKey(parent)) {
      return answer("2962", "PARENT_NOT_FOUND");
    }
    if (name.length() > 64 || name.matches(".*[/\\\\:*?\"<>|].*")) {
      return answer("2961", "INVALID_NAME");
    }
    if (childNamed(parent, name)) {
      return answer("2963", "NAME_EXISTS");
    }
    String id = "dep-" + ids.incrementAndGet();
    departments.put(id, department(id, parent, name));
    return ok(MAPPER.createObjectNode().put("departmentId", id));
  }

  private Response updateDepartment(JsonNode param) {
    ObjectNode department = departments.get(param.path("departmentId").asText());
    if (department == null) {
      return answer("2962", "NOT_FOUND");
    }
    department.put("name", param.path("name").asText());
    if (param.has("parentId")) {
      department.put("parentId", param.path("parentId").asText());
    }
    return ok(MAPPER.createObjectNode());
  }

  private Response removeDepartment(JsonNode param) {
    String id = param.path("departmentId").asText();
    if (!departments.containsKey(id)) {
      return answer("2962", "NOT_FOUND");
    }
    if (departments.values().stream().anyMatch(d -> d.path("parentId").asText().equals(id))) {
      return answer("2964", "HAS_CHILDREN");
    }
    if (mailboxes.values().stream().anyMatch(m -> m.path("departmentId").asText().equals(id))) {
      return answer("2965", "HAS_ACCOUNTS");
    }
    departments.remove(id);
    return ok(MAPPER.createObjectNode());
  }

  private Response createAccounts(JsonNode param) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode success = data.putArray("success");
    ArrayNode fail = data.putArray("fail");
    for (JsonNode account : param.path("accounts")) {
      String email = account.path("email").asText();
      String key = email.toLowerCase(Locale.ROOT);
      if (mailboxes.containsKey(key)) {
        fail.addObject().put("email", email).put("errorCode", "1601").put("errorMsg", "EXISTS");
      } else if (!key.endsWith("@" + domain)
          || !departments.containsKey(account.path("departmentId").asText())) {
        fail.addObject().put("email", email).put("errorCode", "1603").put("errorMsg", "INVALID");
      } else {
        ObjectNode mailbox = account.deepCopy();
        mailbox.remove("passwd");
        mailbox.put("status", "0");
        mailboxes.put(key, mailbox);
        success.addObject().put("email", email);
      }
    }
    return ok(data);
  }

  private Response accountsInfo(JsonNode param) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode found = data.putArray("dataList");
    ArrayNode fail = data.putArray("fail");
    for (JsonNode email : param.path("emails")) {
      ObjectNode mailbox = mailboxes.get(email.asText().toLowerCase(Locale.ROOT));
      if (mailbox == null) {
        fail.addObject().put("email", email.asText()).put("errorCode", "1602");
      } else {
        ObjectNode item = found.addObject();
        for (String field : Mailbox.FIELDS) {
          item.put(field, mailbox.path(field).asText(""));
        }
      }
    }
    return ok(data);
  }

  private Response updateAccount(String email, JsonNode param) {
    ObjectNode mailbox = mailboxes.get(email.toLowerCase(Locale.ROOT));
    if (mailbox == null) {
      return answer("1602", "NOT_FOUND");
    }
    param.fields().forEachRemaining(field -> mailbox.set(field.getKey(), field.getValue()));
    return ok(MAPPER.createObjectNode());
  }

  private Response setStatus(JsonNode param) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode fail = data.putArray("fail");
    for (JsonNode account : param.path("accounts")) {
      ObjectNode mailbox = mailboxes.get(account.path("email").asText().toLowerCase(Locale.ROOT));
      if (mailbox == null) {
        fail.addObject().put("email", account.path("email").asText()).put("errorCode", "1602");
      } else {
        mailbox.put("status", account.path("status").asText());
      }
    }
    return ok(data);
  }

  private Response removeAccounts(JsonNode param) {
    return each(
        param.path("emails"),
        mailbox -> mailboxes.remove(mailbox.path("email").asText().toLowerCase(Locale.ROOT)));
  }

  private Response accountList(JsonNode param) {
    String id = param.path("departmentId").asText();
    List<ObjectNode> members =
        mailboxes.values().stream()
            .filter(m -> m.path("departmentId").asText().equals(id))
            .toList();
    int offset = param.path("offset").asInt();
    int length = param.path("length").asInt();
    ObjectNode data = MAPPER.createObjectNode().put("total", Integer.toString(members.size()));
    ArrayNode page = data.putArray("accounts");
    members.stream()
        .skip(offset)
        .limit(length)
        .forEach(m -> page.addObject().put("email", m.path("email").asText()));
    return ok(data);
  }

  private Response each(JsonNode emails, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode data = MAPPER.createObjectNode();
    ArrayNode fail = data.putArray("fail");
    for (JsonNode email : emails) {
      ObjectNode mailbox = mailboxes.get(email.asText().toLowerCase(Locale.ROOT));
      if (mailbox == null) {
        fail.addObject().put("email", email.asText()).put("errorCode", "1602");
      } else {
        change.accept(mailbox);
      }
    }
    return ok(data);
  }

  private boolean childNamed(String parent, String name) {
    return departments.values().stream()
        .anyMatch(
            d ->
                d.path("parentId").asText().equals(parent) && d.path("name").asText().equals(name));
  }

  private static ObjectNode department(String id, String parent, String name) {
    ObjectNode department = MAPPER.createObjectNode().put("departmentId", id).put("name", name);
    if (parent != null) {
      department.put("parentId", parent);
    }
    return department;
  }

  private static Response ok(JsonNode data) {
    ObjectNode answer = MAPPER.createObjectNode();
    answer.putObject("status").put("statusCode", "100").put("statusMsg", "SYS_RESP_OK");
    answer.set("data", data);
    return json(answer);
  }

  private static Response answer(String code, String message) {
    ObjectNode answer = MAPPER.createObjectNode();
    answer.putObject("status").put("statusCode", code).put("statusMsg", message);
    answer.putObject("data");
    return json(answer);
  }

  private static Response json(JsonNode answer) {
    return new Response(200, Map.of(), answer.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
