package dev.idaas.connector.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value, such as an access password, a token or an initial mailbox password.
 *
 * <p>Nothing but {@link #reveal()} gives the value out: {@code toString} prints a mask, {@code
 * equals} compares in constant time, and the class is not {@code Serializable}. Call {@code
 * reveal()} only at the point where the value leaves for the target, and never pass its result to a
 * logger or an exception.
 */
public final class Secret {

  private static final String MASK = "******";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a value.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "secret value"));
  }

  /** The plain value, for the one place that sends it to the target. */
  public String reveal() {
    return value;
  }

  /** Whether the value is empty. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    // A constant: a hash derived from the value would leak information about it.
    return 0x5ec7e7;
  }

  /** Always a mask, whatever the value. */
  @Override
  public String toString() {
    return MASK;
  }
}
