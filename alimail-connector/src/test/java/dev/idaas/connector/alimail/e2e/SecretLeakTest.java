package dev.idaas.connector.alimail.e2e;

import static dev.idaas.connector.alimail.e2e.Org.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.alimail.AliMailProvider;
import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.RunStatus;
import dev.idaas.connector.testkit.alimail.FaultSpec;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import dev.idaas.connector.testkit.host.EventFilter;
import dev.idaas.connector.testkit.host.RunSummary;
import dev.idaas.connector.testkit.schema.ParameterSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known secrets go through a whole life: sign-ins, re-sign-ins after an expired token, creates that
 * fail, time out, are refused with an answer that echoes the request (token and initial passwords
 * included), retries, a changed initial password, and a sign-in refused with an echo of the access
 * password. Then every text the product produced is searched for them: each log line at the most
 * detailed level, every event, every run error and exception with its causes, the texts of the
 * configuration and the connection check, the exported parameter schema, the host's stored state
 * and the simulator's data folder, byte by byte.
 *
 * <p>The tokens are found by their shape, the access code followed by five characters and the time
 * in milliseconds. Random initial passwords are unknown to the test: every run of characters that
 * could be one is tried against the simulator's password check of each mailbox that has one.
 */
class SecretLeakTest {

  private static final String ACCESS_CODE = "leakprobe";
  private static final String ACCESS_PASSWORD = "Planted-Access-Pw-4821";
  private static final Pattern TOKEN = Pattern.compile(ACCESS_CODE + "[A-Za-z0-9]{5}\\d{13}");
  private static final Pattern AUTHORIZATION_HEADER =
      Pattern.compile("(?i)(authorization\\s*[:=]|bearer\\s+\\S)");
  private static final Pattern PASSWORD_LIKE = Pattern.compile("[A-Za-z0-9!#%*+=?@_-]{16,}");

  @TempDir Path state;
  @TempDir Path simulatorData;

  private final List<String> texts = new ArrayList<>();

  @Test
  void noSecretAppearsInLogsEventsErrorsTextsOrStoredState() throws IOException {
    List<String> planted = new ArrayList<>();
    List<String> randomPasswordMailboxes = new ArrayList<>();
    SyncFixture sync;
    try (AllLogLines logs = new AllLogLines()) {
      sync =
          SyncFixture.start(
              state,
              simulator ->
                  simulator
                      .credentials(ACCESS_CODE, ACCESS_PASSWORD)
                      .dataDir(simulatorData)
                      .faults(
                          FaultSpec.parse(
                              "echo@path:/ud/createAccounts#1,500@path:/ud/createDepartment#2,"
                                  + "408@call:6,late@path:/ud/createAccounts#2:3000ms,"
                                  + "drop@path:/ud/createAccounts#4")),
              Map.of("initialPassword", "fromAttribute", "accountBatchSize", "5"));

      texts.add(sync.host().checkConnection().toString());
      DirectorySnapshot withPlanted = directory(1, 10, planted, true);
      RunSummary echoed = sync.host().executeAdd(withPlanted);
      RunSummary retried = sync.host().retryFailed().orElseThrow();
      DirectorySnapshot withRandom =
          withPlanted.toBuilder().put(unit("D2", null, "Random")).build();
      withRandom = merged(withRandom, directory(11, 10, randomPasswordMailboxes, false));
      RunSummary random = sync.host().applyChanges(withRandom).run().orElseThrow();
      String reset = "Planted-Reset-Pw-0001";
      planted.add(reset);
      DirectorySnapshot resetDirectory =
          withRandom.toBuilder()
              .updateAccount("U01", account -> withPassword(account, reset))
              .put(withPassword(person(21, "D1"), plant(21, planted)))
              .build();
      RunSummary resetRun = sync.host().applyChanges(resetDirectory).run().orElseThrow();

      sync.alimail.expireTokens();
      long logins = sync.alimail.calls("/control/wsLogin");
      sync.alimail.inject(
          FaultSpec.parse(
              "echo@path:/control/wsLogin#"
                  + (logins + 1)
                  + ",echo@path:/control/wsLogin#"
                  + (logins + 2)));
      assertThatThrownBy(() -> sync.host().checkConnection())
          .isInstanceOfSatisfying(ConnectorException.class, this::keepWithCauses)
          .hasMessageContaining("refused wsLogin (code 1603");
      RunSummary refused = sync.host().executeAdd(resetDirectory);

      assertThat(echoed.status()).isEqualTo(RunStatus.PARTIAL);
      assertThat(echoed.count(ObjectType.ACCOUNT, Outcome.FAILED)).isEqualTo(5);
      assertThat(retried.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(random.status()).isEqualTo(RunStatus.SUCCESS);
      assertThat(resetRun.accountCounts())
          .as("a changed initial password is no change: it is used only to create")
          .isEqualTo(Map.of(Outcome.CREATED, 1));
      assertThat(refused.status()).isEqualTo(RunStatus.FAILED);
      assertThat(sync.alimail.accounts()).hasSize(22);
      assertThat(sync.alimail.passwordMatches("u21@acme.example", plant(21, new ArrayList<>())))
          .isTrue();
      assertThat(sync.alimail.logins()).as("a sign-in per run, and one after the 408").isEqualTo(6);

      sync.host().events(EventFilter.all()).forEach(event -> texts.add(event.toString()));
      sync.host().runs().forEach(run -> texts.add(run.toString()));
      texts.add(new AliMailProvider().descriptor().validate(sync.parameters()).toString());
      texts.add(ParameterSchema.render(new AliMailProvider().descriptor()));
      assertThat(String.join("\n", texts))
          .as("the echo reached the events, masked")
          .contains("cannot process {\"access\":{\"accessToken\":\"******\"")
          .contains("\"passwd\":\"******\"");

      sync.close();
      texts.addAll(logs.lines());
      assertThat(logs.debugLines()).as("debug lines were written").isGreaterThan(40);
    }
    String stored = bytesOf(state);
    String simulated = bytesOf(simulatorData);
    assertThat(stored).as("the byte scan reads stored text").contains("U21@corp.example");
    assertThat(simulated).contains("u21@acme.example");
    texts.add(stored);
    texts.add(simulated);

    String everything = String.join("\n", texts);
    assertThat(everything).doesNotContain(ACCESS_PASSWORD);
    planted.forEach(password -> assertThat(everything).doesNotContain(password));
    assertThat(matches(TOKEN, everything)).isEmpty();
    assertThat(matches(AUTHORIZATION_HEADER, everything)).isEmpty();
    assertThat(randomPasswordsIn(everything, sync, randomPasswordMailboxes)).isEmpty();
  }

  /**
   * Accounts {@code first} to {@code first + count - 1} in unit D1 or D2, with or without a
   * password.
   */
  private static DirectorySnapshot directory(
      int first, int count, List<String> collected, boolean plantPasswords) {
    List<Account> accounts = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      Account account = person(n, plantPasswords ? "D1" : "D2");
      if (plantPasswords) {
        account = withPassword(account, plant(n, collected));
      } else {
        collected.add(Org.mailbox(account.id()));
      }
      accounts.add(account);
    }
    return Org.directory(List.of(unit("D1", null, "Planted")), accounts);
  }

