package io.sophia.examples.internal;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.diagnosis.Diagnosis;
import io.sophia.report.CheckRun;
import io.sophia.report.DeploymentConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    /** {@code n} services: every tenth hangs (READ_TIMEOUT), the last {@code notProbed} were never probed. */
    private static String summary(int n, int notProbed) throws Exception {
        List<Service> services = new ArrayList<>();
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "svc-" + i;
            String url = "http://127.0.0.1:" + (20_000 + i) + "/health";
            services.add(Service.http(id, url));
            if (i >= n - notProbed) {
                obs.add(new Observation.ProbeFailure(id, Source.HTTP, url, FailureKind.NOT_PROBED,
                        "not probed: the check's time budget ran out (3000 ms for the check, 1024 probes at once)",
                        null, Duration.ofSeconds(3), 0));
            } else if (i % 10 == 9) {
                obs.add(new Observation.ProbeFailure(id, Source.HTTP, url, FailureKind.READ_TIMEOUT,
                        "connected but no answer within 2000 ms", null, Duration.ofSeconds(2), 1));
            } else {
                obs.add(Observation.HttpCheck.builder(id, Source.HTTP, url, 200).latency(Duration.ofMillis(3))
                        .body("ok", "text/plain").build());
            }
        }
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("fleet", services), obs,
                Instant.parse("2026-03-01T10:00:00Z"));
        DeploymentConfig config = DeploymentConfig.parse("deployment: fleet\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\n"
                + "probe:\n  timeout: 2s\n", Path.of("inline.yaml"));
        return Summary.render(new CheckRun(a, List.of(), Duration.ofMillis(2900)), config);
    }

    @Test
    void aFleetOfFiveThousandFitsOneScreenCountsFirstThenTheWorstNotUpCapped() throws Exception {
        String out = summary(5000, 5);

        List<String> lines = out.lines().toList();
        assertTrue(lines.size() <= 50, () -> lines.size() + " lines:\n" + out);
        // 5000 services: 499 hanging (the tenth of the first 4995) are DOWN, 5 UNKNOWN, the rest UP
        assertTrue(out.contains("Services   5000, 4496 UP"), out);
        assertTrue(out.contains(", 499 DOWN") && out.contains(", 5 UNKNOWN"), out);
        List<String> serviceLines = lines.stream().filter(l -> l.matches("  (UP|DOWN|DEGRADED|UNKNOWN) .*")).toList();
        assertEquals(io.sophia.report.TextSummary.MAX_SERVICE_LINES, serviceLines.size(), out);
        assertTrue(serviceLines.stream().allMatch(l -> l.startsWith("  DOWN ")), "the worst come first: " + serviceLines);
        assertTrue(out.contains("  ... and 484 more not UP (every service is in report.md)"), out);
        assertTrue(out.contains("; 5 probes not run: the check's time budget ran out"), out);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 240), out);
    }

    @Test
    void aSmallFleetIsListedWholeUpIncludedAndSaysNothingOfTheBudgetWhenAllRan() throws Exception {
        String out = summary(12, 0);

        long serviceLines = out.lines().filter(l -> l.matches("  (UP|DOWN|DEGRADED|UNKNOWN) .*")).count();
        assertEquals(12, serviceLines, out);
        assertTrue(out.contains("  UP       svc-0 "), out);
        assertFalse(out.contains("more not UP"), out);
        assertFalse(out.contains("not run"), out);
    }

    @Test
    void aLogExplainedAloneStatesNoProbingTimeOrTimeout() throws Exception {
        Assessment a = Diagnosis.ofDefaults().diagnose(new Deployment("run", List.of()), List.of(),
                Instant.parse("2026-03-01T10:00:00Z"));
        DeploymentConfig config = DeploymentConfig.parse("deployment: fleet\nservices: [{id: a, url: \"http://127.0.0.1:9/\"}]\n"
                + "probe:\n  timeout: 2s\n", Path.of("inline.yaml"));
        String out = Summary.render(new CheckRun(a, List.of(Path.of("out", "report.md")), Duration.ZERO), config);

        assertTrue(out.contains("Services   none probed"), out);
        assertFalse(out.contains("Probing"), out);
        assertFalse(out.contains("probe timeout"), out);
        assertTrue(out.endsWith("Wrote      out" + java.io.File.separator + " report.md\n"), out);
    }
}
