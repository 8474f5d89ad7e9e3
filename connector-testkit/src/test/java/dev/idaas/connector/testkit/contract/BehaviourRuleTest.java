package dev.idaas.connector.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BehaviourRuleTest {

  @Test
  void everyRuleIsWrittenInTheBehaviourRulesUnderItsOwnName() throws IOException {
    String rules = Files.readString(behaviourRules());

    for (BehaviourRule rule : BehaviourRule.values()) {
      String number = rule.reference().replaceAll(".*, rule (\\d+) .*", "$1");
      String heading =
          rule.reference().contains(", rule ")
              ? number + ". **" + rule.title() + ".**"
              : "- **" + rule.title() + ".**";
      assertThat(rules).as("the heading of %s", rule.name()).contains(heading);
    }
  }

  /** The repository's {@code docs/behaviour-rules.md}, found from the module's folder. */
  private static Path behaviourRules() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("behaviour-rules.md");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/behaviour-rules.md not found above the working folder");
  }
}
