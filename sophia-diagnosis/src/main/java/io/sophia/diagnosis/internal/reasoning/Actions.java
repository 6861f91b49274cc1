package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Source;
import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.CauseId;
import io.sophia.core.GateDecision;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.internal.kb.Template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action plan: the knowledge base's remedies for the leading causes (as written for the top
 * cause, one priority lower for the next two, and only for causes of at least 10%), then general
 * actions that follow from anomalies, unreadable sources and the gate. Ordered by priority, then
 * by the rank of the cause, then as planned; duplicates by title are dropped.
 */
final class Actions {

    static final double MIN_PROBABILITY = 0.10;

    private Actions() {
    }

    private record Planned(Action action, int rank, int seq) {
    }

    /** The rank of actions that follow from anomalies, sources and certificates: after every cause's remedies. */
    private static final int GENERAL_RANK = 10;

    static List<Action> plan(Knowledge kb, Inference.Result inference, List<Anomaly> anomalies,
                             List<Observation> observations, GateDecision gate) {
        List<Planned> planned = new ArrayList<>();
        planCauseRemedies(kb, inference, planned);
        planAnomalyActions(anomalies, planned);
        planSourceAccess(observations, planned);
        planCertificateRenewals(observations, planned);
        planGateHold(gate, planned);
        return orderedWithoutDuplicates(planned);
    }

    /** Adds an action; its sequence number is its position in the plan, so ties keep the planning order. */
    private static void add(List<Planned> planned, Action action, int rank) {
        planned.add(new Planned(action, rank, planned.size()));
    }

    private static void planCauseRemedies(Knowledge kb, Inference.Result inference, List<Planned> planned) {
        List<RankedCause> ranked = inference.ranked();
        for (int rank = 0; rank < Math.min(3, ranked.size()); rank++) {
            RankedCause c = ranked.get(rank);
            if (rank > 0 && c.probability() < MIN_PROBABILITY) {
                continue;
            }
            if (c.id().equals(CauseId.UNKNOWN)) {
                add(planned, investigateByHand(c, rank), rank);
                continue;
            }
            Knowledge.CompiledCause cause = kb.cause(c.id()).orElse(null);
            // a cause listed for the failure's context alone has no evidence yet: its next checks come before any remedy
            if (cause == null || c.evidence().stream().noneMatch(Inference::countsFor)) {
                continue;
            }
            Map<String, String> vars = remedyVars(inference, c);
            for (Knowledge.CompiledRemedy r : cause.actions()) {
                Action.Priority p = rank == 0 ? r.priority() : demote(r.priority());
                Duration within = rank == 0 ? r.within() : max(r.within(), window(p));
                add(planned, new Action(p, within, Template.render(r.title(), vars),
                        Template.render(r.detail(), vars), c.id(), c.serviceIds()), rank);
            }
        }
    }

    private static Action investigateByHand(RankedCause c, int rank) {
        return new Action(rank == 0 ? Action.Priority.P0 : Action.Priority.P1,
                rank == 0 ? Duration.ofHours(1) : Duration.ofHours(4),
                "Investigate the failing services by hand",
                "No known cause explains the evidence well; read the logs and platform events of "
                        + (c.serviceIds().isEmpty() ? "the failing services" : Words.list(c.serviceIds()))
                        + ", then add what you learn to a rule file.", c.id(), c.serviceIds());
    }

    private static Map<String, String> remedyVars(Inference.Result inference, RankedCause c) {
        Map<String, String> vars = new java.util.HashMap<>(inference.vars(c));
        // words that keep a remedy readable when its cause was found without the usual evidence
        vars.putIfAbsent("line", "see the job log");
        vars.putIfAbsent("failingLines", "the failing line is in the job log");
        vars.putIfAbsent("step", "the failing step");
        vars.putIfAbsent("job", "the failing job");
        vars.putIfAbsent("dependency", "the dependency");
        if (vars.getOrDefault("services", "").isEmpty()) {
            vars.put("services", "the failing services");
        }
        return vars;
    }

