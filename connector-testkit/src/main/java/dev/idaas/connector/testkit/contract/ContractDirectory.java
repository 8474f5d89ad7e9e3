package dev.idaas.connector.testkit.contract;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.testkit.host.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small hand-made directory every push test starts from, and what the target should hold after
 * pushing a directory. Three levels, six units, eight accounts, one of them with no unit:
 *
 * <pre>
 * Engineering            chen.jie
 *   Platform             wang.wu
 *     Kernel             li.na
 *   Quality              zhao.min
 * Sales                  sun.li
 *   EMEA                 zhou.yan, wu.hao
 * (no unit)              zheng.qi
 * </pre>
 *
 * <p>Units are listed parents first, so a removal of a unit and its child reaches the connector
 * parent first, and only a connector that orders deletions itself deletes leaf-first.
 */
final class ContractDirectory {

  static final String ENGINEERING = "u-eng";
  static final String PLATFORM = "u-platform";
  static final String KERNEL = "u-kernel";
  static final String QUALITY = "u-quality";
  static final String SALES = "u-sales";
  static final String EMEA = "u-emea";

  static final String LI_NA = "a-li-na";
  static final String WANG_WU = "a-wang-wu";
  static final String CHEN_JIE = "a-chen-jie";
  static final String ZHAO_MIN = "a-zhao-min";
  static final String SUN_LI = "a-sun-li";
  static final String ZHOU_YAN = "a-zhou-yan";
  static final String WU_HAO = "a-wu-hao";
  static final String ZHENG_QI = "a-zheng-qi";

  /** A unit whose parent does not exist, its missing parent, and its one member. */
  static final String GHOST = "u-ghost";

  static final String MISSING = "u-missing";
  static final String GHOST_USER = "a-ghost-user";

  private final String domain;

  ContractDirectory(String domain) {
    this.domain = domain;
  }

  /** The directory drawn above. */
  DirectorySnapshot tree() {
    return DirectorySnapshot.builder()
        .source("contract suite")
        .put(OrgUnit.of(ENGINEERING, null, "Engineering", 1))
        .put(OrgUnit.of(PLATFORM, ENGINEERING, "Platform", 1))
        .put(OrgUnit.of(KERNEL, PLATFORM, "Kernel", 1))
        .put(OrgUnit.of(QUALITY, ENGINEERING, "Quality", 2))
        .put(OrgUnit.of(SALES, null, "Sales", 2))
        .put(OrgUnit.of(EMEA, SALES, "EMEA", 1))
        .put(account(LI_NA, "li.na", "Li Na", KERNEL))
        .put(account(WANG_WU, "wang.wu", "Wang Wu", PLATFORM))
        .put(account(CHEN_JIE, "chen.jie", "Chen Jie", ENGINEERING))
        .put(account(ZHAO_MIN, "zhao.min", "Zhao Min", QUALITY))
        .put(account(SUN_LI, "sun.li", "Sun Li", SALES))
        .put(account(ZHOU_YAN, "zhou.yan", "Zhou Yan", EMEA))
        .put(account(WU_HAO, "wu.hao", "Wu Hao", EMEA))
        .put(account(ZHENG_QI, "zheng.qi", "Zheng Qi", null))
        .build();
  }

  /**
   * The directory plus unit {@value #GHOST} (Ghost), whose parent {@value #MISSING} does not exist,
   * and its member {@value #GHOST_USER}.
   */
  DirectorySnapshot withGhost(DirectorySnapshot directory) {
    return directory.toBuilder()
        .put(OrgUnit.of(GHOST, MISSING, "Ghost", 1))
        .put(account(GHOST_USER, "ghost.user", "Ghost User", GHOST))
        .build();
  }

  /**
   * An active account whose e-mail is {@code localPart@domain}; no unit when {@code unitId} is
   * null.
   */
  Account account(String id, String localPart, String name, String unitId) {
    return new Account(
        id,
        localPart,
        email(localPart),
        name,
        null,
        null,
        null,
        unitId == null ? List.of() : List.of(unitId),
        AccountStatus.ACTIVE,
        Map.of());
  }

  String email(String localPart) {
    return localPart + "@" + domain;
  }

  /** The department paths the target should hold for a directory whose units all fit. */
  static List<String> departmentPaths(DirectorySnapshot directory) {
    return directory.orgUnits().stream()
        .map(unit -> pathOf(directory, unit.id()))
        .sorted()
        .toList();
  }

  /** The path of a unit's department: the names from the top unit down to it. */
  static String pathOf(DirectorySnapshot directory, String unitId) {
    if (unitId == null) {
      return TargetView.ROOT;
    }
    List<String> names = new ArrayList<>();
    for (String id = unitId; id != null; ) {
      OrgUnit unit = directory.orgUnit(id).orElseThrow();
      names.add(0, unit.name());
      id = unit.parentId();
    }
    return String.join("/", names);
  }

  /**
   * The accounts the target should hold for a directory whose units all fit and whose accounts were
   * all pushed while active: each in its primary unit, enabled unless disabled since.
   */
  static List<String> accountLines(DirectorySnapshot directory) {
    return directory.accounts().stream()
        .map(account -> lineOf(directory, account))
        .sorted()
        .toList();
  }

  static String lineOf(DirectorySnapshot directory, Account account) {
    return TargetView.accountLine(
        account.email(),
        pathOf(directory, account.primaryOrgUnitId().orElse(null)),
        account.isActive());
  }
}
