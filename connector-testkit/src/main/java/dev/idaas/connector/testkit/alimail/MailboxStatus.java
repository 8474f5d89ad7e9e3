package dev.idaas.connector.testkit.alimail;

/** Whether a simulated mailbox may be used: normal, or frozen by an administrator. */
public enum MailboxStatus {
  NORMAL("0", "normal"),
  FROZEN("1", "frozen");

  private final String wireValue;
  private final String stateValue;

  MailboxStatus(String wireValue, String stateValue) {
    this.wireValue = wireValue;
    this.stateValue = stateValue;
  }

  /** The value AliMail uses in {@code status} fields: {@code "0"} normal, {@code "1"} frozen. */
  public String wireValue() {
    return wireValue;
  }

  /** The value of {@code status} in the {@code /__sim/state} document. */
  public String stateValue() {
    return stateValue;
  }

  /**
   * The status for a wire value.
   *
   * @throws IllegalArgumentException if {@code wireValue} is neither {@code "0"} nor {@code "1"}
   */
  static MailboxStatus fromWire(String wireValue) {
    for (MailboxStatus status : values()) {
      if (status.wireValue.equals(wireValue)) {
        return status;
      }
    }
    throw new IllegalArgumentException("status must be \"0\" or \"1\": " + wireValue);
  }
}
