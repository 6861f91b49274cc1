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
 * @param capabilitiesDegraded capabilities of services that are DEGRADED or UNKNOWN
 * @param capabilitiesOnline   capabilities of services that are UP
 * @param severity             NONE, MINOR, MAJOR or SEVERE
 */
public record Impact(int totalServices, int servicesUp, double availabilityPercent, List<String> capabilitiesOffline,
                     List<String> capabilitiesDegraded, List<String> capabilitiesOnline, Severity severity) {

    /** How bad it is for users. */
    public enum Severity { NONE, MINOR, MAJOR, SEVERE }

    public Impact {
        capabilitiesOffline = List.copyOf(Objects.requireNonNullElse(capabilitiesOffline, List.of()));
        capabilitiesDegraded = List.copyOf(Objects.requireNonNullElse(capabilitiesDegraded, List.of()));
        capabilitiesOnline = List.copyOf(Objects.requireNonNullElse(capabilitiesOnline, List.of()));
    }
}
