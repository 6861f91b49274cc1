package io.sophia.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.GateDecision;
import io.sophia.core.Assessor;
import io.sophia.core.Probe;
import io.sophia.core.Service;
import io.sophia.core.Status;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.probes.HttpProbe;
import io.sophia.probes.ProbeRunner;
import io.sophia.report.AssessmentAssert;
import io.sophia.report.ReportFiles;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Use it as a library" snippet, run against a real loopback server. */
class LibraryUsageTest {

    @Test
    void theReadmeSnippetProbesDiagnosesAndWritesTheReports(@TempDir Path out) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Deployment deployment = new Deployment("shop", List.of(Service.http("api", url)));
            // the README's snippet but its 5 s timeout: 30 s, a hang guard (the runner's default 10 s still bounds it)
            List<Probe> probes = List.of(HttpProbe.of(deployment.services().get(0), Duration.ofSeconds(30)));
            Assessment a = new Assessor(ProbeRunner.ofDefaults(), Diagnosis.ofDefaults(), Clock.systemUTC())
                    .run(deployment, probes);
            List<Path> written = ReportFiles.writeAll(a, out);
            AssessmentAssert.assertThat(a).gateIsOpen().serviceIsUp("api").hasNoCauses();

            assertEquals(4, written.size());
            assertTrue(Files.readString(out.resolve("report.md")).contains("api"));
            server.stop(0);
            // the same smoke test fails, with a message that explains itself, once the service is gone
            Assessment down = new Assessor(ProbeRunner.ofDefaults(), Diagnosis.ofDefaults(), Clock.systemUTC())
                    .run(deployment, probes);
            assertEquals(Status.DOWN, down.service("api").orElseThrow().status());
            assertNotEquals(GateDecision.Verdict.OPEN, down.gate().status());
            AssertionError e = assertThrows(AssertionError.class, () -> AssessmentAssert.assertThat(down).serviceIsUp("api"));
            assertTrue(e.getMessage().contains("Expecting service api to be UP but was DOWN"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }
}
