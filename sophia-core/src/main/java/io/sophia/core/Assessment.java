package io.sophia.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything Sophia concluded about a deployment at one moment: the services' health, the
 * observations it rests on, ranked causes, anomalies, impact, actions and the gate.
 *
 * <p>Immutable. With nothing failing, {@code causes} is empty.
 *
 * @param schemaVersion version of the report.json schema this assessment renders to
 * @param probing       how the probes were run (timeout and the check's budget), or null when not known
 *                      (observations a host gathered itself, an assessment read from an older report)
 */
public record Assessment(String schemaVersion, String deployment, Instant generatedAt, List<ServiceHealth> services,
                         List<Observation> observations, List<RankedCause> causes, List<Anomaly> anomalies,
                         Impact impact, List<Action> actions, GateDecision gate, Probing probing) {

    /** The schema version written by this library. */
    public static final String SCHEMA_VERSION = "1.0";

    /**
     * Canonical constructor: checks and normalises the components.
     *
     * @param schemaVersion version of the report.json schema this assessment renders to
     * @param deployment    as {@link #deployment()}
     * @param generatedAt   as {@link #generatedAt()}
     * @param services      as {@link #services()}
     * @param observations  as {@link #observations()}
     * @param causes        as {@link #causes()}
     * @param anomalies     as {@link #anomalies()}
     * @param impact        as {@link #impact()}
     * @param actions       as {@link #actions()}
     * @param gate          as {@link #gate()}
     * @param probing       how the probes were run (timeout and the check's budget), or null when not known
     *                      (observations a host gathered itself, an assessment read from an older report)
     */
    public Assessment {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(generatedAt, "generatedAt");
        services = List.copyOf(services);
        observations = List.copyOf(observations);
        causes = List.copyOf(causes);
        anomalies = List.copyOf(anomalies);
        actions = List.copyOf(actions);
        Objects.requireNonNull(gate, "gate");
        double sum = causes.stream().mapToDouble(RankedCause::probability).sum();
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("cause probabilities sum to " + sum + " > 1");
        }
    }

    /**
     * {@return a builder of an assessment of {@code deployment} at {@code generatedAt} with its {@code gate}}: the
     * lists start empty, impact and probing absent, the schema version this library's. A host's own {@link Diagnoser}
     * builds its assessment with it rather than with the canonical constructor's eleven positional components.
     *
     * @param deployment  the deployment's name
     * @param generatedAt when it was assessed
     * @param gate        the gate's decision
     */
    public static Builder builder(String deployment, Instant generatedAt, GateDecision gate) {
        return new Builder(deployment, generatedAt, gate);
    }

    /** {@return a builder with every part of this assessment, to change some of them} */
    public Builder toBuilder() {
        return new Builder(deployment, generatedAt, gate).schemaVersion(schemaVersion).services(services)
                .observations(observations).causes(causes).anomalies(anomalies).impact(impact).actions(actions)
                .probing(probing);
    }

    /** The parts of an {@link Assessment} by name; every setter returns this builder. */
    public static final class Builder {
        private final String deployment;
        private final Instant generatedAt;
        private final GateDecision gate;
        private String schemaVersion = SCHEMA_VERSION;
        private List<ServiceHealth> services = List.of();
        private List<Observation> observations = List.of();
        private List<RankedCause> causes = List.of();
        private List<Anomaly> anomalies = List.of();
        private Impact impact;
        private List<Action> actions = List.of();
        private Probing probing;

        private Builder(String deployment, Instant generatedAt, GateDecision gate) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            this.generatedAt = Objects.requireNonNull(generatedAt, "generatedAt");
            this.gate = Objects.requireNonNull(gate, "gate");
        }

        /**
         * @param schemaVersion the report.json schema version it renders to; default {@link #SCHEMA_VERSION}
         * @return this builder
         */
        public Builder schemaVersion(String schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        /**
         * @param services the services' health
         * @return this builder
         */
        public Builder services(List<ServiceHealth> services) {
            this.services = services;
            return this;
        }

        /**
         * @param observations everything the probes saw
         * @return this builder
         */
        public Builder observations(List<Observation> observations) {
            this.observations = observations;
            return this;
        }

        /**
         * @param causes the ranked causes, most probable first
         * @return this builder
         */
        public Builder causes(List<RankedCause> causes) {
            this.causes = causes;
            return this;
        }

        /**
         * @param anomalies the anomalies
         * @return this builder
         */
        public Builder anomalies(List<Anomaly> anomalies) {
            this.anomalies = anomalies;
            return this;
        }

        /**
         * @param impact the impact, or null
         * @return this builder
         */
        public Builder impact(Impact impact) {
            this.impact = impact;
            return this;
        }

        /**
         * @param actions the action plan
         * @return this builder
         */
        public Builder actions(List<Action> actions) {
            this.actions = actions;
            return this;
        }

        /**
         * @param probing how the probes were run, or null when not known
         * @return this builder
         */
        public Builder probing(Probing probing) {
            this.probing = probing;
            return this;
        }

        /** {@return the assessment} */
        public Assessment build() {
            return new Assessment(schemaVersion, deployment, generatedAt, services, observations, causes, anomalies,
                    impact, actions, gate, probing);
        }
    }

    /**
     * {@return this assessment with {@code probing} recorded}
     *
     * @param probing the probing
     */
    public Assessment withProbing(Probing probing) {
        return new Assessment(schemaVersion, deployment, generatedAt, services, observations, causes, anomalies, impact,
                actions, gate, probing);
    }

    /** {@return the most probable cause, if any} */
    public java.util.Optional<RankedCause> topCause() {
        return causes.stream().findFirst();
    }

    /**
     * {@return observations of one kind, in order}
     *
     * @param <T> the observation type
     * @param kind the observation type to select
     */
    public <T extends Observation> List<T> observations(Class<T> kind) {
        return observations.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * {@return the health of one service}
     *
     * @param id a service id
     */
    public java.util.Optional<ServiceHealth> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
