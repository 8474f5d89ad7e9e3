package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The documents under {@code /__sim/}: the state of the domain and the call counts, sorted so that
 * the same state always gives the same text.
 */
final class Inspection {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final AliMailSimulator simulator;

  Inspection(AliMailSimulator simulator) {
    this.simulator = simulator;
  }

  /** The answer to {@code GET path}. */
  Answer answer(String path) {
    return switch (path) {
      case "/__sim/state" -> Answer.json(200, state());
      case "/__sim/calls" -> Answer.json(200, calls());
      default -> Answer.text(404, "text/plain", "no such simulator document: " + path);
    };
  }

  private ObjectNode state() {
    ObjectNode state = NODES.objectNode();
    state.put("domain", simulator.domain()).put("rootDepartmentId", simulator.rootDepartmentId());
    ArrayNode departments = state.putArray("departments");
    for (DepartmentSnapshot department : simulator.departments()) {
      departments
          .addObject()
          .put("id", department.id())
          .put("parentId", department.parentId())
          .put("name", department.name());
    }
    ArrayNode accounts = state.putArray("accounts");
    for (AccountSnapshot account : simulator.accounts()) {
      accounts
          .addObject()
          .put("email", account.email())
          .put("name", account.name())
          .put("departmentId", account.departmentId())
          .put("status", account.status().stateValue());
    }
    return state;
  }

  private ObjectNode calls() {
    CallCounts counts = simulator.calls();
    ObjectNode document = NODES.objectNode().put("total", counts.total());
    ObjectNode byPath = document.putObject("byPath");
    counts.byPath().forEach(byPath::put);
    return document;
  }
}
