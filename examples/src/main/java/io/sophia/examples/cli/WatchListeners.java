package io.sophia.examples.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sophia.core.Assessment;
import io.sophia.report.DeploymentConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code sophia watch} feeds after each round besides its status lines: the Prometheus endpoint
 * ({@code --metrics-port}) and the webhook alerts of the config's {@code alerts} section. Closing it
 * delivers the alerts in flight and stops the endpoint.
 */
public final class WatchListeners implements AutoCloseable {

    private final SophiaMeters meters;
    private final MetricsEndpoint endpoint;
    private final WebhookAlerts alerts;

    private WatchListeners(SophiaMeters meters, MetricsEndpoint endpoint, WebhookAlerts alerts) {
        this.meters = meters;
        this.endpoint = endpoint;
        this.alerts = alerts;
    }

    /**
     * Starts what the options and config ask for.
     *
     * @param config      the config: the deployment's name and the {@code alerts} section
     * @param metricsPort the port to serve {@code /metrics} on (0 picks one), or null for no endpoint
     * @param env         reads {@code urlEnv} variables
     * @param out         where the endpoint's address is printed
     * @param err         where alert delivery failures are reported
     * @return the listeners
     * @throws io.sophia.diagnosis.InputException when a {@code urlEnv} variable is not set or holds no URL
     * @throws IOException     when the metrics port cannot be bound
     */
    public static WatchListeners open(DeploymentConfig config, Integer metricsPort,
                                      Function<String, String> env, PrintStream out, PrintStream err)
            throws IOException {
        List<URI> webhooks = config.webhookUrls(env);
        WebhookAlerts alerts = webhooks.isEmpty() ? null
                : new WebhookAlerts(config.deployment().name(), webhooks, line -> err.println("sophia: " + line));
        SophiaMeters meters = null;
        MetricsEndpoint endpoint = null;
        if (metricsPort != null) {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            meters = new SophiaMeters(registry);
            try {
                endpoint = MetricsEndpoint.start(registry, new InetSocketAddress(metricsPort));
            } catch (IOException e) {
                if (alerts != null) {
                    alerts.close();
                }
                throw e;
            }
            out.println("Metrics: http://0.0.0.0:" + endpoint.port() + "/metrics");
        }
        return new WatchListeners(meters, endpoint, alerts);
    }

    /**
     * {@return the port {@code text} names (0 to 65535, 0 picks a free one), empty when it names none}
     *
     * @param text the option's value
     */
    public static java.util.Optional<Integer> port(String text) {
        try {
            int p = Integer.parseInt(text.strip());
            return p >= 0 && p <= 65535 ? java.util.Optional.of(p) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Records a round: meters updated, alerts for its transitions queued (never waited for).
     *
     * @param a the round's (redacted) assessment
     */
    public void onRound(Assessment a) {
        if (meters != null) {
            meters.record(a);
        }
        if (alerts != null) {
            alerts.onRound(a);
        }
    }

    /** {@return the metrics port, or -1 without an endpoint} */
    public int metricsPort() {
        return endpoint == null ? -1 : endpoint.port();
    }

    @Override
    public void close() {
        if (alerts != null) {
            alerts.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
