package io.sophia.examples.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The public API of each module, listed from its compiled classes by reflection (public types
 * outside {@code .internal} packages, with their public and protected constructors, methods and
 * fields), compared with the committed baseline {@code api/<module>.txt}. A change to a public
 * signature then fails the build until the baseline is updated on purpose, so it shows in review
 * as a diff of that file, as OkHttp's and Micrometer's API checks do.
 *
 * <p>Update the baselines after a deliberate change (the README says so too):
 * {@code mvn -B -q -pl examples -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false -Dsophia.api.update=true}
 *
 * <p>It lives in the examples module because that module sees every library module on its class
 * path; each module's own classes are read from its {@code target/classes}.
 */
class PublicApiTest {

    static final String UPDATE_COMMAND = "mvn -B -q -pl examples -am test -Dtest=PublicApiTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dsophia.api.update=true";

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sophia-core", "sophia-probes", "sophia-diagnosis", "sophia-report", "examples"})
    void the_public_api_matches_its_baseline(String module) throws Exception {
        Path classes = ROOT.resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes), "compile " + module + " first: " + classes + " is missing");
        List<String> actual = listing(classes);
        Path baseline = ROOT.resolve("api").resolve(module + ".txt");
        if (Boolean.getBoolean("sophia.api.update")) {
            Files.createDirectories(baseline.getParent());
            Files.write(baseline, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.isRegularFile(baseline)) {
            fail("no API baseline for " + module + " at api/" + module + ".txt; create it with:\n  " + UPDATE_COMMAND);
        }
        List<String> expected = Files.readAllLines(baseline, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Set<String> removed = new LinkedHashSet<>(expected);
            actual.forEach(removed::remove);
            Set<String> added = new LinkedHashSet<>(actual);
            expected.forEach(added::remove);
            fail("The public API of " + module + " differs from api/" + module + ".txt.\n"
                    + (removed.isEmpty() ? "" : "No longer public (a break for callers):\n"
                    + removed.stream().map(l -> "  - " + l.strip()).collect(Collectors.joining("\n")) + "\n")
                    + (added.isEmpty() ? "" : "New or changed public API:\n"
                    + added.stream().map(l -> "  + " + l.strip()).collect(Collectors.joining("\n")) + "\n")
                    + (removed.isEmpty() && added.isEmpty() ? "Only the order of the listing changed.\n" : "")
                    + "If the change is intended, update the baseline and commit it with the change:\n  " + UPDATE_COMMAND);
        }
    }

    /** The listing of every public type under {@code classes}: one line per type, then one indented line per member. */
    static List<String> listing(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                if (name.endsWith("package-info") || name.endsWith("module-info") || name.contains(".internal.")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (visible(c)) {
                    types.add(c);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        List<String> out = new ArrayList<>();
        for (Class<?> c : types) {
            out.add(header(c));
            TreeSet<String> members = new TreeSet<>();
            for (Field f : c.getDeclaredFields()) {
                if (api(f.getModifiers()) && !f.isSynthetic()) {
                    members.add(mods(f.getModifiers()) + name(f.getGenericType()) + " " + f.getName());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (api(k.getModifiers()) && !k.isSynthetic()) {
                    members.add(mods(k.getModifiers()) + c.getSimpleName() + params(k));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if ((api(m.getModifiers()) || c.isInterface() && !Modifier.isPrivate(m.getModifiers()))
                        && !m.isSynthetic() && !m.isBridge()) {
                    members.add(mods(m.getModifiers() & ~(c.isInterface() ? Modifier.ABSTRACT : 0))
                            + (m.isDefault() ? "default " : "") + name(m.getGenericReturnType()) + " " + m.getName()
                            + params(m));
                }
            }
            members.forEach(m -> out.add("  " + m));
        }
        return out;
    }

    /** Public, and reachable: not local or anonymous, and every enclosing type visible too. */
    private static boolean visible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!api(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean api(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String header(Class<?> c) {
        String kind = c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
                : c.isRecord() ? "record" : "class";
        int m = c.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL
                | (c.isInterface() ? 0 : Modifier.ABSTRACT));
        if (c.isEnum() || c.isRecord() || c.isInterface()) {
            m &= ~(Modifier.FINAL | Modifier.STATIC);
        }
        StringBuilder b = new StringBuilder(mods(m)).append(c.isSealed() ? "sealed " : "").append(kind).append(' ')
                .append(c.getName().replace('$', '.'));
        Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
            b.append(" extends ").append(name(sup));
        }
        Type[] ifaces = c.getGenericInterfaces();
        if (ifaces.length > 0) {
            b.append(c.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(ifaces).map(PublicApiTest::name).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    private static String mods(int m) {
        String s = Modifier.toString(m & ~(Modifier.SYNCHRONIZED | Modifier.NATIVE | Modifier.TRANSIENT
                | Modifier.VOLATILE | Modifier.STRICT));
        return s.isEmpty() ? "" : s + " ";
    }

    private static String params(Executable e) {
        String p = Arrays.stream(e.getGenericParameterTypes()).map(PublicApiTest::name).collect(Collectors.joining(", "));
        if (e.isVarArgs()) {
            p = p.substring(0, p.length() - 2) + "...";
        }
        Type[] thrown = e.getGenericExceptionTypes();
        return "(" + p + ")" + (thrown.length == 0 ? ""
                : " throws " + Arrays.stream(thrown).map(PublicApiTest::name).collect(Collectors.joining(", ")));
    }

    private static String name(Type t) {
        return t.getTypeName().replace("java.lang.", "").replace('$', '.');
    }
}
