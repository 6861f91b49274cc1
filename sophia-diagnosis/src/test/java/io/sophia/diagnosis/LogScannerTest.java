package io.sophia.diagnosis;

import io.sophia.core.CauseId;
import io.sophia.core.Source;
import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.LogFinding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogScannerTest {

    private static final String ESC = "\u001b";

    /** Steps of a deploy job as the GitHub jobs API lists them. */
    private static final List<CiStep> DEPLOY_STEPS = List.of(
            new CiStep(1, "Set up job", "completed", "success", null, null),
            new CiStep(2, "Run actions/checkout@v4", "completed", "success", null, null),
            new CiStep(3, "Install dependencies", "completed", "success", null, null),
            new CiStep(4, "Deploy service (Dockerfile)", "completed", "failure", null, null),
            new CiStep(5, "Post Run actions/checkout@v4", "completed", "success", null, null),
            new CiStep(6, "Complete job", "completed", "success", null, null));

    private static final LogOrigin DEPLOY_JOB = new LogOrigin(Source.GITHUB, "api", 42L, "deploy-api", DEPLOY_STEPS);

    /**
     * A deploy job log shaped like GitHub's (timestamps, groups, colour codes); the error lines are the
     * BuildKit and runner messages of ../shared/corpus/deploy-errors/deploy-errors.tsv.
     */
    private static String deployLog() {
        return String.join("\n",
                "2024-05-02T10:00:00.0000000Z Current runner version: '2.316.0'",
                "2024-05-02T10:00:00.0010000Z ##[group]Operating System",
                "2024-05-02T10:00:00.0020000Z Ubuntu",
                "2024-05-02T10:00:00.0030000Z ##[endgroup]",
                "2024-05-02T10:00:01.0000000Z ##[group]Run actions/checkout@v4",
                "2024-05-02T10:00:01.0010000Z with:",
                "2024-05-02T10:00:01.0020000Z ##[endgroup]",
                "2024-05-02T10:00:02.0000000Z ##[group]Run npm ci",
                "2024-05-02T10:00:02.0010000Z " + ESC + "[36;1mnpm ci" + ESC + "[0m",
                "2024-05-02T10:00:02.0020000Z ##[endgroup]",
                "2024-05-02T10:00:05.0000000Z npm WARN retry will retry, error on last attempt: npm ERR! code ETIMEDOUT",
                "2024-05-02T10:00:09.0000000Z added 312 packages in 7s",
                "2024-05-02T10:00:10.0000000Z ##[group]Run docker build -t api .",
                "2024-05-02T10:00:10.0010000Z " + ESC + "[36;1mdocker build -t api ." + ESC + "[0m",
                "2024-05-02T10:00:10.0020000Z ##[endgroup]",
                "2024-05-02T10:00:11.0000000Z #8 [4/6] RUN npm run build",
                "2024-05-02T10:00:12.0000000Z #8 0.512 > api@1.0.0 build",
                "2024-05-02T10:00:13.0000000Z #8 ERROR: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1",
                "2024-05-02T10:00:13.0010000Z ------",
                "2024-05-02T10:00:13.0020000Z  > [4/6] RUN npm run build:",
                "2024-05-02T10:00:13.0030000Z ------",
                "2024-05-02T10:00:13.0040000Z ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1",
                "2024-05-02T10:00:13.0050000Z " + ESC + "[31m##[error]Process completed with exit code 1." + ESC + "[0m",
                "2024-05-02T10:00:14.0000000Z Post job cleanup.",
                "2024-05-02T10:00:14.0010000Z [command]/usr/bin/git version",
                "2024-05-02T10:00:15.0000000Z Cleaning up orphan processes",
                "");
    }

    @Test
    void deploy_job_log_points_at_the_buildkit_error_in_the_failed_step() throws IOException {
        List<LogFinding> findings = LogScanner.builtIn().analyze(DEPLOY_JOB, new StringReader(deployLog()));

        LogFinding top = findings.get(0);
        assertEquals("buildkit.process-failed", top.indicationId());
        assertEquals(CauseId.of("build.dockerfile"), top.causeId());
        assertEquals("Deploy service (Dockerfile)", top.step(), "groups map onto the API's steps by order");
        assertEquals(22, top.lineNumber());
        assertEquals("ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete successfully: "
                + "exit code: 1", top.line(), "timestamp and colour codes are stripped");
        assertEquals(List.of("------", " > [4/6] RUN npm run build:", "------", top.line(),
                "##[error]Process completed with exit code 1.", "Post job cleanup.", "[command]/usr/bin/git version"),
                top.context());
        assertEquals("api", top.serviceId());
        assertEquals(42L, top.jobId());
        assertEquals("deploy-api", top.jobName());
        assertTrue(top.score() > 0 && top.score() <= 1);
        for (int i = 1; i < findings.size(); i++) {
            assertTrue(findings.get(i - 1).score() >= findings.get(i).score()
                    || nearOneAbove(findings, i), "findings are ranked by score, chunk by chunk");
        }
    }

    private static boolean nearOneAbove(List<LogFinding> findings, int i) {
        return findings.subList(0, i).stream()
                .anyMatch(f -> Math.abs(f.lineNumber() - findings.get(i).lineNumber()) <= 6);
    }

    @Test
    void the_last_error_before_the_step_failed_beats_an_earlier_retried_one() throws IOException {
        List<LogFinding> findings = LogScanner.builtIn().analyze(DEPLOY_JOB, new StringReader(deployLog()));

        LogFinding retried = findings.stream().filter(f -> f.indicationId().equals("npm.fetch-error-code"))
                .findFirst().orElseThrow();
        assertEquals("Install dependencies", retried.step());
        assertEquals(11, retried.lineNumber());
        LogFinding buildError = findings.stream().filter(f -> f.causeId().value().equals("build.dockerfile"))
                .findFirst().orElseThrow();
        assertTrue(buildError.score() > 1.5 * retried.score(),
                "failed step " + buildError.score() + " vs retried warning " + retried.score());
        assertTrue(findings.indexOf(buildError) < findings.indexOf(retried));
    }

    @Test
    void the_script_github_echoes_in_a_run_header_is_not_taken_for_output() throws IOException {
        // shape of examples' demo log 48712339002: the step's script mentions the error it would print
        String header = "##[group]Run test -n \"$FLY_ORG_KEY\" || { echo \"::error::FLY_ORG_KEY is not set\"; exit 1; }\n"
                + ESC + "[36;1mtest -n \"$FLY_ORG_KEY\" || { echo \"::error::FLY_ORG_KEY is not set\"; exit 1; }"
                + ESC + "[0m\nshell: /usr/bin/bash -e {0}\n##[endgroup]\n";
        assertEquals(List.of(), LogScanner.builtIn().analyze(null,
                new StringReader(header + "FLY_ORG_KEY present (value masked)\n")));
        List<LogFinding> failing = LogScanner.builtIn().analyze(null,
                new StringReader(header + "##[error]FLY_ORG_KEY is not set\n##[error]Process completed with exit code 1.\n"));
        assertEquals(CauseId.of("config.missing-secret"), failing.get(0).causeId());
        assertEquals(5, failing.get(0).lineNumber());
        assertEquals("Run test -n \"$FLY_ORG_KEY\" || { echo \"::error::FLY_ORG_KEY is not set\"; exit 1; }",
                failing.get(0).step(), "without API steps the group title names the step");

        String unclosed = "##[group]Run make\n" + "compiling\n".repeat(400) + "No space left on device\n";
        assertEquals("disk.no-space", LogScanner.builtIn().analyze(null, new StringReader(unclosed)).get(0)
                .indicationId(), "a header group that never closes does not blind the scan");
    }

    @Test
    void a_multi_line_indication_may_begin_at_the_command_of_a_run_header() throws IOException {
        // p133-04's shape (session 28, rules28p): docker inspect's template is only in the runner's header, its answer
        // "true 137" in the step's output; the command alone is never a finding
        String header = "##[group]Run ssh mon-01 'docker logs --tail 1 prom; docker inspect -f \"{{.State.OOMKilled}} "
                + "{{.State.ExitCode}}\" prom'\n##[endgroup]\n";
        List<LogFinding> killed = LogScanner.builtIn().analyze(null, new StringReader(header
                + "level=info ts=2026-11-23T03:21:07Z caller=repair.go:39 component=tsdb msg=\"found healthy block\"\n"
                + "true 137\n##[error]Process completed with exit code 1.\n"));
        assertEquals("docker.inspect-oomkilled-true", killed.get(0).indicationId());
        assertEquals(CauseId.of("app.oom"), killed.get(0).causeId());
        assertTrue(LogScanner.builtIn().analyze(null, new StringReader(header + "false 137\n")).stream()
                .noneMatch(f -> f.indicationId().equals("docker.inspect-oomkilled-true")));
        // a one-line indication still never reads the command
        assertEquals(List.of(), LogScanner.builtIn().analyze(null, new StringReader(
                "##[group]Run grep 'Connect to ipv4#127.0.0.1:9092 failed: Connection refused' consumer.log\n"
                        + "##[endgroup]\n")));
    }

    @Test
    void a_run_group_without_the_runners_echo_marks_is_the_steps_own_output() throws IOException {
        // a step's own "::group::Run tests" (or another CI's log in GitHub's markup) holds output, not the echoed
        // script: GitHub's echo always ends on its shell:, with: or env: lines
        String own = "##[group]Run docker logs --since 5m db\n"
                + "2026-07-15 04:14:37.846 UTC [361] FATAL:  the database system is in recovery mode\n"
                + "##[endgroup]\n";
        List<LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(own));
        assertEquals(2, read.get(0).lineNumber(), read.toString());
        String echoed = "##[group]Run docker logs --since 5m db\n"
                + "echo \"FATAL:  the database system is in recovery mode\"\n"
                + "shell: /usr/bin/bash -e {0}\n##[endgroup]\n";
        assertEquals(List.of(), LogScanner.builtIn().analyze(null, new StringReader(echoed)));
        String unclosed = "##[group]Run docker logs db\n"
                + "2026-07-15 04:14:37.846 UTC [361] FATAL:  the database system is in recovery mode\n";
        assertEquals(2, LogScanner.builtIn().analyze(null, new StringReader(unclosed)).get(0).lineNumber(),
                "a header that never closes and never echoed is read as output at the log's end");
    }

    @Test
    void a_multi_line_input_the_runner_echoes_at_the_margin_is_not_taken_for_output() throws IOException {
        // shape of mozilla-ai/any-llm-platform run 24508832884: the runner echoes actions/github-script's multi-line
        // script input with its lines after the first at the margin (and without a timestamp), between with: and the
        // next input; the script checks a secret as the demo's step does (appleboy/ssh-action's script: is echoed so
        // too, h72-06)
        String log = "2026-04-16T11:56:27.4818823Z ##[group]Run actions/github-script@v8\n"
                + "2026-04-16T11:56:27.4819760Z with:\n"
                + "2026-04-16T11:56:27.4821018Z   script: const labels = context.payload.pull_request.labels;\n"
                + "if (!process.env.FLY_API_TOKEN) {\n"
                + "  core.setFailed('FLY_API_TOKEN is not set');\n"
                + "}\n"
                + "\n"
                + "2026-04-16T11:56:27.4822475Z   github-token: ***\n"
                + "2026-04-16T11:56:27.4822946Z   debug: false\n"
                + "2026-04-16T11:56:27.4825747Z ##[endgroup]\n"
                + "2026-04-16T11:56:27.5733961Z ##[error]PR must have at least one label\n";
        List<LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(log));
        assertTrue(read.stream().allMatch(f -> f.lineNumber() == 11), read.toString());
        // without the timestamps (a log copied as text): the next input's entry after them says they are the echo's
        String copiedRaw = log.replaceAll("(?m)^2026-04-16T[0-9:.]+Z ", "");
        List<LogFinding> readCopied = LogScanner.builtIn().analyze(null, new StringReader(copiedRaw));
        assertTrue(readCopied.stream().allMatch(f -> f.lineNumber() == 11), readCopied.toString());
        // a header copied with its echo indented (h70-21, h70-31): what follows at the margin is the step's output
        String copied = "##[group]Run npm run migrate\n  npm run migrate\n  shell: /usr/bin/bash -e {0}\n  env:\n"
                + "    TARGET_ENV: eu2\n\nError: Prisma schema validation - (get-config wasm)\nError code: P1012\n"
                + "error: Environment variable not found: DATABASE_URL.\n##[endgroup]\n";
        assertTrue(LogScanner.builtIn().analyze(null, new StringReader(copied)).stream()
                .anyMatch(f -> f.lineNumber() == 9), "the copied header's output is read");
    }

    @Test
    void an_error_marker_line_counts_more_than_the_same_line_without_it() throws IOException {
        LogScanner scanner = LogScanner.of(List.of(Indication.of("cancel", CauseId.CI_CANCELLED,
                "operation was canceled", "The operation was canceled", 0.6, "")));
        double plain = scanner.analyze(null, new StringReader("The operation was canceled.\n")).get(0).score();
        double marked = scanner.analyze(null, new StringReader("##[error]The operation was canceled.\n")).get(0)
                .score();
        assertTrue(marked > plain, marked + " > " + plain);
    }

    @Test
    void repeated_identical_findings_collapse_into_the_last_one() throws IOException {
        String log = "npm ERR! code ETIMEDOUT\nretrying\nnpm ERR! code ETIMEDOUT\nretrying\nnpm ERR! code ETIMEDOUT\n";
        List<LogFinding> findings = LogScanner.builtIn().analyze(null, new StringReader(log));
        List<LogFinding> fetch = findings.stream().filter(f -> f.indicationId().equals("npm.fetch-error-code"))
                .toList();
        assertEquals(1, fetch.size());
        assertEquals(5, fetch.get(0).lineNumber());
    }

    @Test
    void travis_commands_are_steps_and_the_failing_command_is_found() throws IOException {
        // shape of a LogChunks Travis log (../shared/corpus/build-logs): fold markers, \r\r\n, "$ cmd"
        String log = "travis_fold:start:install\r" + ESC + "[0K$ npm install\r\r\n"
                + "npm WARN deprecated request@2.88.2\r\r\n"
                + "travis_fold:end:install\r" + ESC + "[0K\r\r\n"
                + "$ npm test\r\r\n"
                + "  1 passing\r\r\n"
                + "  1 failing\r\r\n"
                + "  1) parser handles empty input:\r\r\n"
                + "     AssertionError: expected 1 to equal 0\r\r\n"
                + "The command \"npm test\" exited with 1.\r\r\n"
                + "$ echo done\r\r\n"
                + "Done. Your build exited with 1.\r\r\n";
        List<LogFinding> findings = LogScanner.builtIn().analyze(null, new StringReader(log));
        assertTrue(findings.stream().allMatch(f -> f.lineNumber() > 4), "install printed no error");
        LogFinding top = findings.get(0);
        assertEquals("npm test", top.step());
        assertTrue(top.lineNumber() >= 6 && top.lineNumber() <= 8, "top finding at line " + top.lineNumber());
        assertEquals(CauseId.of("ci.test-failure"), top.causeId());
    }

    @Test
    void a_log_with_nothing_wrong_gives_no_findings() throws IOException {
        Path log = corpus().resolve("github-api/hub4j-recorded/GHWorkflowRunTest/wiremock/"
                + "testJobs_actions-user-content/__files/1-u_a_p_1_runs_139_signedlogcontent_5.txt");
        try (Reader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            assertEquals(List.of(), LogScanner.builtIn().analyze(null, in));
        }
    }

    @Test
    void a_line_without_newline_is_cut_not_held_whole() throws IOException {
        // 8 MB of one line, then a real error: the scanner reads on and quotes a bounded line
        Reader huge = new Reader() {
            long left = 8L << 20;
            boolean tailDone;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(buf, off, off + n, 'x');
                    left -= n;
                    return n;
                }
                if (tailDone) {
                    return -1;
                }
                tailDone = true;
                String tail = " no space left on device\nwrite /var/lib/docker/tmp: no space left on device\n";
                tail.getChars(0, tail.length(), buf, off);
                return tail.length();
            }

            @Override
            public void close() {
            }
        };
        List<LogFinding> findings = LogScanner.builtIn().analyze(null, huge);
        assertEquals(2, findings.get(0).lineNumber(), "the cut line's tail is dropped, the next line is read");
        assertEquals(CauseId.of("ci.runner"), findings.get(0).causeId());
        assertTrue(findings.stream().allMatch(f -> f.line().length() <= 2001 && f.context().stream()
                .allMatch(c -> c.length() <= 500)), "quoted text is bounded");
    }

    @Test
    void a_pattern_that_backtracks_catastrophically_elsewhere_cannot_hang_the_scan() {
        LogScanner scanner = LogScanner.of(List.of(new Indication("evil", CauseId.UNKNOWN, List.of("a"),
                List.of("(a+)+$", "(x+x+)+y"), 0.5, null, 0, "exponential for a backtracking engine", List.of())));
        String line = "a".repeat(50_000) + "!\n" + "x".repeat(50_000) + "a!\n";
        List<LogFinding> findings = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> scanner.analyze(null, new StringReader(line.repeat(3))));
        assertEquals(List.of(), findings);
    }

    @Test
    void a_multi_line_indication_needs_its_follow_up_line_within_the_window() throws IOException {
        LogScanner scanner = LogScanner.of(List.of(new Indication("gradle-wrong", CauseId.UNKNOWN,
                List.of("what went wrong"), List.of("What went wrong:"), 0.7, "Could not resolve", 2, "", List.of())));
        assertEquals(1, scanner.analyze(null, new StringReader(
                "* What went wrong:\nExecution failed.\n> Could not resolve all files\n")).size());
        assertEquals(List.of(), scanner.analyze(null, new StringReader(
                "* What went wrong:\nExecution failed.\nsomething\n> Could not resolve all files\n")));
        LogFinding f = scanner.analyze(null, new StringReader("a\n* What went wrong:\nx\nCould not resolve\nb\n"))
                .get(0);
        assertEquals(2, f.lineNumber());
        assertEquals(List.of("a", "* What went wrong:", "x", "Could not resolve", "b"), f.context());
    }

    @Test
    void carriage_return_overwrites_and_osc_sequences_are_removed() throws IOException {
        LogScanner scanner = LogScanner.of(List.of(Indication.of("oom", CauseId.APP_OOM, "out of memory",
                "^Out of memory: Killed process \\d+$", 0.9, "")));
        String log = "progress 10%\rprogress 90%\r" + ESC + "]0;title\u0007Out of memory: Killed process 513\r\r\n";
        List<LogFinding> findings = scanner.analyze(null, new StringReader(log));
        assertEquals(1, findings.size());
        assertEquals("Out of memory: Killed process 513", findings.get(0).line());
    }

    @Test
    void findings_are_capped_and_context_is_configurable() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String name = "" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
            log.append("module_").append(name).append(".c:1:1: error: unknown type name '").append(name).append("'\n");
            log.append("ok\n");
        }
        List<LogFinding> findings = LogScanner.builtIn().withMaxFindings(5).withContextLines(1, 0)
                .analyze(null, new StringReader(log.toString()));
        assertEquals(5, findings.size(), "100 distinct errors (digits aside), 5 returned");
        assertEquals(2, findings.get(0).context().size(), "one line before and the line itself");
        assertFalse(findings.get(0).context().get(0).contains("error"));
    }

    @Test
    void a_download_that_cannot_connect_names_a_host_an_app_reaching_its_database_does_not() throws IOException {
        // apt (Ubuntu archive outage reports), git over https (curl's wording), and libpq as psycopg2 prints it
        // ("could not connect to server: Connection refused", psycopg2 issue tracker)
        assertTrue(causes("Err:1 http://archive.ubuntu.com/ubuntu jammy InRelease\n"
                + "  Could not connect to archive.ubuntu.com:80 (185.125.190.36), connection timed out").contains("build.dependency-fetch"));
        assertTrue(causes("fatal: unable to access 'https://github.com/acme/lib.git/': "
                + "Failed to connect to github.com port 443 after 130 ms: Connection refused").contains("build.dependency-fetch"));
        assertFalse(causes("psycopg2.OperationalError: could not connect to server: Connection refused\n"
                + "\tIs the server running on host \"db\" (10.0.0.5) and accepting TCP/IP connections on port 5432?")
                .contains("build.dependency-fetch"));
    }

    @Test
    void a_pull_refusal_that_follows_a_copy_from_naming_no_stage_is_the_dockerfiles() throws IOException {
        // the legacy builder's words for COPY --from=bulid (docker/cli#1559): the pull it then tried is its consequence
        assertEquals(List.of("build.dockerfile"), causes("Step 4/4 : COPY --from=bulid /a_file .\n"
                + "invalid from flag value bulid: pull access denied for bulid, repository does not exist or may require "
                + "'docker login'"));
        // without the head, the same refusal stays the registry's and the missing image's
        assertTrue(causes("Error response from daemon: pull access denied for bulid, repository does not exist or may "
                + "require 'docker login'").containsAll(List.of("image.not-found", "registry.auth")));
    }

    private static List<String> causes(String log) throws IOException {
        return LogScanner.builtIn().analyze(null, new StringReader(log + "\n")).stream()
                .map(f -> f.causeId().value()).distinct().toList();
    }

    static Path corpus() {
        String prop = System.getProperty("sophia.corpus");
        return prop != null ? Path.of(prop) : Path.of("../shared/corpus").toAbsolutePath();
    }
}
