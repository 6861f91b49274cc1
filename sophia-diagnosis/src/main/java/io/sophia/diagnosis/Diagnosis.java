package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Diagnoser;
import io.sophia.core.Observation;
import io.sophia.diagnosis.internal.reasoning.Reasoner;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Sophia's diagnosis: derives each service's status from all its observations, weighs the
 * observations as evidence for and against the root causes of a {@link KnowledgeBase}, and returns
 * an {@link Assessment} with ranked causes, anomalies, impact, actions and the gate of a
 * {@link GatePolicy}.
 *
 * <pre>{@code
 * Assessment a = Diagnosis.ofDefaults().diagnose(deployment, observations, Instant.now());
 * Assessment b = Diagnosis.builder()
 *         .knowledgeBase(KnowledgeBase.builtIn().withRuleFile(Path.of("rules.yaml")))
 *         .gatePolicy(GatePolicy.builder().requireMinAvailabilityPercent(80, false, 1).build())
 *         .build()
 *         .diagnose(deployment, observations, now);
 * }</pre>
 *
 * <p>What a caller may rely on:
 * <ul>
 * <li>Pure: the same deployment, observations and {@code now} give an equal assessment (every list is
 *     sorted deterministically); it reads no clock, file or network.</li>
 * <li>With nothing failing (every service UP, the run succeeded or was not observed, no log
 *     findings, no failing source) {@code causes} is empty.</li>
 * <li>Probabilities are normalised over the knowledge base's causes plus an explicit {@code unknown};
 *     a cause is reported when at least one piece of evidence supports it and it reaches the floor (1% by
 *     default), so the reported sum is at most 1. Probabilities are rounded down to 4 decimals.</li>
 * <li>Inference is in log-odds: a cause starts at its prior's log-odds and each rule that matches adds
 *     ln(LR) once, aggregated over the services, jobs or apps it matched: n subjects weigh
 *     {@code min(1 + 0.5 ln n, 2)} times one ({@link KnowledgeBase.Settings}). {@code Evidence.weight} is
 *     that absolute contribution; evidence is sorted strongest first. Before normalising, all evidence is
 *     multiplied by the knowledge base's {@code evidenceScale} (calibrated on the labeled corpus for the
 *     built-in one), and {@code unknown} keeps at least {@code unknownFloor} (1%): no diagnosis is certain.</li>
 * <li>Never throws for unusual observations (a null service id, an observation for a service the
 *     deployment does not know); it throws only for a null argument.</li>
 * </ul>
 *
 * <p>Thread-safe. Stability: stable API.
 */
public final class Diagnosis implements Diagnoser {

    private final KnowledgeBase knowledgeBase;
    private final GatePolicy gatePolicy;
    private final Reasoner reasoner;

    private Diagnosis(Builder b) {
        this.knowledgeBase = b.knowledgeBase;
        this.gatePolicy = b.gatePolicy;
        this.reasoner = new Reasoner(EngineInput.knowledge(knowledgeBase), EngineInput.gate(gatePolicy));
    }

    /** {@return the built-in knowledge base and the default gate} */
    public static Diagnosis ofDefaults() {
        return builder().build();
    }

    /** {@return a builder starting from the built-in knowledge base and the default gate} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Assessment diagnose(Deployment deployment, List<Observation> observations, Instant now) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(now, "now");
        return reasoner.diagnose(deployment, observations, now);
    }

    /**
     * {@link #diagnose} with the calibration terms of the same inference (for the calibration tests, through
     * EngineAccess): the same argument checks, so that a scenario {@code diagnose} refuses is refused here too.
     */
    Reasoner.Diagnosed diagnoseWithTerms(Deployment deployment, List<Observation> observations, Instant now) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(now, "now");
        return reasoner.diagnoseWithTerms(deployment, observations, now);
    }

    /** {@return the knowledge base in use} */
    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** {@return the gate policy in use} */
    public GatePolicy gatePolicy() {
        return gatePolicy;
    }

    /** Builds a {@link Diagnosis}. */
    public static final class Builder {
        private KnowledgeBase knowledgeBase;
        private GatePolicy gatePolicy = GatePolicy.defaults();

        private Builder() {
        }

        /**
         * The knowledge base (default {@link KnowledgeBase#builtIn()}).
         *
         * @param kb the knowledge base
         * @return this builder
         */
        public Builder knowledgeBase(KnowledgeBase kb) {
            this.knowledgeBase = Objects.requireNonNull(kb, "knowledgeBase");
            return this;
        }

        /**
         * The gate policy (default {@link GatePolicy#defaults()}).
         *
         * @param policy the gate policy
         * @return this builder
         */
        public Builder gatePolicy(GatePolicy policy) {
            this.gatePolicy = Objects.requireNonNull(policy, "gatePolicy");
            return this;
        }

        /** {@return the diagnosis; an unset knowledge base is {@link KnowledgeBase#builtIn()}} */
        public Diagnosis build() {
            if (knowledgeBase == null) {
                knowledgeBase = KnowledgeBase.builtIn();
            }
            return new Diagnosis(this);
        }
    }
}
