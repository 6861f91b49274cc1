package io.sophia.examples;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compiles host source code the way an outside Maven project depending on the library would see it: the
 * class path is this test's, minus the examples module's own classes (so the CLI, the demo's stand-ins and
 * the tests are invisible to the compiler). What compiles uses the library modules only.
 */
final class LibraryOnlyCompiler {

    private LibraryOnlyCompiler() {
    }

    /** The test class path without {@code examples/target/classes} and {@code examples/target/test-classes}. */
    static String libraryClassPath() {
        Path examplesTarget = Path.of("target").toAbsolutePath().normalize();
        List<String> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().normalize().startsWith(examplesTarget))
                .toList();
        assertTrue(entries.stream().anyMatch(e -> e.contains("sophia-report")), "sophia-report is on the class path");
        return String.join(File.pathSeparator, entries);
    }

    /** Compiles {@code source} (one top-level class {@code className}, default package) and loads it. */
    static Class<?> compile(String className, String source, Path workDir) throws IOException, ClassNotFoundException {
        Path src = workDir.resolve("src");
        Path classes = workDir.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        Path file = src.resolve(className + ".java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK compiler is available");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("-classpath", libraryClassPath(), "-d", classes.toString(), "--release", "17", "-Xlint:none"),
                    null, files.getJavaFileObjects(file)).call();
            String messages = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n"));
            assertTrue(ok, "the host program compiles against the library modules alone:\n" + messages);
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                LibraryOnlyCompiler.class.getClassLoader());
        return loader.loadClass(className);
    }
}
