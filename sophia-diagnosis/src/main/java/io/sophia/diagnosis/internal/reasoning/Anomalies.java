package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Anomaly;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sources that contradict each other, each reported with what every source said:
 * <ul>
 * <li>{@code stale-version-serving}: the service's deploy job failed, was cancelled or timed out, yet the
 *     service answers: the previous version is still serving.</li>
 * <li>{@code run-succeeded-service-down}: the deploy run concluded success, yet the service is DOWN.</li>
 * <li>{@code machine-started-http-refused}: the platform says a machine is started, yet the service
 *     refuses or drops connections.</li>
 * <li>{@code machine-stopped-service-up}: the platform says no machine is started, yet the service answers.</li>
 * <li>{@code version-mismatch}: the version the service reports is not the run's commit.</li>
 * </ul>
 */
final class Anomalies {

    private Anomalies() {
    }

    static List<Anomaly> find(Deployment deployment, List<Observation> observations, Map<String, ServiceHealth> health) {
        List<Anomaly> out = new ArrayList<>();
        Observation.CiRun run = null;
        for (Observation o : observations) {
            if (o instanceof Observation.CiRun r) {
                run = r;
            }
        }
        Map<String, List<Observation>> byService = ServiceStates.byService(observations);
        boolean perServiceJobs = observations.stream().anyMatch(o -> o instanceof Observation.CiJob j && j.serviceId() != null);
        for (Service s : deployment.services()) {
            ServiceHealth h = health.get(s.id());
            List<Observation> mine = byService.getOrDefault(s.id(), List.of());
            boolean answers = h.status() == Status.UP || h.status() == Status.DEGRADED;
            String answer = answerStatement(s.id(), mine, h);
            for (Observation o : mine) {
                if (o instanceof Observation.CiJob j && s.id().equals(j.serviceId()) && answers
                        && Facts.failedConclusion(j.conclusion())) {
                    String conclusion = Words.concluded(j.conclusion());
                    out.add(new Anomaly("stale-version-serving", s.id(),
                            "The previous version of " + s.id() + " is still serving: its deploy job " + conclusion
                                    + ", yet the service answers, so it does not run this release.",
                            List.of("GitHub Actions: job \"" + j.name() + "\" " + conclusion
                                    + (j.failedStep() == null ? "" : " at step \"" + j.failedStep().name() + "\""), answer)));
                }
            }
            // with per-service deploy jobs, only a service whose own job succeeded was released by this run
            boolean released = run != null && "success".equals(run.conclusion()) && (!perServiceJobs || mine.stream()
                    .anyMatch(o -> o instanceof Observation.CiJob j && "success".equals(j.conclusion())));
            if (released && h.status() == Status.DOWN) {
                out.add(new Anomaly("run-succeeded-service-down", s.id(),
                        "The deploy run succeeded, yet " + s.id() + " is DOWN: the release went out but does not serve.",
                        List.of("GitHub Actions: run " + run.runId() + " (" + Words.clip(run.workflowName(), 80)
                                + ") concluded success", "Probe: " + s.id() + " is DOWN (" + Words.clip(h.failure(), 160) + ")")));
            }
            List<Observation.PlatformMachine> machines = new ArrayList<>();
            for (Observation o : mine) {
                if (o instanceof Observation.PlatformMachine m) {
                    machines.add(m);
                }
            }
            if (!machines.isEmpty()) {
                List<String> started = machines.stream().filter(m -> "started".equalsIgnoreCase(m.state()))
                        .map(Observation.PlatformMachine::machineId).toList();
                Observation.ProbeFailure refused = null;
                for (Observation o : mine) {
                    if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                            && (f.kind() == FailureKind.CONNECTION_REFUSED || f.kind() == FailureKind.CONNECTION_RESET
                            || f.kind() == FailureKind.CONNECT_TIMEOUT)) {
                        refused = f;
                        break;
                    }
                }
                if (!started.isEmpty() && refused != null) {
                    out.add(new Anomaly("machine-started-http-refused", s.id(),
                            "The platform reports " + s.id() + " started, yet its endpoint gives " + Words.kind(refused.kind())
                                    + ": the process does not listen where the platform routes traffic.",
                            List.of("Fly.io: machine " + Words.list(started, 3) + " of app " + machines.get(0).app()
                                    + " is started", Words.source(refused.source()) + ": " + Words.kind(refused.kind())
                                    + (refused.target() == null ? "" : " at " + Words.clip(refused.target(), 120)))));
                } else if (started.isEmpty() && answers) {
                    String states = Words.list(machines.stream().map(m -> m.machineId() + " "
                            + (m.state() == null ? "unknown" : m.state().toLowerCase(Locale.ROOT))).toList(), 3);
                    out.add(new Anomaly("machine-stopped-service-up", s.id(),
                            "The platform reports no started machine for " + s.id() + ", yet it answers: another "
                                    + "machine, region or proxy serves it, or the platform's view is stale.",
                            List.of("Fly.io: machines of app " + machines.get(0).app() + ": " + states, answer)));
                }
            }
            if (run != null && run.headSha() != null && h.version() != null
                    && h.version().matches("[0-9a-fA-F]{7,64}") && run.headSha().matches("[0-9a-fA-F]{7,64}")) {
                String v = h.version().toLowerCase(Locale.ROOT);
                String sha = run.headSha().toLowerCase(Locale.ROOT);
                if (!v.startsWith(sha) && !sha.startsWith(v)) {
                    out.add(new Anomaly("version-mismatch", s.id(),
                            s.id() + " serves version " + Words.clip(h.version(), 12) + ", not the run's commit "
                                    + sha.substring(0, Math.min(12, sha.length())) + ".",
                            List.of("GitHub Actions: run " + run.runId() + " built commit " + sha.substring(0, Math.min(12,
                                    sha.length())), "Service: " + s.id() + " reports version " + Words.clip(h.version(), 40))));
                }
            }
        }
        return out;
    }

    private static String answerStatement(String id, List<Observation> observations, ServiceHealth h) {
        for (Observation o : observations) {
            if (o instanceof Observation.McpHandshake m && id.equals(m.serviceId())) {
                return "MCP: " + id + " completed the handshake" + (m.serverName() == null ? "" : " as "
                        + Words.clip(m.serverName(), 60) + (m.serverVersion() == null ? "" : " " + Words.clip(m.serverVersion(), 30)))
                        + (m.toolCount() > 0 ? " with " + m.toolCount() + " tools" : "");
            }
        }
        for (Observation o : observations) {
            if (o instanceof Observation.HttpCheck c && id.equals(c.serviceId())) {
                return "HTTP: " + id + " answered " + c.statusCode()
                        + (c.latency() == null ? "" : " in " + c.latency().toMillis() + " ms");
            }
        }
        return "Probe: " + id + " is " + h.status();
    }
}
