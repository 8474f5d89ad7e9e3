/**
 * The connector SPI: what a connector implements and what a host calls.
 *
 * <h2>Writing a connector</h2>
 *
 * <ol>
 *   <li><b>Describe it.</b> Implement {@link dev.idaas.connector.api.ConnectorProvider} with a
 *       public no-argument constructor. Its {@link dev.idaas.connector.api.ConnectorDescriptor}
 *       names the provider, declares its {@link dev.idaas.connector.api.Capability capabilities}
 *       and lists a {@link dev.idaas.connector.api.ParameterSpec} for every parameter, with labels
 *       and descriptions in English and Simplified Chinese. Mark passwords and keys as {@link
 *       dev.idaas.connector.api.ParameterType#SECRET}.
 *   <li><b>Register it.</b> Add one line with the class name to {@code
 *       META-INF/services/dev.idaas.connector.api.ConnectorProvider}.
 *   <li><b>Take the configuration.</b> The host validates the administrator's raw values with
 *       {@link dev.idaas.connector.api.ConnectorDescriptor#validate} and passes the typed {@link
 *       dev.idaas.connector.api.ConnectorConfig} to {@code open}. Secrets arrive as {@link
 *       dev.idaas.connector.api.Secret}; reveal them only where they leave for the target.
 *   <li><b>Check the connection.</b> {@link dev.idaas.connector.api.Connector#checkConnection()}
 *       signs in and reads a little; each failure is a {@link
 *       dev.idaas.connector.api.ConnectorException} whose {@link dev.idaas.connector.api.ErrorKind}
 *       and message tell the administrator what to fix.
 *   <li><b>Push.</b> {@code authorizeOrganizations} and {@code authorizeAccounts} take a {@link
 *       dev.idaas.connector.api.SyncRequest}: the whole scope or a batch of changes, perhaps as a
 *       preview. Match each object against the target (link first, then a natural key), plan,
 *       apply, and report one {@link dev.idaas.connector.api.ObjectResult} per object. The building
 *       blocks in {@code dev.idaas.connector.api.support} order trees, pace requests, retry and
 *       redact.
 *   <li><b>Test it.</b> Extend the contract suite of {@code connector-testkit}; it checks the rules
 *       listed on {@link dev.idaas.connector.api.Connector}.
 * </ol>
 *
 * <p>Unless a parameter or return value says otherwise, nothing in this package is null.
 */
package dev.idaas.connector.api;
