package io.sophia.diagnosis;

import io.sophia.core.LogAnalyzer.LogOrigin;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Secrets;
import io.sophia.core.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The defects the twenty-fifth session's review left, each pinned by a test before its fix (session 26). The tokens
 * here are fakes of the real shapes, assembled at run time.
 */
@DisplayName("Fixes of session 26")
class FixTwentySixthSessionTest {

    private static final LogOrigin LOG = new LogOrigin(Source.LOG, null, 0, null, List.of());

    // the shapes: an AWS access key id (AKIA + 16), a GitHub classic token (ghp_ + 36), a JWT (three base64url parts),
    // a Fly.io token ("FlyV1 fm2_…", macaroons joined by commas, as `fly tokens create` prints it)
    private static final List<String> TOKENS = List.of(
            "AKIA" + "Q3EGRTX7YCNZ2WLM",
            "ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N",
            "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ",
            "FlyV1 fm2" + "_lJPECAAAAAAAAMIzxBB7m5QkZp2X9aWqTr3sLhJ8wrVybmFyeS1jYW5hcnk=,fm2_lJPETmV3Q2FuYXJ5UGFydA==");

    /** Everything of the findings a report shows, each field masked alone as a renderer masks it. */
    private static String shown(List<LogFinding> findings) {
        List<String> out = new ArrayList<>();
        for (LogFinding f : findings) {
            out.add(Secrets.patterns().redact(f.line()));
            f.context().forEach(c -> out.add(Secrets.patterns().redact(c)));
        }
        return String.join("\n", out);
    }

