package dev.idaas.connector.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationPolicyTest {

  /**
   * Engineering › Platform › Kernel, Sales, a unit whose parent is missing and two units that are
   * each other's parent; people in them, one in two units and one in none.
   */
  private final DirectorySnapshot directory =
      DirectorySnapshot.builder()
          .put(OrgUnit.of("d1", null, "Engineering", 1))
          .put(OrgUnit.of("d2", "d1", "Platform", 2))
          .put(OrgUnit.of("d3", "d2", "Kernel", 3))
          .put(OrgUnit.of("d4", null, "Sales", 4))
          .put(OrgUnit.of("d9", "d8", "Ghost", 5))
          .put(OrgUnit.of("d5", "d6", "Loop A", 6))
          .put(OrgUnit.of("d6", "d5", "Loop B", 7))
          .put(person("u1", "d3"))
          .put(person("u2", "d4", "d3"))
          .put(person("u3"))
          .put(person("u4", "d2", "d4"))
          .put(person("u5", "d9"))
          .build();

  @Test
  void theWholeDirectoryIsTheDirectoryUnchanged() {
    DirectorySnapshot scope = AuthorizationPolicy.wholeDirectory().scopeOf(directory);

    assertThat(scope).isEqualTo(directory);
  }

  @Test
  void anOrgScopeTakesSubtreesAndItsTopUnitsLoseTheirParent() {
    AuthorizationPolicy platform = AuthorizationPolicy.wholeDirectory().withOrgScope("d2");

    DirectorySnapshot scope = platform.scopeOf(directory);

    assertThat(scope.orgUnits())
        .containsExactly(
            OrgUnit.of("d2", null, "Platform", 2), OrgUnit.of("d3", "d2", "Kernel", 3));
  }

  @Test
  void accountsFollowTheOrgScopeByTheirPrimaryUnitAndKeepOnlyInScopeUnits() {
    AuthorizationPolicy platform = AuthorizationPolicy.wholeDirectory().withOrgScope("d2");

    DirectorySnapshot scope = platform.scopeOf(directory);

    assertThat(scope.accounts()).extracting(Account::id).containsExactly("u1", "u4");
    assertThat(scope.account("u4").orElseThrow().orgUnitIds()).containsExactly("d2");
  }

  @Test
  void anAccountWithNoUnitIsInScopeOnlyWithTheWholeDirectory() {
    assertThat(AuthorizationPolicy.wholeDirectory().scopeOf(directory).hasAccount("u3")).isTrue();
    assertThat(
            AuthorizationPolicy.wholeDirectory()
                .withOrgScope("d1", "d4")
                .scopeOf(directory)
                .hasAccount("u3"))
        .isFalse();
  }

  @Test
  void anExplicitAccountScopeTakesExactlyTheListedAccounts() {
    AuthorizationPolicy policy =
        AuthorizationPolicy.wholeDirectory().withOrgScope("d2").withAccounts(Set.of("u2", "u3"));

    DirectorySnapshot scope = policy.scopeOf(directory);

    assertThat(scope.accounts()).extracting(Account::id).containsExactly("u2", "u3");
    assertThat(scope.account("u2").orElseThrow().orgUnitIds()).containsExactly("d3");
    assertThat(scope.account("u3").orElseThrow().orgUnitIds()).isEmpty();
  }

  @Test
  void aCycleInTheScopeEndsAndKeepsItsParentsForTheConnectorToReport() {
    DirectorySnapshot scope =
        AuthorizationPolicy.wholeDirectory().withOrgScope("d5").scopeOf(directory);

    assertThat(scope.orgUnits())
        .containsExactly(OrgUnit.of("d5", "d6", "Loop A", 6), OrgUnit.of("d6", "d5", "Loop B", 7));
  }

  @Test
  void namesScopeUnitsTheDirectoryLacks() {
    AuthorizationPolicy policy =
        AuthorizationPolicy.wholeDirectory().withOrgScope("d4", "d77", "d70");

    assertThat(policy.unknownOrgUnits(directory)).containsExactly("d70", "d77");
    assertThat(policy.scopeOf(directory).orgUnits()).extracting(OrgUnit::id).containsExactly("d4");
  }

  private static Account person(String id, String... units) {
    return new Account(
        id,
        id,
        id + "@acme.example",
        id,
        null,
        null,
        null,
        List.of(units),
        AccountStatus.ACTIVE,
        Map.of());
  }
}
