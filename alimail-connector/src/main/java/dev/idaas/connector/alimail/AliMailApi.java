package dev.idaas.connector.alimail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.Secret;
import dev.idaas.connector.api.support.Redactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WebService operations this connector uses, typed. Domain-level calls go to the mail domain;
 * {@code updateAccountInfo} goes to the user's own address, as Alibaba Mail requires.
 *
 * <p>In a preview ({@link #previewing()}) reads go to Alibaba Mail as usual and writes are only
 * pretended: a new department gets a placeholder id starting with {@value #PREVIEW_ID_PREFIX}, and
 * every batch item succeeds. The connector's code path is otherwise the same as a real run.
 */
final class AliMailApi {

  static final String PREVIEW_ID_PREFIX = "preview:";

  /** {@code getAccountList} returns at most this many mailboxes a page. */
  static final int PAGE = 100;

  private final Session session;
  private final String domain;
  private final boolean preview;

  AliMailApi(Session session, String domain) {
    this(session, domain, false);
  }

  private AliMailApi(Session session, String domain, boolean preview) {
    this.session = session;
    this.domain = domain;
    this.preview = preview;
  }

  /** The same operations, with writes pretended. */
  AliMailApi previewing() {
    return new AliMailApi(session, domain, true);
  }

  boolean preview() {
    return preview;
  }

  /** The id of the domain's root department, or null when the answer has none. */
  String domainRootDepartmentId() {
    ObjectNode param = WireCodec.param();
    param.set("fields", WireCodec.strings(List.of("rootDepartmentId")));
    JsonNode data = session.call(Call.read("/ud/getDomainInfo", domain, param));
    return WireCodec.text(data, "rootDepartmentId");
  }

  /** Every department of the domain, the root included. */
  List<Department> departments() {
    JsonNode data = session.call(Call.read("/ud/getDepartmentList", domain, WireCodec.param()));
    List<Department> departments = new ArrayList<>();
    for (JsonNode item : WireCodec.items(data, "dataList")) {
      Department department = Department.from(item);
      if (department != null) {
        departments.add(department);
      }
    }
    return departments;
  }

  /**
   * Makes a department.
   *
   * @param customId the host's id of the org unit, kept by Alibaba Mail as {@code
   *     customDepartmentId}
   * @return the new department's id
   * @throws AmbiguousWriteException if the answer was lost
   */
  String createDepartment(String parentId, String name, String customId, int order) {
    if (preview) {
      return PREVIEW_ID_PREFIX + customId;
    }
    ObjectNode param = WireCodec.param();
    param.put("parentId", parentId);
    param.put("name", name);
    param.put("customDepartmentId", customId);
    param.putObject("extend").put("order", order);
    JsonNode data = session.call(Call.create("/ud/createDepartment", domain, param));

    String id = WireCodec.text(data, "departmentId");
    if (id == null || id.isBlank()) {
      // The department was most likely made, but without its id it cannot be linked.
      throw new AmbiguousWriteException(
          AliMailErrors.malformed("createDepartment", 200, "the answer has no data.departmentId"));
    }
    return id;
  }

  /**
   * Renames a department, and moves it when {@code newParentId} is not null. Alibaba Mail wants the
   * name on every update, so it is always sent.
   */
  void updateDepartment(String id, String name, String newParentId) {
    if (preview) {
      return;
    }
    ObjectNode param = WireCodec.param();
    param.put("departmentId", id);
    param.put("name", name);
    if (newParentId != null) {
      param.put("parentId", newParentId);
    }
    session.call(Call.write("/ud/updateDepartment", domain, param));
  }

  void removeDepartment(String id) {
    if (preview) {
      return;
    }
    ObjectNode param = WireCodec.param();
    param.put("departmentId", id);
    session.call(Call.write("/ud/removeDepartment", domain, param));
  }

  /**
   * Makes mailboxes in one call.
   *
   * @throws AmbiguousWriteException if the answer was lost; some of the mailboxes may exist
   */
  BatchResult createAccounts(List<NewMailbox> mailboxes) {
    List<String> emails = mailboxes.stream().map(NewMailbox::email).toList();
    if (preview) {
      return BatchResult.allSucceeded(emails);
    }
    ObjectNode param = WireCodec.param();
    ArrayNode accounts = param.putArray("accounts");
    List<Secret> passwords = new ArrayList<>();
    for (NewMailbox mailbox : mailboxes) {
      ObjectNode account = accounts.addObject();
      account.put("email", mailbox.email());
      account.put("name", mailbox.profile().get(MailboxField.NAME));
      account.put("passwd", mailbox.password().reveal());
      account.put("departmentId", mailbox.departmentId());
      mailbox.profile().forEach((field, value) -> account.put(field.wireName(), value));
      passwords.add(mailbox.password());
    }
    Redactor scrubber = session.redactorWith(passwords);
    JsonNode data = session.call(Call.create("/ud/createAccounts", domain, param), scrubber);
    return BatchResult.from(data, "createAccounts", scrubber);
  }

  /** Changes some profile fields of one mailbox; the call goes to the mailbox's own address. */
  void updateAccountInfo(String email, Map<MailboxField, String> changes) {
    if (preview) {
      return;
    }
    ObjectNode param = WireCodec.param();
    changes.forEach((field, value) -> param.put(field.wireName(), value));
    session.call(Call.write("/ud/updateAccountInfo", email, param));
  }

  BatchResult moveAccounts(String toDepartmentId, List<String> emails) {
    if (preview) {
      return BatchResult.allSucceeded(emails);
    }
    ObjectNode param = WireCodec.param();
    param.put("toDepartmentId", toDepartmentId);
    param.set("emails", WireCodec.strings(emails));
    JsonNode data = session.call(Call.write("/ud/moveAccountsToDepartment", domain, param));
    return BatchResult.from(data, "moveAccountsToDepartment", session.redactor());
  }

  /** Freezes ({@code frozen}) or unfreezes mailboxes. */
  BatchResult updateAccountsStatus(List<String> emails, boolean frozen) {
    if (preview) {
      return BatchResult.allSucceeded(emails);
    }
    ObjectNode param = WireCodec.param();
    ArrayNode accounts = param.putArray("accounts");
    for (String email : emails) {
      accounts.addObject().put("email", email).put("status", frozen ? "1" : "0");
    }
    JsonNode data = session.call(Call.write("/ud/updateAccountsStatus", domain, param));
    return BatchResult.from(data, "updateAccountsStatus", session.redactor());
  }

  BatchResult removeAccounts(List<String> emails) {
    if (preview) {
      return BatchResult.allSucceeded(emails);
    }
    ObjectNode param = WireCodec.param();
    param.set("emails", WireCodec.strings(emails));
    JsonNode data = session.call(Call.write("/ud/removeAccounts", domain, param));
    return BatchResult.from(data, "removeAccounts", session.redactor());
  }

  /**
   * Looks mailboxes up by address, at most {@value #PAGE} at once.
   *
   * @return the mailboxes found, by lower-case address; an address missing from it does not exist,
   *     or the answer did not mention it
   */
  Map<String, Mailbox> accountsInfo(List<String> emails) {
    return lookUp(emails).found();
  }

  /**
   * Looks mailboxes up by address, at most {@value #PAGE} at once, telling the addresses Alibaba
   * Mail says do not exist (code {@code 1602} in {@code fail}) from those its answer left out.
   */
  MailboxLookup lookUp(List<String> emails) {
    if (emails.size() > PAGE) {
      throw new IllegalArgumentException("at most " + PAGE + " addresses: " + emails.size());
    }
    ObjectNode param = WireCodec.param();
    param.set("emails", WireCodec.strings(emails));
    param.set("fields", WireCodec.strings(Arrays.asList(Mailbox.FIELDS)));
    JsonNode data = session.call(Call.read("/ud/getAccountsInfo", domain, param));

    Map<String, Mailbox> found = new HashMap<>();
    for (JsonNode item : WireCodec.items(data, "dataList")) {
      Mailbox mailbox = Mailbox.from(item);
      if (mailbox != null) {
        found.put(BatchResult.key(mailbox.email()), mailbox);
      }
    }
    Set<String> missing = new HashSet<>();
    for (JsonNode item : WireCodec.items(data, "fail")) {
      String email = WireCodec.text(item, "email");
      if (email != null && "1602".equals(WireCodec.text(item, "errorCode"))) {
        missing.add(BatchResult.key(email));
      }
    }
    return new MailboxLookup(found, missing);
  }

  /**
   * What a look-up found.
   *
   * @param found the mailboxes found, by lower-case address
   * @param missing the lower-case addresses Alibaba Mail said do not exist
   */
  record MailboxLookup(Map<String, Mailbox> found, Set<String> missing) {

    /** Whether the answer said something about the address, found or missing. */
    boolean mentions(String email) {
      String key = BatchResult.key(email);
      return found.containsKey(key) || missing.contains(key);
    }
  }

  /** The addresses of a department's direct members, page by page. */
  List<String> memberAddresses(String departmentId) {
    Set<String> members = new LinkedHashSet<>();
    for (int offset = 0; ; offset += PAGE) {
      ObjectNode param = WireCodec.param();
      param.put("departmentId", departmentId);
      param.put("offset", offset);
      param.put("length", PAGE);
      param.set("fields", WireCodec.strings(List.of("email")));
      JsonNode data = session.call(Call.read("/ud/getAccountList", domain, param));

      List<JsonNode> page = WireCodec.items(data, "accounts");
      page.stream().map(Mailbox::from).filter(m -> m != null).forEach(m -> members.add(m.email()));
      Long total = WireCodec.number(data, "total");
      boolean more = page.size() == PAGE && (total == null || offset + PAGE < total);
      if (!more) {
        return new ArrayList<>(members);
      }
      if (offset > 1_000_000) {
        // Defensive: a server that never stops paging must not keep the run busy forever.
        throw new ConnectorException(
            ErrorKind.UNAVAILABLE,
            AliMailErrors.SYSTEM + " kept paging getAccountList past a million mailboxes.");
      }
    }
  }

  /**
   * A mailbox to make.
   *
   * @param email the full address, lower case
   * @param profile the profile fields; {@link MailboxField#NAME} is always present
   * @param password the initial password
   * @param departmentId where it goes
   */
  record NewMailbox(
      String email, Map<MailboxField, String> profile, Secret password, String departmentId) {

    NewMailbox {
      // Field order is kept so requests read the same every time.
      Map<MailboxField, String> ordered = new EnumMap<>(MailboxField.class);
      ordered.putAll(profile);
      profile = Collections.unmodifiableMap(ordered);
    }
  }
}
