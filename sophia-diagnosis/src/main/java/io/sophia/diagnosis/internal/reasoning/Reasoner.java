package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Action;
import io.sophia.core.Anomaly;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Impact;
import io.sophia.core.Observation;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The diagnosis pipeline: status, facts, inference, anomalies, impact, gate, actions. */
public final class Reasoner {

    private final Knowledge kb;
    private final GateRules policy;

    /**
     * A pipeline over {@code kb} and the gate {@code policy}.
     *
     * @param kb     the compiled knowledge base
     * @param policy the compiled gate policy
     */
    public Reasoner(Knowledge kb, GateRules policy) {
        this.kb = Objects.requireNonNull(kb);
        this.policy = Objects.requireNonNull(policy);
    }

    /** The assessment of {@code input} (null observations skipped) for {@code deployment} at {@code now}. */
    public Assessment diagnose(Deployment deployment, List<Observation> input, Instant now) {
        return run(deployment, input, now, false).assessment();
    }

    /**
     * An assessment with the calibration terms of the same inference.
     *
     * @param assessment the assessment {@link #diagnose} returns
     * @param terms      the terms {@link Calibration#terms} gives for the same input ({@code unknown} last), empty when
     *                   nothing is failing; unmodifiable
     */
    public record Diagnosed(Assessment assessment, List<Calibration.Term> terms) {
    }

    /**
     * {@link #diagnose} and the terms {@link Calibration#terms} gives for the same input, from one inference: the
     * calibration's evaluation reads both for thousands of scenarios.
     */
    public Diagnosed diagnoseWithTerms(Deployment deployment, List<Observation> input, Instant now) {
        return run(deployment, input, now, true);
    }

    // the terms only when asked: a product diagnosis would build and drop them
    private Diagnosed run(Deployment deployment, List<Observation> input, Instant now, boolean withTerms) {
        List<Observation> observations = new ArrayList<>();
        for (Observation o : input) {
            if (o != null) {
                observations.add(o);
            }
        }
        Map<String, ServiceHealth> health = ServiceStates.derive(deployment, observations, now, kb.latencyBaselines(),
                kb.answerCause());
        List<Anomaly> anomalies = Anomalies.find(deployment, observations, health);
        Impact impact = Impacts.of(deployment, health.values());
        Inference.Result inference;
        List<RankedCause> causes;
        List<Calibration.Term> terms = List.of();
        if (somethingFailing(observations, health, now)) {
            inference = infer(kb, deployment, observations, health, now);
            causes = inference.ranked();
            terms = withTerms ? Calibration.terms(inference) : List.of();
        } else {
            inference = new Inference.Result(List.of(), List.of(), java.util.Set.of(), Map.of(), java.util.Set.of());
            causes = List.of();
        }
        GateDecision gate = Gate.evaluate(policy, health.values(), observations, causes, impact);
        List<Action> actions = Actions.plan(kb, inference, anomalies, observations, gate);
        return new Diagnosed(Assessment.builder(deployment.name(), now, gate).services(List.copyOf(health.values()))
                .observations(observations).causes(causes).anomalies(anomalies).impact(impact).actions(actions).build(),
                terms);
    }

    /** The inference {@code kb} makes of these (non-null) observations and the services' {@code health}. */
    static Inference.Result infer(Knowledge kb, Deployment deployment, List<Observation> observations,
                                  Map<String, ServiceHealth> health, Instant now) {
        List<Fact> facts = Facts.extract(deployment, observations, health, kb.indications(), kb.lineCause(),
                kb.answerCause(), now);
        return Inference.run(kb, deployment, facts, health, logsRead(observations));
    }

    /** True when a CI log was read (or a finding from one given). */
    static boolean logsRead(List<Observation> observations) {
        return observations.stream().anyMatch(o -> o instanceof Observation.CiLogRead
                || o instanceof Observation.LogFinding);
    }

    /**
     * Anything to explain: a service not UP, a failed run or job, a job still waiting for a runner after ten minutes, a
     * log finding, an unreadable source.
     */
    static boolean somethingFailing(List<Observation> observations, Map<String, ServiceHealth> health, Instant now) {
        for (ServiceHealth h : health.values()) {
            if (h.status() == Status.DOWN || h.status() == Status.DEGRADED) {
                return true;
            }
        }
        for (Observation o : observations) {
            if (o instanceof Observation.CiRun r && Facts.failedConclusion(r.conclusion())) {
                return true;
            }
            if (o instanceof Observation.CiJob j && (Facts.failedConclusion(j.conclusion()) || Facts.waitingForRunner(j, now))) {
                return true;
            }
            if (o instanceof Observation.LogFinding || o instanceof Observation.ProbeFailure) {
                return true;
            }
        }
        return false;
    }
}
