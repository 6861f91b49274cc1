package io.sophia.core;

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
 */
public record ServiceHealth(String id, String name, String capability, boolean critical, String url, Status status,
                            Integer httpStatus, Long latencyMs, String failure, String version) {
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
     */
    public ServiceHealth {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
