package dev.idaas.connector.testkit.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.OrgUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The documents a state folder keeps besides links and events: the authorization policy, the last
 * directory the host was given, and the scope as last pushed (the base the next incremental push is
 * diffed against). Snapshots are kept as snapshot JSON, without secret attribute values, and cached
 * once read.
 */
final class StateDocuments {

  private static final String POLICY = "policy";
  private static final String DIRECTORY = "directory";
  private static final String PUSHED_SCOPE = "pushed-scope";

  private final StateDatabase database;
  private final ObjectMapper json = new ObjectMapper();
  private final SnapshotReader reader = new SnapshotReader();
  private final SnapshotWriter writer = SnapshotWriter.compact();
  private DirectorySnapshot directory;
  private DirectorySnapshot pushedScope;

  StateDocuments(StateDatabase database) {
    this.database = database;
  }

  /** The directory last given to the host, if any. */
  synchronized Optional<DirectorySnapshot> directory() {
    if (directory == null) {
      directory = read(DIRECTORY);
    }
    return Optional.ofNullable(directory);
  }

  /**
   * Stores a directory, without the values of attributes whose name says they are secret (such as
   * {@code initialPassword}); until the folder is opened again, the directory is kept whole in
   * memory.
   */
  synchronized void saveDirectory(DirectorySnapshot snapshot) {
    database.saveDocument(DIRECTORY, writer.toJson(withoutSecrets(snapshot)));
    directory = snapshot;
  }

  /** The scope as last pushed; empty before the first Execute Add. */
  synchronized Optional<DirectorySnapshot> pushedScope() {
    if (pushedScope == null) {
      pushedScope = read(PUSHED_SCOPE);
    }
    return Optional.ofNullable(pushedScope);
  }

  /** Stores the scope as pushed, like {@link #saveDirectory} without secret attributes. */
  synchronized void savePushedScope(DirectorySnapshot scope) {
    database.saveDocument(PUSHED_SCOPE, writer.toJson(withoutSecrets(scope)));
    pushedScope = scope;
  }

  /**
   * The snapshot without secret attribute values. A secret in the directory (an initial password)
   * is the directory's to keep, not the state folder's; the diff does not compare them either.
   */
  static DirectorySnapshot withoutSecrets(DirectorySnapshot snapshot) {
    DirectorySnapshot.Builder kept = snapshot.toBuilder();
    for (OrgUnit unit : snapshot.orgUnits()) {
      if (SecretAttributes.any(unit.attributes())) {
        kept.put(
            new OrgUnit(
                unit.id(),
                unit.parentId(),
                unit.name(),
                unit.order(),
                SecretAttributes.without(unit.attributes())));
      }
    }
    for (Account account : snapshot.accounts()) {
      if (SecretAttributes.any(account.attributes())) {
        kept.put(
            new Account(
                account.id(),
                account.username(),
                account.email(),
                account.displayName(),
                account.mobile(),
                account.employeeNo(),
                account.jobTitle(),
                account.orgUnitIds(),
                account.status(),
                SecretAttributes.without(account.attributes())));
      }
    }
    return kept.build();
  }

  /** The stored authorization policy, if one was stored. */
  Optional<AuthorizationPolicy> policy() {
    return database.document(POLICY).map(this::policyFrom);
  }

  void savePolicy(AuthorizationPolicy policy) {
    ObjectNode node = json.createObjectNode();
    sortedArray(node.putArray("orgScope"), policy.orgScope());
    node.put("accountsFollowOrgScope", policy.accountScope().followsOrgScope());
    sortedArray(node.putArray("accountIds"), policy.accountScope().accountIds());
    node.put("automaticAuthorization", policy.automaticAuthorization());
    database.saveDocument(POLICY, node.toString());
  }

  private DirectorySnapshot read(String name) {
    return database
        .document(name)
        .map(content -> reader.parse(content, "the state folder's " + name + " document"))
        .orElse(null);
  }

  private AuthorizationPolicy policyFrom(String content) {
    try {
      JsonNode node = json.readTree(content);
      AuthorizationPolicy.AccountScope accounts =
          node.path("accountsFollowOrgScope").asBoolean(true)
              ? AuthorizationPolicy.AccountScope.FOLLOWING_ORG_SCOPE
              : AuthorizationPolicy.AccountScope.only(texts(node.path("accountIds")));
      return new AuthorizationPolicy(
          Set.copyOf(texts(node.path("orgScope"))),
          accounts,
          node.path("automaticAuthorization").asBoolean(true));
    } catch (JsonProcessingException e) {
      throw new StateFolderException(
          database.folder(),
          "The authorization policy stored in "
              + database.folder()
              + " is damaged ("
              + e.getOriginalMessage()
              + "); give the policy again when opening the state folder.",
          e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static void sortedArray(ArrayNode array, Set<String> values) {
    values.stream().sorted().forEach(array::add);
  }
}
