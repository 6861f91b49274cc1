package io.sophia.core;

import java.util.Objects;

/**
 * Who to call about a service: the team that owns it and how to reach them. Reports name the owners of the
 * affected services in their action plan and escalation section, and {@code watch} alerts name them.
 *
 * <p>Stable: components are only ever added.
 *
 * @param team    the owning team ("payments"); never blank
 * @param contact how to reach them ("#payments-oncall", an e-mail address, a pager URL), or null when only the
 *                team is known
 */
public record Owner(String team, String contact) {

    /**
     * Canonical constructor: the team is required; texts are stripped, a blank contact is null.
     *
     * @param team    the owning team; never blank
     * @param contact how to reach them, or null
     */
    public Owner {
        Objects.requireNonNull(team, "team");
        team = team.strip();
        if (team.isEmpty()) {
            throw new IllegalArgumentException("team: blank");
        }
        contact = contact == null || contact.isBlank() ? null : contact.strip();
    }

    /**
     * {@return an owner known only by its team}
     *
     * @param team the owning team
     */
    public static Owner of(String team) {
        return new Owner(team, null);
    }

    /** {@return the team, then the contact in parentheses when there is one: {@code payments (#payments-oncall)}} */
    public String display() {
        return contact == null ? team : team + " (" + contact + ")";
    }
}
