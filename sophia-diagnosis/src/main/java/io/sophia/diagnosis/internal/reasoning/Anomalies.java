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
        Observation.CiRun run = lastRun(observations);
        Map<String, List<Observation>> byService = ServiceStates.byService(observations);
        boolean perServiceJobs = observations.stream().anyMatch(o -> o instanceof Observation.CiJob j && j.serviceId() != null);
        for (Service s : deployment.services()) {
            ServiceHealth h = health.get(s.id());
            List<Observation> mine = byService.getOrDefault(s.id(), List.of());
            boolean answers = h.status() == Status.UP || h.status() == Status.DEGRADED;
            String answer = answerStatement(s.id(), mine, h);
            if (answers) {
                staleVersionServing(s.id(), mine, answer, out);
            }
            runSucceededServiceDown(s.id(), mine, h, run, perServiceJobs, out);
            machineContradictions(s.id(), mine, answers, answer, out);
            versionMismatch(s.id(), h, run, out);
        }
        return out;
    }

    private static Observation.CiRun lastRun(List<Observation> observations) {
        Observation.CiRun run = null;
        for (Observation o : observations) {
            if (o instanceof Observation.CiRun r) {
                run = r;
            }
        }
        return run;
    }

    /** One anomaly per deploy job of the service that failed, was cancelled or timed out, while it answers. */
    private static void staleVersionServing(String id, List<Observation> mine, String answer, List<Anomaly> out) {
        for (Observation o : mine) {
            if (o instanceof Observation.CiJob j && id.equals(j.serviceId()) && Facts.failedConclusion(j.conclusion())) {
                String conclusion = Words.concluded(j.conclusion());
                out.add(new Anomaly("stale-version-serving", id,
                        "The previous version of " + id + " is still serving: its deploy job " + conclusion
                                + ", yet the service answers, so it does not run this release.",
                        List.of("GitHub Actions: job \"" + j.name() + "\" " + conclusion
                                + (j.failedStep() == null ? "" : " at step \"" + j.failedStep().name() + "\""), answer)));
            }
        }
    }

    private static void runSucceededServiceDown(String id, List<Observation> mine, ServiceHealth h, Observation.CiRun run,
                                                boolean perServiceJobs, List<Anomaly> out) {
        // with per-service deploy jobs, only a service whose own job succeeded was released by this run
        boolean released = run != null && "success".equals(run.conclusion()) && (!perServiceJobs || mine.stream()
                .anyMatch(o -> o instanceof Observation.CiJob j && "success".equals(j.conclusion())));
        if (released && h.status() == Status.DOWN) {
            out.add(new Anomaly("run-succeeded-service-down", id,
                    "The deploy run succeeded, yet " + id + " is DOWN: the release went out but does not serve.",
                    List.of("GitHub Actions: run " + run.runId() + " (" + Words.clip(run.workflowName(), 80)
                            + ") concluded success", "Probe: " + id + " is DOWN (" + Words.clip(h.failure(), 160) + ")")));
        }
    }

    /** The platform's machine states against what the service's endpoint does. */
    private static void machineContradictions(String id, List<Observation> mine, boolean answers, String answer,
                                              List<Anomaly> out) {
        List<Observation.PlatformMachine> machines = new ArrayList<>();
        for (Observation o : mine) {
            if (o instanceof Observation.PlatformMachine m) {
                machines.add(m);
            }
        }
        if (machines.isEmpty()) {
            return;
        }
        List<String> started = machines.stream().filter(m -> "started".equalsIgnoreCase(m.state()))
                .map(Observation.PlatformMachine::machineId).toList();
        Observation.ProbeFailure refused = firstRefusal(mine);
        if (!started.isEmpty() && refused != null) {
            out.add(new Anomaly("machine-started-http-refused", id,
                    "The platform reports " + id + " started, yet its endpoint gives " + Words.kind(refused.kind())
                            + ": the process does not listen where the platform routes traffic.",
                    List.of("Fly.io: machine " + Words.list(started, 3) + " of app " + machines.get(0).app()
                            + " is started", Words.source(refused.source()) + ": " + Words.kind(refused.kind())
                            + (refused.target() == null ? "" : " at " + Words.clip(refused.target(), 120)))));
        } else if (started.isEmpty() && answers) {
            String states = Words.list(machines.stream().map(m -> m.machineId() + " "
                    + (m.state() == null ? "unknown" : m.state().toLowerCase(Locale.ROOT))).toList(), 3);
            out.add(new Anomaly("machine-stopped-service-up", id,
                    "The platform reports no started machine for " + id + ", yet it answers: another "
                            + "machine, region or proxy serves it, or the platform's view is stale.",
                    List.of("Fly.io: machines of app " + machines.get(0).app() + ": " + states, answer)));
        }
    }

    /** The service's first own failure that refuses, resets or times out the connection, or null. */
    private static Observation.ProbeFailure firstRefusal(List<Observation> mine) {
        for (Observation o : mine) {
            if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                    && (f.kind() == FailureKind.CONNECTION_REFUSED || f.kind() == FailureKind.CONNECTION_RESET
                    || f.kind() == FailureKind.CONNECT_TIMEOUT)) {
                return f;
            }
        }
        return null;
    }

    private static void versionMismatch(String id, ServiceHealth h, Observation.CiRun run, List<Anomaly> out) {
        String sha = Facts.runCommit(run);
        // read as Facts.servingRunCommit reads it, so "sha-<run commit>" (docker/metadata-action's tag) is no mismatch
        String v = Facts.commitOf(h.version());
        if (sha != null && v != null && !Facts.sameCommit(v, sha)) {
            String built = sha.substring(0, Math.min(12, sha.length()));
            out.add(new Anomaly("version-mismatch", id,
                    id + " serves version " + Words.clip(h.version(), 12) + ", not the run's commit " + built + ".",
                    List.of("GitHub Actions: run " + run.runId() + " built commit " + built,
                            "Service: " + id + " reports version " + Words.clip(h.version(), 40))));
        }
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
