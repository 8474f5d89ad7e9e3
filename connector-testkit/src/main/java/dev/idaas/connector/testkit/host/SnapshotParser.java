package dev.idaas.connector.testkit.host;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;
import static com.fasterxml.jackson.core.JsonToken.VALUE_STRING;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass of a streaming JSON parser over one snapshot document. Keeps the path of the field being
 * read, so every problem names it. Used once, by {@link SnapshotReader}.
 */
final class SnapshotParser {

  private static final String SNAPSHOT_FIELDS = "source, orgUnits and accounts";
  private static final String UNIT_FIELDS = "id, parentId, name, order and attributes";
  private static final String ACCOUNT_FIELDS =
      "id, username, email, displayName, mobile, employeeNo, jobTitle, orgUnitIds, status and"
          + " attributes";
  private static final int QUOTED_VALUE_LIMIT = 60;

  private final JsonParser parser;
  private final String file;
  private final int length;
  private String path = "";

  /**
   * @param length the number of characters of the content, to tell a cut-off file from bad JSON
   */
  SnapshotParser(JsonParser parser, String file, int length) {
    this.parser = parser;
    this.file = file;
    this.length = length;
  }

  DirectorySnapshot snapshot() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw error("the file is empty; a snapshot is an object with " + SNAPSHOT_FIELDS);
    }
    expect(first == START_OBJECT, "expected an object with " + SNAPSHOT_FIELDS);
    JsonLocation start = parser.currentTokenLocation();

    String source = null;
    List<OrgUnit> units = null;
    List<Account> accounts = null;
    Set<String> seen = new HashSet<>();
    while (nextField("", seen)) {
      switch (parser.currentName()) {
        case "source" -> source = optionalText(SnapshotReader.MAX_ATTRIBUTE_LENGTH, false);
        case "orgUnits" -> units = orgUnits();
        case "accounts" -> accounts = accounts();
        default -> throw unknownField("a snapshot has " + SNAPSHOT_FIELDS);
      }
    }
    path = "";
    requirePresent(units, "orgUnits", start, "give [] when the directory has no org units");
    requirePresent(accounts, "accounts", start, "give [] when the directory has no accounts");

    if (parser.nextToken() != null) {
      throw error("unexpected content after the end of the snapshot object");
    }
    return new DirectorySnapshot(source, units, accounts);
  }

  SnapshotFormatException syntaxError(StreamReadException e) {
    JsonLocation at = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
    // The parser may have read ahead of the last field this class saw; its context knows.
    path = pathOf(parser.getParsingContext());
    // Jackson reports some cuts (after a comma, say) as a plain syntax error at the very end.
    boolean cutOff = e instanceof JsonEOFException || at.getCharOffset() >= length;
    String problem =
        cutOff
            ? "the file ends before the snapshot is complete; it may be truncated"
            : "invalid JSON: " + e.getOriginalMessage();
    return error(problem, at);
  }

  /** A parser context as a field path, such as {@code accounts[5].id}. */
  private static String pathOf(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        path.insert(0, (c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
      }
    }
    return path.toString();
  }

  // ---- org units

  private List<OrgUnit> orgUnits() throws IOException {
    expect(parser.nextToken() == START_ARRAY, "expected an array of org units, found " + found());
    List<OrgUnit> units = new ArrayList<>();
    Map<String, Place> ids = new HashMap<>();
    while (parser.nextToken() != END_ARRAY) {
      path = "orgUnits[" + units.size() + "]";
      units.add(orgUnit(path, ids));
    }
    return units;
  }

  private OrgUnit orgUnit(String base, Map<String, Place> ids) throws IOException {
    expect(parser.currentToken() == START_OBJECT, "expected an org unit object, found " + found());
    JsonLocation start = parser.currentTokenLocation();
    String id = null;
    String parentId = null;
    String name = null;
    int order = 0;
    Map<String, String> attributes = Map.of();

    Set<String> seen = new HashSet<>();
    while (nextField(base, seen)) {
      switch (parser.currentName()) {
        case "id" -> id = uniqueId(base, ids);
        case "parentId" -> parentId = optionalText(SnapshotReader.MAX_TEXT_LENGTH, true);
        case "name" -> name = requiredText();
        case "order" -> order = optionalInteger();
        case "attributes" -> attributes = attributes(base);
        default -> throw unknownField("the fields of an org unit are " + UNIT_FIELDS);
      }
    }
    requirePresent(id, base + ".id", start, "every org unit needs an id");
    requirePresent(name, base + ".name", start, "every org unit needs a name");
    return new OrgUnit(id, parentId, name, order, attributes);
  }

  // ---- accounts

  private List<Account> accounts() throws IOException {
    expect(parser.nextToken() == START_ARRAY, "expected an array of accounts, found " + found());
    List<Account> accounts = new ArrayList<>();
    Map<String, Place> ids = new HashMap<>();
    while (parser.nextToken() != END_ARRAY) {
      path = "accounts[" + accounts.size() + "]";
      accounts.add(account(path, ids));
    }
    return accounts;
  }

  private Account account(String base, Map<String, Place> ids) throws IOException {
    expect(parser.currentToken() == START_OBJECT, "expected an account object, found " + found());
    JsonLocation start = parser.currentTokenLocation();
    AccountFields fields = new AccountFields();

    Set<String> seen = new HashSet<>();
    while (nextField(base, seen)) {
      readAccountField(base, ids, fields);
    }
    requirePresent(fields.id, base + ".id", start, "every account needs an id");
    requirePresent(fields.username, base + ".username", start, "every account needs a username");
    requirePresent(
        fields.displayName, base + ".displayName", start, "every account needs a displayName");
    return fields.toAccount();
  }

  private void readAccountField(String base, Map<String, Place> ids, AccountFields fields)
      throws IOException {
    int limit = SnapshotReader.MAX_TEXT_LENGTH;
    switch (parser.currentName()) {
      case "id" -> fields.id = uniqueId(base, ids);
      case "username" -> fields.username = requiredText();
      case "displayName" -> fields.displayName = requiredText();
      case "email" -> fields.email = optionalText(limit, true);
      case "mobile" -> fields.mobile = optionalText(limit, true);
      case "employeeNo" -> fields.employeeNo = optionalText(limit, true);
      case "jobTitle" -> fields.jobTitle = optionalText(limit, true);
      case "orgUnitIds" -> fields.orgUnitIds = orgUnitIds();
      case "status" -> fields.status = status();
      case "attributes" -> fields.attributes = attributes(base);
      default -> throw unknownField("the fields of an account are " + ACCOUNT_FIELDS);
    }
  }

  private List<String> orgUnitIds() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == VALUE_NULL) {
      return List.of();
    }
    expect(token == START_ARRAY, "expected an array of org unit ids, found " + found());
    String field = path;
    List<String> ids = new ArrayList<>();
    while (parser.nextToken() != END_ARRAY) {
      path = field + "[" + ids.size() + "]";
      ids.add(requiredTextAtCurrentToken());
    }
    path = field;
    return ids;
  }

  private AccountStatus status() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == VALUE_NULL) {
      return AccountStatus.ACTIVE;
    }
    if (token == VALUE_STRING) {
      switch (parser.getText()) {
        case "ACTIVE":
          return AccountStatus.ACTIVE;
        case "DISABLED":
          return AccountStatus.DISABLED;
        default:
          break;
      }
    }
    throw error("expected ACTIVE or DISABLED, found " + found());
  }

  // ---- shared values

  private Map<String, String> attributes(String base) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == VALUE_NULL) {
      return Map.of();
    }
    expect(token == START_OBJECT, "expected an object of named texts, found " + found());
    Map<String, String> attributes = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    while (nextField(base + ".attributes", seen)) {
      String key = parser.currentName();
      checkText(key, SnapshotReader.MAX_TEXT_LENGTH, true);
      String value = optionalText(SnapshotReader.MAX_ATTRIBUTE_LENGTH, false);
      if (value != null) {
        attributes.put(key, value);
      }
    }
    return attributes;
  }

  private String uniqueId(String base, Map<String, Place> ids) throws IOException {
    String id = requiredText();
    JsonLocation at = parser.currentTokenLocation();
    Place first = ids.putIfAbsent(id, new Place(base, at.getLineNr(), at.getColumnNr()));
    if (first != null) {
      throw error(
          quote(id)
              + " is already the id of "
              + first.path()
              + " (line "
              + first.line()
              + ", column "
              + first.column()
              + "); ids must be unique");
    }
    return id;
  }

  private String requiredText() throws IOException {
    parser.nextToken();
    return requiredTextAtCurrentToken();
  }

  private String requiredTextAtCurrentToken() throws IOException {
    expect(parser.currentToken() == VALUE_STRING, "expected a text, found " + found());
    String text = parser.getText();
    if (text.isBlank()) {
      throw error("is blank; give a value");
    }
    checkText(text, SnapshotReader.MAX_TEXT_LENGTH, true);
    return text;
  }

  private String optionalText(int limit, boolean noControlCharacters) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == VALUE_NULL) {
      return null;
    }
    expect(token == VALUE_STRING, "expected a text or null, found " + found());
    String text = parser.getText();
    checkText(text, limit, noControlCharacters);
    return text;
  }

  private int optionalInteger() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == VALUE_NULL) {
      return 0;
    }
    expect(token == JsonToken.VALUE_NUMBER_INT, "expected a whole number, found " + found());
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw error(
          "the number "
              + parser.getText()
              + " is out of range; give a whole number from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE);
    }
    return parser.getIntValue();
  }

  private void checkText(String text, int limit, boolean noControlCharacters) {
    int length = text.codePointCount(0, text.length());
    if (length > limit) {
      throw error("is " + length + " characters long; at most " + limit + " are allowed");
    }
    if (!noControlCharacters) {
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        throw error(
            String.format(
                "contains the control character U+%04X at position %d; remove it in the"
                    + " directory",
                (int) c, text.codePointCount(0, i) + 1));
      }
    }
  }

  // ---- structure

  /** Moves to the next field of the current object; false at its end. */
  private boolean nextField(String base, Set<String> seen) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == END_OBJECT) {
      path = base;
      return false;
    }
    String name = parser.currentName();
    path = base.isEmpty() ? name : base + "." + name;
    if (!seen.add(name)) {
      throw error("appears twice in the same object; keep one");
    }
    return true;
  }

  private void requirePresent(Object value, String field, JsonLocation objectStart, String hint) {
    if (value == null) {
      path = field;
      throw error("is missing; " + hint, objectStart);
    }
  }

  private SnapshotFormatException unknownField(String known) {
    return error("unknown field; " + known);
  }

  private void expect(boolean condition, String problem) {
    if (!condition) {
      throw error(problem);
    }
  }

  private SnapshotFormatException error(String problem) {
    return error(problem, parser.currentTokenLocation());
  }

  private SnapshotFormatException error(String problem, JsonLocation at) {
    // Jackson gives column 0 (or -1) where nothing was read yet; people count from 1.
    return new SnapshotFormatException(
        file, path, problem, Math.max(at.getLineNr(), 1), Math.max(at.getColumnNr(), 1));
  }

  /** The current value, as a person would recognise it in the file. */
  private String found() throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> quote(parser.getText());
      case VALUE_NULL -> "null";
      default -> parser.getText();
    };
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.codePoints()
        .limit(QUOTED_VALUE_LIMIT)
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
              } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
              } else {
                quoted.appendCodePoint(c);
              }
            });
    boolean cut = text.codePointCount(0, text.length()) > QUOTED_VALUE_LIMIT;
    return quoted.append(cut ? "…\"" : "\"").toString();
  }

  /** Where an id was first seen. */
  private record Place(String path, int line, int column) {}

  /** The fields of one account as they are read. */
  private static final class AccountFields {
    String id;
    String username;
    String email;
    String displayName;
    String mobile;
    String employeeNo;
    String jobTitle;
    List<String> orgUnitIds = List.of();
    AccountStatus status = AccountStatus.ACTIVE;
    Map<String, String> attributes = Map.of();

    Account toAccount() {
      return new Account(
          id,
          username,
          email,
          displayName,
          mobile,
          employeeNo,
          jobTitle,
          orgUnitIds,
          status,
          attributes);
    }
  }
}
