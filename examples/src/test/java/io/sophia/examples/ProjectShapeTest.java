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
 * reading), no module imports another module's {@code .internal}, no new package cycle.
 */
class ProjectShapeTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report", "examples");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.sophia[\\w.]*?)\\.[A-Z]",
            Pattern.MULTILINE);

    /** The CLI's own code: commands, arguments, terminal output (not the demo's stand-ins, benchmarks or evaluations). */
    private static List<Path> cliSources() throws IOException {
        Path base = Path.of("src/main/java/io/sophia/examples");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(base); Stream<Path> internal = Files.list(base.resolve("internal"))) {
            top.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            internal.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        return files;
    }

    @Test
    void theCliIsAThinShellOverTheLibrary() throws IOException {
        long lines = 0;
        for (Path f : cliSources()) {
            String text = Files.readString(f);
            lines += text.lines().count();
            assertTrue(!text.matches("(?s).*(YAMLFactory|JsonParser|InputTree\\.(parse|read)\\(|ConfigReader).*"),
                    f + " reads config itself; that is the library's job (DeploymentConfig)");
        }
        System.out.println("CLI code: " + lines + " lines");
        assertTrue(lines < 800, "the CLI's own code has " + lines + " lines");
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
    void noNewPackageCycle() {
        Map<String, Set<String>> edges = new HashMap<>();
        forEachMainSource((module, file, text) -> {
            Matcher p = PACKAGE.matcher(text);
            if (!p.find()) {
                return;
            }
            String pkg = p.group(1);
            Matcher m = IMPORT.matcher(text);
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
        // known debt, to be removed, never added to: the report codec throws the API's ReportFormatException
        Set<String> known = Set.of("io.sophia.report <-> io.sophia.report.internal");
        cycles.removeAll(known);
        assertEquals(Set.of(), cycles);
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