    private static void planAnomalyActions(List<Anomaly> anomalies, List<Planned> planned) {
        for (Anomaly a : anomalies) {
            if (a.kind().equals("stale-version-serving")) {
                add(planned, new Action(Action.Priority.P1, Duration.ofHours(4),
                        "Redeploy " + a.serviceId() + " once the cause is fixed",
                        a.serviceId() + " answers but still runs the previous version; do not count it as released.",
                        null, List.of(a.serviceId())), GENERAL_RANK);
            } else if (a.kind().equals("run-succeeded-service-down")) {
                add(planned, new Action(Action.Priority.P0, Duration.ofHours(1),
                        "Roll back or fix " + a.serviceId() + ", which is down after a successful deploy",
                        "The release went out and " + a.serviceId() + " stopped serving; roll back to the last good "
                                + "release, then read its boot logs.", null, List.of(a.serviceId())), GENERAL_RANK);
            } else if (a.kind().equals("machine-started-http-refused")) {
                add(planned, new Action(Action.Priority.P1, Duration.ofHours(2),
                        "Check the port and bind address of " + a.serviceId(),
                        "The machine runs but nothing answers: the app must listen on 0.0.0.0 and the port the "
                                + "platform routes to (internal_port in fly.toml).", null, List.of(a.serviceId())),
                        GENERAL_RANK);
            }
        }
    }

    private static void planSourceAccess(List<Observation> observations, List<Planned> planned) {
        Map<Source, String> sources = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.ProbeFailure f && !ServiceStates.serviceSide(f)) {
                sources.putIfAbsent(f.source(), Words.kind(f.kind()));
            }
        }
        for (Map.Entry<Source, String> e : sources.entrySet()) {
            add(planned, new Action(Action.Priority.P1, Duration.ofHours(4),
                    "Restore read access to " + Words.source(e.getKey()),
                    "Sophia could not read " + Words.source(e.getKey()) + " (" + e.getValue() + "), so the diagnosis "
                            + "lacks that source's evidence; check the token and the API's status.", null, List.of()),
                    GENERAL_RANK);
        }
    }

    private static void planCertificateRenewals(List<Observation> observations, List<Planned> planned) {
        for (Observation o : observations) {
            if (o instanceof Observation.TlsHandshake t && t.daysToExpiry() < 14) {
                String who = t.serviceId() == null ? t.host() : t.serviceId();
                add(planned, new Action(t.daysToExpiry() < 0 ? Action.Priority.P0 : Action.Priority.P1,
                        t.daysToExpiry() < 0 ? Duration.ofHours(1) : Duration.ofDays(Math.max(1, t.daysToExpiry() / 2)),
                        "Renew the TLS certificate of " + who,
                        t.daysToExpiry() < 0 ? "It expired " + (-t.daysToExpiry()) + " days ago; clients refuse it."
                                : "It expires in " + t.daysToExpiry() + " days.", CauseId.TLS_CERTIFICATE,
                        t.serviceId() == null ? List.of() : List.of(t.serviceId())), GENERAL_RANK);
            }
        }
    }

    private static void planGateHold(GateDecision gate, List<Planned> planned) {
        if (gate.status() == GateDecision.Verdict.BLOCKED) {
            List<String> failed = gate.criteria().stream()
                    .filter(c -> c.key() && c.outcome() == GateDecision.Outcome.FAIL).map(GateDecision.Criterion::id).toList();
            add(planned, new Action(Action.Priority.P0, Duration.ofHours(1), "Hold the release",
                    "The gate is BLOCKED by " + Words.list(failed) + "; do not promote or announce this release.", null,
                    List.of()), GENERAL_RANK + 1);
        }
    }

    /** By priority, then the cause's rank, then planning order; a title already planned is dropped. */
    private static List<Action> orderedWithoutDuplicates(List<Planned> planned) {
        List<Planned> sorted = new ArrayList<>(planned);
        sorted.sort(Comparator.comparing((Planned p) -> p.action().priority()).thenComparingInt(Planned::rank)
                .thenComparingInt(Planned::seq));
        List<Action> out = new ArrayList<>();
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (Planned p : sorted) {
            if (titles.add(p.action().title())) {
                out.add(p.action());
            }
        }
        return out;
    }

    private static Action.Priority demote(Action.Priority p) {
        return p == Action.Priority.P0 ? Action.Priority.P1 : Action.Priority.P2;
    }

    private static Duration window(Action.Priority p) {
        return switch (p) {
            case P0 -> Duration.ofHours(1);
            case P1 -> Duration.ofHours(4);
            case P2 -> Duration.ofHours(24);
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
