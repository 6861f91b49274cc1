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
     * An assessment without {@link #probing()}, as before it was recorded.
     *
     * @param schemaVersion the schema version
     * @param deployment the deployment
     * @param generatedAt the generated at
     * @param services the services
     * @param observations the observations
     * @param causes the causes
     * @param anomalies the anomalies
     * @param impact the impact
     * @param actions the actions
     * @param gate the gate
     */
    public Assessment(String schemaVersion, String deployment, Instant generatedAt, List<ServiceHealth> services,
                      List<Observation> observations, List<RankedCause> causes, List<Anomaly> anomalies,
                      Impact impact, List<Action> actions, GateDecision gate) {
        this(schemaVersion, deployment, generatedAt, services, observations, causes, anomalies, impact, actions, gate,
                null);
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
