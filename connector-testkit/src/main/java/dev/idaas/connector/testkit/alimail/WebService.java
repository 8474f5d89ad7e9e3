package dev.idaas.connector.testkit.alimail;

import static dev.idaas.connector.testkit.alimail.ServiceError.ACCOUNT_NOT_FOUND;
import static dev.idaas.connector.testkit.alimail.ServiceError.INVALID_ACCOUNT_DATA;
import static dev.idaas.connector.testkit.alimail.ServiceError.TARGET_NOT_MANAGED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The directory operations of the WebService API (every path under {@code /ud/}): reads the {@code
 * param} of a call, applies it to the {@link Directory} and builds the {@code data} of the answer.
 * A refusal of the whole call is thrown as a {@link ServiceError}; a refusal of one batch item goes
 * into the answer's {@code fail} list.
 */
final class WebService {

  static final Set<String> PATHS =
      Set.of(
          "/ud/getDomainInfo",
          "/ud/getDepartmentList",
          "/ud/createDepartment",
          "/ud/updateDepartment",
          "/ud/removeDepartment",
          "/ud/createAccounts",
          "/ud/updateAccountInfo",
          "/ud/moveAccountsToDepartment",
          "/ud/updateAccountsStatus",
          "/ud/updateAccountsPassword",
          "/ud/removeAccounts",
          "/ud/getAccountsInfo",
          "/ud/getAccountList");

  /** The most accounts one page of {@code getAccountList} gives; larger requests are cut. */
  static final int PAGE_LIMIT = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> ACCOUNT_READ_FIELDS =
      List.of(
          "name", "nickName", "departmentId", "employeeNo", "mobilePhone", "jobTitle", "status");

  private final Directory directory;
  private final FaultPlan faults;
  private final int maxBatchSize;

  WebService(Directory directory, FaultPlan faults, int maxBatchSize) {
    this.directory = directory;
    this.faults = faults;
    this.maxBatchSize = maxBatchSize;
  }

  /**
   * Serves one call.
   *
   * @param path one of {@link #PATHS}
   * @param accessTarget the {@code access.accessTarget} of the call; may be null
   * @param param the {@code param} of the call; an empty object if it had none
   * @return the {@code data} of a successful answer
   * @throws ServiceError if the service refuses the whole call
   */
  ObjectNode call(String path, String accessTarget, JsonNode param) {
    checkTarget(path, accessTarget);
    return switch (path) {
      case "/ud/getDomainInfo" -> domainInfo();
      case "/ud/getDepartmentList" -> departmentList();
      case "/ud/createDepartment" -> createDepartment(param);
      case "/ud/updateDepartment" -> updateDepartment(param);
      case "/ud/removeDepartment" -> removeDepartment(param);
      case "/ud/createAccounts" -> createAccounts(param);
      case "/ud/updateAccountInfo" -> updateAccountInfo(accessTarget, param);
      case "/ud/moveAccountsToDepartment" -> moveAccounts(param);
      case "/ud/updateAccountsStatus" -> updateStatus(param);
      case "/ud/updateAccountsPassword" -> updatePasswords(param);
      case "/ud/removeAccounts" -> removeAccounts(param);
      case "/ud/getAccountsInfo" -> accountsInfo(param);
      case "/ud/getAccountList" -> accountList(param);
      default -> throw new IllegalArgumentException("not a WebService path: " + path);
    };
  }

  // ---- access target ----

  private void checkTarget(String path, String accessTarget) {
    String target = accessTarget == null ? "" : accessTarget.trim();
    if (path.equals("/ud/updateAccountInfo")) {
      int at = target.lastIndexOf('@');
      if (at < 0 || !target.substring(at + 1).equalsIgnoreCase(directory.domain())) {
        throw new ServiceError(
            TARGET_NOT_MANAGED, "the accessTarget of updateAccountInfo is the account's e-mail");
      }
    } else if (!target.equalsIgnoreCase(directory.domain())) {
      throw new ServiceError(TARGET_NOT_MANAGED, "these credentials manage only the domain");
    }
  }

  // ---- departments ----

  private ObjectNode domainInfo() {
    return NODES.objectNode().put("rootDepartmentId", directory.rootDepartmentId());
  }

