package dev.idaas.connector.testkit.contract;

import static dev.idaas.connector.testkit.contract.ContractDirectory.PLATFORM;
import static dev.idaas.connector.testkit.contract.ContractDirectory.WU_HAO;
import static dev.idaas.connector.testkit.contract.ContractDirectory.ZHOU_YAN;

import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Capability;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.RunSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The check that no secret reaches any text: a busy scenario with debug logging open, then every
 * text the connector gave out is searched for every known secret.
 */
final class SecretContract {

  private static final String SITUATION =
      "connection checks with good and wrong credentials, Execute Add with a unit that cannot be"
          + " placed, a rename, a disabled and a revoked account, a preview, and invalid"
          + " parameters, with the connector's debug logging on";

  /** One text the connector gave out, and where it was found. */
  private record Text(String where, String content) {}

  private final ContractFixture fixture;
  private final List<Text> texts = new ArrayList<>();

  SecretContract(ContractFixture fixture) {
    this.fixture = fixture;
  }

  void keepsSecretsOutOfEveryText() {
    try (LogCapture logs =
        LogCapture.start(fixture.provider().getClass().getPackageName(), "dev.idaas.connector")) {
      runTheScenario();
      logs.lines().forEach(line -> text("the log line", line));
    }
    collectWhatTheHostsKept();

    for (Text text : texts) {
      fixture.secrets().requireAbsent(SITUATION, text.where(), text.content());
    }
  }

  private void runTheScenario() {
    ContractHost host = fixture.host();
    check(host);
    check(fixture.host(fixture.target().parametersWithWrongCredentials(fixture.parameters())));

    DirectorySnapshot tree = fixture.directory().withGhost(fixture.directory().tree());
    host.executeAdd(tree);
    host.push(
        tree.toBuilder()
            .updateOrgUnit(PLATFORM, unit -> unit.withName("Platform Services"))
            .updateAccount(WU_HAO, account -> account.withStatus(AccountStatus.DISABLED))
            .removeAccount(ZHOU_YAN)
            .build());
    if (fixture.descriptor().can(Capability.PREVIEW)) {
      host.preview(tree);
    }

    text(
        "the configuration's toString",
        fixture.descriptor().validate(fixture.parameters()).toString());
    validateTooLongSecrets();
  }

  private void check(ContractHost host) {
    try {
      host.simulator()
          .checkConnection()
          .steps()
          .forEach(step -> text("a connection check step", step));
    } catch (ConnectorException refused) {
      text("the message of a " + refused.kind() + " ConnectorException", refused.getMessage());
    }
  }

  /** Secrets too long for their spec: the validation message must not echo the value. */
  private void validateTooLongSecrets() {
    Map<String, String> raw = new HashMap<>(fixture.parameters());
    boolean any = false;
    for (ParameterSpec spec : fixture.descriptor().parameters()) {
      String value = raw.get(spec.key());
      if (spec.secret() && spec.maxLength() != null && value != null) {
        raw.put(spec.key(), value.repeat(spec.maxLength() / Math.max(1, value.length()) + 1));
        any = true;
      }
    }
    if (!any) {
      return;
    }
    try {
      fixture.descriptor().validate(raw);
    } catch (ConnectorException refused) {
      text("the message of the validation of over-long secrets", refused.getMessage());
    }
  }

  private void collectWhatTheHostsKept() {
    for (ContractHost host : fixture.hosts()) {
      for (ObjectResult result : host.recorder().reported()) {
        String which =
            "the result the connector reported for "
                + result.objectType()
                + " "
                + result.hostId()
                + " ("
                + result.outcome()
                + "): its ";
        text(which + "message", result.message());
        text(which + "display key", result.displayKey());
        text(which + "target id", result.targetId());
      }
      host.recorder().texts().forEach(text -> text("what the connector gave out", text));
      for (SyncEvent event : host.simulator().events(EventFilter.all())) {
        text("the message of the event " + event.eventId(), event.message());
      }
      for (RunSummary run : host.simulator().runs()) {
        text("the run-level error of " + run.runId(), run.error());
      }
    }
  }

  private void text(String where, String text) {
    if (text != null) {
      texts.add(new Text(where, text));
    }
  }
}
