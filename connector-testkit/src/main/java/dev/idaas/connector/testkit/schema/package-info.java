/**
 * Connector parameters as JSON Schema: {@link dev.idaas.connector.testkit.schema.ParameterSchema}
 * exports a descriptor's parameters as a draft 2020-12 schema, and {@link
 * dev.idaas.connector.testkit.schema.SchemaCompatibility} tells which changes between two exported
 * schemas would break stored configurations. The {@code idaas-host schema} command uses both; hosts
 * and release pipelines can call them directly.
 *
 * <p>Unless a Javadoc says otherwise, nothing in this package is null.
 */
package dev.idaas.connector.testkit.schema;
