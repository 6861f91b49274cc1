/**
 * What the command line adds around the library: its version, per-command help, GitHub Actions output
 * (step summary and annotations), Prometheus metrics and webhook alerts of {@code watch}.
 */
package io.sophia.examples.cli;
