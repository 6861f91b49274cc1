package io.sophia.diagnosis;

import io.sophia.core.CauseId;
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

/**
 * A log hands the scanner secrets a line at a time and at the lengths where it cuts: a context line over 500
 * characters, a {@code $ command} line over 200 (a Travis step name), and the lines of a private key printed by
 * {@code cat key.pem}. What the scanner keeps is masked when it is shown, so a cut must never leave a head of a
 * token that the masking would not recognise, and the lines of a key, none of which looks like a key alone, must
 * not be kept at all. The tokens are fakes, assembled at run time.
 */
@DisplayName("The log scanner keeps no piece of a secret at its cut points or in a private key block")
class LogSecretsTest {

    private static final String GHP = "ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N";
    private static final String AWS = "AKIA" + "Q3EGRTX7YCNZ2WLM";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";
    private static final String KEY_1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "hostileCanaryKeyLine";
    private static final String KEY_2 = "MIIEpAIBAAKCAQEAsecondLineOfKeyMaterial" + "XyZqwertyuiopasdf";
    private static final List<String> SECRETS = List.of(GHP, AWS, JWT, KEY_1, KEY_2);

    private static final LogOrigin LOG = new LogOrigin(Source.LOG, null, 0, null, List.of());

    /** {@code token} placed so that a cut at {@code limit} characters keeps its first {@code kept}. */
    private static String at(int limit, String token, int kept) {
        return "p ".repeat(limit).substring(0, limit - kept - 1) + " " + token + " after it";
    }

    private static List<LogFinding> scan(List<String> lines) throws IOException {
        return LogScanner.builtIn().analyze(LOG, new StringReader(String.join("\n", lines) + "\n"));
    }

    /** Everything of the findings a report shows, masked as a renderer masks it. */
    private static String shown(List<LogFinding> findings) {
        // each string alone, as a renderer masks each field of the report: masking them joined would see across lines
        List<String> out = new ArrayList<>();
        for (LogFinding f : findings) {
            out.add(Secrets.patterns().redact(f.step()));
            out.add(Secrets.patterns().redact(f.line()));
            f.context().forEach(c -> out.add(Secrets.patterns().redact(c)));
        }
        return String.join("\n", out);
    }