    /** The 12-character pieces of {@code token}'s secret part (a FlyV1 token's scheme word is no secret). */
    private static String leakedPiece(String token, String shown) {
        String secret = token.startsWith("FlyV1 ") ? token.substring("FlyV1 ".length()) : token;
        for (int i = 0; i + 12 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 12);
            if (shown.contains(piece)) {
                return piece;
            }
        }
        return null;
    }

    @Test
    @DisplayName("1: a token wrapped at any column anywhere around a finding's window keeps no 12-character piece")
    void wrappedTokenAroundTheWindow() throws IOException {
        String error = "ERROR: failed to push: unauthorized: authentication required";
        int[][] contexts = {{3, 3}, {1, 1}, {2, 0}, {0, 2}, {5, 4}};
        List<String> failures = new ArrayList<>();
        for (int[] ctx : contexts) {
            LogScanner scanner = LogScanner.builtIn().withContextLines(ctx[0], ctx[1]);
            for (String token : TOKENS) {
                for (int col = 1; col < token.length(); col++) {
                    // the line break before the finding's window, in it, and after it (offset of the head's line)
                    for (int at = -(ctx[0] + 3); at <= ctx[1] + 2; at++) {
                        for (String indent : List.of("", "    ", "LONG")) {
                            List<String> lines = new ArrayList<>();
                            for (int i = 0; i < 8; i++) {
                                lines.add("step " + i + " ran");
                            }
                            int errorAt = lines.size();
                            lines.add(error);
                            for (int i = 0; i < 8; i++) {
                                lines.add("after " + i + " done");
                            }
                            int head = errorAt + at;
                            // a head line longer than a context line is kept: its cut must not lose the head
                            String pad = indent.equals("LONG") ? "padding ".repeat(70) : "";
                            if (head == errorAt) {
                                lines.set(head, error + " with " + pad + token.substring(0, col));
                            } else {
                                lines.set(head, "using credential " + pad + token.substring(0, col));
                            }
                            if (head + 1 == errorAt) {
                                continue; // the finding's own line is no token's rest
                            }
                            lines.set(head + 1, indent.replace("LONG", "") + token.substring(col) + " was sent");
                            List<LogFinding> findings = scanner.analyze(LOG,
                                    new StringReader(String.join("\n", lines) + "\n"));
                            String shown = shown(findings);
                            String piece = leakedPiece(token, shown);
                            if (piece != null) {
                                failures.add("context " + ctx[0] + "/" + ctx[1] + " head at " + at + " col " + col
                                        + " indent '" + indent + "' kept " + piece);
                            }
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " leaks, first: " + String.join("\n", failures.subList(0,
                    Math.min(30, failures.size()))));
        }
    }

    private static List<String> indicationsOf(String log) throws IOException {
        return LogScanner.builtIn().analyze(LOG, new StringReader(log)).stream().map(LogFinding::indicationId).toList();
    }

    @Test
    @DisplayName("2: a chart's empty default password in helm --debug's values dumps is no empty password of the app")
    void helmValuesDumpIsNoEmptyPassword() throws IOException {
        // helm upgrade --install --debug prints the release, then "USER-SUPPLIED VALUES:" and "COMPUTED VALUES:" as YAML,
        // each followed by an empty line, then "HOOKS:" and "MANIFEST:" (helm/helm@001cb3a7:cmd/helm/status.go); the
        // computed values carry the chart's defaults, bitnami/postgresql's auth block among them (bitnami/charts,
        // bitnami/postgresql/values.yaml: auth.password "" when the chart generates or reads it from a secret)
        String dump = String.join("\n",
                "upgrade.go:142: [debug] preparing upgrade for db",
                "upgrade.go:150: [debug] performing update for db",
                "Release \"db\" has been upgraded. Happy Helming!",
                "NAME: db",
                "LAST DEPLOYED: Sat Dec  5 20:41:07 2026",
                "NAMESPACE: data",
                "STATUS: deployed",
                "REVISION: 7",
                "TEST SUITE: None",
                "USER-SUPPLIED VALUES:",
                "auth:",
                "  existingSecret: db-credentials",
                "  password: \"\"",
                "",
                "COMPUTED VALUES:",
                "architecture: standalone",
                "auth:",
                "  database: \"\"",
                "  enablePostgresUser: true",
                "  existingSecret: db-credentials",
                "  password: \"\"",
                "  postgresPassword: \"\"",
                "  replicationPassword: \"\"",
                "  username: \"\"",
                "metrics:",
                "  enabled: false",
                "passwd: ''",
                "",
                "HOOKS:",
                "MANIFEST:",
                "---",
                "##[group]Run ./scripts/smoke.sh",
                "##[endgroup]",
                "curl: (22) The requested URL returned error: 502",
                "##[error]Process completed with exit code 22.") + "\n";
        List<String> ids = indicationsOf(dump);
        assertFalse(ids.contains("config.password-value-empty"), () -> "a values dump read as the app's setting: " + ids);
        assertTrue(ids.stream().anyMatch(id -> !id.startsWith("config.")), () -> "the smoke test's error is read: " + ids);

        // the same setting printed from the values file the job applied (bitnami/charts#31010, p122-20) is still read,
        // and in its "passwd" spelling too
        assertTrue(indicationsOf("  client:\n    users: [ingest]\n    passwords: \"\"\n").contains(
                "config.password-value-empty"));
        assertTrue(indicationsOf("smtp:\n  passwd: ''\n").contains("config.password-value-empty"),
                "the passwd form passes the prefilter");
        // a values dump ends at the first line that is not its YAML: an error after it is read
        assertTrue(indicationsOf("COMPUTED VALUES:\nauth:\n  password: \"\"\nError: UPGRADE FAILED: context deadline"
                + " exceeded\n  password: \"\"\n").contains("config.password-value-empty"),
                "after the dump, the line is read again");
    }

    private static boolean usesRule(io.sophia.core.Assessment a, String ruleId) {
        return a.causes().stream().flatMap(c -> c.evidence().stream()).anyMatch(e -> ruleId.equals(e.ruleId()));
    }

    /** A BuildKit build whose RUN downloads, unpacks and builds, failing with {@code output} (BuildKit's own wording). */
    private static String buildKitRun(String output, int exit) {
        String run = "curl -fsSL https://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz -o /tmp/hello.tgz"
                + " && tar xzf /tmp/hello.tgz -C /src && make -C /src/hello-2.12";
        return "##[group]Run docker/build-push-action@v6\n##[endgroup]\n"
                + "#7 [2/4] RUN " + run + "\n"
                + output
                + "#7 ERROR: process \"/bin/sh -c " + run + "\" did not complete successfully: exit code: " + exit + "\n"
                + "ERROR: failed to solve: process \"/bin/sh -c " + run + "\" did not complete successfully: exit code: "
                + exit + "\n##[error]buildx failed with: ERROR: failed to solve: exit code: " + exit + "\n";
    }

    @Test
    @DisplayName("3: a RUN that downloads then builds is read as a failed download only when the download's own error shows")
    void aRunWithCurlFailingAtItsMakeIsNoDownloadFailure() throws IOException {
        // GNU make's "make: *** [Makefile:12: all] Error 2" after a compiler error: the download passed, the build failed
        io.sophia.core.Assessment make = Fleet.deployFailed("build", "Build and push", buildKitRun(
                "#7 3.114 hello.c:12:5: error: implicit declaration of function 'greet'\n"
                        + "#7 3.120 make[1]: *** [Makefile:1047: hello.o] Error 1\n"
                        + "#7 3.121 make: *** [Makefile:12: all] Error 2\n", 2));
        assertFalse(usesRule(make, "build.dependency-fetch/build-run-download-failed"), make.causes().toString());
        assertFalse(usesRule(make, "build.dockerfile/run-is-a-download"), make.causes().toString());

        // curl's own error (curl: (22) with --fail, curl.se/libcurl/c/libcurl-errors.html): the download failed
        io.sophia.core.Assessment curl = Fleet.deployFailed("build", "Build and push", buildKitRun(
                "#7 0.412 curl: (22) The requested URL returned error: 404\n", 22));
        assertTrue(usesRule(curl, "build.dependency-fetch/build-run-download-failed"), curl.causes().toString());
    }

    /** Whether a function size limit's indication reads {@code line} (functions.bundle-size-limit is its older twin). */
    private static boolean readsSizeLimit(String line) throws IOException {
        List<String> ids = indicationsOf(line + "\n");
        return ids.contains("serverless.function-size-limit") || ids.contains("functions.bundle-size-limit");
    }

    @Test
    @DisplayName("5: a function's size limit is read in KB, MB and GB and in AWS Lambda's own upload wordings")
    void functionSizeLimitInEveryUnit() throws IOException {
        // Netlify's "is larger than the <n><unit> limit" (walinejs/waline#1936) in the units its limits are given in
        for (String limit : List.of("50MB", "50 MB", "512KB", "20 kB", "1GB", "250 MiB")) {
            String line = "The function \"COMMENT\" is larger than the " + limit + " limit. Please consider reducing it.";
            assertTrue(readsSizeLimit(line), line);
        }
        // Lambda's upload refused for its request size, by either operation (serverless/serverless#10179:
        // UpdateFunctionCode; localstack/docs#933: CreateFunction), and its zipped-size check that now comes first
        // ("Zipped size must be smaller than 52428800 bytes", localstack/docs#933)
        for (String line : List.of(
                "An error occurred (RequestEntityTooLargeException) when calling the UpdateFunctionCode operation: Request"
                        + " must be smaller than 69905067 bytes for the UpdateFunctionCode operation",
                "Request must be smaller than 70167211 bytes for the CreateFunction operation",
                "An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Zipped size"
                        + " must be smaller than 52428800 bytes")) {
            assertTrue(readsSizeLimit(line), line);
        }
        // a plan's limit is not the platform's fixed one (platform.plan-limit-upgrade), nor a configuration's size
        for (String line : List.of(
                "Error: The Edge Function \"middleware\" size is 1.03 MB and your plan size limit is 1 MB.",
                "RequestEntityTooLargeException: Request must be smaller than 5120 bytes for the UpdateFunctionConfiguration"
                        + " operation")) {
            assertFalse(readsSizeLimit(line), line);
        }
    }

    @Test
    @DisplayName("4: describe-stack-events' events before the stack's latest User Initiated start are its history")
    void stackEventsOfEarlierOperationsAreHistory() throws IOException {
        // DescribeStackEvents returns a stack's events newest first (docs.aws.amazon.com/AWSCloudFormation/latest/
        // APIReference/API_DescribeStackEvents.html: "in reverse chronological order"); the stack's own UPDATE_IN_PROGRESS
        // or CREATE_IN_PROGRESS with the reason "User Initiated" starts each operation (p35-03's rows): what is listed
        // after it is an earlier operation's, here a create that failed months ago for a runtime Lambda no longer takes (p121-06's row)
        String header = "##[group]Run aws cloudformation describe-stack-events --stack-name orders-prod\n##[endgroup]\n";
        String older = "CREATE_FAILED  AWS::Lambda::Function  OrdersFn  Resource handler returned message: \"The runtime parameter of"
                + " nodejs12.x is no longer supported for creating or updating AWS Lambda functions.\"\n"
                + "CREATE_IN_PROGRESS                  AWS::CloudFormation::Stack  orders-prod  User Initiated\n";
        String log = header
                + "UPDATE_COMPLETE                     AWS::CloudFormation::Stack  orders-prod\n"
                + "UPDATE_COMPLETE                     AWS::Lambda::Function       OrdersFn\n"
                + "UPDATE_IN_PROGRESS                  AWS::CloudFormation::Stack  orders-prod  User Initiated\n"
                + older
                + "##[error]Process completed with exit code 1.\n";
        List<LogFinding> findings = LogScanner.builtIn().analyze(LOG, new StringReader(log));
        assertTrue(findings.stream().noneMatch(f -> f.line().contains("nodejs12.x")),
                () -> "an earlier operation's event read as current: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.line().contains("Process completed")),
                () -> "the runner's own line after the events is still read: " + findings);

        // the same event in the latest operation (above its User Initiated start) is read
        String current = header
                + "CREATE_FAILED  AWS::Lambda::Function  OrdersFn  Resource handler returned message: \"The runtime parameter of"
                + " nodejs12.x is no longer supported for creating or updating AWS Lambda functions.\"\n"
                + "CREATE_IN_PROGRESS                  AWS::CloudFormation::Stack  orders-prod  User Initiated\n"
                + "##[error]Process completed with exit code 1.\n";
        List<LogFinding> now = LogScanner.builtIn().analyze(LOG, new StringReader(current));
        assertTrue(now.stream().anyMatch(f -> f.line().contains("nodejs12.x")), () -> now.toString());
    }
}
