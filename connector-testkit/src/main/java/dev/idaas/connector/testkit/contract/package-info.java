/**
 * The contract suite: the documented behaviour of every connector, as JUnit 5 tests a connector's
 * own test sources extend.
 *
 * <h2>Using it</h2>
 *
 * <ol>
 *   <li>Implement {@link dev.idaas.connector.testkit.contract.ContractTarget} over the target's
 *       simulator or an in-memory fake: reset it, list its departments and accounts, make one by
 *       hand, count writes, and give wrong credentials.
 *   <li>Extend {@link dev.idaas.connector.testkit.contract.ConnectorContractSuite} with the
 *       provider, valid parameters and the target.
 *   <li>Run the tests. Each failure is a {@link
 *       dev.idaas.connector.testkit.contract.ContractViolation} naming the {@link
 *       dev.idaas.connector.testkit.contract.BehaviourRule} broken, as written in {@code
 *       docs/behaviour-rules.md}; a behaviour whose capability the connector does not declare is
 *       skipped with the reason.
 * </ol>
 *
 * <p>{@link dev.idaas.connector.testkit.contract.ContractAssertions} builds such failures for a
 * connector's own tests too. {@code docs/writing-a-connector.md} walks through a whole connector,
 * from an empty module to a passing suite.
 *
 * <p>Unless a Javadoc says otherwise, nothing here is null.
 */
package dev.idaas.connector.testkit.contract;
