package io.sophia.examples.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sophia's assessments as Micrometer meters: the listener a host that already runs Micrometer binds to
 * its own registry ({@code new SophiaMeters(registry)}, then {@link #record(Assessment)} after each
 * check); {@code sophia watch --metrics-port} binds it to a Prometheus registry. The library modules
 * stay free of any metrics dependency.
 *
 * <p>Meters (Prometheus names; every per-service meter is tagged {@code service}):
 * <ul>
 *   <li>{@code sophia_service_status{service,status}}: 1 for the service's current status (up, degraded,
 *       down, unknown), 0 for the others;</li>
 *   <li>{@code sophia_probe_latency_seconds{service}}: histogram of each round's latency;</li>
 *   <li>{@code sophia_probe_failures_total{service,kind}}: probe failures by kind
 *       ({@code connection_refused} …);</li>
 *   <li>{@code sophia_gate_status{status}}: 1 for the gate's state (open, warn, blocked), 0 for the others;
 *       {@code sophia_gate_score}: the gate's score in percent;</li>
 *   <li>{@code sophia_top_cause_probability{cause}}: the top cause's probability, 0 for causes that were
 *       top before; {@code sophia_assessments_total}: rounds recorded.</li>
 * </ul>
 *
 * <p>Thread-safe: a round may be recorded while the registry is scraped.
 */
public final class SophiaMeters {

    /** Latency buckets: from a fast answer to a probe that ran into a typical timeout. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    // gauge values live here; Micrometer gauges read them through weak references, which these maps keep alive
    private final Map<String, AtomicLong> serviceStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> gateStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> topCause = new ConcurrentHashMap<>();
    private final AtomicLong gateScore = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private final Counter assessments;

    /**
     * Registers the meters that exist from the start (gate, rounds) in {@code registry}.
     *
     * @param registry any Micrometer registry
     */
    public SophiaMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.assessments = Counter.builder("sophia.assessments").description("Assessments recorded")
                .register(registry);
        for (GateDecision.Verdict s : GateDecision.Verdict.values()) {
            gauge(gateStatus, "sophia.gate.status", "The gate's state: 1 for the current one", "status",
                    lower(s.name()), null, null);
        }
        Gauge.builder("sophia.gate.score", gateScore, v -> Double.longBitsToDouble(v.get()))
                .description("The gate's weighted score, in percent").register(registry);
    }

    /**
     * Updates every meter from one assessment.
     *
     * @param a a (redacted) assessment
     */
    public void record(Assessment a) {
        Objects.requireNonNull(a, "assessment");
        assessments.increment();
        for (ServiceHealth s : a.services()) {
            for (Status st : Status.values()) {
                gauge(serviceStatus, "sophia.service.status", "A service's status: 1 for the current one",
                        "status", lower(st.name()), "service", s.id()).set(st == s.status() ? 1 : 0);
            }
            if (s.latencyMs() != null && s.latencyMs() >= 0) {
                Timer.builder("sophia.probe.latency").description("Latency of a service's probe, per round")
                        .tag("service", s.id()).serviceLevelObjectives(LATENCY_BUCKETS).register(registry)
                        .record(Duration.ofMillis(s.latencyMs()));
            }
        }
        for (Observation.ProbeFailure f : a.observations(Observation.ProbeFailure.class)) {
            Counter.builder("sophia.probe.failures").description("Probe failures by kind")
                    .tag("service", f.serviceId() == null ? "" : f.serviceId())
                    .tag("kind", lower(f.kind().name())).register(registry).increment();
        }
        GateDecision.Verdict gate = a.gate().status();
        gateStatus.forEach((status, v) -> v.set(status.equals(lower(gate.name())) ? 1 : 0));
        gateScore.set(Double.doubleToLongBits(a.gate().score()));
        RankedCause top = a.topCause().orElse(null);
        topCause.values().forEach(v -> v.set(Double.doubleToLongBits(0)));
        if (top != null) {
            gauge(topCause, "sophia.top.cause.probability", "Probability of the most probable cause", "cause",
                    top.id().value(), null, null, true).set(Double.doubleToLongBits(top.probability()));
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String help, String tag, String tagValue,
                             String serviceTag, String service) {
        return gauge(values, name, help, tag, tagValue, serviceTag, service, false);
    }

    /** The value holder of a gauge, registered on first use; {@code bits} holds a double's bits, else a count. */
    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String help, String tag, String tagValue,
                             String serviceTag, String service, boolean bits) {
        String key = (service == null ? "" : service + '\u0000') + tagValue;
        return values.computeIfAbsent(key, k -> {
            AtomicLong v = new AtomicLong(bits ? Double.doubleToLongBits(0) : 0);
            Gauge.Builder<AtomicLong> b = Gauge.builder(name, v, x -> bits ? Double.longBitsToDouble(x.get()) : x.get())
                    .description(help).tag(tag, tagValue);
            if (serviceTag != null) {
                b.tag(serviceTag, service);
            }
            b.register(registry);
            return v;
        });
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
