/**
 * What the command line adds around the library: its version, per-command help, the Prometheus metrics of
 * {@code watch} and (until the library's config reads it) its {@code alerts} section. The GitHub Actions output
 * and the webhook alerts are the library's {@code GitHubActionsReport} and {@code WebhookAlerts}.
 */
package io.sophia.examples.cli;
