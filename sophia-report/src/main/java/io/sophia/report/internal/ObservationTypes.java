package io.sophia.report.internal;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.sophia.core.Observation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code type} of each observation kind in report.json, derived from the sealed
 * {@link Observation} hierarchy: the record's simple name in kebab case ({@code HttpCheck} is
 * {@code http-check}). A kind added to core is written, read and validated without another list
 * to update; the golden files and the schema test pin the names.
 */
public final class ObservationTypes {

    private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

    static {
        for (Class<?> kind : Observation.class.getPermittedSubclasses()) {
            NAMES.put(kind, kebab(kind.getSimpleName()));
        }
    }

    private ObservationTypes() {
    }

    /** The type id of every kind, in declaration order. */
    public static List<String> names() {
        return List.copyOf(NAMES.values());
    }

    /** The type id of {@code o}'s kind. */
    public static String name(Observation o) {
        return NAMES.get(o.getClass());
    }

    static NamedType[] namedTypes() {
        return NAMES.entrySet().stream().map(e -> new NamedType(e.getKey(), e.getValue())).toArray(NamedType[]::new);
    }

    static String kebab(String simpleName) {
        return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
