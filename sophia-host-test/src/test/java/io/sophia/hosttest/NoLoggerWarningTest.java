package io.sophia.hosttest;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Service;
import io.sophia.core.Status;
import io.sophia.report.Sophia;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: "The library logs through SLF4J API or System.Logger only and never binds a logger; no 'no SLF4J
 * providers' warning in a host's test run." This module's own test class path has the CLI and its logger binding
 * (to compare with it), so the host runs in a JVM of its own on the library modules' class path alone, with no
 * binding: it checks a loopback service through the probes and explains a log, and its standard error must be empty.
 */
class NoLoggerWarningTest {

    /** A host with no logger binding: a check through the probe runner and an explain of a log. */
    public static final class QuietHost {
        public static void main(String[] args) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", ex -> {
                ex.sendResponseHeaders(200, -1);
                ex.close();
            });
            server.start();
            try {
                Assessment checked = Sophia.builder(new Deployment("quiet", List.of(Service.http("api",
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/health")))).build().check();
                Assessment explained = Sophia.explain(new StringReader("ERROR: failed to solve: process \"/bin/sh -c "
                        + "make\" did not complete successfully: exit code: 2\n"));
                System.out.println(checked.services().get(0).status() + " " + explained.causes().get(0).id().value());
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void aHostWithoutALoggerBindingGetsNoSlf4jWarning() throws Exception {
        String libraryOnly = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("slf4j-simple") && !p.contains("logback") && !p.contains("log4j"))
                .filter(p -> !Path.of(p).getFileName().toString().startsWith("examples"))
                .filter(p -> !p.replace('\\', '/').contains("/examples/target/"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(libraryOnly.contains("slf4j-api"), "the library brings the SLF4J API (through resilience4j)");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", libraryOnly, QuietHost.class.getName())
                .start();
        p.getOutputStream().close();
        byte[] out;
        byte[] err;
        try (var o = p.getInputStream(); var e = p.getErrorStream()) {
            var errRead = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return e.readAllBytes();
                } catch (IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
            out = o.readAllBytes();
            // a hang guard only: the host answers from loopback at once
            assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the host did not end");
            err = errRead.get();
        }
        String stdout = new String(out, StandardCharsets.UTF_8);
        String stderr = new String(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stdout + stderr);
        assertEquals(Status.UP + " build.dockerfile", stdout.strip(), stderr);
        assertFalse(stderr.contains("SLF4J"), stderr);
        assertEquals("", stderr.strip());
    }
}