  private ObjectNode departmentList() {
    ArrayNode dataList = NODES.arrayNode();
    for (DepartmentSnapshot department : directory.departments()) {
      ObjectNode item = dataList.addObject().put("departmentId", department.id());
      if (department.parentId() != null) {
        item.put("parentId", department.parentId());
      }
      item.put("name", department.name());
      item.put("accountNum", String.valueOf(department.accountCount()));
      if (department.customDepartmentId() != null) {
        item.put("customDepartmentId", department.customDepartmentId());
      }
    }
    ObjectNode data = NODES.objectNode();
    data.set("dataList", dataList);
    return data;
  }

  private ObjectNode createDepartment(JsonNode param) {
    Department created =
        directory.createDepartment(
            text(param, "parentId"),
            text(param, "name"),
            text(param, "customDepartmentId"),
            order(param));
    return NODES.objectNode().put("departmentId", created.id());
  }

  private ObjectNode updateDepartment(JsonNode param) {
    String parentId = text(param, "parentId");
    directory.updateDepartment(
        text(param, "departmentId"),
        text(param, "name"),
        parentId == null || parentId.isBlank() ? null : parentId,
        order(param));
    return NODES.objectNode();
  }

  private ObjectNode removeDepartment(JsonNode param) {
    directory.removeDepartment(text(param, "departmentId"));
    return NODES.objectNode();
  }

  // ---- accounts ----

  private ObjectNode createAccounts(JsonNode param) {
    return eachItem(
        batch(param, "accounts"),
        item -> {
          String email = text(item, "email");
          faults
              .itemFailure(email)
              .ifPresent(
                  code -> {
                    throw new ServiceError(code, null);
                  });
          directory.createAccount(
              new Directory.NewAccount(
                  email,
                  text(item, "name"),
                  text(item, "passwd"),
                  text(item, "departmentId"),
                  text(item, "nickName"),
                  text(item, "employeeNo"),
                  text(item, "mobilePhone"),
                  text(item, "jobTitle")));
        });
  }

