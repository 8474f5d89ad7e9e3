/**
 * What a host needs to embed connectors: {@link dev.idaas.connector.api.host.ProviderRegistry}
 * finds {@link dev.idaas.connector.api.ConnectorProvider providers} on the host's class path and in
 * a folder of plug-in jars, and refuses, with a message an operator can act on, any it cannot run.
 *
 * <h2>Plug-in jars</h2>
 *
 * <p>A plug-in jar holds a provider, its {@code
 * META-INF/services/dev.idaas.connector.api.ConnectorProvider} file and every library it uses,
 * except connector-api itself. Each jar gets its own class loader, whose parent shows the jar the
 * connector-api classes of the host and the JDK, and nothing else: two plug-ins can bundle
 * different versions of one library, and no plug-in comes to depend by accident on a library the
 * host happens to carry.
 *
 * <h2>What is refused</h2>
 *
 * <ul>
 *   <li>A file that is not a readable jar, or holds no service file.
 *   <li>A service file naming a class that is missing, is not a provider, or fails to construct.
 *   <li>A provider built for an incompatible SPI version (see {@link
 *       dev.idaas.connector.api.SpiVersion}), or one whose methods fail with a {@link LinkageError}
 *       because it was built against another connector-api or lacks a library.
 *   <li>A provider whose id another provider, found earlier, already has.
 * </ul>
 *
 * <p>Each refusal is a {@link dev.idaas.connector.api.host.LoadProblem} and the rest still load, so
 * one broken plug-in cannot take every connector down; a host that prefers to stop builds its
 * registry with {@link dev.idaas.connector.api.host.ProviderRegistry.Builder#strict(boolean)}.
 *
 * <p>The registry does not change a thread's context class loader. A plug-in that looks up its own
 * services, or a library in it that does, passes its own class loader to {@link
 * java.util.ServiceLoader}.
 *
 * <p>Unless a parameter or return value says otherwise, nothing in this package is null.
 */
package dev.idaas.connector.api.host;
