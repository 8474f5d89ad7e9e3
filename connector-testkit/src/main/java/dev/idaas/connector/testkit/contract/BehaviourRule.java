package dev.idaas.connector.testkit.contract;

/**
 * The documented rules a contract test checks, named exactly as in {@code docs/behaviour-rules.md},
 * so a failure tells the connector author which promise the connector breaks and where to read it.
 *
 * <p>Rule 8 ("Encrypted transport") is not here: it depends on how a connector reaches its target,
 * so each connector's own tests check it.
 */
public enum BehaviourRule {
  IDEMPOTENT_PUSHES(
      "rule 1",
      "Idempotent pushes",
      "A second full push with no directory change writes nothing to the target."),
  ADOPT_NEVER_DUPLICATE(
      "rule 2",
      "Adopt, never duplicate",
      "An object that already exists in the target is linked, not created again: first through"
          + " the host's link, then by its name under the same parent (org unit) or its e-mail"
          + " ignoring case (account)."),
  SAFE_ORDER(
      "rule 3",
      "Safe order",
      "Parents are created before their children; deletions go leaf-first, after members have"
          + " moved; moves never put a unit under its own descendant, even when two units swap"
          + " places."),
  HANDS_OFF(
      "rule 4",
      "Hands off what is not ours",
      "A connector updates, disables and deletes only objects it created or adopted."),
  REVOCATION_DISABLES(
      "rule 5",
      "Revocation disables",
      "An account deleted in the directory, or one that left the scope, is disabled by default,"
          + " and deleted only when the operator chose deletion."),
  ONE_EVENT_PER_OBJECT(
      "rule 6",
      "One event per object per run",
      "Every object in a request gets exactly one result; a run in which any object failed or was"
          + " blocked is PARTIAL, never SUCCESS; a failed object is taken up again without"
          + " duplicates."),
  NO_SECRET_IN_TEXT(
      "rule 7",
      "No secret in any text",
      "Access passwords, tokens and initial passwords never appear in log lines, events,"
          + " exception messages or toString output."),
  HONEST_PREVIEWS(
      "rule 9",
      "Honest previews",
      "A preview writes nothing to the target and reports exactly the outcomes the real run then"
          + " has."),
  BLOCKED_NOT_MISPLACED(
      "decision",
      "Blocked, not misplaced",
      "An account whose org unit could not be created is blocked, not put in the root department;"
          + " an account with no org unit at all belongs in the root department."),
  DISABLED_ACCOUNTS(
      "decision",
      "Disabled accounts",
      "A disabled account never pushed is skipped; a pushed account that becomes disabled is"
          + " disabled in the target, and the same target account is enabled again later."),
  BAD_TREES(
      "decision",
      "Bad trees",
      "Units whose parent does not exist are reported by id and not pushed; everything under them"
          + " is blocked; the rest of the tree is pushed in the same run."),
  DISCOVERABLE(
      "provider rule",
      "Discoverable",
      "The provider is listed in META-INF/services/dev.idaas.connector.api.ConnectorProvider, has"
          + " a public no-argument constructor and is found by its id."),
  COMPLETE_DESCRIPTOR(
      "provider rule",
      "Complete descriptor",
      "The descriptor is stable, built for this SPI, labels and describes every parameter in"
          + " English and Simplified Chinese, types every secret as SECRET, and every default it"
          + " declares passes its own validation."),
  EVERY_PROBLEM_AT_ONCE(
      "provider rule",
      "Every problem at once",
      "Validation reports every missing or wrong parameter in one exception, each problem naming"
          + " its parameter."),
  CLEAR_CONNECTION_CHECK(
      "provider rule",
      "Clear connection check",
      "A connection check writes nothing and lists the steps that passed; refused credentials"
          + " are a ConnectorException of kind AUTHENTICATION.");

  private final String number;
  private final String title;
  private final String summary;

  BehaviourRule(String number, String title, String summary) {
    this.number = number;
    this.title = title;
    this.summary = summary;
  }

  /** The heading in {@code docs/behaviour-rules.md}, such as {@code Adopt, never duplicate}. */
  public String title() {
    return title;
  }

  /** The rule in one or two sentences. */
  public String summary() {
    return summary;
  }

  /** Where the rule is written, such as {@code docs/behaviour-rules.md, rule 2 "Adopt, …"}. */
  public String reference() {
    return "docs/behaviour-rules.md, " + number + " \"" + title + "\"";
  }

  @Override
  public String toString() {
    return number + " \"" + title + "\"";
  }
}
