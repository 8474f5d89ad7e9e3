/**
 * The push benchmark behind {@code idaas-host bench}: a full push of a directory into the AliMail
 * simulator running in this process, measured in up to five parts side by side, and read against
 * the targets in {@code BENCHMARKS.md}.
 *
 * <p>Start with {@link dev.idaas.connector.testkit.bench.PushBench}: give it {@link
 * dev.idaas.connector.testkit.bench.BenchSettings} and the alimail provider, and print the {@link
 * dev.idaas.connector.testkit.bench.BenchReport} it returns with {@link
 * dev.idaas.connector.testkit.bench.ReportFormat}. {@link
 * dev.idaas.connector.testkit.bench.ScaledDirectory} and {@link
 * dev.idaas.connector.testkit.bench.NaiveClient} are usable on their own.
 *
 * <p>Unless a parameter or return value says otherwise, nothing in this package is null.
 */
package dev.idaas.connector.testkit.bench;
