/**
 * The Alibaba Mail connector. Only {@link dev.idaas.connector.alimail.AliMailProvider} is public;
 * everything else is the provider's own machinery, in layers:
 *
 * <ul>
 *   <li>{@code Transport} / {@code HttpTransport}: one POST, over one shared HTTP client;
 *   <li>{@code WireCodec}: the {@code access}/{@code param} request and the {@code status}/{@code
 *       data} answer;
 *   <li>{@code AliMailErrors}: every status code and transport failure mapped to an error kind and
 *       an actionable message;
 *   <li>{@code Session}: sign-in, the token, one new sign-in per expiry, pacing and retries;
 *   <li>{@code AliMailApi}: the WebService operations, typed, with writes pretended in a preview;
 *   <li>{@code MailboxMapper}: directory accounts to mailbox addresses and fields;
 *   <li>{@code DepartmentPush} and {@code AccountPush}: planning and applying one run;
 *   <li>{@code AliMailConnector}: the {@link dev.idaas.connector.api.Connector} a host holds.
 * </ul>
 *
 * <p>Unless stated otherwise, nothing in this package is null.
 */
package dev.idaas.connector.alimail;
