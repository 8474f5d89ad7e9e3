package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idaas.connector.alimail.WireCodec.Answer;
import dev.idaas.connector.alimail.WireCodec.MalformedAnswerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireCodecTest {

  @Test
  void writesTheAccessAndParamEnvelope() {
    ObjectNode param = WireCodec.param();
    param.put("departmentId", "d-1");
    param.set("emails", WireCodec.strings(List.of("a@acme.example")));

    String body =
        new String(WireCodec.request("t-1", "acme.example", param), StandardCharsets.UTF_8);

    assertThat(body)
        .isEqualTo(
            "{\"access\":{\"accessToken\":\"t-1\",\"accessTarget\":\"acme.example\"},"
                + "\"param\":{\"departmentId\":\"d-1\",\"emails\":[\"a@acme.example\"]}}");
  }

  @Test
  void readsAnAnswerWithItsStatusAndData() throws Exception {
    Answer answer =
        read(
            "{'status':{'statusCode':'100','statusMsg':'SYS_RESP_OK'},"
                + "'data':{'departmentId':'d-9'}}");

    assertThat(answer.ok()).isTrue();
    assertThat(answer.message()).isEqualTo("SYS_RESP_OK");
    assertThat(WireCodec.text(answer.data(), "departmentId")).isEqualTo("d-9");
  }

  @Test
  void readsAStatusCodeSentAsANumber() throws Exception {
    Answer answer = read("{'status':{'statusCode':408},'data':{}}");

    assertThat(answer.code()).isEqualTo("408");
    assertThat(answer.tokenExpired()).isTrue();
    assertThat(answer.message()).isNull();
  }

  @Test
  void treatsAMissingOrNonObjectDataAsEmpty() throws Exception {
    assertThat(read("{'status':{'statusCode':'100'}}").data().size()).isZero();
    assertThat(read("{'status':{'statusCode':'100'},'data':'oops'}").data().isObject()).isTrue();
  }

  @Test
  void readsFieldsOfTheWrongTypeAsAbsentAndNumbersSentAsText() throws Exception {
    Answer answer =
        read(
            "{'status':{'statusCode':'100'},"
                + "'data':{'total':'240','name':{'nested':1},'dataList':'not a list','n':7}}");

    assertThat(WireCodec.number(answer.data(), "total")).isEqualTo(240L);
    assertThat(WireCodec.number(answer.data(), "n")).isEqualTo(7L);
    assertThat(WireCodec.text(answer.data(), "name")).isNull();
    assertThat(WireCodec.items(answer.data(), "dataList")).isEmpty();
    assertThat(WireCodec.text(answer.data(), "missing")).isNull();
  }

  @Test
  void refusesWhatCannotBeAnAnswer() {
    assertMalformed("", "the answer is empty");
    assertMalformed("<html>502 Bad Gateway</html>", "the answer is not JSON");
    assertMalformed("[1,2]", "the answer is not a JSON object");
    assertMalformed("{'data':{}}", "the answer has no status.statusCode");
    assertMalformed("{'status':{'statusCode':null}}", "the answer has no status.statusCode");
  }

  @Test
  void refusesAnAnswerLargerThanEightMegabytes() {
    byte[] huge = new byte[WireCodec.MAX_ANSWER_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');

    assertThatThrownBy(() -> WireCodec.answer(huge))
        .isInstanceOf(MalformedAnswerException.class)
        .hasMessage("the answer is larger than 8 MB");
  }

  @Test
  void readsAMailboxWithMissingFieldsAsUnknown() throws Exception {
    Answer answer =
        read(
            "{'status':{'statusCode':'100'},'data':{'dataList':["
                + "{'email':' Li.Na@acme.example ','name':'Li Na','status':'1'},"
                + "{'name':'no address'}]}}");

    List<Mailbox> mailboxes =
        WireCodec.items(answer.data(), "dataList").stream().map(Mailbox::from).toList();

    assertThat(mailboxes).hasSize(2);
    assertThat(mailboxes.get(0))
        .isEqualTo(
            new Mailbox("Li.Na@acme.example", null, "1", Map.of(MailboxField.NAME, "Li Na")));
    assertThat(mailboxes.get(0).frozen()).isTrue();
    assertThat(mailboxes.get(1)).isNull();
  }

  private static Answer read(String json) throws MalformedAnswerException {
    return WireCodec.answer(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static void assertMalformed(String json, String reason) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(MalformedAnswerException.class)
        .hasMessage(reason);
  }
}
