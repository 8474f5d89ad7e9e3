package dev.idaas.connector.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {

  private final SnapshotReader reader = new SnapshotReader();

  @TempDir Path folder;

  @Test
  void readsTheOracleHrExampleWithEveryField() {
    DirectorySnapshot hr = Examples.load("oracle-hr.json");

    assertThat(hr.source()).isEqualTo("Oracle HR sample schema (db-sample-schemas, MIT)");
    assertThat(hr.orgUnits()).hasSize(40);
    assertThat(hr.accounts()).hasSize(107);
    assertThat(hr.orgUnits().get(0)).isEqualTo(OrgUnit.of("region-20", null, "Americas", 1));
    assertThat(hr.account("emp-100"))
        .contains(
            new Account(
                "emp-100",
                "sking",
                "SKING@example.com",
                "Steven King",
                "1.515.555.0100",
                "100",
                "President",
                List.of("dept-90"),
                AccountStatus.ACTIVE,
                Map.of("hireDate", "2013-06-17")));
    assertThat(hr.account("emp-178").orElseThrow().orgUnitIds()).isEmpty();
  }

  @Test
  void readsTheChinaAreasExampleWithItsDisabledAccounts() {
    DirectorySnapshot china = Examples.load("china-areas-2k.json");

    assertThat(china.orgUnits()).hasSize(3351);
    assertThat(china.accounts()).hasSize(2000);
    assertThat(china.accounts().stream().filter(a -> !a.isActive())).hasSize(37);
    assertThat(china.orgUnit("11")).contains(OrgUnit.of("11", null, "北京市", 1));
  }

  @Test
  void writesWhatItReadsBackToAnEqualSnapshot() throws IOException {
    DirectorySnapshot china = Examples.load("china-areas-2k.json");
    Path copy = folder.resolve("copy.json");

    SnapshotWriter.pretty().write(china, copy);

    assertThat(reader.read(copy)).isEqualTo(china);
    assertThat(reader.parse(SnapshotWriter.compact().toJson(china), "compact")).isEqualTo(china);
  }

  @Test
  void namesTheFileLineColumnAndFieldOfAWrongStatusInARealFile() throws IOException {
    String text = Examples.text("oracle-hr.json");
    int thirteenthStatus = nthIndexOf(text, "\"status\": \"ACTIVE\"", 13);
    String broken =
        text.substring(0, thirteenthStatus)
            + "\"status\": \"ENABLED\""
            + text.substring(thirteenthStatus + "\"status\": \"ACTIVE\"".length());
    Path file = folder.resolve("hr.json");
    Files.writeString(file, broken);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage(
            "Cannot load the directory snapshot "
                + file
                + ": accounts[12].status: expected ACTIVE or DISABLED, found \"ENABLED\""
                + " (line 461, column 14)")
        .satisfies(
            e -> {
              SnapshotFormatException format = (SnapshotFormatException) e;
              assertThat(format.file()).isEqualTo(file.toString());
              assertThat(format.fieldPath()).isEqualTo("accounts[12].status");
              assertThat(format.line()).isEqualTo(461);
              assertThat(format.column()).isEqualTo(14);
            });
  }

  @Test
  void refusesATruncatedFile() {
    String text = Examples.text("oracle-hr.json");
    String truncated = text.substring(0, text.indexOf("\"emp-105\""));

    assertRefused(
        truncated,
        "accounts[5].id: the file ends before the snapshot is complete; it may be truncated"
            + " (line 332, column 10)");
  }

  @Test
  void refusesAFileCutRightAfterACommaAsTruncatedToo() {
    String text = Examples.text("oracle-hr.json");
    String truncated = text.substring(0, text.indexOf("\"username\"", text.indexOf("emp-105")));

    assertRefused(
        truncated.stripTrailing(),
        "accounts[5].id: the file ends before the snapshot is complete; it may be truncated"
            + " (line 332, column 20)");
  }

  @Test
  void refusesAValueOfTheWrongType() {
    assertRefused(
        """
        {"orgUnits": [
          {"id": "d1", "name": "Sales", "order": "3"}
        ], "accounts": []}
        """,
        "orgUnits[0].order: expected a whole number, found \"3\" (line 2, column 42)");
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"id": "u1", "username": "li", "displayName": "Li", "orgUnitIds": "d1"}
        ]}
        """,
        "accounts[0].orgUnitIds: expected an array of org unit ids, found \"d1\""
            + " (line 2, column 69)");
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"id": 7, "username": "li", "displayName": "Li"}
        ]}
        """,
        "accounts[0].id: expected a text, found 7 (line 2, column 10)");
    assertRefused(
        """
        {"orgUnits": {}, "accounts": []}
        """,
        "orgUnits: expected an array of org units, found an object (line 1, column 14)");
  }

  @Test
  void refusesAnObjectMissingARequiredField() {
    assertRefused(
        """
        {"orgUnits": [
          {"id": "d1", "name": "Sales"},
          {"id": "d2", "parentId": "d1"}
        ], "accounts": []}
        """,
        "orgUnits[1].name: is missing; every org unit needs a name (line 3, column 3)");
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"id": "u1", "username": "li"}
        ]}
        """,
        "accounts[0].displayName: is missing; every account needs a displayName"
            + " (line 2, column 3)");
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"username": "li", "displayName": "Li"}
        ]}
        """,
        "accounts[0].id: is missing; every account needs an id (line 2, column 3)");
    assertRefused(
        """
        {"orgUnits": []}
        """,
        "accounts: is missing; give [] when the directory has no accounts (line 1, column 1)");
  }

  @Test
  void refusesControlCharactersInNames() {
    assertRefused(
        """
        {"orgUnits": [
          {"id": "d1", "name": "Sales\\tTeam"}
        ], "accounts": []}
        """,
        "orgUnits[0].name: contains the control character U+0009 at position 6; remove it in"
            + " the directory (line 2, column 24)");
  }

  @Test
  void refusesTextsLongerThanTheLimit() {
    String longName = "x".repeat(SnapshotReader.MAX_TEXT_LENGTH + 1);

    assertRefused(
        "{\"orgUnits\": [{\"id\": \"d1\", \"name\": \"" + longName + "\"}], \"accounts\": []}",
        "orgUnits[0].name: is 1025 characters long; at most 1024 are allowed"
            + " (line 1, column 36)");
  }

  @Test
  void refusesADuplicateIdNamingBothPlaces() {
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"id": "u1", "username": "li", "displayName": "Li"},
          {"id": "u2", "username": "wang", "displayName": "Wang"},
          {"id": "u1", "username": "zhao", "displayName": "Zhao"}
        ]}
        """,
        "accounts[2].id: \"u1\" is already the id of accounts[0] (line 2, column 10); ids must"
            + " be unique (line 4, column 10)");
  }

  @Test
  void refusesUnknownFieldsAndRepeatedFields() {
    assertRefused(
        """
        {"orgUnits": [], "accounts": [
          {"id": "u1", "username": "li", "displayName": "Li", "orgUnitId": "d1"}
        ]}
        """,
        "accounts[0].orgUnitId: unknown field; the fields of an account are id, username, email,"
            + " displayName, mobile, employeeNo, jobTitle, orgUnitIds, status and attributes"
            + " (line 2, column 55)");
    assertRefused(
        """
        {"orgUnits": [{"id": "d1", "name": "A", "name": "B"}], "accounts": []}
        """,
        "orgUnits[0].name: appears twice in the same object; keep one (line 1, column 41)");
  }

  @Test
  void refusesInvalidJsonAndAnEmptyFile() {
    assertRefused(
        """
        {"orgUnits": [
          {"id": "d1",, "name": "Sales"}
        ], "accounts": []}
        """,
        "orgUnits[0].id: invalid JSON: Unexpected character (',' (code 44)): was expecting"
            + " double-quote to start field name (line 2, column 15)");
    assertRefused(
        "",
        "the file is empty; a snapshot is an object with source, orgUnits and accounts (line 1,"
            + " column 1)");
    assertRefused(
        "{\"orgUnits\": [], \"accounts\": []} []",
        "unexpected content after the end of the snapshot object (line 1, column 34)");
  }

  @Test
  void loadsMissingParentsAndUnitsBecauseTheyAreDirectoryContent() {
    DirectorySnapshot snapshot =
        reader.parse(
            """
            {"orgUnits": [{"id": "d99", "parentId": "d98", "name": "Ghost"}],
             "accounts": [{"id": "u1", "username": "li", "displayName": "Li",
                           "orgUnitIds": ["d97"], "status": null, "attributes": {"x": null}}]}
            """,
            "orphans.json");

    assertThat(snapshot.orgUnit("d99")).contains(OrgUnit.of("d99", "d98", "Ghost", 0));
    Account li = snapshot.account("u1").orElseThrow();
    assertThat(li.orgUnitIds()).containsExactly("d97");
    assertThat(li.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(li.attributes()).isEmpty();
  }

  @Test
  void refusesBytesThatAreNotUtf8() {
    byte[] latin1 =
        "{\"source\": \"Zürich\", \"orgUnits\": [], \"accounts\": []}"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(latin1), "latin1.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage(
            "Cannot load the directory snapshot latin1.json: the file is not UTF-8 text: byte 0xFC"
                + " cannot start or continue a character; save the file as UTF-8"
                + " (line 1, column 14)");
  }

  @Test
  void saysWhichFileDoesNotExist() {
    Path missing = folder.resolve("missing.json");

    assertThatThrownBy(() -> reader.read(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage(missing + ": the directory snapshot file does not exist; check the path");
  }

  private void assertRefused(String content, String detail) {
    assertThatThrownBy(() -> reader.parse(content, "bad.json"))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessage("Cannot load the directory snapshot bad.json: " + detail);
  }

  private static int nthIndexOf(String text, String part, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = text.indexOf(part, at + 1);
    }
    return at;
  }
}
