package io.sophia.diagnosis.internal.reasoning;

import java.util.Map;
import java.util.TreeMap;

/**
 * One normalised piece of what was observed, in the shape rules match: a type from
 * {@code FactTypes}, the attributes rules test, and the values templates print.
 *
 * @param type      fact type ({@code log}, {@code job} …)
 * @param serviceId the service it concerns, or null
 * @param subject   what repeats are counted by (a service, a job, an app): a rule matching facts of five
 *                  subjects is aggregated, not multiplied
 * @param runtime   a fact about the running service (probe, machine, TLS …), which a failed dependency
 *                  explains away
 * @param attrs     attribute -> value (text)
 * @param vars      placeholder -> value
 * @param order     sort key making extraction order irrelevant
 */
record Fact(String type, String serviceId, String subject, boolean runtime, Map<String, String> attrs,
            Map<String, String> vars, String order) {

    Fact {
        attrs = java.util.Collections.unmodifiableMap(new TreeMap<>(attrs));
        vars = java.util.Collections.unmodifiableMap(new TreeMap<>(vars));
    }
}
