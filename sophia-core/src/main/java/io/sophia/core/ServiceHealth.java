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
     * The health of a service without owner or start time, as before they were recorded.
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
     */
    public ServiceHealth(String id, String name, String capability, boolean critical, String url, Status status,
                         Integer httpStatus, Long latencyMs, String failure, String version) {
        this(id, name, capability, critical, url, status, httpStatus, latencyMs, failure, version, null, null, null);
    }

    /**
     * The health of a service without a latency baseline, as before baselines were recorded.
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
     */
    public ServiceHealth(String id, String name, String capability, boolean critical, String url, Status status,
                         Integer httpStatus, Long latencyMs, String failure, String version, Owner owner,
                         Instant upSince) {
        this(id, name, capability, critical, url, status, httpStatus, latencyMs, failure, version, owner, upSince, null);
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
