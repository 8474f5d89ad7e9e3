/**
 * Building blocks that make a correct connector short to write, with no knowledge of any target:
 * {@link dev.idaas.connector.api.support.TreeOrder} puts org units in an order a target can follow
 * and reports units that cannot be placed; {@link dev.idaas.connector.api.support.RequestBudget}
 * paces calls to a target's budget; {@link dev.idaas.connector.api.support.Retrier} retries what is
 * safe to retry; {@link dev.idaas.connector.api.support.Redactor} keeps secrets out of text.
 *
 * <p>Everything here is pure or thread-safe as its Javadoc says, and uses only the JDK. Unless
 * stated otherwise, nothing is null.
 */
package dev.idaas.connector.api.support;
