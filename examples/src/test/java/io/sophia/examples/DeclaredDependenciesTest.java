package io.sophia.examples;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, "Every declared dependency is used": each module's declared dependencies are read from its pom (the
 * scope from the parent's dependencyManagement where the module gives none), and each must be referenced by the
 * sources of its scope: a compile dependency by {@code src/main}, a test one by {@code src/test}. A logging binding
 * is used without being referenced; it is listed below with its reason. A dependency this test does not know fails
 * it until its package is named here, so a new one is checked too.
 */
class DeclaredDependenciesTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> MODULES = List.of("sophia-core", "sophia-probes", "sophia-diagnosis",
            "sophia-report", "examples", "sophia-host-test");

    /** artifactId: the package its classes are referred to by. */
    private static final Map<String, String> PACKAGE = Map.ofEntries(
            Map.entry("sophia-core", "io.sophia.core"),
            Map.entry("sophia-probes", "io.sophia.probes"),
            Map.entry("sophia-diagnosis", "io.sophia.diagnosis"),
            Map.entry("sophia-report", "io.sophia.report"),
            Map.entry("examples", "io.sophia.examples"),
            Map.entry("jackson-databind", "com.fasterxml.jackson.databind"),
            Map.entry("jackson-dataformat-yaml", "com.fasterxml.jackson.dataformat.yaml"),
            Map.entry("jackson-datatype-jsr310", "com.fasterxml.jackson.datatype.jsr310"),
            Map.entry("guava", "com.google.common"),
            Map.entry("commons-text", "org.apache.commons.text"),
            Map.entry("re2j", "com.google.re2j"),
            Map.entry("resilience4j-timelimiter", "io.github.resilience4j.timelimiter"),
            Map.entry("resilience4j-retry", "io.github.resilience4j.retry"),
            Map.entry("resilience4j-bulkhead", "io.github.resilience4j.bulkhead"),
            Map.entry("resilience4j-circuitbreaker", "io.github.resilience4j.circuitbreaker"),
            Map.entry("okhttp-jvm", "okhttp3"),
            Map.entry("okhttp-sse", "okhttp3.sse"),
            Map.entry("okhttp-tls", "okhttp3.tls"),
            Map.entry("mockwebserver3", "mockwebserver3"),
            Map.entry("micrometer-registry-prometheus", "io.micrometer.prometheusmetrics"),
            Map.entry("junit-jupiter", "org.junit.jupiter"),
            Map.entry("jqwik", "net.jqwik"),
            Map.entry("mcp", "io.modelcontextprotocol"),
            Map.entry("jetty-server", "org.eclipse.jetty.server"),
            Map.entry("jetty-ee10-servlet", "org.eclipse.jetty.ee10.servlet"),
            Map.entry("bcpkix-jdk18on", "org.bouncycastle"),
            Map.entry("json-schema-validator", "com.networknt.schema"));

    /** Used at run time without a reference in the code: module/artifactId, with the reason. */
    private static final Map<String, String> BINDINGS = Map.of(
            "examples/slf4j-simple", "the CLI binds the logger (issue 11: the library never binds one)",
            "sophia-probes/slf4j-simple", "resilience4j and the tests' MCP SDK and Jetty servers log through SLF4J; without a "
                    + "binding every test JVM prints the no-provider warning",
            "sophia-report/slf4j-simple", "resilience4j (through sophia-probes) logs through SLF4J; without a binding every test JVM "
                    + "prints the no-provider warning");

    record Dependency(String module, String artifactId, String scope) {
    }

    @Test
    void everyDeclaredDependencyIsReferencedBySourcesOfItsScope() throws Exception {
        Map<String, String> managedScope = managedScopes();
        List<String> unused = new ArrayList<>();
        List<Dependency> all = new ArrayList<>();
        for (String module : MODULES) {
            for (Dependency d : dependencies(module, managedScope)) {
                all.add(d);
                if (BINDINGS.containsKey(module + "/" + d.artifactId())) {
                    continue;
                }
                String pkg = PACKAGE.get(d.artifactId());
                assertTrue(pkg != null, d + ": name the package of this new dependency in DeclaredDependenciesTest");
                String sources = d.scope().equals("test") ? "src/test" : "src/main";
                if (!referenced(ROOT.resolve(module).resolve(sources), pkg + ".")) {
                    unused.add(d + " is not referenced in " + module + "/" + sources + " (" + pkg + ")");
                }
            }
        }
        assertTrue(all.size() > 40, "read the poms: " + all);
        assertEquals(List.of(), unused, "declared dependencies that the sources of their scope never use");
    }

    private static boolean referenced(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                try {
                    return JavaText.code(Files.readString(f)).contains(prefix);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> managedScopes() throws Exception {
        Map<String, String> scopes = new HashMap<>();
        Element managed = child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "dependencyManagement");
        for (Element d : children(child(managed, "dependencies"), "dependency")) {
            Element scope = child(d, "scope");
            if (scope != null) {
                scopes.put(text(d, "artifactId"), scope.getTextContent().strip());
            }
        }
        return scopes;
    }

    private static List<Dependency> dependencies(String module, Map<String, String> managedScope) throws Exception {
        List<Dependency> out = new ArrayList<>();
        Element deps = child(pom(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "dependencies");
        for (Element d : children(deps, "dependency")) {
            String artifact = text(d, "artifactId");
            Element scope = child(d, "scope");
            out.add(new Dependency(module, artifact, scope != null ? scope.getTextContent().strip()
                    : managedScope.getOrDefault(artifact, "compile")));
        }
        return out;
    }

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }
}