  private static DirectorySnapshot merged(DirectorySnapshot into, DirectorySnapshot more) {
    DirectorySnapshot.Builder builder = into.toBuilder();
    more.accounts().forEach(builder::put);
    return builder.build();
  }

  private static Account person(int n, String unit) {
    return Org.person(String.format("U%02d", n), unit);
  }

  private static String plant(int n, List<String> collected) {
    String password = String.format("Planted-Init-Pw-%04d", n);
    collected.add(password);
    return password;
  }

  private static Account withPassword(Account account, String password) {
    return new Account(
        account.id(),
        account.username(),
        account.email(),
        account.displayName(),
        account.mobile(),
        account.employeeNo(),
        account.jobTitle(),
        account.orgUnitIds(),
        AccountStatus.ACTIVE,
        Map.of("initialPassword", password));
  }

  private void keepWithCauses(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    texts.add(failure.getMessage());
    texts.add(trace.toString());
  }

  /** Every file under a folder, read as Latin-1 so every byte is one character. */
  private static String bytesOf(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      List<Path> regular = files.filter(Files::isRegularFile).toList();
      assertThat(regular).as("files in " + folder).isNotEmpty();
      StringBuilder all = new StringBuilder();
      for (Path file : regular) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
      }
      return all.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  /** Each 16-character window of every password-like run that is a mailbox's current password. */
  private static List<String> randomPasswordsIn(
      String text, SyncFixture sync, List<String> mailboxes) {
    List<String> leaked = new ArrayList<>();
    int windows = 0;
    for (String run : matches(PASSWORD_LIKE, text)) {
      for (int start = 0; start + 16 <= run.length(); start++) {
        String candidate = run.substring(start, start + 16);
        windows++;
        for (String mailbox : mailboxes) {
          if (sync.alimail.passwordMatches(mailbox, candidate)) {
            leaked.add(mailbox + " → " + candidate);
          }
        }
      }
    }
    assertThat(windows).as("password-like text was searched").isGreaterThan(0);
    return leaked;
  }
}
