package io.sophia.probes.internal;

import io.sophia.core.Source;
import com.fasterxml.jackson.databind.JsonNode;
import io.sophia.core.Observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the Machines API's {@code Machine} objects (schema in the Fly Machines API spec:
 * id, name, state, region, image_ref, host_status, checks[], events[], updated_at) into
 * {@link Observation.PlatformMachine}s; a machine's last start is its newest {@code start} or {@code launch} event.
 */
public final class FlyMachines {

    /** States that last until someone acts (Fly docs, "Machine states and lifecycle"). */
    public static final Set<String> PERSISTENT = Set.of("created", "started", "stopped", "suspended", "failed");
    /** Short-lived states; one that lasts too long means the machine is stuck. */
    public static final Set<String> TRANSIENT = Set.of("creating", "starting", "stopping", "restarting",
            "suspending", "destroying", "launch_failed", "updating", "replacing");
    /** Final states. */
    public static final Set<String> TERMINAL = Set.of("destroyed", "replaced", "migrated");
    /** Transient states the docs allow twice as long (10 minutes for updating). */
    private static final Set<String> SLOW = Set.of("updating", "replacing");
    /** Most recent events kept per machine. */
    private static final int MAX_EVENTS = 20;

    private FlyMachines() {
    }

    /**
     * The machines of {@code array}.
     *
     * @throws IllegalArgumentException when the payload is not an array of machine objects
     */
    public static List<Observation.PlatformMachine> parse(JsonNode array, String serviceId, String app,
                                                          Clock clock, Duration stuckAfter) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of machines, got "
                    + (array == null ? "nothing" : array.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Observation.PlatformMachine> out = new ArrayList<>();
        for (JsonNode m : array) {
            if (!m.isObject()) {
                throw new IllegalArgumentException("expected machine objects in the array, got " + m.getNodeType());
            }
            out.add(machine(m, serviceId, app, clock, stuckAfter));
        }
        return out;
    }

    static Observation.PlatformMachine machine(JsonNode m, String serviceId, String app, Clock clock,
                                               Duration stuckAfter) {
        String state = text(m, "state");
        Instant updatedAt = instant(text(m, "updated_at"));
        Instant since = updatedAt != null ? updatedAt : instant(text(m, "created_at"));
        boolean stuck = false;
        if (state != null && TRANSIENT.contains(state) && since != null) {
            Duration limit = SLOW.contains(state) ? stuckAfter.multipliedBy(2) : stuckAfter;
            stuck = Duration.between(since, clock.instant()).compareTo(limit) > 0;
        }
        List<Observation.MachineCheck> checks = new ArrayList<>();
        for (JsonNode c : m.path("checks")) {
            checks.add(new Observation.MachineCheck(text(c, "name"), text(c, "status"), text(c, "output")));
        }
        List<Observation.MachineEvent> events = new ArrayList<>();
        for (JsonNode e : m.path("events")) {
            events.add(event(e));
        }
        // read before the cap below, which could drop an old start behind many newer events
        Instant startedAt = Observation.PlatformMachine.lastStart(events);
        // the API lists events newest first; keep the most recent ones whatever the order
        events.sort((a, b) -> {
            if (a.timestamp() == null || b.timestamp() == null) {
                return a.timestamp() == null ? (b.timestamp() == null ? 0 : 1) : -1;
            }
            return b.timestamp().compareTo(a.timestamp());
        });
        if (events.size() > MAX_EVENTS) {
            events = new ArrayList<>(events.subList(0, MAX_EVENTS));
        }
        return new Observation.PlatformMachine(serviceId, Source.FLY, app, text(m, "id"), text(m, "name"), state, stuck,
                text(m, "region"), imageRef(m.path("image_ref"), text(m.path("config"), "image")),
                text(m, "host_status"), checks, events, updatedAt, startedAt);
    }

    static Observation.MachineEvent event(JsonNode e) {
        Instant timestamp = e.path("timestamp").canConvertToLong() ? Instant.ofEpochMilli(e.path("timestamp").asLong())
                : null;
        JsonNode request = e.path("request");
        JsonNode exit = request.path("exit_event");
        Integer exitCode = exit.path("exit_code").isIntegralNumber() ? exit.path("exit_code").asInt() : null;
        Boolean oom = exit.path("oom_killed").isBoolean() ? exit.path("oom_killed").asBoolean() : null;
        List<String> details = new ArrayList<>();
        if (request.path("restart_count").isIntegralNumber() && request.path("restart_count").asInt() > 0) {
            details.add("restart_count=" + request.path("restart_count").asInt());
        }
        if (exit.path("signal").isIntegralNumber() && exit.path("signal").asInt() > 0) {
            details.add("signal=" + exit.path("signal").asInt());
        }
        if (exit.path("requested_stop").asBoolean(false)) {
            details.add("requested_stop");
        }
        if (exit.path("restarting").asBoolean(false)) {
            details.add("restarting");
        }
        for (String key : new String[] {"error", "message", "reason"}) {
            String v = text(request, key);
            if (v != null && !v.isBlank()) {
                details.add(FlyText.clean(v, 300));
            }
        }
        return new Observation.MachineEvent(text(e, "type"), text(e, "status"), text(e, "source"), timestamp,
                exitCode, oom, details.isEmpty() ? null : String.join("; ", details));
    }

    /** {@code registry/repository:tag@digest}, from the parts present; the config's image when there is no ref. */
    static String imageRef(JsonNode ref, String configImage) {
        String repository = text(ref, "repository");
        if (repository == null) {
            return configImage;
        }
        StringBuilder b = new StringBuilder();
        String registry = text(ref, "registry");
        if (registry != null && !registry.isBlank()) {
            b.append(registry).append('/');
        }
        b.append(repository);
        String tag = text(ref, "tag");
        if (tag != null && !tag.isBlank()) {
            b.append(':').append(tag);
        }
        String digest = text(ref, "digest");
        if (digest != null && !digest.isBlank()) {
            b.append('@').append(digest);
        }
        return b.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
