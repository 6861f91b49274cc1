/**
 * The Prometheus metrics of {@code watch --metrics-port}, beside the command line rather than in it: {@link
 * io.sophia.examples.metrics.SophiaMeters} records each assessment on a Micrometer registry (a host that already uses
 * Micrometer binds the same meters with it) and {@link io.sophia.examples.metrics.MetricsEndpoint} serves them on
 * {@code /metrics}. They live in the examples module so that the library modules gain no metrics dependency.
 */
package io.sophia.examples.metrics;
