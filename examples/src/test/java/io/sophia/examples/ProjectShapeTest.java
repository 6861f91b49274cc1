package io.sophia.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape issue 12 asks for, kept so: the CLI is a thin shell (its own code under 800 lines, no config
 * reading), no module imports another module's {@code .internal}, no package cycle, methods that read in one
 * screen.
 */
class ProjectShapeTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report", "examples", "sophia-host-test");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.sophia[\\w.]*?)\\.[A-Z]",
            Pattern.MULTILINE);
    /** A reference to a type of Sophia's: group 1 is its package. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.sophia(?:\\.[a-z_]\\w*)*)\\.[A-Z]");
    /** A screen: a method longer than this does not read at a glance. */
    private static final int SCREEN = 60;

    private static final Path CLI = Path.of("src/main/java/io/sophia/examples");

    /**
     * Packages beside the CLI that are not its own code: the demo's stand-ins, benchmarks and evaluations, and the
     * Prometheus metrics of watch (they live in the examples module so that the library modules gain no metrics
     * dependency, issue 11; an exporter and a listener a host can bind, not commands, arguments or terminal output).
     */
    private static final Set<String> BESIDE_THE_CLI = Set.of("demo", "bench", "eval", "metrics");

    /** The CLI's own code: commands, arguments, terminal output (not the demo's stand-ins, benchmarks or evaluations). */
    private static List<Path> cliSources() throws IOException {
        try (Stream<Path> all = Files.walk(CLI)) {
            return all.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !BESIDE_THE_CLI.contains(CLI.relativize(p).getName(0).toString()))
                    .sorted().toList();
        }
    }

    @Test
    void theCliIsAThinShellOverTheLibrary() throws IOException {
        long lines = 0;
        Map<String, Long> byFile = new java.util.TreeMap<>();
        List<Path> sources = cliSources();
        assertTrue(sources.contains(CLI.resolve("Main.java")) && sources.contains(CLI.resolve("cli/Version.java"))
                && sources.contains(CLI.resolve("internal/Commands.java")), "counts the cli package too: " + sources);
        for (Path f : sources) {
            String text = Files.readString(f);
            lines += text.lines().count();
            byFile.put(CLI.relativize(f).toString(), text.lines().count());
            assertTrue(!text.matches("(?s).*(YAMLFactory|JsonParser|InputTree\\.(parse|read)\\(|ConfigReader).*"),
                    f + " reads config itself; that is the library's job (DeploymentConfig)");
        }
        System.out.println("CLI code: " + lines + " lines");
        assertTrue(lines < 800, "the CLI's own code has " + lines + " lines: " + byFile);
    }

    @Test
    void noModuleImportsAnotherModulesInternals() {
        List<String> offences = new ArrayList<>();
        forEachMainSource((module, file, text) -> {
            String own = "io.sophia." + (module.startsWith("sophia-") ? module.substring(7) : module);
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String pkg = m.group(1);
                if (pkg.contains(".internal") && !pkg.startsWith(own + ".")) {
                    offences.add(file + " imports " + pkg);
                }
            }
        });
        assertEquals(List.of(), offences);
    }

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> edges = new HashMap<>();
        forEachMainSource((module, file, text) -> {
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                return;
            }
            String pkg = p.group(1);
            // imports and fully qualified names alike: a dependency written out in the code is one too
            Matcher m = REFERENCE.matcher(JavaText.code(text));
            while (m.find()) {
                if (!m.group(1).equals(pkg)) {
                    edges.computeIfAbsent(pkg, k -> new HashSet<>()).add(m.group(1));
                }
            }
        });
        Set<String> cycles = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : edges.entrySet()) {
            for (String to : e.getValue()) {
                if (reaches(edges, to, e.getKey(), new HashSet<>())) {
                    String a = e.getKey().compareTo(to) < 0 ? e.getKey() : to;
                    String b = a.equals(to) ? e.getKey() : to;
                    cycles.add(a + " <-> " + b);
                }
            }
        }
        assertEquals(Set.of(), cycles, "package cycles (an edge whose target reaches back to its source)");
    }


    /**
     * Issue 12, "one duration grammar": every duration a person writes (config, rule files, command-line options,
     * the benchmarks' options too) is read by {@code InputTree.parseDuration}; {@code Duration.parse} stands only there
     * and where report.json reads back the ISO-8601 text it wrote itself.
     */
    @Test
    void oneDurationGrammar() {
        Set<String> allowed = Set.of("InputTree.java", "ReportJson.java");
        List<String> offences = new ArrayList<>();
        forEachMainSource((module, file, text) -> {
            if (!allowed.contains(file.getFileName().toString()) && JavaText.code(text).contains("Duration.parse(")) {
                offences.add(file.toString());
            }
        });
        assertEquals(List.of(), offences, "a duration grammar of its own; use InputTree.parseDuration");
    }

    /**
     * Methods longer than a screen, with the reason each may stay so. Keep this list short: split a long method
     * rather than adding it here; an entry whose method got short must go (the test prints which).
     */
    private static final Map<String, String> LONG_METHODS = Map.ofEntries(
            Map.entry("DemoFleet.configYaml", "one YAML text block, the demo's config: data, not logic"),
            Map.entry("LineReader.next", "the log scanner's innermost loop over every character: its state lives "
                    + "in locals, written back only around rare calls; split, it would live in fields"));

    @Test
    void everyMethodReadsInOneScreen() {
        List<String> offences = new ArrayList<>();
        forEachMainSource((module, file, text) -> {
            for (JavaText.Method m : JavaText.methods(JavaText.code(text))) {
                String where = file.getFileName().toString().replace(".java", "") + "." + m.name();
                if (m.lines() > SCREEN && !LONG_METHODS.containsKey(where)) {
                    offences.add(where + " (" + file + ":" + m.line() + ") has " + m.lines() + " lines");
                }
            }
        });
        assertEquals(List.of(), offences, "methods longer than " + SCREEN + " lines");
        Set<String> stillLong = new HashSet<>();
        forEachMainSource((module, file, text) -> JavaText.methods(JavaText.code(text)).stream()
                .filter(m -> m.lines() > SCREEN)
                .forEach(m -> stillLong.add(file.getFileName().toString().replace(".java", "") + "." + m.name())));
        Set<String> stale = new TreeSet<>(LONG_METHODS.keySet());
        stale.removeAll(stillLong);
        // a note, not a failure: branches that rewrite a listed method would otherwise break on merge
        stale.forEach(m -> System.out.println("ProjectShapeTest: " + m + " is no longer long; remove it from LONG_METHODS"));
    }

    @Test
    void theMethodScanFindsMethodsAndSkipsStatements() {
        String code = JavaText.code("""
                class A {
                    /** a { brace in a comment */
                    @Override
                    public String toString() {
                        String s = "}{";
                        if (s.isEmpty()) {
                            return switch (s) { default -> "x"; };
                        }
                        Runnable r = () -> {
                        };
                        return s;
                    }
                    A(int a) throws java.io.IOException {
                    }
                }
                """);
        assertEquals(List.of(new JavaText.Method("toString", 3, 10), new JavaText.Method("A", 13, 2)),
                JavaText.methods(code));
        // a package-private static method is a method; a static initializer is not
        assertEquals(List.of(new JavaText.Method("f", 2, 2)), JavaText.methods(JavaText.code("""
                class B {
                    static int f(int x) {
                    }
                    static {
                    }
                }
                """)));
    }

    private static boolean reaches(Map<String, Set<String>> edges, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : edges.getOrDefault(from, Set.of())) {
            if (reaches(edges, next, to, seen)) {
                return true;
            }
        }
        return false;
    }

    private interface SourceVisitor {
        void visit(String module, Path file, String text);
    }

    private static void forEachMainSource(SourceVisitor visitor) {
        for (String module : MODULES) {
            Path src = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    try {
                        visitor.visit(module, f, Files.readString(f));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
