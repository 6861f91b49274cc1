package io.sophia.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per platform app, the image its last healthy machines run against the image of its failing
 * machines, when the two differ: the platform's own view of "what changed since the last good
 * deploy" (a rolling deploy that failed leaves the old release running on some machines). Derived
 * from {@link Observation.PlatformMachine}s; no request of its own.
 *
 * <p>A machine is healthy when it is {@code started}, not stuck, and none of its checks is
 * failing; it is failing when it is {@code failed}, stuck, has a failing check, or stopped after a
 * non-zero or OOM exit. A machine stopped cleanly (scaled to zero) is neither.
 *
 * <p>Stability: public API.
 *
 * @param app              the platform app
 * @param serviceId        the service it runs, or null
 * @param healthyImages    images of the healthy machines, in the order seen
 * @param failingImages    images of the failing machines that no healthy machine runs
 * @param healthyMachines  ids of the healthy machines
 * @param failingMachines  ids of the failing machines on those images
 */
public record ReleaseSplit(String app, String serviceId, List<String> healthyImages, List<String> failingImages,
                           List<String> healthyMachines, List<String> failingMachines) {

    /**
     * Copies the lists.
     *
     * @param app the app
     * @param serviceId the service id
     * @param healthyImages the healthy images
     * @param failingImages the failing images
     * @param healthyMachines the healthy machines
     * @param failingMachines the failing machines
     */
    public ReleaseSplit {
        healthyImages = List.copyOf(healthyImages);
        failingImages = List.copyOf(failingImages);
        healthyMachines = List.copyOf(healthyMachines);
        failingMachines = List.copyOf(failingMachines);
    }

    /**
     * {@return the apps of {@code observations} whose failing machines run another image than their healthy ones, by
     * app name}
     *
     * @param observations the observations
     */
    public static List<ReleaseSplit> of(List<Observation> observations) {
        Map<String, List<Observation.PlatformMachine>> byApp = new LinkedHashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.PlatformMachine m && m.app() != null && m.imageRef() != null && !m.imageRef().isBlank()) {
                byApp.computeIfAbsent(m.app(), k -> new ArrayList<>()).add(m);
            }
        }
        List<ReleaseSplit> out = new ArrayList<>();
        for (Map.Entry<String, List<Observation.PlatformMachine>> e : byApp.entrySet()) {
            Set<String> healthy = new LinkedHashSet<>();
            List<String> healthyIds = new ArrayList<>();
            for (Observation.PlatformMachine m : e.getValue()) {
                if (healthy(m)) {
                    healthy.add(m.imageRef());
                    healthyIds.add(m.machineId());
                }
            }
            Set<String> failing = new LinkedHashSet<>();
            List<String> failingIds = new ArrayList<>();
            for (Observation.PlatformMachine m : e.getValue()) {
                if (failing(m) && !healthy.contains(m.imageRef())) {
                    failing.add(m.imageRef());
                    failingIds.add(m.machineId());
                }
            }
            if (!healthy.isEmpty() && !failing.isEmpty()) {
                String service = e.getValue().stream().map(Observation.PlatformMachine::serviceId).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                out.add(new ReleaseSplit(e.getKey(), service, List.copyOf(healthy), List.copyOf(failing), healthyIds,
                        failingIds));
            }
        }
        out.sort(Comparator.comparing(ReleaseSplit::app));
        return out;
    }

    /**
     * {@return started, not stuck, no failing check}
     *
     * @param m the m
     */
    public static boolean healthy(Observation.PlatformMachine m) {
        return "started".equals(lower(m.state())) && !m.stuck()
                && m.checks().stream().noneMatch(c -> failingCheck(c.status()));
    }

    /**
     * {@return failed, stuck, a failing check, or stopped after a non-zero or OOM exit}
     *
     * @param m the m
     */
    public static boolean failing(Observation.PlatformMachine m) {
        String state = lower(m.state());
        if ("failed".equals(state) || m.stuck() || m.checks().stream().anyMatch(c -> failingCheck(c.status()))) {
            return true;
        }
        if ("stopped".equals(state) || "stopping".equals(state)) {
            return m.events().stream().anyMatch(ev -> Boolean.TRUE.equals(ev.oomKilled())
                    || (ev.exitCode() != null && ev.exitCode() != 0));
        }
        return false;
    }

    private static boolean failingCheck(String status) {
        String s = lower(status);
        return "critical".equals(s) || "failing".equals(s);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
