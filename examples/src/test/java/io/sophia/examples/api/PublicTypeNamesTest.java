package io.sophia.examples.api;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "One {@code Status}; no public type whose simple name clashes with another public type": over the public
 * API of all library modules and the CLI (the listing {@link PublicApiTest} compares with its baselines), no two types
 * share a simple name, so a host never imports the wrong {@code Pipeline} or {@code Status}. A nested builder or
 * options type is named by its enclosing type ({@code Service.Builder}) and may repeat.
 */
class PublicTypeNamesTest {

    private static final List<String> MODULES = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report", "examples");
    private static final Pattern TYPE = Pattern.compile("^\\S.*?(?:class|interface|record|enum|@interface) ([\\w.]+)");
    /** Nested type names that only ever stand after their enclosing type's name. */
    private static final Set<String> QUALIFIED_BY_THEIR_OWNER = Set.of("Builder", "Options");

    @Test
    void noTwoPublicTypesShareASimpleName() throws Exception {
        Map<String, List<String>> bySimpleName = new TreeMap<>();
        for (String module : MODULES) {
            for (String line : PublicApiTest.listing(Path.of("..", module, "target/classes"))) {
                Matcher m = TYPE.matcher(line);
                if (m.find()) {
                    String name = m.group(1);
                    bySimpleName.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>())
                            .add(name);
                }
            }
        }
        assertTrue(bySimpleName.size() > 100, "read the public types: " + bySimpleName.keySet());
        assertEquals(List.of("io.sophia.core.Status"), bySimpleName.get("Status"), "one Status");
        Map<String, List<String>> clashes = new TreeMap<>();
        bySimpleName.forEach((simple, names) -> {
            if (names.size() > 1 && !QUALIFIED_BY_THEIR_OWNER.contains(simple)) {
                clashes.put(simple, names);
            }
        });
        assertEquals(Map.of(), clashes, "public types that share a simple name");
    }
}
