package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 16's changes (LogScan's deferred run-header decision, the KB rules of issue 9, session 16): each test
 * shows a reading the review found wrong before its fix.
 */
class ThirtyNinthRoundReviewTest {

    private static final String ESC = "\u001b";

    /** A line of a raw GitHub log: the runner's timestamp, then {@code text}. */
    private static String raw(int i, String text) {
        return String.format("2021-04-05T15:42:%02d.%07dZ %s%n", i % 60, i, text);
    }

    /**
     * A script longer than the held header (300 lines): its shell: line comes after, so only the colour the runner
     * echoes each script line in (ESC[36;1m ... ESC[0m, as in ../shared/corpus/github-api/hub4j-recorded/
     * GHWorkflowRunTest/wiremock/testJobs_actions-user-content/__files/1-u_a_p_1_runs_139_signedlogcontent_5.txt:
     * "2021-04-05T15:42:58.1549657Z ESC[36;1mecho Hello from job1!ESC[0m") says it is the echo. Before the fix its
     * first 300 lines were read as the step's output.
     */
    @Test
    void aLongEchoedScriptInARawLogIsNeverAFinding() throws IOException {
        StringBuilder log = new StringBuilder(raw(0, "##[group]Run ./scripts/check-db.sh"));
        int n = 1;
        for (int i = 0; i < 320; i++) {
            String line = i == 10 || i == 310 ? "echo \"FATAL:  the database system is in recovery mode\"" : "step_" + i + " --ok";
            log.append(raw(n++, ESC + "[36;1m" + line + ESC + "[0m"));
        }
        log.append(raw(n++, "shell: /usr/bin/bash -e {0}"));
        log.append(raw(n++, "env:"));
        log.append(raw(n++, "  PGHOST: db"));
        log.append(raw(n++, "##[endgroup]"));
        long output = n + 2;
        log.append(raw(n++, "starting checks"));
        log.append(raw(n++, "2026-07-15 04:14:37.846 UTC [361] FATAL:  the database system is in recovery mode"));
        List<Observation.LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(log.toString()));
        assertEquals(List.of(output), read.stream().map(Observation.LogFinding::lineNumber).distinct().toList(),
                "only the step's output is a finding: " + read);
        assertEquals(1, read.get(0).context().stream().filter(l -> l.equals("starting checks")).count(),
                "its context, once: " + read.get(0).context());
    }

    /** The runner's colour counts only where it begins the line, after the timestamp; the text is read without it. */
    @Test
    void theEchoColourIsTheOneThatBeginsTheLine() throws IOException {
        io.sophia.diagnosis.internal.logs.LineReader r = new io.sophia.diagnosis.internal.logs.LineReader(new StringReader(
                raw(1, ESC + "[36;1mecho Hello from job1!" + ESC + "[0m")
                        + raw(2, "Hello " + ESC + "[36;1mfrom job1!" + ESC + "[0m")
                        + ESC + "[36;1mnpm test" + ESC + "[0m\n"
                        + raw(3, ESC + "[36mplain cyan" + ESC + "[0m")), 1024);
        List<Boolean> coloured = new ArrayList<>();
        List<String> text = new ArrayList<>();
        while (r.next()) {
            coloured.add(r.echoColoured());
            text.add(r.text());
        }
        assertEquals(List.of(true, false, true, false), coloured);
        assertEquals(List.of("echo Hello from job1!", "Hello from job1!", "npm test", "plain cyan"), text);
    }

    /** Near miss: a step's own group in another colour (red) is its output, read as before. */
    @Test
    void aStepsOwnGroupInAnotherColourIsStillItsOutput() throws IOException {
        String log = raw(0, "##[group]Run docker logs --since 5m db")
                + raw(1, ESC + "[31m2026-07-15 04:14:37.846 UTC [361] FATAL:  the database system is in recovery mode"
                + ESC + "[0m")
                + raw(2, "##[endgroup]");
        List<Observation.LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(log));
        assertEquals(2, read.get(0).lineNumber(), read.toString());
    }

    /**
     * A matrix with fail-fast: one job killed for memory (regro/libcfgraph#17: "/bin/bash: line 1:  2440 Killed
     * python -m libcflib.import_to_pkg 75000", exit 137), its sibling cancelled by the runner ("The operation was
     * canceled.", ocaml/setup-ocaml#5: "your build matrix is set to cancel outstanding jobs if any one of the matrix
     * fails"). The sibling's cancel did not kill the first job: killed-by-a-cancel (app.oom, lr 0.05) read any
     * ci.cancelled line of any job as the 137's explanation.
     */
    @Test
    void aSiblingCancelledByFailFastDoesNotExplainAnotherJobsKill() throws IOException {
        String killed = "##[group]Run python -m libcflib.import_to_pkg 75000\n"
                + "python -m libcflib.import_to_pkg 75000\n"
                + "shell: /usr/bin/bash -e {0}\n"
                + "##[endgroup]\n"
                + "submitting jobs:  86% 64822/75000 [09:59<01:03, 160.71it/s]/bin/bash: line 1:  2440 Killed"
                + "                  python -m libcflib.import_to_pkg 75000\n"
                + "##[error]Process completed with exit code 137.\n";
        String cancelled = "##[group]Run python -m libcflib.import_to_pkg 75000\n"
                + "python -m libcflib.import_to_pkg 75000\n"
                + "shell: /usr/bin/bash -e {0}\n"
                + "##[endgroup]\n"
                + "submitting jobs:  41% 30518/75000 [04:40<06:49, 108.63it/s]\n"
                + "##[error]The operation was canceled.\n";
        double withSibling = pOom(killed, cancelled);
        double alone = pOom(killed, null);
        assertTrue(alone > 0.3, "the kill alone reads as memory: " + alone);
        // (before the fix: 0.47, tied with ci.cancelled, against 0.9 alone)
        assertTrue(withSibling > alone * 0.9, "a sibling's fail-fast cancel says nothing of the kill: " + withSibling
                + " vs " + alone);
    }

    private static final String STEP = "Run python -m libcflib.import_to_pkg 75000";

    private static double pOom(String killedLog, String siblingLog) throws IOException {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, Fleet.run("failure"));
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Set up job", "success"), Fleet.step(2, STEP, "failure"));
        o.add(Fleet.job("dashboard", 2, "import (3.11)", "failure", 620, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 2, "import (3.11)",
                steps), new StringReader(killedLog)));
        if (siblingLog != null) {
            List<Observation.CiStep> cancelled = List.of(Fleet.step(1, "Set up job", "success"),
                    Fleet.step(2, STEP, "cancelled"));
            o.add(Fleet.job("dashboard", 3, "import (3.12)", "cancelled", 300,
                    cancelled.toArray(Observation.CiStep[]::new)));
            o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "dashboard", 3,
                    "import (3.12)", cancelled), new StringReader(siblingLog)));
        }
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        return a.causes().stream().filter(c -> c.id().value().equals("app.oom")).mapToDouble(c -> c.probability())
                .findFirst().orElse(0);
    }

    /**
     * npm 10 prints its errors as "npm error ..." where npm 9 printed "npm ERR! ...": "npm error code E429" and "npm error
     * 429 Too Many Requests - GET https://registry.npmjs.org/firebase-tools" (npm/cli's log prefix since v10; the 429 of
     * npm/registry-issue-archive#334 in its npm 9 words). registry.too-many-requests left the old form to
     * npm.too-many-requests but still read the new one as an image registry's 429.
     */
    @Test
    void npm10sRateLimitIsNoImageRegistrys() throws IOException {
        String npm10 = "npm error 429 Too Many Requests - GET https://registry.npmjs.org/firebase-tools";
        Fleet.assertReads("npm.too-many-requests", "build.dependency-fetch", npm10);
        Fleet.assertReadsNot("registry.too-many-requests", npm10);
        Fleet.assertReadsNot("registry.too-many-requests", "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/x");
        // near misses: a registry's 429 after other words is still the registry's
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "Error response from daemon: received "
                + "unexpected HTTP status: 429 Too Many Requests");
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "failed to push ghcr.io/acme/api:1.4.2: "
                + "unexpected registry error 429 Too Many Requests");
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "error 429 Too Many Requests");
        Assessment a = Fleet.deployFailed("build", "Install", "npm error code E429\n" + npm10 + "\n");
        assertEquals("build.dependency-fetch", a.topCause().orElseThrow().id().value());
        assertTrue(a.causes().stream().noneMatch(c -> c.id().value().equals("registry.unavailable")
                && c.probability() > 0.05), a.causes().toString());
    }

    /**
     * scope-refused (image.not-found, lr 0.2) reads "insufficient_scope" as a credential refused for a repository that may
     * well exist. Docker Hub gives the same answer for a name no one can own: an official image's
     * (zhaarey/wrapper#33: "ERROR: failed to solve: builder: failed to resolve source metadata for
     * docker.io/library/builder:latest: pull access denied, repository does not exist or may require authorization:
     * server message: insufficient_scope: authorization failed", a stage name read as an image) or a path of three
     * segments (h14-06's kubelet line, apache/dolphinscheduler#15804). Before the fix both read registry.auth at 0.9.
     */
    @Test
    void aRefusedNameNoOneCanOwnOnDockerHubIsAMissingImage() throws IOException {
        String library = "ERROR: failed to solve: builder: failed to resolve source metadata for docker.io/library/builder:latest: "
                + "pull access denied, repository does not exist or may require authorization: server message: "
                + "insufficient_scope: authorization failed";
        assertEquals("image.not-found", top(Fleet.deployFailed("build", "Build and push", library + "\n")), library);
        String threeSegments = "  Warning  Failed     3m58s (x4 over 5m)  kubelet  Failed to pull image "
                + "\"apache/flowsched/flowsched-api:3.2.1\": failed to pull and unpack image "
                + "\"docker.io/apache/flowsched/flowsched-api:3.2.1\": failed to resolve reference "
                + "\"docker.io/apache/flowsched/flowsched-api:3.2.1\": pull access denied, repository does not exist or "
                + "may require authorization: server message: insufficient_scope: authorization failed";
        assertEquals("image.not-found", top(Fleet.deployFailed("deploy", "Helm upgrade", threeSegments + "\n")));
        // near miss (p52-13's shape, UffizziCloud/uffizzi#40): namespace/name may be a private repository
        String privateRepo = "  Warning  Failed     45s                kubelet            Failed to pull image "
                + "\"exampleorg/projectlvl-1:latest\": rpc error: code = Unknown desc = failed to pull and unpack image "
                + "\"docker.io/exampleorg/projectlvl-1:latest\": failed to resolve reference "
                + "\"docker.io/exampleorg/projectlvl-1:latest\": pull access denied, repository does not exist or may "
                + "require authorization: server message: insufficient_scope: authorization failed";
        assertEquals("registry.auth", top(Fleet.deployFailed("deploy", "Deploy preview", privateRepo + "\n")));
    }

    private static String top(Assessment a) {
        return a.topCause().orElseThrow().id().value();
    }
}
