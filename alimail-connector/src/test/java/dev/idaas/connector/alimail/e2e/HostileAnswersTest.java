package dev.idaas.connector.alimail.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.idaas.connector.alimail.e2e.Org.person;
import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.ErrorKind;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.RunSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers a real target, a gateway in front of it or a wrong endpoint may give: bodies that are not
 * JSON, HTML pages with HTTP 200, an answer too large to read, fields missing or of the wrong type.
 * Each ends in a failed object, a retry, or one clear run error; never a hang, a crash of the run,
 * a duplicate, or a revocation lost.
 */
class HostileAnswersTest {

  private static final String HTML =
      "<html><body><h1>Welcome to the guest network</h1></body></html>";

  @TempDir Path state;
  private SyncFixture sync;
  private HostileProxy proxy;
  private final DirectorySnapshot directory =
      Org.directory(
          List.of(unit("D1", null, "Sales")),
          List.of(person("U1", "D1"), person("U2", "D1"), person("U3", "D1")));

  @BeforeEach
  void start() {
    sync = SyncFixture.start(state);
    proxy = new HostileProxy(sync.alimail);
    sync.parameter("endpoint", proxy.endpoint());
  }

  @AfterEach
  void stop() {
    proxy.close();
    sync.close();
  }

  @Test
  void aCreateAnsweredWithAnHtmlPageIsLookedUpBeforeItIsMadeAgain() {
    proxy.answerInstead("/ud/createAccounts", 1, html());

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 3));
    assertThat(sync.alimail.accounts()).hasSize(4);
    assertThat(sync.alimail.calls("/ud/getAccountsInfo")).as("looked up first").isEqualTo(1);
  }

  @Test
  void anHtmlPageAfterTheCreateWasMadeLinksWhatWasMade() {
    proxy.replaceAnswerAfterApplying(
        "/ud/createAccounts", 1, "text/html", HTML.getBytes(StandardCharsets.UTF_8));

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 3));
    assertThat(sync.event(run.runId(), "U2").message())
        .isEqualTo("The answer was lost; the mailbox was found and linked.");
    assertThat(sync.alimail.calls("/ud/createAccounts")).isEqualTo(1);
    assertThat(sync.alimail.accounts()).hasSize(4);
  }

  @Test
  void anAnswerTooLargeToReadIsRefusedAndWhatItCreatedIsFound() {
    byte[] huge = new byte[9 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    proxy.replaceAnswerAfterApplying("/ud/createDepartment", 1, "application/json", huge);

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(sync.event(run.runId(), "D1").message())
        .isEqualTo("The answer was lost; the department was found and linked.");
    assertThat(sync.departments()).containsExactly("acme.example/Sales");
  }

  @Test
  void aReadAnsweredWithTextThatIsNotJsonIsRetried() {
    proxy.answerInstead(
        "/ud/getDepartmentList",
        2,
        aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("OK"));

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(sync.alimail.calls("/ud/getDepartmentList")).isEqualTo(1);
  }

  @Test
  void fieldsMissingOrOfTheWrongTypeInCreateAnswersAreLookedUpNotGuessed() {
    sync.alimail.rewriteAnswers(
        "/ud/createDepartment",
        data -> {
          data.putObject("departmentId").put("unexpected", true);
          return data;
        });
    sync.alimail.rewriteAnswers(
        "/ud/createAccounts",
        data -> {
          data.put("success", "all of them");
          data.remove("fail");
          return data;
        });

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(run.orgUnitCounts()).isEqualTo(Map.of(Outcome.CREATED, 1));
    assertThat(run.accountCounts()).isEqualTo(Map.of(Outcome.CREATED, 3));
    assertThat(sync.departments()).containsExactly("acme.example/Sales");
    assertThat(sync.alimail.accounts()).hasSize(4);
  }

  @Test
  void aReadThatLeavesALinkedMailboxOutNeitherForgetsItNorLosesItsRevocation() {
    sync.host().executeAdd(directory);
    sync.alimail.rewriteAnswers(
        "/ud/getAccountsInfo",
        data -> {
          data.putArray("dataList");
          data.putArray("fail");
          return data;
        });
    DirectorySnapshot withoutU2 = directory.toBuilder().removeAccount("U2").build();

    RunSummary revocation = sync.host().applyChanges(withoutU2).run().orElseThrow();

    SyncEvent event = sync.event(revocation.runId(), "U2");
    assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(event.errorKind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(event.message())
        .isEqualTo(
            "Alibaba Mail's answer to getAccountsInfo did not mention the mailbox"
                + " u2@acme.example, neither as found nor as missing; it is read again next time.");
    assertThat(sync.links(ObjectType.ACCOUNT)).isEqualTo(3);

    sync.alimail.clearFaults();
    RunSummary retried = sync.host().retryFailed().orElseThrow();

    assertThat(retried.accountCounts()).isEqualTo(Map.of(Outcome.DISABLED, 1));
    assertThat(sync.mailbox("u2@acme.example"))
        .isEqualTo("u2@acme.example in acme.example/Sales (frozen)");
  }

  @Test
  void anEndpointThatAnswersEverythingWithAWebPageStopsTheRunWithOneClearError() {
    proxy.answerEverything(html());

    RunSummary run = sync.host().executeAdd(directory);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error())
        .isEqualTo(
            "Alibaba Mail answered wsLogin with something that is not a WebService answer (HTTP"
                + " 200: the answer is not JSON); a proxy or gateway may be in the way.");
    assertThat(run.total()).isZero();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html() {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(HTML);
  }
}
