package io.sophia.hosttest;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The host stays outside the project: this module's pom gives its main code the library modules alone (the
 * examples module, with the CLI and the demo fleet, is for the tests only), and the host's sources import
 * nothing but the library modules' public API and the JDK.
 */
class HostDependenciesTest {

    private static final Set<String> LIBRARY_MODULES =
            Set.of("sophia-core", "sophia-probes", "sophia-diagnosis", "sophia-report");
    private static final Pattern LIBRARY_OR_JDK_IMPORT =
            Pattern.compile("import (java\\.[a-z.]+|io\\.sophia\\.(core|probes|diagnosis|report))\\.[A-Z]\\w*;");

    @Test
    void theMainCodeDependsOnTheLibraryModulesOnly() throws Exception {
        List<String> main = mainDependencies(Files.readAllBytes(Path.of("pom.xml")));
        assertTrue(main.contains("io.sophia:sophia-report"), "the host depends on the facade: " + main);
        assertEquals(List.of(), main.stream().filter(d -> !isLibraryModule(d)).toList(),
                "dependencies of the host's main code that are not library modules");
    }

    @Test
    void theCheckCatchesTheCliAtCompileScope() throws Exception {
        String pom = """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><dependencies>
                  <dependency><groupId>io.sophia</groupId><artifactId>sophia-report</artifactId></dependency>
                  <dependency><groupId>io.sophia</groupId><artifactId>examples</artifactId></dependency>
                  <dependency><groupId>io.sophia</groupId><artifactId>sophia-probes</artifactId><scope>runtime</scope></dependency>
                  <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                </dependencies></project>""";
        List<String> main = mainDependencies(pom.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("io.sophia:sophia-report", "io.sophia:examples", "io.sophia:sophia-probes"), main);
        assertFalse(isLibraryModule("io.sophia:examples"));
        assertFalse(isLibraryModule("com.example:sophia-core"));
    }

    @Test
    void theHostImportsThePublicLibraryApiAndTheJdkOnly() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        for (Path f : sources) {
            Files.readString(f).lines().filter(l -> l.startsWith("import "))
                    .filter(l -> !LIBRARY_OR_JDK_IMPORT.matcher(l).matches())
                    .forEach(l -> offences.add(f + ": " + l));
        }
        assertEquals(List.of(), offences, "public library API or the JDK only");
    }

    private static boolean isLibraryModule(String coordinates) {
        return coordinates.startsWith("io.sophia:") && LIBRARY_MODULES.contains(coordinates.substring(10));
    }

    /** groupId:artifactId of each dependency the main code sees: every scope but test (compile is the default). */
    private static List<String> mainDependencies(byte[] pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom));
        List<String> result = new ArrayList<>();
        // the project's own dependencies: direct children of project/dependencies, not dependencyManagement's
        for (Element deps : children(doc.getDocumentElement(), "dependencies")) {
            for (Element d : children(deps, "dependency")) {
                if (!"test".equals(text(d, "scope"))) {
                    result.add(text(d, "groupId") + ":" + text(d, "artifactId"));
                }
            }
        }
        return result;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().strip();
    }
}
