package dev.idaas.connector.testkit.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

  @Test
  void readsEveryKindOfFault() {
    FaultSpec spec =
        FaultSpec.parse(
            "408@call:12, 500@path:/ud/createAccounts#3; drop@call:40,"
                + " late@path:/ud/createDepartment#2:3000ms, 429@call:7, empty@call:8,"
                + " 1610@email:U43@Acme.Example, chaos:42:0.05:2s");

    assertThat(spec.scripted())
        .containsExactly(
            ScriptedFault.atCall(12, FaultAction.expiredToken()),
            ScriptedFault.atPathCall("/ud/createAccounts", 3, FaultAction.serverError()),
            ScriptedFault.atCall(40, FaultAction.drop()),
            ScriptedFault.atPathCall(
                "/ud/createDepartment", 2, FaultAction.late(Duration.ofMillis(3000))),
            ScriptedFault.atCall(7, FaultAction.throttle()),
            ScriptedFault.atCall(8, FaultAction.emptyResponse()),
            ScriptedFault.itemFailure("u43@acme.example", "1610"));
    assertThat(spec.chaos()).isEqualTo(new ChaosFaults(42, 0.05, Duration.ofSeconds(2)));
  }

  @Test
  void aLateFaultWithoutADurationWaitsTheDefault() {
    assertThat(FaultSpec.parse("late@call:5").scripted())
        .containsExactly(ScriptedFault.atCall(5, FaultAction.late(Duration.ofSeconds(10))));
  }

  @Test
  void describesASpecAsAStringItReadsBack() {
    String text =
        "408@call:12,late@path:/ud/createDepartment#2:3000ms,1610@email:u43@acme.example,"
            + "echo@path:/ud/createAccounts#1,"
            + "chaos:42:0.05:10000ms";

    FaultSpec spec = FaultSpec.parse(text);

    assertThat(spec.describe()).isEqualTo(text);
    assertThat(FaultSpec.parse(spec.describe())).isEqualTo(spec);
  }

  @Test
  void aBlankStringHasNoFaults() {
    assertThat(FaultSpec.parse(" ,")).isEqualTo(FaultSpec.NONE);
  }

  @Test
  void namesTheEntryItCannotRead() {
    assertThatThrownBy(() -> FaultSpec.parse("408@call:12,boom@call:3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot read fault 'boom@call:3': the action must be a status code, drop, empty, late"
                + " or echo");
    assertThatThrownBy(() -> FaultSpec.parse("408@when:3"))
        .hasMessage(
            "cannot read fault '408@when:3': the trigger must be call:N, path:/ud/name#N or"
                + " email:address, not 'when:3'");
    assertThatThrownBy(() -> FaultSpec.parse("drop@call:3:100ms"))
        .hasMessage("cannot read fault 'drop@call:3:100ms': only late takes a duration");
    assertThatThrownBy(() -> FaultSpec.parse("drop@email:a@acme.example"))
        .hasMessage(
            "cannot read fault 'drop@email:a@acme.example': an e-mail fault needs a business code,"
                + " such as 1610@email:a@b.c");
    assertThatThrownBy(() -> FaultSpec.parse("408@call:0"))
        .hasMessage("cannot read fault '408@call:0': call numbers start at 1: 0");
    assertThatThrownBy(() -> FaultSpec.parse("chaos:1:1.5"))
        .hasMessage("cannot read fault 'chaos:1:1.5': probability must be from 0 to 1: 1.5");
  }
}
