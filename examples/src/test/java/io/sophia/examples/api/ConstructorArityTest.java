package io.sophia.examples.api;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, "records with many optional parts get builders or small factories; no public constructor with eight
 * positional arguments and nulls": over the public API of the library modules, a public constructor of eight or more
 * parameters is only a record's canonical one (Java makes it public with the record). A shorter overload that fills
 * the rest with nulls is what a builder is for. An exception would be listed with its reason in {@code KNOWN} (empty
 * now); that list may only shrink (the test names an entry that no longer applies).
 */
class ConstructorArityTest {

    private static final List<String> MODULES = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report");
    private static final int MANY = 8;

    /**
     * Telescoping constructors still public, by "Type(arity)", with why they stay for now. Empty since the last six went:
     * HttpCheck (9), PlatformMachine (13) and KnowledgeBase.Settings (8, 9, 10) have builders; KnowledgeBase.Rule (11)
     * is built from rule files only, and its canonical constructor takes a null {@code weak} to derive it.
     */
    private static final Map<String, String> KNOWN = Map.of();

    @Test
    void noPublicConstructorOfManyPositionalArgumentsButARecordsCanonicalOne() throws Exception {
        TreeSet<String> found = new TreeSet<>();
        for (String module : MODULES) {
            Path classes = Path.of("..", module, "target/classes");
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (name.contains(".internal.") || name.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                    if (!Modifier.isPublic(c.getModifiers())) {
                        continue;
                    }
                    for (Constructor<?> k : c.getConstructors()) {
                        if (k.getParameterCount() >= MANY && !canonical(c, k)) {
                            found.add(c.getName() + "(" + k.getParameterCount() + ")");
                        }
                    }
                }
            }
        }
        List<String> unknown = new ArrayList<>(found);
        unknown.removeAll(KNOWN.keySet());
        assertEquals(List.of(), unknown, "public constructors of " + MANY + "+ positional parameters; give the type a "
                + "builder or a small factory instead");
        TreeSet<String> gone = new TreeSet<>(KNOWN.keySet());
        gone.removeAll(found);
        assertEquals(new TreeSet<>(), gone, "no longer there: remove from KNOWN");
    }

    private static boolean canonical(Class<?> c, Constructor<?> k) {
        if (!c.isRecord()) {
            return false;
        }
        Class<?>[] components = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        return Arrays.equals(components, k.getParameterTypes());
    }
}
