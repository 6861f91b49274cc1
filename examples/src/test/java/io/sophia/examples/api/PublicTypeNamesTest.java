package io.sophia.examples.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, "One {@code Status}; no public type whose simple name clashes with another public type": over the public
 * API of all library modules and the CLI (the listing {@link PublicApiTest} compares with its baselines), no two types
 * share a simple name, so a host never imports the wrong {@code Pipeline} or {@code Status}. A nested builder or
 * options type is named by its enclosing type ({@code Service.Builder}) and may repeat.
 *
 * <p>The same holds for every public type, {@code .internal} ones included: an engine type named like the API type it
 * is translated from ({@code Knowledge.Rule} beside {@code KnowledgeBase.Rule}) makes a reader, a stack trace or an
 * IDE's completion say the one where the other is meant, so the internal one is named for what it is
 * ({@code Knowledge.CompiledRule}).
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

    @Test
    void noTwoPublicTypesShareASimpleNameInternalOnesIncluded() throws Exception {
        Map<String, List<String>> bySimpleName = new TreeMap<>();
        for (String module : MODULES) {
            Path classes = Path.of("..", module, "target/classes");
            assertTrue(Files.isDirectory(classes), "compile " + module + " first: " + classes + " is missing");
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (name.endsWith("package-info") || name.endsWith("module-info")) {
                        continue;
                    }
                    Class<?> c = Class.forName(name, false, PublicTypeNamesTest.class.getClassLoader());
                    if (isPublic(c)) {
                        bySimpleName.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>())
                                .add(c.getName().replace('$', '.'));
                    }
                }
            }
        }
        assertTrue(bySimpleName.containsKey("CompiledRule") && bySimpleName.containsKey("LogScan"),
                "read the internal types too: " + bySimpleName.keySet());
        Map<String, List<String>> clashes = new TreeMap<>();
        bySimpleName.forEach((simple, names) -> {
            if (names.size() > 1 && !QUALIFIED_BY_THEIR_OWNER.contains(simple)) {
                clashes.put(simple, names);
            }
        });
        assertEquals(Map.of(), clashes, "public types (internal ones included) that share a simple name; name the "
                + "internal one for what it is (an engine's CompiledRule beside the API's Rule)");
    }

    /** Public (or protected), top-level or nested in types that are all public too; not local, anonymous or synthetic. */
    private static boolean isPublic(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) && !Modifier.isProtected(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }
}
