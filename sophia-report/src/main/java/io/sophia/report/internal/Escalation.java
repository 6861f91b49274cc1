package io.sophia.report.internal;

import io.sophia.core.Action;
import io.sophia.core.Assessment;
import io.sophia.core.Impact;
import io.sophia.core.Owner;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who to call, as the reference report's escalation section says it: the owners of the affected services (not
 * UP, or UP but in the blast radius of a DOWN one), each with the capabilities at stake and the most urgent action
 * that concerns their services. Every format renders this one view.
 *
 * <p>Owners are opt-in: with no owner configured for any service the view is empty and reports stay as they
 * were. Affected services nobody owns form the last group, with a null owner, so a report says plainly that no
 * one is named for them.
 *
 * @param owner        the owner, or null for the affected services nobody owns
 * @param action       the most urgent action that names one of the services (the first of the plan among equals),
 *                     or null when none does
 * @param worst        the worst status among the services (DOWN before DEGRADED before UNKNOWN before UP)
 * @param services     the affected services of this owner, in the assessment's order
 * @param capabilities their capabilities, distinct, in the same order
 */
public record Escalation(Owner owner, Action action, Status worst, List<ServiceHealth> services,
                         List<String> capabilities) {

    /** Services named per owner in a table cell; a fleet of thousands still gives one readable row. */
    public static final int MAX_LISTED = 12;

    /** {@return ", and N more" for the services past {@link #MAX_LISTED} of {@code total}, or nothing} */
    public static String more(int total) {
        return total > MAX_LISTED ? ", and " + (total - MAX_LISTED) + " more" : "";
    }

    /** Copies the lists, so the record is immutable. */
    public Escalation {
        services = List.copyOf(services);
        capabilities = List.copyOf(capabilities);
    }

    /** {@return the priority of {@link #action()}, or null without one} */
    public Action.Priority priority() {
        return action == null ? null : action.priority();
    }

    /** {@return the ids of the services} */
    public List<String> serviceIds() {
        return services.stream().map(ServiceHealth::id).toList();
    }

    /** The groups to call, most urgent first; empty when nothing is affected or no service has an owner. */
    public static List<Escalation> of(Assessment a) {
        if (a.services().stream().noneMatch(s -> s.owner() != null)) {
            return List.of();
        }
        Set<String> atStake = new HashSet<>();
        Impact impact = a.impact();
        if (impact != null) {
            atStake.addAll(impact.capabilitiesOffline());
            atStake.addAll(impact.capabilitiesDegraded());
        }
        Map<Owner, List<ServiceHealth>> groups = new LinkedHashMap<>();
        for (ServiceHealth s : a.services()) {
            boolean affected = s.status() != Status.UP || s.capability() != null && atStake.contains(s.capability());
            if (affected) {
                groups.computeIfAbsent(s.owner(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Escalation> out = new ArrayList<>();
        groups.forEach((owner, services) -> {
            Set<String> ids = new HashSet<>();
            services.forEach(s -> ids.add(s.id()));
            // min keeps the first of equals, so among actions of one priority the plan's order decides
            Action action = a.actions().stream().filter(x -> x.serviceIds().stream().anyMatch(ids::contains))
                    .min(Comparator.comparing(Action::priority)).orElse(null);
            Status worst = services.stream().map(ServiceHealth::status).min(Comparator.comparingInt(Escalation::rank))
                    .orElseThrow();
            List<String> capabilities = services.stream().map(ServiceHealth::capability).filter(Objects::nonNull)
                    .distinct().toList();
            out.add(new Escalation(owner, action, worst, services, capabilities));
        });
        out.sort(Comparator.comparing((Escalation e) -> e.owner() == null)
                .thenComparing(Escalation::priority, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(e -> rank(e.worst()))
                .thenComparing(e -> e.owner() == null ? "" : e.owner().team()));
        return out;
    }

    /**
     * {@return the distinct owners of {@code serviceIds} in {@code a}, in the order of the ids}
     *
     * @param a          the assessment whose services carry the owners
     * @param serviceIds the services an action or a transition concerns
     */
    public static List<Owner> owners(Assessment a, List<String> serviceIds) {
        Map<String, ServiceHealth> byId = new LinkedHashMap<>();
        a.services().forEach(s -> byId.putIfAbsent(s.id(), s));
        return serviceIds.stream().map(byId::get).filter(Objects::nonNull).map(ServiceHealth::owner)
                .filter(Objects::nonNull).distinct().toList();
    }

    /** Worst first: DOWN, DEGRADED, UNKNOWN, UP (Status declares UNKNOWN last for aggregation, not for urgency). */
    private static int rank(Status s) {
        return switch (s) {
            case DOWN -> 0;
            case DEGRADED -> 1;
            case UNKNOWN -> 2;
            case UP -> 3;
        };
    }
}
