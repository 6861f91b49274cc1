package io.sophia.report;

import io.sophia.core.CauseId;
import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Secrets;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionTest {

    // assembled at run time so this file itself holds no token-shaped literal
    static final String GITHUB_TOKEN = "ghp_" + "R8sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2o";
    static final String FLY_TOKEN = "fm2_" + "lJPECAAAAAAAAAxxxZZZwsvbm9uZSI6IjQ2ZjM5Y2U5";
    static final String BASIC = "dXNlcjpwYXNzd29yZA==";
    static final String URL_PASSWORD = "hunter2hunter2";
    static final String KNOWN_SECRET = "correct-horse-battery-staple";

    private final Redaction patterns = Redaction.patterns();

    @Test
    void github_tokens_of_every_kind_are_masked() {
        for (String prefix : List.of("ghp_", "gho_", "ghs_", "ghu_", "ghr_")) {
            String token = prefix + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
            assertEquals("push with " + Redaction.MASK + " failed", patterns.apply("push with " + token + " failed"));
        }
        String pat = "github_pat_" + "11ABCDEFG0abcdefghijkl_MNOPQRSTUVWXYZabcdefghijklmnop0123456789";
        assertEquals("token " + Redaction.MASK, patterns.apply("token " + pat));
    }

    @Test
    void fly_tokens_are_masked_with_and_without_the_flyv1_scheme() {
        assertEquals("FLY_API_TOKEN=FlyV1 " + Redaction.MASK,
                patterns.apply("FLY_API_TOKEN=FlyV1 " + FLY_TOKEN + "," + FLY_TOKEN));
        assertEquals("using " + Redaction.MASK, patterns.apply("using " + FLY_TOKEN));
    }

    @Test
    void authorization_headers_keep_their_scheme_and_lose_their_value() {
        assertEquals("Authorization: Bearer " + Redaction.MASK, patterns.apply("Authorization: Bearer eyJabc.def.ghi-123"));
        assertEquals("authorization=token " + Redaction.MASK, patterns.apply("authorization=token abcdef"));
        assertEquals("Authorization: Basic " + Redaction.MASK, patterns.apply("Authorization: Basic " + BASIC));
        assertEquals("curl -H 'Authorization: Bearer " + Redaction.MASK + "'",
                patterns.apply("curl -H 'Authorization: Bearer s3cr3tvalue'"));
        assertEquals("sent Bearer " + Redaction.MASK + " to the API", patterns.apply("sent Bearer Zm9vYmFyYmF6MTIz to the API"));
        assertEquals("X-Api-Key: " + Redaction.MASK, patterns.apply("X-Api-Key: k-1234567"));
    }

    @Test
    void aws_keys_jwts_private_keys_and_assignments_are_masked() {
        assertEquals("key " + Redaction.MASK, patterns.apply("key AKIA" + "IOSFODNN7EXAMPLE"));
        assertEquals("aws_secret_access_key=" + Redaction.MASK,
                patterns.apply("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertEquals("jwt " + Redaction.MASK, patterns.apply("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"));
        assertEquals("before " + Redaction.MASK + " after", patterns.apply(
                "before -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY----- after"));
        assertEquals("DATABASE_PASSWORD=" + Redaction.MASK, patterns.apply("DATABASE_PASSWORD=Tr0ub4dor&3"));
        assertEquals("NPM_TOKEN: " + Redaction.MASK, patterns.apply("NPM_TOKEN: npm_abcdefghijklmnopqrstuvwxyz0123456789"));
    }

    @Test
    void a_stripe_key_in_a_health_body_is_masked_by_shape_and_by_its_name() {
        String key = "sk_live_" + "51HxxAbCdEfGhIjKlMnOpQrStUv";
        String body = "{\"status\":\"ok\",\"STRIPE_KEY\":\"" + key + "\"}";
        String masked = patterns.apply(body);
        assertFalse(masked.contains(key), masked);
        assertTrue(masked.contains("STRIPE_KEY"), masked);
        assertFalse(patterns.apply("charge " + key.replace("live", "test")).contains("51HxxAbCdEf"));
        assertFalse(patterns.apply("SIGNING_KEY=q8Zr2LxV9kPw4TyN").contains("q8Zr2LxV9kPw4TyN"));
        assertEquals("the MONKEY_KEY is fine", patterns.apply("the MONKEY_KEY is fine"), "a name alone is not a secret");
    }

    @Test
    void urls_lose_their_user_info_and_credential_query_values() {
        assertEquals("https://" + Redaction.MASK + "@example.com/repo.git",
                patterns.apply("https://user:" + URL_PASSWORD + "@example.com/repo.git"));
        assertEquals("https://x.test/logs?sig=" + Redaction.MASK + "&se=2025",
                patterns.apply("https://x.test/logs?sig=AbC123%2Bdef&se=2025"));
        assertEquals("https://api.test/v1?access_token=" + Redaction.MASK,
                patterns.apply("https://api.test/v1?access_token=abc123"));
        assertEquals("https://api.test/v1?page=2&token=" + Redaction.MASK + "#x",
                patterns.apply("https://api.test/v1?page=2&token=t0k3n#x"));
    }

    @Test
    void ordinary_prose_is_left_alone() {
        for (String s : List.of("Bearer authentication failed", "token expired", "Basic Information", "the token: missing",
                "failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1",
                "https://sophiaai-dashboard-v2.fly.dev/health", "GET /repos/o/r/actions/runs?page=2&per_page=100",
                "Authorization header missing", "connection refused", "git@github.com:org/repo.git")) {
            assertEquals(s, patterns.apply(s), s);
        }
    }

    @Test
    void registered_values_are_masked_and_short_ones_ignored() {
        Redaction r = Redaction.of(Secrets.of(List.of(KNOWN_SECRET, "ok", "  ")));
        assertEquals(1, r.registeredValues());
        assertEquals("pass=" + Redaction.MASK + " ok", r.apply("pass=" + KNOWN_SECRET + " ok"));
        Redaction more = Redaction.of(r.secrets().and(List.of("abc-def-ghi")));
        assertEquals(Redaction.MASK + " " + Redaction.MASK, more.apply(KNOWN_SECRET + " abc-def-ghi"));
        assertFalse(r.toString().contains(KNOWN_SECRET));
    }

    @Test
    void a_report_masks_what_the_core_redaction_it_wraps_masks() {
        Secrets core = Secrets.of(List.of(KNOWN_SECRET));
        Redaction r = Redaction.of(core);
        String text = "pass=" + KNOWN_SECRET + " Authorization: Bearer " + GITHUB_TOKEN;

        assertSame(core, r.secrets());
        assertEquals(core.redact(text), r.apply(text));
        assertFalse(r.apply(text).contains(KNOWN_SECRET));
        assertSame(Redaction.patterns(), Redaction.of(Secrets.patterns()));
        assertThrows(NullPointerException.class, () -> Redaction.of(null));
        // the Javadoc's form for a token variable that is not set: its null value is ignored, not an exception
        Redaction unset = Redaction.of(Secrets.of(java.util.Collections.singletonList(null)));
        assertEquals(0, unset.registeredValues());
        assertEquals(Redaction.patterns().apply(text), unset.apply(text));
    }

    @Test
    void redaction_is_idempotent() {
        String text = "Authorization: Bearer " + GITHUB_TOKEN + " https://u:" + URL_PASSWORD + "@h.test/?token=x1y2z3 "
                + FLY_TOKEN + " " + KNOWN_SECRET;
        Redaction r = Redaction.of(Secrets.of(List.of(KNOWN_SECRET)));
        String once = r.apply(text);
        assertEquals(once, r.apply(once));
        assertEquals(once, Redaction.patterns().apply(once));
    }

    /** The reference scenario with tokens planted in a log line, a failure detail, a body excerpt and a service url. */
    static Assessment planted() {
        Assessment a = ReferenceScenario.assessment();
        List<ServiceHealth> services = new ArrayList<>();
        for (ServiceHealth s : a.services()) {
            if (s.id().equals("dashboard")) {
                s = ServiceHealth.builder(s.id(), s.status()).name(s.name()).capability(s.capability())
                        .critical(s.critical())
                        .url("https://deploy:" + URL_PASSWORD + "@sophiaai-dashboard-v2.fly.dev/?token=" + KNOWN_SECRET)
                        .httpStatus(s.httpStatus()).latencyMs(s.latencyMs())
                        .failure("connection refused (Authorization: Bearer " + GITHUB_TOKEN + ")")
                        .version(s.version()).build();
            }
            services.add(s);
        }
        List<Observation> obs = new ArrayList<>(a.observations());
        obs.add(new Observation.LogFinding("dashboard", Source.GITHUB, 48_000_000_002L, "Deploy Dashboard",
                ReferenceScenario.FAILED_STEP, 12, "env.echo", CauseId.of("config.missing-secret"),
                "+ flyctl deploy --access-token " + FLY_TOKEN + " --app x (secret " + KNOWN_SECRET + ")",
                List.of("FLY_API_TOKEN=FlyV1 " + FLY_TOKEN), 0.99));
        obs.add(Observation.HttpCheck.builder("mcp-repo", Source.HTTP, "https://sophiaai-mcp-repo-v2.fly.dev", 200)
                .latency(Duration.ofMillis(150))
                .body("{\"debug\":\"GITHUB_TOKEN=" + GITHUB_TOKEN + "\",\"auth\":\"Basic " + BASIC + "\"}", "application/json")
                .build());
        obs.add(new Observation.ProbeFailure(null, Source.GITHUB, "https://api.github.com/repos/o/r?access_token=" + GITHUB_TOKEN,
                FailureKind.UNAUTHORIZED, "401 with token " + GITHUB_TOKEN, 401, Duration.ofMillis(40), 1));
        return a.toBuilder().services(services).observations(obs).build();
    }

    @Test
    void a_planted_token_never_reaches_any_of_the_four_outputs() {
        Assessment a = planted();
        Redaction r = Redaction.of(Secrets.of(List.of(KNOWN_SECRET)));
        List<String> outputs = List.of(MarkdownReport.render(a, ReportFiles.FILE_NAMES, r), JsonReport.render(a, r),
                HtmlReport.render(a, r), JUnitXmlReport.render(a, r), MarkdownReport.summary(a, r));
        for (String out : outputs) {
            assertSecretsAbsent(out);
            assertTrue(out.contains(Redaction.MASK) || out.contains("[REDACTED]".replace("[", "\\[").replace("]", "\\]")));
        }
        // the diagnosis-relevant words around the secrets survive
        assertTrue(outputs.get(0).contains("flyctl deploy --access-token"));
        assertTrue(outputs.get(1).contains("\"failure\": \"connection refused (Authorization: Bearer [REDACTED])\""));
    }

    @Test
    void patterns_alone_mask_everything_token_shaped_in_the_planted_scenario() {
        Assessment a = planted();
        for (String out : List.of(MarkdownReport.render(a), JsonReport.render(a), HtmlReport.render(a),
                JUnitXmlReport.render(a))) {
            for (String s : List.of(GITHUB_TOKEN, FLY_TOKEN, BASIC, URL_PASSWORD)) {
                assertFalse(out.contains(s), "leaked " + s.substring(0, 4));
            }
        }
    }

    @Test
    void report_files_on_disk_hold_no_secret(@TempDir Path dir) throws Exception {
        List<Path> files = ReportFiles.writeAll(planted(), dir, Redaction.of(Secrets.of(List.of(KNOWN_SECRET))));
        for (Path f : files) {
            assertSecretsAbsent(Files.readString(f));
        }
    }

    @Test
    void a_failed_assertion_message_holds_no_token() {
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> AssessmentAssert.assertThat(planted()).serviceIsUp("dashboard"));
        assertFalse(e.getMessage().contains(GITHUB_TOKEN));
        assertTrue(e.getMessage().contains("Bearer [REDACTED]"));
    }

    static void assertSecretsAbsent(String out) {
        for (String s : List.of(GITHUB_TOKEN, FLY_TOKEN, BASIC, URL_PASSWORD, KNOWN_SECRET)) {
            assertFalse(out.contains(s), "leaked a secret starting " + s.substring(0, 4));
        }
    }
}