  private ObjectNode updateAccountInfo(String email, JsonNode param) {
    Map<String, String> fields = new LinkedHashMap<>();
    param
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (Directory.ACCOUNT_FIELDS.contains(field) || field.equals("passwd")) {
                fields.put(field, text(param, field));
              }
            });
    directory.updateAccount(email, fields);
    return NODES.objectNode();
  }

  private ObjectNode moveAccounts(JsonNode param) {
    String departmentId = text(param, "toDepartmentId");
    directory.requireDepartment(departmentId);
    return eachEmail(batch(param, "emails"), email -> directory.moveAccount(email, departmentId));
  }

  private ObjectNode updateStatus(JsonNode param) {
    return eachItem(
        batch(param, "accounts"),
        item -> {
          MailboxStatus status;
          try {
            status = MailboxStatus.fromWire(text(item, "status"));
          } catch (IllegalArgumentException notAStatus) {
            throw new ServiceError(INVALID_ACCOUNT_DATA, notAStatus.getMessage());
          }
          directory.setStatus(text(item, "email"), status);
        });
  }

  private ObjectNode updatePasswords(JsonNode param) {
    return eachItem(
        batch(param, "accounts"),
        item -> directory.setPassword(text(item, "email"), text(item, "password")));
  }

  private ObjectNode removeAccounts(JsonNode param) {
    return eachEmail(batch(param, "emails"), directory::removeAccount);
  }

  private ObjectNode accountsInfo(JsonNode param) {
    Set<String> fields = requestedFields(param);
    ArrayNode dataList = NODES.arrayNode();
    ArrayNode fail = NODES.arrayNode();
    for (JsonNode node : batch(param, "emails")) {
      String email = node.asText();
      directory
          .account(email)
          .ifPresentOrElse(
              account -> dataList.add(accountJson(account, fields)),
              () -> addFailure(fail, email, new ServiceError(ACCOUNT_NOT_FOUND, null)));
    }
    ObjectNode data = NODES.objectNode();
    data.set("dataList", dataList);
    data.set("fail", fail);
    return data;
  }

  private ObjectNode accountList(JsonNode param) {
    int offset = number(param, "offset", 0);
    int length = Math.min(number(param, "length", PAGE_LIMIT), PAGE_LIMIT);
    if (offset < 0 || length < 1) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, "offset must be 0 or more, length 1 or more");
    }
    Directory.Page page = directory.members(text(param, "departmentId"), offset, length);

    Set<String> fields = requestedFields(param);
    ArrayNode accounts = NODES.arrayNode();
    page.accounts().forEach(account -> accounts.add(accountJson(account, fields)));
    ObjectNode data = NODES.objectNode().put("total", String.valueOf(page.total()));
    data.set("accounts", accounts);
    return data;
  }

  // ---- batches ----

  private ArrayNode batch(JsonNode param, String field) {
    JsonNode items = param.get(field);
    if (items == null || !items.isArray()) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, field + " must be a list");
    }
    if (items.size() > maxBatchSize) {
      throw new ServiceError(
          INVALID_ACCOUNT_DATA,
          field + " has " + items.size() + " items, more than " + maxBatchSize);
    }
    return (ArrayNode) items;
  }

  private ObjectNode eachItem(ArrayNode items, Consumer<JsonNode> operation) {
    ArrayNode success = NODES.arrayNode();
    ArrayNode fail = NODES.arrayNode();
    for (JsonNode item : items) {
      String email = text(item, "email");
      try {
        if (!item.isObject()) {
          throw new ServiceError(INVALID_ACCOUNT_DATA, "an item must be an object");
        }
        operation.accept(item);
        success.addObject().put("email", email);
      } catch (ServiceError refused) {
        addFailure(fail, email, refused);
      }
    }
    ObjectNode data = NODES.objectNode();
    data.set("success", success);
    data.set("fail", fail);
    return data;
  }

  private ObjectNode eachEmail(ArrayNode emails, Consumer<String> operation) {
    ArrayNode items = NODES.arrayNode();
    emails.forEach(email -> items.addObject().set("email", email));
    return eachItem(items, item -> operation.accept(text(item, "email")));
  }

  private static void addFailure(ArrayNode fail, String email, ServiceError refused) {
    fail.addObject()
        .put("email", email)
        .put("errorCode", refused.code())
        .put("errorMsg", refused.getMessage());
  }

  // ---- reading and writing fields ----

  private static ObjectNode accountJson(Mailbox account, Set<String> fields) {
    ObjectNode json = NODES.objectNode().put("email", account.email());
    for (String field : fields) {
      String value =
          field.equals("status") ? account.status().wireValue() : accountField(account, field);
      if (value != null) {
        json.put(field, value);
      }
    }
    return json;
  }

  private static String accountField(Mailbox account, String field) {
    return switch (field) {
      case "name" -> account.name();
      case "nickName" -> account.nickName();
      case "departmentId" -> account.departmentId();
      case "employeeNo" -> account.employeeNo();
      case "mobilePhone" -> account.mobilePhone();
      case "jobTitle" -> account.jobTitle();
      default -> null;
    };
  }

  /** The account fields a read asked for, in a fixed order; all of them if it named none. */
  private static Set<String> requestedFields(JsonNode param) {
    JsonNode requested = param.get("fields");
    Set<String> fields = new LinkedHashSet<>();
    for (String field : ACCOUNT_READ_FIELDS) {
      boolean asked = requested == null || !requested.isArray() || requested.isEmpty();
      if (!asked) {
        for (JsonNode name : requested) {
          asked |= field.equals(name.asText());
        }
      }
      if (asked) {
        fields.add(field);
      }
    }
    return fields;
  }

  /** A field as text, whether it came as a string or a number; null if absent or not a value. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }

  private static int number(JsonNode param, String field, int absent) {
    String value = text(param, field);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException notANumber) {
      throw new ServiceError(INVALID_ACCOUNT_DATA, field + " must be a number");
    }
  }

  private static Integer order(JsonNode param) {
    String order = text(param.path("extend"), "order");
    try {
      return order == null ? null : Integer.valueOf(order.trim());
    } catch (NumberFormatException notANumber) {
      // The order only sorts departments in the console: a bad one is ignored, not refused.
      return null;
    }
  }
}
