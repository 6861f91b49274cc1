/**
 * What the command line adds around the library: its version and per-command help. The GitHub Actions output and
 * the webhook alerts are the library's {@code GitHubActionsReport} and {@code WebhookAlerts}; the metrics of
 * {@code watch} are beside the command line, in {@code io.sophia.examples.metrics}.
 */
package io.sophia.examples.cli;
