package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * What the state of the services means for users.
 *
 * @param totalServices        services in the deployment
 * @param servicesUp           services whose status is UP
 * @param availabilityPercent  share of services UP, in percent
 * @param capabilitiesOffline  capabilities of services that are DOWN
 * @param capabilitiesDegraded capabilities of services that are DEGRADED or UNKNOWN, or UP while a service they
 *                             depend on (directly or not) is DOWN: the failure's blast radius
 * @param capabilitiesOnline   capabilities of services that are UP and need no DOWN service
 * @param severity             NONE, MINOR, MAJOR or SEVERE
 */
public record Impact(int totalServices, int servicesUp, double availabilityPercent, List<String> capabilitiesOffline,
                     List<String> capabilitiesDegraded, List<String> capabilitiesOnline, Severity severity) {

    /** How bad it is for users. */
    public enum Severity {
        /** Every service is UP. */
        NONE,
        /** Some service is degraded or unknown, none is down. */
        MINOR,
        /** Some service is down. */
        MAJOR,
        /** A critical service is down, or fewer than half the services are UP. */
        SEVERE
    }

    /**
     * Canonical constructor: copies the collections, so the record is immutable.
     *
     * @param totalServices        services in the deployment
     * @param servicesUp           services whose status is UP
     * @param availabilityPercent  share of services UP, in percent
     * @param capabilitiesOffline  capabilities of services that are DOWN
     * @param capabilitiesDegraded capabilities of services that are DEGRADED or UNKNOWN, or UP while a service they
     *                             depend on (directly or not) is DOWN: the failure's blast radius
     * @param capabilitiesOnline   capabilities of services that are UP and need no DOWN service
     * @param severity             NONE, MINOR, MAJOR or SEVERE
     */
    public Impact {
        capabilitiesOffline = List.copyOf(Objects.requireNonNullElse(capabilitiesOffline, List.of()));
        capabilitiesDegraded = List.copyOf(Objects.requireNonNullElse(capabilitiesDegraded, List.of()));
        capabilitiesOnline = List.copyOf(Objects.requireNonNullElse(capabilitiesOnline, List.of()));
    }
}
