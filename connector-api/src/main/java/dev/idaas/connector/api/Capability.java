package dev.idaas.connector.api;

/**
 * What a connector can do, as declared in its {@link ConnectorDescriptor}. A host hides actions a
 * connector lacks, and the contract test suite skips their tests with a reason.
 */
public enum Capability {
  /** Pushes org units as target departments ({@link Connector#authorizeOrganizations}). */
  ORGANIZATIONS,
  /** Moves a target department under another parent. */
  ORG_UNIT_MOVE,
  /** Deletes target departments the connector created or adopted. */
  ORG_UNIT_DELETE,
  /** Pushes accounts ({@link Connector#authorizeAccounts}). */
  ACCOUNTS,
  /** Disables and re-enables target accounts (for AliMail: freeze and unfreeze). */
  ACCOUNT_STATUS,
  /** Deletes target accounts when the operator chose deletion as the revocation policy. */
  ACCOUNT_DELETE,
  /** Runs a request as a preview: plans everything, writes nothing. */
  PREVIEW
}
