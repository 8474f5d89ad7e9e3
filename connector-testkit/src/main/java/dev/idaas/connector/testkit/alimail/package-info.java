/**
 * A simulator of Alibaba Mail's WebService API over real HTTP, for testing connectors.
 *
 * <p>Start with {@link dev.idaas.connector.testkit.alimail.AliMailSimulator}: its Javadoc lists the
 * rules it enforces and how sure we are of each. {@link
 * dev.idaas.connector.testkit.alimail.AliMailSimulatorExtension} runs it around JUnit 5 tests, and
 * {@link dev.idaas.connector.testkit.alimail.FaultSpec} describes the faults it can inject.
 *
 * <p>Unless a parameter or return value says otherwise, nothing in this package is null.
 */
package dev.idaas.connector.testkit.alimail;
