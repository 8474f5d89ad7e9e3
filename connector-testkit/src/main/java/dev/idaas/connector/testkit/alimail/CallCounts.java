package dev.idaas.connector.testkit.alimail;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How many calls the simulator received on each WebService path, counting every answer: served,
 * refused, throttled or faulted. Paths are relative to the endpoint, such as {@code
 * /ud/createAccounts}; calls to {@code /__sim/*} are not counted.
 *
 * @param total the calls on all paths
 * @param byPath the calls per path, sorted by path; paths never called are absent
 */
public record CallCounts(long total, Map<String, Long> byPath) {

  /** The paths that change the directory. */
  public static final Set<String> WRITE_PATHS =
      Set.of(
          "/ud/createDepartment",
          "/ud/updateDepartment",
          "/ud/removeDepartment",
          "/ud/createAccounts",
          "/ud/updateAccountInfo",
          "/ud/moveAccountsToDepartment",
          "/ud/updateAccountsStatus",
          "/ud/updateAccountsPassword",
          "/ud/removeAccounts");

  public CallCounts {
    byPath = Collections.unmodifiableSortedMap(new TreeMap<>(byPath));
  }

  /** The calls on one path; 0 if it was never called. */
  public long of(String path) {
    return byPath.getOrDefault(path, 0L);
  }

  /**
   * The calls on paths that change the directory, whatever their answer: a second full push with
   * nothing to do should make none.
   */
  public long writes() {
    return byPath.entrySet().stream()
        .filter(entry -> WRITE_PATHS.contains(entry.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
