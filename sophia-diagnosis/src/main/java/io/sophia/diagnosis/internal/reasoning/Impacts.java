package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Deployment;
import io.sophia.core.Impact;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the services' states mean for users. Severity: NONE when every service is UP; SEVERE when a
 * critical service is DOWN or fewer than half the services are UP; MAJOR when any service is DOWN;
 * MINOR otherwise (degraded or unknown only). A service that is UP while a service it depends on,
 * directly or not, is DOWN lies in the blast radius of that failure: its capability is listed as degraded,
 * not online (it answers its own health check, but what it offers needs the failed service).
 */
final class Impacts {

    private Impacts() {
    }

    static Impact of(Deployment deployment, Collection<ServiceHealth> services) {
        List<String> down = services.stream().filter(h -> h.status() == Status.DOWN).map(ServiceHealth::id).toList();
        Set<String> atRisk = down.isEmpty() ? Set.of() : Topology.of(deployment).blastRadius(down);
        // each capability once, in first-seen order: sets, since a list's contains made this quadratic in the services
        Set<String> offline = new LinkedHashSet<>();
        Set<String> degraded = new LinkedHashSet<>();
        Set<String> online = new LinkedHashSet<>();
        int up = 0;
        boolean criticalDown = false;
        boolean anyDown = false;
        for (ServiceHealth h : services) {
            String cap = h.capability() == null ? h.id() : h.capability();
            switch (h.status()) {
                case UP -> {
                    up++;
                    (atRisk.contains(h.id()) ? degraded : online).add(cap);
                }
                case DOWN -> {
                    anyDown = true;
                    criticalDown |= h.critical();
                    offline.add(cap);
                }
                default -> degraded.add(cap);
            }
        }
        int total = services.size();
        double availability = total == 0 ? 100.0 : Math.round(up * 1000.0 / total) / 10.0;
        Impact.Severity severity;
        if (up == total) {
            severity = Impact.Severity.NONE;
        } else if (criticalDown || up * 2 < total) {
            severity = Impact.Severity.SEVERE;
        } else if (anyDown) {
            severity = Impact.Severity.MAJOR;
        } else {
            severity = Impact.Severity.MINOR;
        }
        return new Impact(total, up, availability, List.copyOf(offline), List.copyOf(degraded),
                List.copyOf(online), severity);
    }
}
