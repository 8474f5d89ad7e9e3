package dev.idaas.connector.testkit.contract.mirror;

import dev.idaas.connector.api.Secret;
import dev.idaas.connector.testkit.contract.ContractTarget;
import dev.idaas.connector.testkit.contract.TargetAccount;
import dev.idaas.connector.testkit.contract.TargetDepartment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract suite's view of a {@link MirrorDirectory}, found by the same name as the
 * connector's.
 */
final class MirrorContractTarget implements ContractTarget {

  /** A test value, searched for in every text by the suite's secret check. */
  static final String API_KEY = "mirror-key-7f3a91c2";

  private final String name;
  private MirrorDirectory directory;

  /**
   * @param name the directory's name; one per test class, so classes never share a directory
   */
  MirrorContractTarget(String name) {
    this.name = name;
  }

  /** The parameters an administrator gives the mirror connector for this directory. */
  Map<String, String> parameters() {
    return Map.of(
        DirectoryMirrorProvider.DIRECTORY, name, DirectoryMirrorProvider.API_KEY, API_KEY);
  }

  @Override
  public void reset() {
    directory = MirrorDirectory.create(name, Secret.of(API_KEY));
  }

  @Override
  public String rootDepartmentId() {
    return MirrorDirectory.ROOT;
  }

  @Override
  public List<TargetDepartment> departments() {
    return directory.departments().stream()
        .map(d -> new TargetDepartment(d.id(), d.parentId(), d.name()))
        .toList();
  }

  @Override
  public List<TargetAccount> accounts() {
    return directory.accounts().stream()
        .map(a -> new TargetAccount(a.key(), a.departmentId(), a.enabled()))
        .toList();
  }

  @Override
  public String createDepartment(String parentId, String departmentName) {
    return directory.seedDepartment(parentId, departmentName);
  }

  @Override
  public void createAccount(String key, String displayName, String departmentId) {
    directory.seedAccount(new MirrorDirectory.Member(key, displayName, departmentId, true));
  }

  @Override
  public long writes() {
    return directory.writes();
  }

  @Override
  public Map<String, String> parametersWithWrongCredentials(Map<String, String> valid) {
    Map<String, String> wrong = new HashMap<>(valid);
    wrong.put(DirectoryMirrorProvider.API_KEY, "not-the-mirror-key-0000");
    return wrong;
  }
}
