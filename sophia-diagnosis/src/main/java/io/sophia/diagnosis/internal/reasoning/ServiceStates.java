package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Source;
import io.sophia.core.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Derives each service's status from all its observations, aggregated the way Spring Boot's
 * health aggregation does: DOWN before DEGRADED before UP before UNKNOWN.
 *
 * <ul>
 * <li>HTTP answer the expectations accept: UP; rejected status: DOWN; slower than maxLatency: DEGRADED.</li>
 * <li>Probe failure from a service probe (http, mcp, tcp, dns, tls): DOWN; not attempted (circuit open,
 *     bulkhead, the check's time budget spent before the probe could start, misconfigured probe): UNKNOWN. Failures of the CI or platform sources say nothing about
 *     the service itself.</li>
 * <li>Violated condition: DEGRADED. MCP handshake or TCP connect: UP.</li>
 * <li>TLS: expired, not yet valid or for another host: DOWN; untrusted or expiring within the service's
 *     minCertificateDays (14 when unset): DEGRADED.</li>
 * <li>Platform machines: none started and some stopped, failed or destroyed: DOWN, unless the service
 *     answered (then the contradiction is an anomaly, not a status). Some but not all stopped after the app's own
 *     failure (an out-of-memory kill, a crash's non-zero exit): DEGRADED, capacity is lost.</li>
 * </ul>
 * A service that is up carries the platform's last start of its started machines as "up since", and its
 * configured owner.
 */
final class ServiceStates {

    /** Sources that describe the CI or the platform, not the service's own endpoint. */
    static final Set<String> SOURCE_SIDE = Set.of("github", "fly", "platform", "ci");

    static final int DEFAULT_CERT_DAYS = 14;

    private ServiceStates() {
    }

    static boolean serviceSide(Observation o) {
        return o.source() == null || !SOURCE_SIDE.contains(o.source().wire());
    }

    static Map<String, ServiceHealth> derive(Deployment deployment, List<Observation> observations, Instant now) {
        return derive(deployment, observations, now, Map.of());
    }

    /** With each service's usual latency (from history): far above it, an answer is DEGRADED, not UP. */
    static Map<String, ServiceHealth> derive(Deployment deployment, List<Observation> observations, Instant now,
                                             Map<String, Knowledge.LatencyBaseline> baselines) {
        return derive(deployment, observations, now, baselines, text -> null);
    }

    /**
     * ... and with {@code answerCause}, the cause a specific indication reads an answer's words as (null for none): an
     * accepted answer whose body reports a failure of its own ({@link #reportsFailure}) in words {@code answerCause}
     * reads is DEGRADED.
     */
    static Map<String, ServiceHealth> derive(Deployment deployment, List<Observation> observations, Instant now,
                                             Map<String, Knowledge.LatencyBaseline> baselines,
                                             Function<String, String> answerCause) {
        Map<String, List<Observation>> byService = byService(observations);
        Map<String, ServiceHealth> out = new LinkedHashMap<>();
        for (Service s : deployment.services()) {
            out.put(s.id(), derive(s, byService.getOrDefault(s.id(), List.of()), now, baselines.get(s.id()),
                    answerCause));
        }
        return out;
    }

    // a body's own report of a failure: a field that carries an error's text (a job's or a consumer's "lastError", a
    // handler's "errorMessage"), or a state or status said failed or in error
    private static final Pattern FAILURE_REPORT = Pattern.compile(
            "(?i)\"(last_?error|error|error_?message|error_?reason|exception_?message|failure_?reason|last_?failure)\"\\s*:\\s*\"[^\"\\s]"
                    + "|\"(state|status)\"\\s*:\\s*\"(failed|error|errored)\"");

    /**
     * Issue 9, session 38 (rules38-p173): true when an accepted answer's body reports a failure of its own (a
     * {@link #FAILURE_REPORT} field) in words a specific indication reads: a job status endpoint answering 200 with
     * "state":"failed" and "lastError":"Amazon.SQS.AmazonSQSException: Request is throttled." (p173-34). The status
     * says the endpoint answers, the body that the work behind it fails; generic words ("failed to fetch") are not
     * enough, as an error answer's body is read.
     */
    static boolean reportsFailure(String body, Function<String, String> answerCause) {
        if (body == null || body.isBlank()) {
            return false;
        }
        String read = body.length() > Facts.ANSWER_READ_CHARS ? body.substring(0, Facts.ANSWER_READ_CHARS) : body;
        if (!FAILURE_REPORT.matcher(read).find()) {
            return false;
        }
        String cause = answerCause.apply(read);
        return cause != null && !cause.isEmpty();
    }

    /** How far above its baseline an answer must be to count as slow: both factors must hold. */
    static final double SLOW_FACTOR = 3;
    static final long SLOW_MARGIN_MS = 500;

    private static boolean slow(long ms, long baselineMs) {
        return ms >= SLOW_FACTOR * baselineMs && ms >= baselineMs + SLOW_MARGIN_MS;
    }

    /** What the observations of one service say, read in order: the last HTTP status and latency stand. */
    private static final class Reading {
        private final Map<Status, List<String>> reasons = new EnumMap<>(Status.class);
        private Integer httpStatus;
        private Long latencyMs;
        private String version;
        private String mcpVersion;
        private boolean answered;
        private final List<HostLook> hostLooks = new ArrayList<>();
    }

    /**
     * A look on the host at a service, whether an indication reads a failure in its words, and whether what they read is
     * only its health check failing (then, beside the service's own answer, the service runs and is DEGRADED).
     */
    private record HostLook(String reason, boolean readsFailure, boolean healthCheckOnly) {
    }

    private static ServiceHealth derive(Service s, List<Observation> observations, Instant now,
                                        Knowledge.LatencyBaseline baseline,
                                        Function<String, String> answerCause) {
        Reading r = new Reading();
        List<Observation.PlatformMachine> machines = new ArrayList<>();
        for (Observation o : observations) {
            if (!s.id().equals(o.serviceId())) {
                continue;
            }
            if (o instanceof Observation.PlatformMachine m) {
                machines.add(m);
                continue;
            }
            if (serviceSide(o)) {
                read(r, s, o, now, answerCause);
            }
        }
        r.hostLooks.stream().filter(look -> !r.answered || look.readsFailure())
                .forEach(look -> add(r.reasons, r.answered && look.healthCheckOnly() ? Status.DEGRADED : Status.DOWN,
                        look.reason()));
        machines(r, machines, now);
        slowness(r, baseline);
        Status status = Status.aggregate(r.reasons.keySet());
        String failure = null;
        if (status != Status.UP) {
            List<String> rs = r.reasons.getOrDefault(status, List.of()).stream().filter(x -> x != null).distinct()
                    .toList();
            failure = rs.isEmpty() ? (status == Status.UNKNOWN ? "not probed" : null) : String.join("; ", rs.subList(0,
                    Math.min(2, rs.size())));
        }
        return new ServiceHealth(s.id(), s.name(), s.capability(), s.critical(), s.url() == null ? null
                : s.url().toString(), status, r.httpStatus, r.latencyMs, failure,
                r.version != null ? r.version : r.mcpVersion, s.owner(), upSince(machines),
                baseline == null ? null : baseline.medianMs());
    }

    /** One observation of the service's own side; DNS resolutions, CI and log observations say nothing by themselves. */
    private static void read(Reading r, Service s, Observation o, Instant now,
                             Function<String, String> answerCause) {
        if (o instanceof Observation.HttpCheck h) {
            http(r, s, h, answerCause);
        } else if (o instanceof Observation.ProbeFailure f) {
            failure(r, f, answerCause);
        } else if (o instanceof Observation.ConditionCheck c) {
            if (!c.passed()) {
                add(r.reasons, Status.DEGRADED, "condition " + Words.clip(c.condition(), 80) + " failed"
                        + (c.actual() == null ? "" : " (actual " + Words.clip(c.actual(), 60) + ")"));
            }
        } else if (o instanceof Observation.McpHandshake m) {
            r.answered = true;
            if (m.latency() != null && r.latencyMs == null) {
                r.latencyMs = millis(m.latency());
            }
            if (m.serverVersion() != null && !m.serverVersion().isBlank()) {
                r.mcpVersion = m.serverVersion();
            }
            add(r.reasons, Status.UP, null);
        } else if (o instanceof Observation.TcpConnect t) {
            r.answered = true;
            if (r.latencyMs == null && t.latency() != null) {
                r.latencyMs = millis(t.latency());
            }
            add(r.reasons, Status.UP, null);
        } else if (o instanceof Observation.TlsHandshake t) {
            tls(r, s, t, now);
        }
    }

    private static void http(Reading r, Service s, Observation.HttpCheck h,
                             Function<String, String> answerCause) {
        r.httpStatus = h.statusCode();
        r.latencyMs = millis(h.latency());
        if (h.version() != null && !h.version().isBlank()) {
            r.version = h.version();
        }
        if (!s.expect().accepts(h.statusCode())) {
            add(r.reasons, Status.DOWN, "HTTP " + h.statusCode() + " is not an accepted status");
        } else {
            r.answered = true;
            Duration max = s.expect().maxLatency();
            if (max != null && h.latency() != null && h.latency().compareTo(max) > 0) {
                add(r.reasons, Status.DEGRADED, "answered in " + millis(h.latency()) + " ms, above the "
                        + max.toMillis() + " ms limit");
            } else if (reportsFailure(h.bodyExcerpt(), answerCause)) {
                add(r.reasons, Status.DEGRADED, "answered HTTP " + h.statusCode() + " with a body reporting a failure ("
                        + Words.clip(h.bodyExcerpt(), 100) + ")");
            } else {
                add(r.reasons, Status.UP, null);
            }
        }
    }

    /**
     * A service that answered and is otherwise UP, but far slower than its own baseline, is DEGRADED. Its latency
     * is the one the assessment reports (and a history records), whatever the kind of check (HTTP, MCP handshake,
     * TCP connect), so it is compared with the median of the same number in its past runs.
     */
    private static void slowness(Reading r, Knowledge.LatencyBaseline baseline) {
        if (baseline == null || !r.answered || r.latencyMs == null || Status.aggregate(r.reasons.keySet()) != Status.UP
                || !slow(r.latencyMs, baseline.medianMs())) {
            return;
        }
        // says what the baseline was and how much history is behind it, so a reader can judge it
        add(r.reasons, Status.DEGRADED, "answered in " + r.latencyMs + " ms, "
                + Math.round(r.latencyMs / (double) Math.max(1, baseline.medianMs())) + " times its usual "
                + baseline.medianMs() + " ms (the median of the " + baseline.samples() + " earlier runs in which it was UP)");
    }

    private static final String HEALTH_CHECK_CAUSE = io.sophia.core.CauseId.APP_HEALTHCHECK_FAILING.value();

    /**
     * The cause an indication reads in a look's words: its head, else its tail (a log's failure is often its last
     * line; review 44), each as much as an answer is read; null for none.
     */
    private static String readLook(String detail, Function<String, String> answerCause) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        String head = answerCause.apply(Words.clip(detail, Facts.ANSWER_READ_CHARS));
        if ((head != null && !head.isEmpty()) || detail.length() <= Facts.ANSWER_READ_CHARS) {
            return head;
        }
        return answerCause.apply(detail.substring(detail.length() - Facts.ANSWER_READ_CHARS));
    }

    private static void failure(Reading r, Observation.ProbeFailure f, Function<String, String> answerCause) {
        if (f.httpStatus() != null) {
            r.httpStatus = f.httpStatus();
        }
        if (f.elapsed() != null) {
            r.latencyMs = millis(f.elapsed());
        }
        String words = Words.kind(f.kind());
        String detail = Words.clip(f.detail(), 160);
        // a probe's detail often starts with the same words ("connection refused: …"): say them once
        String reason = detail.isEmpty() || detail.equalsIgnoreCase(words) ? words
                : detail.regionMatches(true, 0, words, 0, words.length()) ? detail
                : words + " (" + detail + ")";
        // a probe that never ran (circuit open, no capacity, budget spent) says nothing about the target
        if (f.kind() == FailureKind.CIRCUIT_OPEN || f.kind() == FailureKind.BULKHEAD_FULL
                || f.kind() == FailureKind.NOT_PROBED || f.kind() == FailureKind.MISCONFIGURED) {
            add(r.reasons, Status.UNKNOWN, reason);
        } else if (f.kind() == FailureKind.OTHER && f.source() == Source.HOST) {
            // a look on the host (its logs, its unit's status) is no probe of the endpoint: beside an answer it counts
            // only when an indication reads a failure in it (h150-34: a database that answers TCP, its log ending
            // "ready for connections"; p89-38: one that answers TCP, its log "rejecting connections"), and as the
            // health check's failure alone when that is all it reads (review 44)
            String read = readLook(f.detail(), answerCause);
            r.hostLooks.add(new HostLook(reason, read != null && !read.isEmpty(), HEALTH_CHECK_CAUSE.equals(read)));
        } else if (f.kind() == FailureKind.SERVER_ERROR && f.source() == Source.HOST
                && HEALTH_CHECK_CAUSE.equals(readLook(f.detail(), answerCause))) {
            // Session 44 (r44-p198): ... and a look filed as a server error whose words are only the service's health
            // check failing (the kubelet's "Readiness probe failed: Waiting for elasticsearch cluster to become ready",
            // p198-17; Docker's health log 'exec: "curl": executable file not found', p199-26): beside the service's
            // own answer it runs and its check fails, DEGRADED; without an answer it is DOWN as before
            r.hostLooks.add(new HostLook(reason, true, true));
        } else {
            add(r.reasons, Status.DOWN, reason);
        }
    }

    private static void tls(Reading r, Service s, Observation.TlsHandshake t, Instant now) {
        int min = s.expect().minCertificateDays() == null ? DEFAULT_CERT_DAYS : s.expect().minCertificateDays();
        if (t.daysToExpiry() < 0 || (t.notAfter() != null && t.notAfter().isBefore(now))) {
            add(r.reasons, Status.DOWN, "TLS certificate expired " + Math.abs(t.daysToExpiry()) + " days ago");
        } else if (t.notBefore() != null && t.notBefore().isAfter(now)) {
            add(r.reasons, Status.DOWN, "TLS certificate is not valid yet");
        } else if (!t.hostnameMatches()) {
            add(r.reasons, Status.DOWN, "TLS certificate is for another host (" + Words.clip(t.subject(), 80) + ")");
        } else if (!t.trusted() || t.selfSigned()) {
            add(r.reasons, Status.DEGRADED, t.selfSigned() ? "TLS certificate is self-signed"
                    : "TLS certificate chain is not trusted");
        } else if (t.daysToExpiry() < min) {
            add(r.reasons, Status.DEGRADED, "TLS certificate expires in " + t.daysToExpiry() + " days");
        }
    }

    /** What the platform's machines say: none started, or some stopped after the app's own failure. */
    private static void machines(Reading r, List<Observation.PlatformMachine> machines, Instant now) {
        List<Observation.PlatformMachine> started = machines.stream()
                .filter(m -> "started".equalsIgnoreCase(m.state())).toList();
        if (!machines.isEmpty() && !r.answered) {
            List<String> bad = machines.stream()
                    .filter(m -> m.state() != null && Set.of("stopped", "failed", "destroyed", "suspended")
                            .contains(m.state().toLowerCase(Locale.ROOT)))
                    .map(m -> m.machineId() + " " + m.state().toLowerCase(Locale.ROOT))
                    .toList();
            if (started.isEmpty() && !bad.isEmpty()) {
                add(r.reasons, Status.DOWN, "no machine started on the platform (" + Words.list(bad, 3) + ")");
            }
            // Issue 9, session 34 (rules34f): a service nothing else observed (no probe, no condition) whose machines run
            // with a health check the platform reports critical (Fly's Machines API check status "critical", p158-35: a
            // Celery worker's "celery inspect ping" check timing out, the machine restarted for it): the platform says
            // it is not healthy, so there is something to explain; the check's cause is the rules' question
            if (r.reasons.isEmpty() && !started.isEmpty() && started.stream().allMatch(ServiceStates::checkCritical)) {
                add(r.reasons, Status.DEGRADED, "machines started with a critical health check ("
                        + Words.list(started.stream().map(Observation.PlatformMachine::machineId).toList(), 3) + ")");
            }
        }
        // Issue 9, session 43 (p199-27): every check of every started machine critical while the service answers its
        // probe: the platform judges the machines unhealthy (a deploy waiting on the check fails, the proxy may stop
        // routing), so there is something to explain, however well the probed route answers; one check passing beside a
        // failing one (an agent's own check, p119-14) is the platform seeing the service up
        if (r.answered && !started.isEmpty() && started.stream().allMatch(ServiceStates::everyCheckCritical)) {
            add(r.reasons, Status.DEGRADED, "the service answers, but every started machine's health checks are critical ("
                    + Words.list(started.stream().map(Observation.PlatformMachine::machineId).toList(), 3) + ")");
        }
        // a machine the app itself took down (killed for memory, crashed) is lost capacity even when its siblings or
        // another route still answer; a stop the platform asked for (auto-stop, a deploy's replace) is not
        List<String> crashed = machines.stream().filter(ServiceStates::stoppedByItsOwnFailure)
                .map(m -> m.machineId() + " " + lastExit(m)).toList();
        if (!crashed.isEmpty() && machines.size() > crashed.size()) {
            add(r.reasons, Status.DEGRADED, crashed.size() + " of " + machines.size() + " machines stopped after "
                    + Words.list(crashed, 3));
        }
        // Issue 9, session 43 (p197-09): a machine a deploy's update left stopped while the platform still checks it ("the
        // machine hasn't started", critical), its siblings running: the deploy replaced a process group's machines and
        // nothing started them again; what runs on them (a worker) is down however the others answer
        List<String> stoppedChecked = machines.stream().filter(m -> stoppedWithCriticalCheck(m) && !stoppedByItsOwnFailure(m))
                .map(Observation.PlatformMachine::machineId).toList();
        if (!stoppedChecked.isEmpty() && !started.isEmpty()) {
            add(r.reasons, Status.DEGRADED, stoppedChecked.size() + " of " + machines.size()
                    + " machines stopped with a critical health check (" + Words.list(stoppedChecked, 3) + ")");
        }
        // Issue 9, session 38 (rules38-p173): a machine the platform restarted after killing it for memory (its last
        // exit an out-of-memory kill, a start after it: p173-25's Sidekiq worker, whose jobs the kill lost) runs again,
        // but what it was doing was lost and the next load kills it again: degraded, not up
        List<String> restartedAfterOom = machines.stream().filter(m -> restartedAfterOomKill(m, now))
                .map(Observation.PlatformMachine::machineId).toList();
        if (!restartedAfterOom.isEmpty()) {
            add(r.reasons, Status.DEGRADED, "restarted after an out-of-memory kill ("
                    + Words.list(restartedAfterOom, 3) + ")");
        }
    }

    /** How long after an out-of-memory kill a machine that was started again still counts as degraded. */
    static final Duration OOM_RESTART_RECENT = Duration.ofHours(1);

    /**
     * True for a started machine whose last exit, by its events' order (oldest first without timestamps, as a recorded
     * scenario lists them; by timestamp when every event has one), was an out-of-memory kill with a start after it,
     * the kill within {@link #OOM_RESTART_RECENT} of {@code now} when it has a time: a machine that has run since an
     * old kill (the platform keeps a machine's last events for days when it does not exit again) is up.
     */
    static boolean restartedAfterOomKill(Observation.PlatformMachine m, Instant now) {
        if (!"started".equalsIgnoreCase(m.state()) || m.events() == null) {
            return false;
        }
        List<Observation.MachineEvent> events = inOrder(m);
        boolean killed = false;
        boolean startedAfter = false;
        for (Observation.MachineEvent e : events) {
            if ("exit".equalsIgnoreCase(e.type())) {
                killed = Boolean.TRUE.equals(e.oomKilled()) && (e.timestamp() == null || now == null
                        || !e.timestamp().isBefore(now.minus(OOM_RESTART_RECENT)));
                startedAfter = false;
            } else if (killed && e.type() != null && Set.of("start", "restart", "launch").contains(
                    e.type().toLowerCase(Locale.ROOT))) {
                startedAfter = true;
            }
        }
        return killed && startedAfter;
    }

    /**
     * True for a stopped machine with a health check in the platform's "critical" status whose last event is a deploy's
     * update or launch that left it stopped (no start, no exit after it): a machine that should run and was never
     * started again. A stop the machine made or was asked for (an exit, the proxy's auto-stop {@code requested_stop}) or
     * a machine with no events says nothing of the kind: Fly reports every stopped machine's check as critical ("the
     * machine hasn't started"), an idle machine of an auto-stopping app too (review 43).
     */
    static boolean stoppedWithCriticalCheck(Observation.PlatformMachine m) {
        if (!"stopped".equalsIgnoreCase(m.state()) || !checkCritical(m) || m.events() == null) {
            return false;
        }
        List<Observation.MachineEvent> events = inOrder(m);
        if (events.isEmpty()) {
            return false;
        }
        Observation.MachineEvent last = events.get(events.size() - 1);
        return last.type() != null && Set.of("update", "launch").contains(last.type().toLowerCase(Locale.ROOT))
                && (last.detail() == null || !last.detail().toLowerCase(Locale.ROOT).contains("requested_stop"));
    }

    /**
     * A machine's events, oldest first: as listed (a recorded scenario lists them in order), or by timestamp when every
     * event has one. Null events are left out; the machine's events must not be null.
     */
    private static List<Observation.MachineEvent> inOrder(Observation.PlatformMachine m) {
        List<Observation.MachineEvent> events = m.events().stream().filter(Objects::nonNull).toList();
        if (events.stream().allMatch(e -> e.timestamp() != null)) {
            return events.stream().sorted(java.util.Comparator.comparing(Observation.MachineEvent::timestamp)).toList();
        }
        return events;
    }

    /** True for a machine with a health check in the platform's "critical" status. */
    private static boolean checkCritical(Observation.PlatformMachine m) {
        return m.checks() != null && m.checks().stream()
                .anyMatch(c -> c != null && "critical".equalsIgnoreCase(c.status()));
    }

    /** True for a machine with health checks, every one of them in the platform's "critical" status. */
    private static boolean everyCheckCritical(Observation.PlatformMachine m) {
        return m.checks() != null && !m.checks().isEmpty() && m.checks().stream()
                .allMatch(c -> c != null && "critical".equalsIgnoreCase(c.status()));
    }

    /**
     * The platform's word on since when the service runs: the newest last start of its started machines (the
     * most recent restart is when the service as users see it last came up). Null when no machine is started
     * or none has a start event; the record drops it when the service is not up.
     */
    private static Instant upSince(List<Observation.PlatformMachine> machines) {
        return machines.stream().filter(Observation.PlatformMachine::started)
                .map(Observation.PlatformMachine::startedAt).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }

    /**
     * True for a machine that is stopped or failed and whose last exit was the app's own failure: killed for memory,
     * or a non-zero code other than the signals of a requested stop (130 SIGINT, 143 SIGTERM) and of a stop the
     * platform enforced after them (137 without an out-of-memory kill).
     */
    static boolean stoppedByItsOwnFailure(Observation.PlatformMachine m) {
        if (m.state() == null || !Set.of("stopped", "failed").contains(m.state().toLowerCase(Locale.ROOT))) {
            return false;
        }
        Observation.MachineEvent exit = lastExitEvent(m);
        return exit != null && ownFailure(exit);
    }

    private static boolean ownFailure(Observation.MachineEvent exit) {
        if (Boolean.TRUE.equals(exit.oomKilled())) {
            return true;
        }
        Integer code = exit.exitCode();
        return code != null && code != 0 && code != 130 && code != 137 && code != 143;
    }

    /**
     * The machine's last exit: the newest by timestamp when every exit has one (the Machines API lists events newest
     * first, a recorded scenario oldest first); without timestamps the order is not known, so only when all exits
     * agree on being the app's own failure is one of them returned.
     */
    private static Observation.MachineEvent lastExitEvent(Observation.PlatformMachine m) {
        List<Observation.MachineEvent> exits = (m.events() == null ? List.<Observation.MachineEvent>of() : m.events())
                .stream().filter(e -> e != null && "exit".equalsIgnoreCase(e.type())).toList();
        if (exits.isEmpty()) {
            return null;
        }
        if (exits.stream().allMatch(e -> e.timestamp() != null)) {
            return exits.stream().max(java.util.Comparator.comparing(Observation.MachineEvent::timestamp)).orElseThrow();
        }
        return exits.stream().allMatch(ServiceStates::ownFailure) ? exits.get(0) : null;
    }

    private static String lastExit(Observation.PlatformMachine m) {
        Observation.MachineEvent e = lastExitEvent(m);
        return Boolean.TRUE.equals(e.oomKilled()) ? "an out-of-memory kill" : "exit code " + e.exitCode();
    }

    /** Observations grouped by service id, each group in input order. */
    static Map<String, List<Observation>> byService(List<Observation> observations) {
        Map<String, List<Observation>> out = new java.util.HashMap<>();
        for (Observation o : observations) {
            if (o.serviceId() != null) {
                out.computeIfAbsent(o.serviceId(), k -> new ArrayList<>()).add(o);
            }
        }
        return out;
    }

    private static void add(Map<Status, List<String>> reasons, Status status, String reason) {
        reasons.computeIfAbsent(status, k -> new ArrayList<>()).add(reason);
    }

    private static Long millis(Duration d) {
        return d == null ? null : d.toMillis();
    }
}
