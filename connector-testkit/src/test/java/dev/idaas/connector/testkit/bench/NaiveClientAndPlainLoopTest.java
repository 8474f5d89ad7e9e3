package dev.idaas.connector.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two drivers a connector is compared with: the naive client makes one call per object, and the
 * plain loop sends a recording of them again into a fresh domain, with the new ids in place.
 */
class NaiveClientAndPlainLoopTest {

  /** Sales › Sales East, and Support; four people, one disabled and one without a unit. */
  private static final DirectorySnapshot DIRECTORY =
      new DirectorySnapshot(
          "test",
          List.of(
              OrgUnit.of("east", "sales", "Sales East", 2),
              OrgUnit.of("sales", null, "Sales", 1),
              OrgUnit.of("support", null, "Support", 3)),
          List.of(
              person("u1", "Li.Na@example.com", AccountStatus.ACTIVE, "east"),
              person("u2", "wang.wei@example.com", AccountStatus.ACTIVE, "support"),
              person("u3", "zhao.lei@example.com", AccountStatus.DISABLED, "sales"),
              person("u4", "chen.jie@example.com", AccountStatus.ACTIVE)));

  @Test
  void naiveClientMakesOneCallPerActiveObjectOneAtATime() {
    try (AliMailSimulator target = AliMailSimulator.builder().start()) {
      PushFigures pushed = new NaiveClient(target).push(DIRECTORY);

      assertThat(pushed.calls().byPath())
          .isEqualTo(
              Map.of(
                  "/control/wsLogin", 1L,
                  "/ud/getDomainInfo", 1L,
                  "/ud/createDepartment", 3L,
                  "/ud/createAccounts", 3L));
      assertThat(pushed.objects()).isEqualTo(7);
      assertThat(pushed.problems()).isZero();
      assertThat(pushed.driver()).isEqualTo("naive client");
      assertThat(tree(target))
          .containsOnly(
              "acme.example",
              "acme.example/Sales",
              "acme.example/Sales/Sales East",
              "acme.example/Support");
      assertThat(mailboxes(target))
          .isEqualTo(
              Map.of(
                  "chen.jie@acme.example", "acme.example",
                  "li.na@acme.example", "acme.example/Sales/Sales East",
                  "postmaster@acme.example", "acme.example",
                  "wang.wei@acme.example", "acme.example/Support"));
    }
  }

  @Test
  void plainLoopSendsTheRecordedCallsAgainWithTheNewDomainsIds() {
    PlainLoop loop;
    try (AliMailSimulator recorded = AliMailSimulator.builder().recordExchanges(true).start()) {
      new NaiveClient(recorded).push(DIRECTORY);
      loop = PlainLoop.replaying(recorded.recordedExchanges());
    }

    try (AliMailSimulator fresh = AliMailSimulator.builder().start()) {
      PushFigures replayed = loop.replay(fresh, 2, 7);

      assertThat(loop.size()).isEqualTo(8);
      assertThat(replayed.problems()).isZero();
      assertThat(replayed.calls().byPath())
          .isEqualTo(
              Map.of(
                  "/control/wsLogin", 1L,
                  "/ud/getDomainInfo", 1L,
                  "/ud/createDepartment", 3L,
                  "/ud/createAccounts", 3L));
      assertThat(tree(fresh))
          .containsOnly(
              "acme.example",
              "acme.example/Sales",
              "acme.example/Sales/Sales East",
              "acme.example/Support");
      assertThat(mailboxes(fresh))
          .containsEntry("li.na@acme.example", "acme.example/Sales/Sales East");
    }
  }

  @Test
  void simulatorRecordsNothingUnlessAsked() {
    try (AliMailSimulator target = AliMailSimulator.builder().start()) {
      new NaiveClient(target).push(DIRECTORY);

      assertThat(target.recordedExchanges()).isEmpty();
    }
  }

  private static Account person(String id, String email, AccountStatus status, String... units) {
    return new Account(
        id,
        email.substring(0, email.indexOf('@')),
        email,
        "Person " + id,
        null,
        null,
        null,
        List.of(units),
        status,
        Map.of());
  }

  /** Each department as the path of names from the root. */
  private static List<String> tree(AliMailSimulator target) {
    return target.departments().stream().map(d -> path(target, d)).toList();
  }

  private static Map<String, String> mailboxes(AliMailSimulator target) {
    return target.accounts().stream()
        .collect(
            Collectors.toMap(
                AccountSnapshot::email,
                account -> path(target, target.department(account.departmentId()).orElseThrow())));
  }

  private static String path(AliMailSimulator target, DepartmentSnapshot department) {
    Optional<DepartmentSnapshot> parent =
        department.parentId() == null ? Optional.empty() : target.department(department.parentId());
    return parent.map(p -> path(target, p) + "/").orElse("") + department.name();
  }
}
