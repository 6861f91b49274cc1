package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code explain --log}: a diagnosis from a log alone. The error lines are the real strings of
 * ../shared/corpus/deploy-errors/deploy-errors.tsv (flyctl, BuildKit, registries, the Actions
 * runner; each row names its source file and commit), format verbs filled with plausible values,
 * each inside a GitHub-shaped job log; the label is the row's category mapped to Sophia's cause.
 */
@DisplayName("LogDiagnosis: explain a log alone")
class LogDiagnosisTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** deploy-errors.tsv categories whose meaning is one of Sophia's causes (the token/secret ones are ambiguous). */
    private static final Map<String, String> LABEL = new LinkedHashMap<>();

    static {
        LABEL.put("docker_build", "build.dockerfile");
        LABEL.put("dockerfile_syntax", "build.dockerfile");
        LABEL.put("dockerfile_missing", "build.dockerfile");
        LABEL.put("registry_auth", "registry.auth");
        LABEL.put("image_not_found", "image.not-found");
        LABEL.put("registry_rate_limit", "registry.unavailable");
        LABEL.put("platform_capacity", "platform.capacity");
        LABEL.put("platform_quota", "platform.quota");
        LABEL.put("health_check_timeout", "app.healthcheck-failing");
        LABEL.put("crash_on_boot", "app.crash-on-boot");
        LABEL.put("oom", "app.oom");
        LABEL.put("disk_space", "ci.runner");
        LABEL.put("ci_timeout", "ci.timeout");
        LABEL.put("ci_runner_lost", "ci.runner");
    }

    private static Path corpus() {
        String configured = System.getProperty("sophia.corpus");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared corpus not found; set -Dsophia.corpus");
    }

    /** The message with Go, C# and TS format verbs filled. */
    static String fill(String message) {
        return message.replace("%q", "\"/bin/sh -c npm ci\"").replace("%d", "1").replace("%s", "registry.fly.io/shop-api:deployment-01")
                .replace("%v", "/bin/sh -c npm ci").replace("%w", "context deadline exceeded")
                .replaceAll("\\{[^}]+}", "10").replaceAll("\\$\\{[^}]+}", "token");
    }

    /** A GitHub-shaped deploy job log around one error line. */
    static String log(String error) {
        return String.join("\n",
                "2025-08-23T13:55:20.0000000Z ##[group]Run flyctl deploy --remote-only",
                "2025-08-23T13:55:20.0010000Z flyctl deploy --remote-only",
                "2025-08-23T13:55:20.0020000Z ##[endgroup]",
                "2025-08-23T13:55:21.0000000Z ==> Verifying app config",
                "2025-08-23T13:55:22.0000000Z --> Verified app config",
                "2025-08-23T13:55:30.0000000Z " + error,
                "2025-08-23T13:55:30.0010000Z ##[error]Process completed with exit code 1.",
                "");
    }

    record Row(String category, String message, String expected) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("deploy-errors/deploy-errors.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length >= 2 && LABEL.containsKey(cols[0])) {
                rows.add(new Row(cols[0], cols[1], LABEL.get(cols[0])));
            }
        }
        return rows;
    }

    @Test
    @DisplayName("each labelled deploy error, explained from its log alone, gives its labelled cause first")
    void deployErrors() throws IOException {
        List<String> misses = new ArrayList<>();
        List<Row> rows = rows();
        for (Row r : rows) {
            Assessment a = LogDiagnosis.builtIn().diagnose("deploy.log", new StringReader(log(fill(r.message()))), NOW);
            String top = a.causes().isEmpty() ? "none" : a.causes().get(0).id().value();
            // issue 9: a wrapper line alone ("failed to solve", "failed to fetch an image or build from source") only
            // names the step, so unknown rightly leads, below one half, with the labelled cause right behind it
            boolean wrapperOnly = top.equals("unknown") && a.causes().size() > 1
                    && a.causes().get(0).probability() < 0.6 && a.causes().get(1).id().value().equals(r.expected());
            if (!top.equals(r.expected()) && !wrapperOnly) {
                double p = a.causes().isEmpty() ? 0 : a.causes().get(0).probability();
                misses.add(r.category() + " | " + r.message() + " -> " + top + " " + p);
                // issue 9: no wrong top cause stated above 0.9
                assertTrue(top.equals("unknown") || p <= 0.9, r + " -> " + top + " at " + p);
            }
        }
        System.out.println("explain --log on deploy-errors.tsv: " + (rows.size() - misses.size()) + " of " + rows.size()
                + " give the labelled cause first; misses:\n  " + String.join("\n  ", misses));
        assertTrue(rows.size() >= 40, "rows: " + rows.size());
        // measured 40 of 51 when written; the misses are fragments ("exit code: %d", "authentication required")
        // that a log prints inside a longer line, so from a log alone they are honestly unknown
        assertTrue(rows.size() - misses.size() >= 0.75 * rows.size(), misses.toString());
    }

    @Test
    @DisplayName("the log decides the gate: a BuildKit failure blocks, a clean log has nothing to explain and opens")
    void gate() throws IOException {
        // BuildKit's wrapper around the failing RUN (deploy-errors.tsv: moby/buildkit client/solve.go, llbsolver/ops/exec.go)
        String failing = log("#8 ERROR: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1\n"
                + "2025-08-23T13:55:30.0000000Z ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete "
                + "successfully: exit code: 1");
        Assessment blocked = LogDiagnosis.builtIn().diagnose("build.log", new StringReader(failing), NOW);
        Assessment open = LogDiagnosis.builtIn().diagnose("build.log", new StringReader(
                "Step 1/5 : FROM node:20\nSuccessfully built 4f2a\nDone in 3.2s\n"), NOW);

        RankedCause top = blocked.causes().get(0);
        assertEquals("build.dockerfile", top.id().value());
        assertTrue(top.probability() > LogDiagnosis.BLOCKING_PROBABILITY);
        assertEquals(GateDecision.Verdict.BLOCKED, blocked.gate().status());
        assertTrue(top.evidence().get(0).text().contains("did not complete successfully"), top.evidence().get(0).text());
        assertTrue(open.causes().isEmpty(), open.causes().toString());
        assertEquals(GateDecision.Verdict.OPEN, open.gate().status());
        assertEquals("build.log", blocked.deployment());
        assertTrue(blocked.services().isEmpty());
    }

    @Test
    @DisplayName("a failure the log shows but no known cause explains warns: neither blocked on a guess nor opened")
    void unexplainedFailureWarns() throws IOException {
        // the runner's wrapper alone (actions/runner: "Process completed with exit code {0}."), no error line before it
        Assessment a = LogDiagnosis.builtIn().diagnose("deploy.log", new StringReader(
                "Run ./deploy.sh\nDeploying...\nsomething went wrong\n##[error]Process completed with exit code 1.\n"), NOW);

        assertEquals("unknown", a.causes().get(0).id().value(), a.causes().toString());
        GateDecision.Criterion c = a.gate().criteria().stream()
                .filter(x -> x.id().equals(GatePolicy.MAX_CAUSE_PROBABILITY)).findFirst().orElseThrow();
        assertEquals(GateDecision.Outcome.WARN, c.outcome(), c.toString());
        assertTrue(c.value().startsWith("unknown at ") && c.value().endsWith("a failure no known cause explains"),
                c.value());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }

    @Test
    void unexplainedFailureWarnsEvenWhereUnknownIsAboveTheThreshold() throws IOException {
        // the same unexplained failure under a gate whose threshold is below what unknown leads with: unknown names
        // no cause, so it warns rather than blocks (before, the threshold made it FAIL and the key criterion BLOCKED)
        GatePolicy low = GatePolicy.builder().requireNoCauseAbove(0.05, true, 1).build();
        LogDiagnosis logs = LogDiagnosis.of(LogScanner.builtIn(), Diagnosis.builder().gatePolicy(low).build());
        Assessment a = logs.diagnose("deploy.log", new StringReader(
                "Run ./deploy.sh\nDeploying...\nsomething went wrong\n##[error]Process completed with exit code 1.\n"), NOW);

        assertEquals("unknown", a.causes().get(0).id().value(), a.causes().toString());
        assertTrue(a.causes().get(0).probability() > 0.05, a.causes().toString());
        GateDecision.Criterion c = a.gate().criteria().stream()
                .filter(x -> x.id().equals(GatePolicy.MAX_CAUSE_PROBABILITY)).findFirst().orElseThrow();
        assertEquals(GateDecision.Outcome.WARN, c.outcome(), c.toString());
        assertTrue(c.value().endsWith("a failure no known cause explains"), c.value());
        assertEquals(GateDecision.Verdict.WARN, a.gate().status());
    }
}
