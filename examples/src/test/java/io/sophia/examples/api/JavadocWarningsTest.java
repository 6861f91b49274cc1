package io.sophia.examples.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, "0 Javadoc warnings": the Javadoc that {@code mvn -Prelease} publishes (the public packages of the five
 * published modules, {@code .internal} left out, doclint all, the standard doclet with its serialized-form pages)
 * has no warning. The release profile fails on a warning too, but it is not part of {@code mvn verify}, so a missing
 * comment showed only at release time; here it fails the normal build.
 */
class JavadocWarningsTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> PUBLISHED = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report", "examples");
    /** The root package of each published module, with its subpackages; the .internal ones are excluded below. */
    private static final List<String> INTERNAL = List.of("io.sophia.core.internal", "io.sophia.probes.internal",
            "io.sophia.diagnosis.internal", "io.sophia.report.internal", "io.sophia.examples.internal");

    @Test
    void thePublishedJavadocHasNoWarning(@TempDir Path out) throws Exception {
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String sourcePath = PUBLISHED.stream().map(m -> ROOT.resolve(m).resolve("src/main/java").toString())
                .collect(Collectors.joining(File.pathSeparator));
        // doclint as the release profile's run sees it: the internal packages are parsed (the public API refers to
        // them) but neither documented nor checked
        String notInternal = INTERNAL.stream().map(p -> "-" + p + ",-" + p + ".*").collect(Collectors.joining(","));
        List<String> options = List.of("-Xdoclint:all", "-Xdoclint/package:" + notInternal, "-Xmaxwarns", "10000", "-quiet", "-encoding", "UTF-8",
                "-d", out.toString(), "-sourcepath", sourcePath, "-classpath", System.getProperty("java.class.path"),
                "-subpackages", "io.sophia", "-exclude", String.join(":", INTERNAL));
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            ok = javadoc.getTask(log, files, diagnostics, null, options, null).call();
        }
        List<String> warnings = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getKind() + ": " + d.getMessage(Locale.ROOT))
                .toList();
        assertTrue(ok, "javadoc failed: " + log + warnings);
        assertTrue(out.resolve("io/sophia/report/Sophia.html").toFile().isFile(), "the facade's page was written");
        assertTrue(!out.resolve("io/sophia/report/internal").toFile().exists(), "internal packages are left out");
        assertEquals(List.of(), warnings, "Javadoc warnings of the published API");
    }
}