    private static void assertNoPiece(String shown) {
        for (String secret : SECRETS) {
            for (int i = 0; i + 12 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 12);
                assertFalse(shown.contains(piece), () -> "kept '" + piece + "' in:\n" + shown);
            }
        }
    }

    @Test
    @DisplayName("context lines cut at 500 characters inside a token keep no head of it")
    void contextLineCut() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int kept : new int[] {12, 14, 19}) {
            lines.add(at(500, GHP, kept));
            lines.add(at(500, AWS, kept));
            lines.add(at(500, JWT, kept));
        }
        lines.add("ERROR: failed to solve: process \"/bin/sh -c npm ci\" did not complete successfully: exit code: 1");

        List<LogFinding> findings = scan(lines);

        assertFalse(findings.isEmpty(), "the error line is a finding");
        assertTrue(findings.get(0).context().size() > 1, () -> "the lines before it are its context: " + findings);
        assertNoPiece(shown(findings));
    }

    @Test
    @DisplayName("a $ command line cut at 200 characters keeps no head, even when masking shortens it")
    void commandLineCut() throws IOException {
        // four whole tokens shrink to [REDACTED] each, so the cut head of the fifth would fit the 120-character name
        String tokens = (GHP + " ").repeat(4);
        String command = "$ " + tokens + "p".repeat(200 - tokens.length() - 1 - 14) + " " + GHP + " more";

        List<LogFinding> findings = scan(List.of(command,
                "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2"));

        assertFalse(findings.isEmpty());
        assertTrue(findings.get(0).step() != null && findings.get(0).step().contains("[REDACTED]"),
                () -> "the command names the step: " + findings.get(0).step());
        assertNoPiece(shown(findings));
    }

    @Test
    @DisplayName("a token its producer wrapped onto the next line keeps no piece of its rest; a plain next line stays")
    void wrappedToken() throws IOException {
        List<String> lines = List.of(
                "ERROR: failed to push: unauthorized: authentication required for token " + GHP.substring(0, 16),
                GHP.substring(16) + " was rejected",
                "Error: the key " + AWS.substring(0, 9),
                "   " + AWS.substring(9) + "0aZ",
                "npm ERR! code E404 for " + GHP,
                "Starting the next step after the token",
                "Error: Process completed with exit code 1.");

        List<LogFinding> findings = scan(lines);

        String shown = shown(findings);
        assertTrue(shown.contains("Starting the next step"), () -> "a line of words after a token stays: " + shown);
        assertNoPiece(shown);
    }

    @Test
    @DisplayName("tokens a fixed-width producer wrapped at any column keep no piece in the finding's line or its context")
    void wrappedAtAnyColumn() throws IOException {
        String password = "Pa55w0rd-Canary-9X7qLm";
        String text = "push failed: " + GHP + " aws " + AWS + " jwt " + JWT + " https://deploy:" + password
                + "@registry.example.test/v2 and Authorization: Bearer " + KEY_2 + " sent";
        for (int width = 9; width <= 61; width += 4) {
            List<String> block = new ArrayList<>();
            for (int i = 0; i < text.length(); i += width) {
                block.add(text.substring(i, Math.min(text.length(), i + width)));
            }
            // error lines between two copies of the wrapped text: their context is the wrapped lines around them
            List<String> lines = new ArrayList<>(block);
            lines.add("ERROR: failed to push: unauthorized: authentication required");
            lines.addAll(block);
            lines.add("##[error]Process completed with exit code 1.");
            List<LogFinding> findings = scan(lines);
            String shown = shown(findings);
            assertTrue(shown.contains("failed to push"), shown);
            assertNoPiece(shown);
            assertNoPiece(shown, password);
        }
    }

    private static void assertNoPiece(String shown, String secret) {
        for (int i = 0; i + 12 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 12);
            assertFalse(shown.contains(piece), () -> "kept '" + piece + "' in:\n" + shown);
        }
    }

    @Test
    @DisplayName("the lines of a private key printed a line at a time are masked, before and after an error")
    void privateKeyBlock() throws IOException {
        List<String> lines = List.of(
                "Run cat deploy-key.pem",
                "-----BEGIN PRIVATE KEY-----", KEY_1, KEY_2, "-----END PRIVATE KEY-----",
                "ERROR: failed to push: unauthorized: authentication required",
                "app-1  | -----BEGIN RSA PRIVATE KEY-----", KEY_1, KEY_2, "app-1  | -----END RSA PRIVATE KEY-----",
                "npm ERR! code E404",
                "after the key: the scan goes on");

        List<LogFinding> findings = scan(lines);

        assertTrue(findings.size() >= 2, () -> "both errors are findings: " + findings);
        String shown = shown(findings);
        assertTrue(shown.contains("[REDACTED]"), shown);
        assertTrue(shown.contains("after the key"), () -> "the lines after a key are read again: " + shown);
        assertNoPiece(shown);
    }

    @Test
    @DisplayName("key material is never a finding, even where its base64 spells an indication's words")
    void keyMaterialIsNoFinding() throws IOException {
        // base64 may spell anything: this line reads as a container killed for memory when it stands alone
        String spells = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7OOMKilledXyZqwertyuiop";
        assertTrue(scan(List.of(spells)).stream().anyMatch(f -> CauseId.APP_OOM.equals(f.causeId())),
                "the line alone is read as app.oom, or this test proves nothing");

        List<LogFinding> findings = scan(List.of(
                "Run cat deploy-key.pem",
                "-----BEGIN PRIVATE KEY-----", KEY_1, spells, "-----END PRIVATE KEY-----",
                // the marker with key material after it on its line, then a block on one line (escaped newlines)
                "-----BEGIN PRIVATE KEY-----" + spells, KEY_2, "-----END PRIVATE KEY-----",
                "key=-----BEGIN PRIVATE KEY-----\\n" + spells + "\\n-----END PRIVATE KEY-----",
                "ERROR: failed to push: unauthorized: authentication required"));

        assertTrue(findings.stream().noneMatch(f -> CauseId.APP_OOM.equals(f.causeId())),
                () -> "a line of a key was read as a finding: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.line().contains("failed to push: unauthorized")),
                () -> "the error after the keys is a finding: " + findings);
    }

    @Test
    @DisplayName("a line that only names the key's marker, or a key cut short, does not hide the lines after it")
    void markerWithoutKeyHidesNothing() throws IOException {
        List<String> lines = List.of(
                // the wording of a public Node service-account loader's error (GitHub code search:
                // "It must start with -----BEGIN PRIVATE KEY----- and contain real newlines")
                "Error: GOOGLE_SERVICE_ACCOUNT_PRIVATE_KEY is malformed. It must start with -----BEGIN PRIVATE KEY-----"
                        + " and contain real newlines.",
                "ERROR: failed to push: unauthorized: authentication required",
                // a key printed by a BuildKit step and cut short: no END line comes
                "#8 0.231 -----BEGIN OPENSSH PRIVATE KEY-----", "#8 0.231 " + KEY_1, "#8 0.232 " + KEY_2,
                "#8 0.240 npm ERR! code E404",
                "#8 0.241 npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padd - Not found");

        List<LogFinding> findings = scan(lines);
        String shown = shown(findings);

        assertTrue(findings.stream().anyMatch(f -> f.line().contains("failed to push: unauthorized")),
                () -> "the error after the marker is a finding: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.line().contains("E404") || f.line().contains("404 Not Found")),
                () -> "the error after the cut key is a finding: " + findings);
        assertTrue(findings.stream().anyMatch(f -> f.line().contains("PRIVATE_KEY is malformed")),
                () -> "the line that names the marker is read as any other: " + findings);
        assertNoPiece(shown);
    }
}

