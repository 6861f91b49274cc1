package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Impact;
import io.sophia.core.ServiceHealth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the services' states mean for users. Severity: NONE when every service is UP; SEVERE when a
 * critical service is DOWN or fewer than half the services are UP; MAJOR when any service is DOWN;
 * MINOR otherwise (degraded or unknown only).
 */
final class Impacts {

    private Impacts() {
    }

    static Impact of(Collection<ServiceHealth> services) {
        List<String> offline = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        List<String> online = new ArrayList<>();
        int up = 0;
        boolean criticalDown = false;
        boolean anyDown = false;
        for (ServiceHealth h : services) {
            String cap = h.capability() == null ? h.id() : h.capability();
            switch (h.status()) {
                case UP -> {
                    up++;
                    add(online, cap);
                }
                case DOWN -> {
                    anyDown = true;
                    criticalDown |= h.critical();
                    add(offline, cap);
                }
                default -> add(degraded, cap);
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
        return new Impact(total, up, availability, offline, degraded, online, severity);
    }

    private static void add(List<String> list, String cap) {
        if (!list.contains(cap)) {
            list.add(cap);
        }
    }
}
