package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.examples.demo.DemoFleet;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.Explain;
import io.sophia.report.Sophia;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sophia explain}: a run url, a log file, stdin, a Fly app; the one-screen summary, the report set, the gate's exit code. */
@DisplayName("CLI: explain")
@Isolated("one test replaces System.in, which the whole JVM shares")
class ExplainCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-23T14:12:55Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    // BuildKit's strings (../shared/corpus/deploy-errors/deploy-errors.tsv: moby/buildkit solver/llbsolver/ops/exec.go,
    // client/solve.go) inside a local `flyctl deploy` output
    private static final String BUILD_LOG = "==> Building image with Depot\n"
            + "#9 [5/7] RUN pip install -r requirements.txt\n"
            + "#9 ERROR: process \"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 1\n"
            + "Error: failed to fetch an image or build from source: error building: failed to solve: process "
            + "\"/bin/sh -c pip install -r requirements.txt\" did not complete successfully: exit code: 1\n";

    private static CliRun run(Function<String, String> env, String... args) {
        return CliRun.of(CLOCK, env, args);
    }

    private static List<String> causes(Path reportJson) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode c : JSON.readTree(reportJson.toFile()).at("/diagnosis/causes")) {
            ids.add(c.get("id").asText());
        }
        return ids;
    }

    @Test
    @DisplayName("explain --log FILE --out DIR: the labelled cause, the report set, exit 2 (BLOCKED)")
    void logFile(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("flyctl-deploy.log");
        Files.writeString(log, BUILD_LOG);

        CliRun r = run(k -> null, "explain", "--log", log.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Top cause  build.dockerfile"), r.out());
        for (String f : List.of("report.md", "report.json", "report.html", "junit.xml")) {
            assertTrue(Files.isRegularFile(dir.resolve("out").resolve(f)), f);
        }
        assertEquals("build.dockerfile", causes(dir.resolve("out/report.json")).get(0));
    }

    @Test
    @DisplayName("explain --log FILE --rules FILE: the rule file's indications read the log; a bad one is exit 64 naming it")
    void rules(@TempDir Path dir) throws Exception {
        // a team's own secret broker (its wording is the team's): no built-in indication reads it
        Path log = dir.resolve("deploy.log");
        Files.writeString(log, "fetching secrets\npgvault: lease for secret payments/db-password was not granted\n"
                + "Error: deploy.sh exited with 3\n");
        Path rules = dir.resolve("team-rules.yaml");
        Files.writeString(rules, """
                indications:
                  - id: team.pgvault-lease-denied
                    cause: config.missing-secret
                    weight: 0.9
                    literals: ['pgvault: lease for secret']
                    pattern: 'pgvault: lease for secret \\S+ was not granted'
                """);

        CliRun without = run(k -> null, "explain", "--log", log.toString());
        CliRun with = run(k -> null, "explain", "--log", log.toString(), "--rules", rules.toString(),
                "--out", dir.resolve("out").toString());

        assertFalse(without.out().contains("Top cause  config.missing-secret"), without.out());
        assertTrue(with.out().contains("Top cause  config.missing-secret"), with.out() + with.err());
        assertEquals("config.missing-secret", causes(dir.resolve("out/report.json")).get(0));

        Path bad = dir.resolve("bad-rules.yaml");
        Files.writeString(bad, "indications:\n  - id: team.x\n    cause: team.undefined\n    literals: ['x']\n    pattern: 'x'\n");
        CliRun refused = run(k -> null, "explain", "--log", log.toString(), "--rules", bad.toString());
        assertEquals(64, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("bad-rules.yaml") && refused.err().contains("indications[0].cause"),
                refused.err());
    }

    @Test
    @DisplayName("explain - reads the log from stdin; without --out nothing is written")
    void stdin(@TempDir Path dir) {
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream(BUILD_LOG.getBytes(StandardCharsets.UTF_8)));
            CliRun r = run(k -> null, "explain", "-");
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("Top cause  build.dockerfile"), r.out());
        } finally {
            System.setIn(before);
        }
    }

    @Test
    @DisplayName("explain RUN_URL on the demo's loopback GitHub API: the same causes as check with that run as its pipeline")
    void runUrl(@TempDir Path dir) throws Exception {
        try (DemoFleet fleet = DemoFleet.start()) {
            String url = "https://github.com/" + DemoFleet.REPOSITORY + "/actions/runs/" + DemoFleet.RUN_ID;
            // --timeout: the hang guard, far above what the stand-in needs, so no deadline decides this comparison
            CliRun r = run(k -> null, "explain", url, "--api-url", fleet.githubApi().toString(), "--out", dir.toString(),
                    "--timeout", Stalls.PATIENT.toSeconds() + "s");
            Assessment checked = Sophia.builder(DeploymentConfig.of(new Deployment("check", List.of()))
                            .withGitHub(DeploymentConfig.GitHub.run(DemoFleet.REPOSITORY, DemoFleet.RUN_ID)
                                    .withApiUrl(fleet.githubApi()).withTokenEnv("GITHUB_TOKEN")))
                    .probe(DeploymentConfig.ProbeSettings.timeout(Stalls.PATIENT)) // a hang guard
                    .clock(CLOCK).env(k -> null).build().check();

            assertEquals(2, r.exit(), r.out() + r.err());
            List<String> explained = causes(dir.resolve("report.json"));
            assertFalse(explained.isEmpty());
            assertEquals(checked.causes().stream().map(c -> c.id().value()).toList(), explained);
            assertTrue(Files.readString(dir.resolve("report.md")).contains("Changed since the last good deploy"));
            assertEquals(Stalls.PATIENT.toMillis(), JSON.readTree(dir.resolve("report.json").toFile())
                    .at("/probing/timeoutMs").asLong(), "the report states the timeout explain ran with");
        }
    }

    @Test
    @DisplayName("explain --fly-app: the app's machines say its health (library, against the demo's Fly stand-in)")
    void flyApp() throws Exception {
        try (DemoFleet fleet = DemoFleet.start()) {
            Assessment a = Sophia.explain(Explain.builder().flyApp("sophiaai-dashboard-v2").flyApiUrl(fleet.flyApi())
                    .flyTokenEnv(DemoFleet.FLY_TOKEN_ENV).timeout(Stalls.PATIENT).build(), CLOCK, DemoFleet.env(k -> null));

            assertFalse(a.observations(Observation.PlatformMachine.class).isEmpty(), a.observations().toString());
            assertEquals("sophiaai-dashboard-v2", a.services().get(0).id());
            assertTrue(a.observations(Observation.HttpCheck.class).isEmpty(), "the app's endpoint is not probed");
        }
    }

    @Test
    @DisplayName("usage errors exit 64 and name what is wrong")
    void usage(@TempDir Path dir) {
        CliRun nothing = run(k -> null, "explain");
        CliRun notARun = run(k -> null, "explain", "https://github.com/acme/shop/pull/5");
        CliRun missing = run(k -> null, "explain", "--log", dir.resolve("nope.log").toString());
        CliRun unknown = run(k -> null, "explain", "--config", "x.yaml");
        CliRun noTime = run(k -> null, "explain", "--log", dir.resolve("nope.log").toString(), "--timeout", "0s");

        assertEquals(64, nothing.exit());
        assertTrue(nothing.err().contains("name a run url, a log or a Fly app"), nothing.err());
        assertEquals(64, notARun.exit());
        assertTrue(notARun.err().contains("not a GitHub Actions run url"), notARun.err());
        assertEquals(64, missing.exit());
        assertTrue(missing.err().contains("cannot read the log file"), missing.err());
        assertEquals(64, unknown.exit());
        assertTrue(unknown.err().contains("'explain' has no option --config"), unknown.err());
        assertEquals(64, noTime.exit());
        assertTrue(noTime.err().contains("--timeout: expected a duration"), noTime.err());
    }
}
