package io.sophia.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The derived health of one service.
 *
 * @param id         service id
 * @param name       service name
 * @param capability what users get from it
 * @param critical   whether it is critical
 * @param url        its endpoint (never with credentials)
 * @param status     aggregated from all its observations
 * @param httpStatus the last HTTP status seen, or null when none came back
 * @param latencyMs  latency of the last answer or failed attempt, or null
 * @param failure    the failure in words ("connection refused"), or null when UP
 * @param version    the deployed version it reported, or null
 * @param owner      who to call about it (from the service's config), or null when nobody is named
 * @param upSince    since when it has been up, as a source said so: the platform's last start of its started
 *                   machines, or when a watcher saw it turn UP; null when no source says (never guessed), and
 *                   null whenever the service is DOWN or UNKNOWN
 * @param baselineMs its usual latency: the median of the earlier runs in which it was UP, from a check history;
 *                   null without one (a service answering far above it is DEGRADED)
 */
public record ServiceHealth(String id, String name, String capability, boolean critical, String url, Status status,
                            Integer httpStatus, Long latencyMs, String failure, String version, Owner owner,
                            Instant upSince, Long baselineMs) {
    /**
     * Canonical constructor: rejects invalid components.
     *
     * @param id         service id
     * @param name       service name
     * @param capability what users get from it
     * @param critical   whether it is critical
     * @param url        its endpoint (never with credentials)
     * @param status     aggregated from all its observations
     * @param httpStatus the last HTTP status seen, or null when none came back
     * @param latencyMs  latency of the last answer or failed attempt, or null
     * @param failure    the failure in words ("connection refused"), or null when UP
     * @param version    the deployed version it reported, or null
     * @param owner      who to call about it, or null when nobody is named
     * @param upSince    since when it has been up as a source said so, or null (always null when DOWN or UNKNOWN)
     * @param baselineMs its usual latency from a check history, or null
     */
    public ServiceHealth {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        // a service that is not up has no "up since"; dropping it here keeps every producer honest
        if (status == Status.DOWN || status == Status.UNKNOWN) {
            upSince = null;
        }
    }

    /**
     * {@return a builder of the health of service {@code id}}: everything else is optional, null or false until set.
     * A host's own {@link Diagnoser} builds its services' health with it rather than with the canonical constructor's
     * thirteen positional components.
     *
     * @param id     the service id
     * @param status its aggregated status
     */
    public static Builder builder(String id, Status status) {
        return new Builder(id, status);
    }

    /**
     * {@return a builder of the health of {@code service}}: its id, name, capability, criticality, url and owner
     * already set.
     *
     * @param service the service, as configured
     * @param status  its aggregated status
     */
    public static Builder builder(Service service, Status status) {
        return new Builder(service.id(), status).name(service.name()).capability(service.capability())
                .critical(service.critical()).url(service.url() == null ? null : service.url().toString())
                .owner(service.owner());
    }

    /** The optional parts of a {@link ServiceHealth}; every setter returns this builder. */
    public static final class Builder {
        private final String id;
        private final Status status;
        private String name;
        private String capability;
        private boolean critical;
        private String url;
        private Integer httpStatus;
        private Long latencyMs;
        private String failure;
        private String version;
        private Owner owner;
        private Instant upSince;
        private Long baselineMs;

        private Builder(String id, Status status) {
            this.id = Objects.requireNonNull(id, "id");
            this.status = Objects.requireNonNull(status, "status");
        }

        /**
         * @param name the service's human name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param capability what users get from it
         * @return this builder
         */
        public Builder capability(String capability) {
            this.capability = capability;
            return this;
        }

        /**
         * @param critical whether it is critical
         * @return this builder
         */
        public Builder critical(boolean critical) {
            this.critical = critical;
            return this;
        }

        /**
         * @param url its endpoint (never with credentials)
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param httpStatus the last HTTP status seen, or null when none came back
         * @return this builder
         */
        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        /**
         * @param latencyMs latency of the last answer or failed attempt in milliseconds, or null
         * @return this builder
         */
        public Builder latencyMs(Long latencyMs) {
            this.latencyMs = latencyMs;
            return this;
        }

        /**
         * @param failure the failure in words ("connection refused"), or null when UP
         * @return this builder
         */
        public Builder failure(String failure) {
            this.failure = failure;
            return this;
        }

        /**
         * @param version the deployed version it reported, or null
         * @return this builder
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * @param owner who to call about it, or null when nobody is named
         * @return this builder
         */
        public Builder owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        /**
         * @param upSince since when it has been up as a source said so, or null (dropped when DOWN or UNKNOWN)
         * @return this builder
         */
        public Builder upSince(Instant upSince) {
            this.upSince = upSince;
            return this;
        }

        /**
         * @param baselineMs its usual latency from a check history, or null
         * @return this builder
         */
        public Builder baselineMs(Long baselineMs) {
            this.baselineMs = baselineMs;
            return this;
        }

        /** {@return the health} */
        public ServiceHealth build() {
            return new ServiceHealth(id, name, capability, critical, url, status, httpStatus, latencyMs, failure,
                    version, owner, upSince, baselineMs);
        }
    }

    /**
     * {@return this health with {@code upSince} recorded (ignored unless the service is UP or DEGRADED)}
     *
     * @param upSince since when it has been up, or null
     */
    public ServiceHealth withUpSince(Instant upSince) {
        return new ServiceHealth(id, name, capability, critical, url, status, httpStatus, latencyMs, failure, version,
                owner, upSince, baselineMs);
    }
}
