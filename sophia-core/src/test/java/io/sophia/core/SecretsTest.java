package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    private static final String GHP = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    @Test
    void masksEveryKnownShape() {
        List<String> tokens = List.of(GHP, "gho_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3", "github_pat_" + "11ABCDEFG0abcdefghij_klmnopqrstuvwxyz0123456789",
                "fm2_" + "lJPECAAAAAAAAMx0bHV1ZGVkLWtleQ==", "AKIA" + "IOSFODNN7EXAMPLE", "xoxb-" + "123456789012-abcdefghijkl",
                "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N");
        for (String t : tokens) {
            String out = Secrets.patterns().redact("before " + t + " after");
            assertFalse(out.contains(t.substring(4, 16)), () -> "leaked " + t + " in " + out);
            assertTrue(out.contains(Secrets.MASK), out);
        }
        assertEquals("https://[REDACTED]@example.com/x",
                Secrets.patterns().redact("https://deploy:hunter2hunter2@example.com/x"));
        assertEquals("Authorization: Bearer [REDACTED]", Secrets.patterns().redact("Authorization: Bearer abc.def-123_XYZ"));
        assertEquals("FlyV1 [REDACTED]", Secrets.patterns().redact("FlyV1 fm2_abc,fm2_def"));
    }

    @Test
    void leavesProseAlone() {
        String prose = "Bearer authentication failed: token expired for deploy key";
        assertEquals(prose, Secrets.patterns().redact(prose));
    }

    @Test
    void cutNeverKeepsTheHeadOfAToken() {
        // an unknown token shape placed so that the limit falls inside it: kept whole or not at all
        String token = "Zq8rT2vW9xY4mN7pL3kJ6hG5fD1sA0";
        for (int max = 20; max < 60; max++) {
            String text = "log line: " + token + " tail text";
            String out = Secrets.patterns().cut(text, max);
            assertTrue(out.length() <= max, out);
            if (out.contains(token)) {
                continue; // kept whole: the later redaction that knows it masks it whole
            }
            for (int i = 0; i + 12 <= token.length(); i++) {
                assertFalse(out.contains(token.substring(i, i + 12)), "max " + max + ": " + out);
            }
        }
        // a known shape is masked before the cut, so what is kept says it was a secret
        String out = Secrets.patterns().cut("key " + GHP + " and more words follow here", 20);
        assertEquals("key [REDACTED] and…", out);
    }

    @Test
    void cutOfAWordLongerThanTheLimitDropsItWhole() {
        String out = Secrets.patterns().cut("x".repeat(3_000_000), 512);
        assertEquals(Secrets.ELLIPSIS, out);
    }

    @Test
    void multiLineValuesAreMaskedWholeAndLineByLine() {
        Secrets s = Secrets.of(List.of("firstHalfOfIt\nsecondHalfOfIt"));
        assertEquals("a [REDACTED] b", s.redact("a firstHalfOfIt\nsecondHalfOfIt b"));
        assertEquals("header: [REDACTED]", s.redact("header: secondHalfOfIt"));
        assertEquals("ok", Secrets.of(List.of("ok")).redact("ok"));
    }

    @Test
    void redactionIsIdempotent() {
        String once = Secrets.patterns().redact("token " + GHP + " Authorization: Basic dXNlcjpwYXNzd29yZA==");
        assertEquals(once, Secrets.patterns().redact(once));
    }

    /** A token of every shape the patterns know, with the 12-character pieces the canary looks for. */
    private static final List<String> SHAPES = List.of(GHP, "gho_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3",
            "ghs_" + "16C7e42F292c6912E7710c838347Ae178B4a",
            "github_pat_" + "11ABCDEFG0abcdefghij_klmnopqrstuvwxyz0123456789", "fm2_" + "lJPECAAAAAAAAMx0bHV1ZGVkLWtleQ==",
            "AKIA" + "IOSFODNN7EXAMPLE", "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xapp-" + "1-A0123456789-0123456789012",
            "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "glpat-" + "x7Yk2Lm9Qp3Rs8Tv1Wz4",
            "npm_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N");

    private static void assertNoPiece(String token, String out, String where) {
        for (int i = 0; i + 12 <= token.length(); i++) {
            String piece = token.substring(i, i + 12);
            assertFalse(out.contains(piece), () -> where + ": '" + piece + "' of " + token + " in: " + out);
        }
    }

    @Test
    void aTokenCutShortByAnotherProgramKeepsNoPiece() {
        // the head of a token cut by a field or line limit of the program that printed it (a 12-character head is a
        // 12-character piece): masked from its prefix and 12 characters on
        for (String t : SHAPES) {
            for (int k = 12; k <= t.length(); k++) {
                String out = Secrets.patterns().redact("denied for " + t.substring(0, k) + " (cut)");
                assertNoPiece(t, out, "cut at " + k);
                assertTrue(out.startsWith("denied for ") && out.endsWith(" (cut)"), out);
            }
        }
        // names that start like a token are not tokens: npm's variables, a Stripe word, a continent
        String prose = "npm_execpath npm_lifecycle_event ASIAPACIFIC sk_test_ ghp_ github_pat_ eyJ";
        assertEquals(prose, Secrets.patterns().redact(prose));
    }

    @Test
    void aTokenWrappedOntoTheNextLineIsMaskedWhole() {
        // a fixed-width log or a terminal wraps the token where the column ends: its head ends one line, its rest
        // starts the next, and neither alone has the token's shape
        for (String t : SHAPES) {
            for (int k = 1; k + 12 <= t.length(); k++) {
                for (String br : List.of("\n", "\r\n", "\n    ")) {
                    String text = "push failed for " + t.substring(0, k) + br + t.substring(k) + " was rejected\nnext line";
                    String out = Secrets.patterns().redact(text);
                    assertNoPiece(t, out, "wrapped at " + k);
                    assertTrue(out.startsWith("push failed for ") && out.endsWith(" was rejected\nnext line"), out);
                }
            }
        }
        // a JWT wrapped over four lines at 20 columns, and a scheme, a URL, an assignment cut by a break
        String jwt = SHAPES.get(SHAPES.size() - 1);
        StringBuilder b = new StringBuilder("Authorization header was\n");
        for (int i = 0; i < jwt.length(); i += 20) {
            b.append(jwt, i, Math.min(jwt.length(), i + 20)).append('\n');
        }
        String out = Secrets.patterns().redact(b.append("\nStarting the next step").toString());
        assertNoPiece(jwt, out, "wrapped over lines");
        assertTrue(out.startsWith("Authorization header was\n") && out.endsWith("\n\nStarting the next step"), out);
        String password = "Pa55w0rd-Canary-9X7qLm";
        String credential = "Zm9vYmFyYmF6MTIzNDU2Nzg5MGFiY2RlZmNhbmFyeQ";
        for (String text : List.of("Authorization: Bear\ner " + credential + " sent", "Authorization: Bearer Zm9\n"
                + credential.substring(3) + " sent", "DEPLOY_TO\nKEN=" + password + " sent", "DEPLOY_TOKEN=" + password
                .substring(0, 5) + "\n" + password.substring(5) + " sent", "https://d\neploy:" + password + "@host/x sent",
                "https://deploy:" + password.substring(0, 9) + "\n" + password.substring(9) + "@host/x sent")) {
            String masked = Secrets.patterns().redact(text);
            assertNoPiece(password, masked, text);
            assertNoPiece(credential, masked, text);
            assertTrue(masked.endsWith(" sent"), masked);
        }
        // a registered value of no known shape, wrapped
        String value = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
        String cut = Secrets.of(List.of(value)).redact("echoed " + value.substring(0, 20) + "\n" + value.substring(20) + " ok");
        assertNoPiece(value, cut, "registered");
        // a line of words after a masked one stays
        String words = "Authorization: Bearer [REDACTED]\nStarting the deploy of the service";
        assertEquals(words, Secrets.patterns().redact(words));
        assertEquals(out, Secrets.patterns().redact(out));
    }

    @Test
    void anEnvironmentListingKeepsItsVariables() {
        // `env` or `printenv` in a CI step: a line that is one assignment is no token's middle, and the next one is a
        // new assignment, not a token's rest (a base64 rest has '=' only as padding at its end); these lines were all
        // masked once, one generated-looking word after another
        String listing = "NODE_OPTIONS=--max-old-space-size=4096\nRAILS_ENV=production\nHOME=/home/runner\n"
                + "DATABASE_POOL_SIZE=10\nDeploying the app";
        assertEquals(listing, Secrets.patterns().redact(listing));
        String token = SHAPES.get(0);
        assertNoPiece(token, Secrets.patterns().redact("GITHUB_TOKEN=" + token + "\n" + listing), "listing");
        // a rest that only looks like an assignment (padding, a FlyV1 token's macaroons) is still masked
        for (String rest : List.of("QUJDREVGR0hJSktM==", "QUJDREVGR0hJSktMTU5P=,fm2_QUJDREVGR0hJSktM")) {
            String masked = Secrets.patterns().redact("FlyV1 fm2_lJPECAAAAAAAAMIz\n" + rest + " sent");
            assertFalse(masked.contains(rest.substring(0, 12)), masked);
        }
    }

    @Test
    void aRegistrysRefusalThatMayRequireAuthorizationKeepsItsWords() {
        // Docker's and BuildKit's own words after "authorization:" are prose, not a header's value: "server" was masked,
        // and Earthly's "authorization: authorization status: 401" masked the word everywhere (earthly/earthly#1873)
        for (String line : List.of(
                "pull access denied for change-image-service-base, repository does not exist or may require "
                        + "authorization: server message: insufficient_scope: authorization failed",
                "WARN: (Load metadata linux/amd64) pull access denied, repository does not exist or may require "
                        + "authorization: authorization status: 401: authorization failed")) {
            assertEquals(line, Secrets.patterns().redact(line));
        }
        // a header's value stays masked: a credential with a digit, a scheme's credential, a value ending the line
        assertEquals("Authorization: [REDACTED] sent", Secrets.patterns().redact("Authorization: hunter2 sent"));
        assertEquals("authorization: Bearer [REDACTED] sent",
                Secrets.patterns().redact("authorization: Bearer abcdefgh sent"));
        assertEquals("x-api-key: [REDACTED]", Secrets.patterns().redact("x-api-key: changeme"));
        assertEquals("Authorization: [REDACTED] was refused",
                Secrets.patterns().redact("Authorization: Xk9pLm2QrT was refused"));
        // review 42: a key header's short lower-case value before prose, a scheme of its own before the credential
        assertEquals("x-api-key: [REDACTED] is the value", Secrets.patterns().redact("x-api-key: qwertyuiopasd is the value"));
        assertEquals("api-key = [REDACTED]", Secrets.patterns().redact("api-key = hunter thepasswordislong"));
        for (String scheme : List.of("ApiKey", "Bot", "Negotiate", "apikey", "key")) {
            String credential = "dGVzdDp0ZXN0dGVzdHRlc3R0ZXN0dGVzdA";
            String out = Secrets.patterns().redact("Authorization: " + scheme + " " + credential + " and more");
            assertEquals("Authorization: " + scheme + " [REDACTED] and more", out);
        }
        String signature = "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";
        String sigv4 = Secrets.patterns().redact("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/"
                + "us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=" + signature);
        assertNoPiece(signature, sigv4, "a SigV4 signature");
        assertNoPiece("AKIAIOSFODNN7EXAMPLE", sigv4, "a SigV4 credential");
    }

    @Test
    void aTablesFirstRowAfterItsHeaderIsNoWrappedToken() {
        // kubectl's header ends in AGE; joined with a long pod name the two made one generated-looking word of 34
        // characters and the pod's name was masked in a finding (p59-03's "kubectl get pods" in a helm job)
        String pods = "NAME                              READY   STATUS             RESTARTS      AGE\n"
                + "alertmanager-kps-alertmanager-0   1/2     CrashLoopBackOff   5 (47s ago)   4m52s";
        assertEquals(pods, Secrets.patterns().redact(pods));
        String deploys = "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\r\ncheckout-api-canary-7d9f8c6b5d-x2k4j   0/3   3   0   2m";
        assertEquals(deploys, Secrets.patterns().redact(deploys));
        // kubectl's services, whose header has PORT(S) (review 42)
        String services = "NAME  TYPE  CLUSTER-IP  EXTERNAL-IP  PORT(S)  AGE\n"
                + "alertmanager-kps-alertmanager-operated   ClusterIP   None   <none>   9093/TCP   5d";
        assertEquals(services, Secrets.patterns().redact(services));
        // a line of upper-case words that is no table's header (no column kubectl, docker or helm prints) keeps joining
        String value = "ABCDEFGHIJKLMNOP" + "qrstuvwx1234567890abcdefghijkl";
        assertNoPiece(value, Secrets.patterns().redact("EXPORTED SECRET VALUE " + value.substring(0, 16) + "\n"
                + value.substring(16) + " end"), "wrapped after upper-case words");
        // an access key's head ending such a line is still read with the rest the next line starts with
        String key = "AKIA" + "IOSFODNN7EXAMPLE";
        String out = Secrets.patterns().redact("NAME   READY   " + key.substring(0, 4) + "\n" + key.substring(4) + " was used");
        assertNoPiece(key, out, "wrapped after a header-like line");
        // and a line of words that is no header (lower case, or two words) keeps joining a wrapped token
        for (String t : SHAPES) {
            String wrapped = Secrets.patterns().redact("TOKEN IS " + t.substring(0, 6) + "\n" + t.substring(6) + " end");
            assertNoPiece(t, wrapped, "wrapped after two upper-case words");
        }
    }

    @Test
    void aBase64ValueWrappedBeforeItsPaddingIsNoAssignment() {
        // a value of no known shape with one '=' of padding, wrapped so that the next line is its last upper-case
        // characters and the '=' ("KQ=", then a quote or the rest of the message): no environment variable's
        // assignment, which has a value after its '=' (the "auth" of a config.json as `cat ~/.docker/config.json`
        // prints it, docs.docker.com/reference/cli/docker/login/); the word across the break is masked whole
        String value = "Zm9vYmFyYmF6MTIzNDU2Nzg5MGFiY2RlZmNhbmFyeUtFWQ=";
        for (int k = 1; k + 1 < value.length(); k++) {
            for (String br : List.of("\n", "\n    ")) {
                for (String[] around : List.of(new String[] {"{\"auths\": {\"registry.example.com\": {\"auth\": \"", "\"}}}"},
                        new String[] {"push failed for ", " was rejected"}, new String[] {"", "\nAWS_DEFAULT_REGION=us-east-1"})) {
                    String text = around[0] + value.substring(0, k) + br + value.substring(k) + around[1];
                    String out = Secrets.patterns().redact(text);
                    assertNoPiece(value, out, "wrapped at " + k);
                    assertTrue(out.startsWith(around[0]) && out.endsWith(around[1]), out);
                }
            }
        }
    }

    @Test
    void aTokenWrappedRightBeforeTheNextLineOfAnEnvironmentListingIsMasked() {
        // `printenv` wrapped at a fixed width: the access key's line ends in its head, the next line is its rest, and
        // the line after is the listing's next variable (the names and the example key of the AWS CLI's user guide,
        // docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html); joined with that line the key's shape
        // has no end, so the text is read with the break before the next assignment kept too
        String key = "AKIA" + "IOSFODNN7EXAMPLE";
        for (int k = 1; k < key.length(); k++) {
            for (String br : List.of("\n", "\r\n", "\n    ")) {
                String text = "AWS_ACCESS_KEY_ID=" + key.substring(0, k) + br + key.substring(k)
                        + "\nAWS_DEFAULT_REGION=us-east-1\nAWS_DEFAULT_OUTPUT=json";
                String out = Secrets.patterns().redact(text);
                assertNoPiece(key, out, "wrapped at " + k);
                assertTrue(out.endsWith("\nAWS_DEFAULT_REGION=us-east-1\nAWS_DEFAULT_OUTPUT=json"), out);
                List<String> lines = Secrets.patterns().redactLines(List.of(text.split("\n", -1)));
                assertNoPiece(key, String.join("\n", lines), "lines, wrapped at " + k);
            }
        }
    }

    @Test
    void aKeyPrintedOnOneLineAndWrappedKeepsNoPieceEvenFarFromItsMarker() {
        // `echo $KEY` without quotes collapses the key's line breaks into spaces; a fixed-width log then wraps the
        // line, so a line of key material may be far from the BEGIN marker that says what it is
        // two lines of key material (random base64, as a key's is: digits and both cases all along)
        String key1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7q2Xw9Lk4mZt8";
        String key2 = "wJ8QpK3x9Vt2mHf7Lq0ZsN4yR1cB6dE5gU8iO2aT3jW7kX9bYv1Hn6Rm0Pc4Ds5";
        String key3 = "MIIEpAIBAAKCAQEAsecondLineOfKeyMaterialXyZqwertyuiopasdf"; // a fake's: no digit after the first 16
        String flat = "key: -----BEGIN PRIVATE KEY----- " + key1 + " " + key2 + " " + key3 + " -----END PRIVATE KEY----- done";
        for (int width = 20; width <= 90; width += 7) {
            List<String> lines = new java.util.ArrayList<>();
            for (int i = 0; i < flat.length(); i += width) {
                lines.add(flat.substring(i, Math.min(flat.length(), i + width)));
            }
            // each line with the one before and after it, as a window of a log's context sees them
            for (int i = 1; i + 1 < lines.size(); i++) {
                String out = Secrets.patterns().redactLines(lines.subList(i - 1, i + 2)).get(1);
                assertNoPiece(key1, out, "width " + width);
                assertNoPiece(key2, out, "width " + width);
                assertNoPiece(key3, out, "width " + width);
            }
        }
        // a digest or a path cut by a wrap stays
        String kept = "sha256:4f1c9a0b7e2d6c5a8f3e1b0d9c7a6e5f\n4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8 /usr/lib/node_modules/some-pack\nage/index.js"
                + " at org.springframework.aop.framework.AbstractSingletonPr\noxyFactoryBean.getObject";
        assertEquals(kept, Secrets.patterns().redact(kept));
    }

    @Test
    void aPrivateKeyWhoseEndNeverComesMasksItsLinesAndKeepsTheLinesOfWordsAfterIt() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Jr5hZ2lYvN8XkH0ZtQbW9Lz3pJ1mKcP\n"
                + "Q7dE2fR9sT4uV6wX8yZ0aB1cD3eF5gH7iJ9kL1mN3oP5qR7sT9u\n";
        String out = Secrets.patterns().redact("loading key: " + key + "Error: key is cut short\nexit code 1");
        assertEquals("loading key: [REDACTED]\n[REDACTED]\n[REDACTED]\nError: key is cut short\nexit code 1", out);
        assertEquals("x [REDACTED] y",
                Secrets.patterns().redact("x " + key + "-----END RSA PRIVATE KEY----- y"));
    }

    @Test
    void theMarkersOfAPrivateKeyBlockAreReadTheSameInAStringAndInABuffer() {
        assertEquals(27, Secrets.privateKeyBegin("-----BEGIN PRIVATE KEY-----"));
        assertEquals(39, Secrets.privateKeyBegin("app-1 | -----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEAx4Jr5hZ2"));
        // a line of a log read into a buffer, as the log scanner hands it over: indexes count from the line's start
        char[] buf = "prev\n#8 0.231 -----BEGIN OPENSSH PRIVATE KEY-----\nnext".toCharArray();
        java.nio.CharBuffer line = java.nio.CharBuffer.wrap(buf, 5, 44);
        assertEquals("#8 0.231 -----BEGIN OPENSSH PRIVATE KEY-----", line.toString());
        assertEquals(44, Secrets.privateKeyBegin(line));
        assertFalse(Secrets.isPrivateKeyEnd(line));
        // naming one of the markers is not beginning a block; a public key or a certificate is no private key
        assertEquals(-1, Secrets.privateKeyBegin("It must start with PRIVATE KEY-----"));
        assertEquals(-1, Secrets.privateKeyBegin("-----BEGIN PUBLIC KEY-----"));
        assertEquals(-1, Secrets.privateKeyBegin("-----BEGIN CERTIFICATE-----"));
        assertTrue(Secrets.isPrivateKeyEnd("-----END PRIVATE KEY-----"));
        assertTrue(Secrets.isPrivateKeyEnd(java.nio.CharBuffer.wrap("x -----END RSA PRIVATE KEY----- y")));
        assertFalse(Secrets.isPrivateKeyEnd("the end"));
    }

    @Test
    void wholeValuesThatLookLikeSecrets() {
        assertTrue(Secrets.looksLikeSecret(GHP));
        assertTrue(Secrets.looksLikeSecret("Bearer abc"));
        assertTrue(Secrets.looksLikeSecret("aZ3bY4cX5dW6eV7fU8gT9hS0iR1jQ2kP3"));
        assertFalse(Secrets.looksLikeSecret("DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER"));
        assertFalse(Secrets.looksLikeSecret("https://api.github.com"));
    }

    @Test
    void aMegabyteOfBeginMarkersWithoutAnEndIsMaskedInOnePass() {
        // one lazy BEGIN…END pattern rescanned the rest of the text from every BEGIN with no END after it: 9 s at
        // 128 KB, about ten minutes at 1 MB (review of the sixth session); the guard only ends a hung run
        String begins = "-----BEGIN RSA PRIVATE KEY-----\n".repeat(32 * 1024);
        String text = begins + "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n";
        String out = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> Secrets.patterns().redact(text));
        assertFalse(out.contains("MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM"), "the key material is masked");
    }

    /** Shapes added in the seventh session: OpenAI, Anthropic, Fly organisation, Google, SendGrid, webhooks. */
    private static final List<String> MORE_SHAPES = List.of("sk-" + "proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd",
            "sk-" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefgh", "sk-" + "ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0",
            "fo1" + "_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "fm1r" + "_lJPECAAAAAAAAMx0bHV1ZGVkLWtleQ",
            "AIza" + "SyA1234567890abcdefghijklmnopqrstu", "SG." + "abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123");

    @Test
    void masksTheShapesOfOtherProvidersWholeAndCutShort() {
        for (String t : MORE_SHAPES) {
            for (int k = 12; k <= t.length(); k++) {
                String out = Secrets.patterns().redact("denied for " + t.substring(0, k) + " (cut)");
                assertNoPiece(t, out, "cut at " + k);
                assertEquals("denied for [REDACTED] (cut)", out);
            }
        }
        String hook = "https://hooks.slack.com/services/" + "T0A1B2C3D/B4E5F6G7H/aBcDeFgHiJkLmNoPqRsTuVwX";
        String out = Secrets.patterns().redact("posting to " + hook + " failed");
        assertNoPiece("T0A1B2C3D/B4E5F6G7H/aBcDeFgHiJkLmNoPqRsTuVwX", out, "slack hook");
        String prose = "sk-learn sk-images-large task-runner-process";
        assertEquals(prose, Secrets.patterns().redact(prose));
    }

    @Test
    void hostNamesThatStartWithSkStayAndProviderKeysOfEveryRealFormatAreMasked() {
        // the sk- shape masked every host, job or model name that starts with sk- and has a digit (sk-prod-db-01)
        String hosts = "connect to sk-prod-db-01:5432 failed; sk-eu-west-cache.internal.example.test refused;"
                + " pod sk-worker-7f9c4-x2m4q restarted; job sk-nightly-backup-2024 ok; sk-learn 1.5.2; sk-MyService";
        assertEquals(hosts, Secrets.patterns().redact(hosts));
        assertFalse(Secrets.looksLikeSecret("sk-prod-db-01"), "a host name in a config is quoted in its errors");
        // real formats (gitleaks rules openai.go, anthropic.go; OpenRouter sk-or-v1- + 64 hex; a 32-hex key): fakes
        String r20 = "Xq7Lm2Nb9Vc4Zx1Kj8Hg";
        String r58 = "SevzW_NmNnMn-dQ5gn6PjFcX9ay5SEKse8AL0EuYAB0cIgFW7Equ3vCbUbY";
        List<String> keys = List.of("sk-" + r20 + "T3BlbkFJ" + r20, "sk-" + "proj-" + r58 + "T3BlbkFJ" + r58,
                "sk-" + "svcacct-" + r58 + "T3BlbkFJ" + r58, "sk-" + "admin-" + r58 + "T3BlbkFJ" + r58,
                "sk-" + "ant-api03-" + r58 + r20 + "Zr4Tq8Wn2Kp6Hs0AA", "sk-" + "ant-admin01-" + r58 + r20 + "Zr4Tq8Wn2Kp6Hs0AA",
                "sk-" + "ant-oat01-" + r58, "sk-" + "or-v1-" + "4f1c9a0b7e2d6c5a8f3e1b0d9c7a6e5f4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a",
                "sk-" + "4f1c9a0b7e2d6c5a8f3e1b0d9c7a6e5f");
        for (String k : keys) {
            for (int n = 12; n <= k.length(); n++) {
                String out = Secrets.patterns().redact("key " + k.substring(0, n) + " was refused");
                assertEquals("key [REDACTED] was refused", out, "cut at " + n);
            }
        }
    }

    @Test
    void aCookieHeaderKeepsItsNamesAttributesAndTheTextAfterIt() {
        // the cookie rule masked the rest of the line: attributes, and the words after the header a diagnosis reads
        String sid = "Zm9vYmFy" + "YmF6MTIzNDU2";
        for (String[] in : List.of(
                new String[] {"Set-Cookie: sid=" + sid + "; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600;"
                        + " Domain=example.test; Secure; HttpOnly; SameSite=Lax sent by upstream, retrying",
                    "Set-Cookie: sid=[REDACTED]; Path=/; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=3600;"
                        + " Domain=example.test; Secure; HttpOnly; SameSite=Lax sent by upstream, retrying"},
                new String[] {"Cookie: session=" + sid + "; theme=dark then the proxy answered 502 Bad Gateway",
                    "Cookie: session=[REDACTED]; theme=[REDACTED] then the proxy answered 502 Bad Gateway"},
                new String[] {"{\"headers\":{\"Cookie\":\"sid=" + sid + "; lang=en\",\"Host\":\"api.example.test\"}}",
                    "{\"headers\":{\"Cookie\":\"sid=[REDACTED]; lang=[REDACTED]\",\"Host\":\"api.example.test\"}}"},
                new String[] {"set-cookie: a=" + sid + "; Path=/, b=" + sid + "x; path=/api; HttpOnly",
                    "set-cookie: a=[REDACTED]; Path=/, b=[REDACTED]; path=/api; HttpOnly"},
                new String[] {"Cookie: sid=\"" + sid + "\"; x=1", "Cookie: sid=[REDACTED]; x=[REDACTED]"},
                new String[] {"Cookie: " + sid + " rejected", "Cookie: [REDACTED] rejected"},
                new String[] {"Set-Cookie: __cfduid=d08de67e43e2d028f84534f92e2fe0a4f1555080515; expires=Sat, 11-Apr-20"
                        + " 14:48:35 GMT; path=/; domain=.example.test; HttpOnly",
                    "Set-Cookie: __cfduid=[REDACTED]; expires=Sat, 11-Apr-20 14:48:35 GMT; path=/; domain=.example.test;"
                        + " HttpOnly"})) {
            assertEquals(in[1], Secrets.patterns().redact(in[0]));
            assertEquals(in[1], Secrets.patterns().redact(in[1]), "idempotent");
        }
    }

    @Test
    void passwordsSecretsAndTokensOfWordsAreMaskedByTheirKey() {
        // a person's password is words: no digit, no capital, so no shape; its key says what it is
        String pw = "correcthorsebatterystaple";
        for (String text : List.of("password=" + pw, "DB_PASSWORD: " + pw, "client-secret=" + pw, "token=" + pw,
                "\"password\": \"" + pw + " with spaces\"", "password='" + pw + " x'", "Bearer " + pw,
                "Cookie: session=" + pw + "; theme=dark", "Set-Cookie: sid=" + pw + "; Path=/; HttpOnly",
                "https://deploy:" + pw.substring(0, 12) + " " + pw.substring(12) + "@db.example.test/x",
                "curl -u deploy:" + pw + " https://x.example.test", "docker login --password " + pw + " ghcr.io",
                "cli --token=" + pw)) {
            String out = Secrets.patterns().redact("login with " + text + " failed");
            assertNoPiece(pw, out, text);
            assertTrue(out.contains(Secrets.MASK), out);
            for (int max = 10; max < text.length() + 20; max++) {
                assertNoPiece(pw, Secrets.patterns().cut("login with " + text + " failed", max), text + " cut at " + max);
            }
        }
        // prose and variable references keep their words
        String prose = "FATAL: password authentication failed for user deploy; Bearer authentication; token expired;"
                + " PWD=/home/runner/work/app; password: $PGPASS; password: unknown key;"
                + " see http://db.example.test:5432 or mail ops@example.test; git push -u origin main;"
                + " docker run -u 1000:1000 app; echo x | docker login --password-stdin ghcr.io; --token $GH_TOKEN";
        assertEquals(prose, Secrets.patterns().redact(prose));
    }

    @Test
    void aPassphraseOfWordsIsMaskedWholeAndTheMessageAroundItStays() {
        // an unquoted password of several words had its first word masked only: "[REDACTED] horse battery staple"
        String words = "correct horse battery staple";
        List<String[]> cases = List.of(
                new String[] {"config error: password: " + words + ", line 4", "config error: password: [REDACTED], line 4"},
                new String[] {"level=error msg=login password=" + words + " user=deploy", "level=error msg=login password=[REDACTED] user=deploy"},
                new String[] {"DB_PASSPHRASE = " + words, "DB_PASSPHRASE = [REDACTED]"},
                new String[] {"client_secret: " + words + "; retry", "client_secret: [REDACTED]; retry"},
                // a generated value: what follows it is the message
                new String[] {"Error: password: hunter2 was rejected by db-01", "Error: password: [REDACTED] was rejected by db-01"},
                new String[] {"get secret:algo-dev-directus-secret2024-EaPYTy from secrets manager: AccessDeniedException",
                    "get secret:[REDACTED] from secrets manager: AccessDeniedException"});
        for (String[] c : cases) {
            assertEquals(c[1], Secrets.patterns().redact(c[0]));
        }
        // prose and what a log prints instead of a password keep their words
        for (String prose : List.of("FATAL: password authentication failed for user \"deploy\"", "password is required",
                "Number of tries to enter a password: 3", "password: must be at least 12 characters long",
                "password: unknown key in section client", "Password: no value given", "secret: not found in namespace prod",
                "mysql: [Warning] Using a password on the command line interface can be insecure.",
                "$ export DOCKER_PASSWORD=[REDACTED]", "password: $PGPASSWORD from the environment")) {
            assertEquals(prose, Secrets.patterns().redact(prose));
        }
        assertEquals("Password: [REDACTED]", Secrets.patterns().redact("Password: ******"));
        // echoed again without its key, cut short
        String echoed = Secrets.patterns().redact("passphrase: " + words + "\nthe server said: " + words.substring(0, 14) + "…");
        assertNoPiece(words, echoed, "echoed");
        assertTrue(echoed.startsWith("passphrase: [REDACTED]\n") && echoed.endsWith(" said: [REDACTED] …"), echoed);
    }

    @Test
    void aMegabyteOfPasswordKeysAndWordsIsMaskedInOnePass() {
        // the passphrase rule reads words after a key with a look-ahead for the next key: linear, not quadratic
        for (String text : List.of("password: " + "a ".repeat(512 * 1024), "password: ".repeat(100_000),
                "password=x user: ".repeat(60_000), "secret: " + "w".repeat(1 << 20) + " tail")) {
            String out = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> Secrets.patterns().redact(text));
            assertTrue(out.length() <= text.length() + 1_000_000, "masked: " + out.length());
        }
    }

    @Test
    void aRegisteredValueIsMaskedInEveryPieceAndEveryEncoding() {
        String value = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
        Secrets s = Secrets.of(List.of(value));
        // a server that echoes the head or the tail of a token it cut short, at every length of 12 or more
        for (int k = 12; k <= value.length(); k++) {
            for (String piece : List.of(value.substring(0, k), value.substring(value.length() - k))) {
                String out = s.redact("the server said: invalid token " + piece + "… (truncated)");
                assertNoPiece(value, out, "piece " + piece);
                assertTrue(out.startsWith("the server said: invalid token [REDACTED]") && out.endsWith(" (truncated)"), out);
            }
        }
        // percent-encoded in a URL, JSON-escaped, wrapped across a line break at every column
        String odd = "p@ss/w\"rd:" + "Zr4Tq8Wn2Kp6";
        Secrets t = Secrets.of(List.of(odd));
        for (String text : List.of(java.net.URLEncoder.encode(odd, java.nio.charset.StandardCharsets.UTF_8),
                "p%40ss%2Fw%22rd%3AZr4Tq8Wn2Kp6", "p%40ss%2fw%22rd%3aZr4Tq8Wn2Kp6", "p@ss\\/w\\\"rd:Zr4Tq8Wn2Kp6",
                "p@ss/w\\\"rd:Zr4Tq8Wn2Kp6")) {
            String out = t.redact("GET /login?x=" + text + " 401");
            assertFalse(out.contains("Zr4Tq8Wn2Kp6"), () -> text + " -> " + out);
        }
        for (int k = 1; k < value.length(); k++) {
            String out = s.redact("echoed " + value.substring(0, k) + "\n" + value.substring(k) + " ok");
            assertNoPiece(value, out, "wrapped at " + k);
        }
        // a URL held in a variable: its path is the secret, its host is the service's name and stays
        String hook = "https://alerts.example.test/hooks/" + "hK8sW3dF6gJ1lZ4xC7vB2nM5";
        String out = Secrets.of(List.of(hook)).redact("see https://alerts.example.test/status; token hK8sW3dF6gJ1lZ4x");
        assertEquals("see https://alerts.example.test/status; token [REDACTED]", out);
        // a short value is masked whole only: "deploy-key" is no 12-character piece of anything
        assertEquals("a deploy-key b", Secrets.of(List.of("deploy-key")).redact("a deploy-key b").replace("[REDACTED]", "deploy-key"));
    }

    /**
     * Since forTerminal drops only the introducer of a string sequence no terminator ends on its line (e3368c49), a
     * token cut by one (an OSC, a DCS, the C1 OSC of a mojibake right double quote) shows whole on the terminal: the
     * masking reads it whole too, on its line and with a line after it. (Not covered: an open string's printable
     * parameters inside a token, "g\u001b]0;hp_…", now show on the terminal as "g0;hp_…", a tail of no shape; report.md
     * showed it so before.)
     */
    @Test
    void aTokenCutByAnUnterminatedStringSequenceKeepsNoPiece() {
        List<String> all = new java.util.ArrayList<>(SHAPES);
        all.addAll(MORE_SHAPES);
        for (String t : all) {
            for (int k = 1; k < t.length(); k++) {
                for (String open : List.of("\u001b]", "\u001bP", "\u001bX", "\u009d", "\u0090", "\u009f")) {
                    for (String text : List.of("push " + t.substring(0, k) + open + t.substring(k) + " failed",
                            "push " + t.substring(0, k) + open + t.substring(k) + "\nnext line \u0007")) {
                        String out = Secrets.patterns().redact(text);
                        assertNoPiece(t, RemoteText.forTerminal(out), "terminal: " + text);
                        assertFalse(RemoteText.forTerminal(out).chars().anyMatch(c -> c == 0x1b || c >= 0x80 && c <= 0x9f),
                                out);
                    }
                }
            }
        }
    }

    @Test
    void aTokenGluedToOrCutByCharactersATerminalDoesNotShowKeepsNoPiece() {
        // a colour code right before a token leaves no word boundary before its shape ("ESC[1mAKIA…" reads "mAKIA"),
        // one inside cuts it in two, a zero-width space or a soft hyphen too: the terminal shows the token whole
        List<String> all = new java.util.ArrayList<>(SHAPES);
        all.addAll(MORE_SHAPES);
        for (String t : all) {
            // also written as a JSON body or a shell writes them (the six characters \u001b, \x1b, \033), after a word
            List<String> texts = new java.util.ArrayList<>(List.of("key \u001b[1m" + t + "\u001b[0m shown",
                    "\u001b]8;;https://example.test\u0007" + t + "\u001b]8;;\u0007 link", "not found\u001b[1m" + t,
                    "{\"error\": \"not found\\u001b[1m" + t + "\\u001b[0m\"}", "echo -e \"\\x1b[31m" + t + "\\033[0m\""));
            for (int k = 1; k < t.length(); k++) {
                // the last: shown as nothing though no format character (a variation selector, the combining
                // grapheme joiner, a Hangul filler), which cut a token in two for the shapes and kept its tail
                for (String hidden : List.of("\u001b[0m", "\u200b", "\u00ad", "\u009b31m", "\u0000", "\uDB40\uDC41",
                        "\\u001b[0m", "\\u200b", "\\udb40\\udc41", "\\e[0m", "\uFE0F", "\u034F", "\u3164", "\uDB40\uDD00",
                        "\\ufe0f")) {
                    texts.add("push " + t.substring(0, k) + hidden + t.substring(k) + " failed");
                }
            }
            for (String text : texts) {
                String out = Secrets.patterns().redact(text);
                assertNoPiece(t, out, text);
                assertNoPiece(t, RemoteText.forTerminal(out), "terminal: " + text);
                assertNoPiece(t, RemoteText.visible(out), "visible: " + text);
            }
        }
        // a registered value of no shape, with a colour code inside
        String value = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
        String out = Secrets.of(List.of(value)).redact("got canary-unsh\u001b[32maped-Zr4Tq8Wn\u001b[0m2Kp6Hs0Vd ok");
        assertNoPiece(value, RemoteText.forTerminal(out), out);
        // escape sequences around words that are no secret stay as they were
        String colours = "\u001b[31mERROR\u001b[0m: failed to push \u001b[1mghcr.io/acme/app\u001b[0m\nnext line \u2764\uFE0F";
        assertEquals(colours, Secrets.patterns().redact(colours));
        assertEquals(List.of("\u001b[31mline\u001b[0m", "key \u001b[1m[REDACTED]\u001b[0m"),
                Secrets.patterns().redactLines(List.of("\u001b[31mline\u001b[0m", "key \u001b[1m" + GHP + "\u001b[0m")));
    }

    @Test
    void aTokenAfterAJsonEscapeIsMasked() {
        // a JSON log or body writes a line break, a tab or (Gson) an '=' as an escape glued to the token that follows:
        // no word boundary is left before its prefix
        String aws = "AKIA" + "Q7WE9RT2YU4IO6PA";
        for (String text : List.of("{\"msg\":\"push failed\\n" + GHP + "\"}", "{\"msg\":\"key:\\t" + aws + "\"}",
                "{\"msg\":\"a\\r\\n" + GHP + "\\n\"}", "{\"env\":\"GITHUB_TOKEN\\u003d" + GHP + "\"}",
                "{\"url\":\"https://x.example/cb?a\\u003d1\\u0026token\\u003dZq8xT3vN0pLr5WmK2yHc7JdF4sGb\"}")) {
            String out = Secrets.patterns().redact(text);
            assertNoPiece(GHP, out, text);
            assertNoPiece(aws, out, text);
            assertNoPiece("Zq8xT3vN0pLr5WmK2yHc7JdF4sGb", out, text);
            assertTrue(out.contains("[REDACTED]"), out);
        }
        // a JSON body quoted inside a JSON log line: its quotes are escaped, so the key is not followed by ':' or '='
        for (String text : List.of("{\"msg\":\"body={\\\"user\\\":\\\"app\\\",\\\"password\\\":\\\"hunter2hunter2\\\"}\"}",
                "{\"msg\":\"body={\\\"api_key\\\":\\\"Zq8xT3vN0pLr5WmK2yHc7JdF4sGb\\\"}\"}")) {
            String out = Secrets.patterns().redact(text);
            assertNoPiece("hunter2hunter2", out, text);
            assertNoPiece("Zq8xT3vN0pLr5WmK2yHc7JdF4sGb", out, text);
            assertTrue(out.contains("\\\"[REDACTED]\\\"}"), out);
        }
        // the word after the escape is kept, and text with such escapes and no secret is unchanged
        assertEquals("{\"msg\":\"[REDACTED]\\nnext line\"}", Secrets.patterns().redact("{\"msg\":\"" + GHP + "\\nnext line\"}"));
        String plain = "{\"msg\":\"C:\\\\new\\tfolder\\n\\u003cdone\\u003e\"}";
        assertEquals(plain, Secrets.patterns().redact(plain));
    }

    /** {@code s} in full-width forms (U+FF01–U+FF5E), as a CJK input method or a hostile payload writes it. */
    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return b.toString();
    }

    /** {@code s} in invisible tag characters (U+E0020–U+E007E): a reader sees nothing, a program reads it. */
    private static String tags(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.appendCodePoint(0xE0000 + c));
        return b.toString();
    }

    /** {@code s} with each character written as a JSON escape ({@code \\uff47}, {@code \\udb40\\udc67}). */
    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(String.format(java.util.Locale.ROOT, "\\u%04x", c)));
        return b.toString();
    }

    @Test
    void aTokenInFullWidthOrMathematicalLettersIsMaskedWhole() {
        // NFKC reads ｇｈｐ＿… as ghp_…: a terminal, a browser or a model shows the token, the shapes did not see it
        String value = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
        Secrets s = Secrets.of(List.of(value));
        StringBuilder bold = new StringBuilder("AKIA");
        "Q3EGRTX7YCNZ2WLM".chars().forEach(c -> bold.appendCodePoint(Character.isDigit(c) ? 0x1D7CE + c - '0'
                : 0x1D400 + c - 'A'));
        for (String t : List.of(fullWidth(GHP), GHP.substring(0, 10) + fullWidth(GHP.substring(10)), fullWidth(value),
                fullWidth("AKIA" + "Q3EGRTX7YCNZ2WLM"), bold.toString(), jsonEscaped(fullWidth(GHP)))) {
            String out = s.redact("push denied for " + t + " (retry)");
            assertEquals("push denied for [REDACTED] (retry)", out, t);
        }
        assertEquals("ｐａｓｓｗｏｒｄ＝[REDACTED] ok", s.redact("ｐａｓｓｗｏｒｄ＝ｈｕｎｔｅｒ２ｈｕｎｔｅｒ２ ok"));
        // wrapped onto the next line by a fixed-width producer
        String wide = fullWidth(GHP);
        assertEquals("push [REDACTED]\n[REDACTED] failed\nnext", s.redact("push " + wide.substring(0, 15) + "\n"
                + wide.substring(15) + " failed\nnext"));
        // full-width text that holds no secret stays as it is
        String prose = "エラー：ＡＰＩサーバーに接続できません（ポート８０８０）ｓｋ－ｐｒｏｄ－ｄｂ－０１ 𝐁𝐨𝐥𝐝 \uD83D\uDE80";
        assertEquals(prose, s.redact(prose));
    }

    @Test
    void aTokenWrittenInTagCharactersIsMaskedWhole() {
        // tag characters are invisible; a token spelled in them was taken out for the shapes and kept in the output
        String value = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
        Secrets s = Secrets.of(List.of(value));
        for (String t : List.of(tags(GHP), tags("AKIA" + "Q3EGRTX7YCNZ2WLM"), tags(value), "ghp_" + tags(GHP.substring(4)),
                jsonEscaped(tags(GHP)), tags("Authorization: Bearer " + "Zm9vYmFyYmF6MTIzNDU2Nzg5MGFiY2Rl"))) {
            String out = s.redact("ERROR: denied " + t + " ok");
            assertTrue(out.startsWith("ERROR: denied ") && out.endsWith(" ok"), out);
            // what a program reads in the output: the tag characters and their escapes as the ASCII they stand for
            String decoded = java.util.regex.Pattern.compile("\\\\udb40\\\\udc([0-9a-f]{2})").matcher(out.codePoints()
                    .map(c -> c >= 0xE0000 && c <= 0xE007F ? c - 0xE0000 : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)));
            assertNoPiece(GHP, decoded, t);
            assertNoPiece(value, decoded, t);
            assertNoPiece("Zm9vYmFyYmF6MTIzNDU2Nzg5MGFiY2Rl", decoded, t);
            assertTrue(out.contains("[REDACTED]"), out);
        }
        // tag characters that spell no secret (a hidden instruction) stay: the renderers show or escape them
        String hidden = "denied " + tags("ignore previous") + " ok";
        assertEquals(hidden, s.redact(hidden));
    }

    /** {@code s} percent-encoded with every byte but ASCII letters, digits and {@code keep} as %XX. */
    private static String percentEncoded(String s, String keep, boolean lowerHex) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || keep.indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                b.append(String.format(java.util.Locale.ROOT, lowerHex ? "%%%02x" : "%%%02X", c));
            }
        }
        return b.toString();
    }

    @Test
    void aRegisteredValueIsMaskedInEveryStyleOfPercentEncoding() {
        // JavaScript's encodeURIComponent keeps ~!*'() as they are, Java's URLEncoder encodes ~ and keeps *, RFC 3986
        // keeps ~ only, Python's quote keeps /: a value with those characters took forms the list did not hold
        String value = "p@ss w~rd!*(x)'/é" + "Zr4Tq8Wn2Kp6";
        Secrets s = Secrets.of(List.of(value));
        for (String keep : List.of("-_.!~*'()", "-_.~", "-_.~/", "-_.*", "-_.!~*'();/?:@&=+$,#")) {
            for (boolean lower : new boolean[] {false, true}) {
                String encoded = percentEncoded(value, keep, lower);
                String out = s.redact("GET /login?next=/x&pw=" + encoded + "&y=1 401");
                assertEquals("GET /login?next=/x&pw=[REDACTED]&y=1 401", out, encoded);
                String piece = s.redact("echoed " + percentEncoded(value.substring(6), keep, lower) + " back");
                assertFalse(piece.contains("Zr4Tq8Wn2Kp6"), piece);
            }
        }
        // a token of a known shape percent-encoded inside another URL's parameter
        String nested = "redirect=https%3A%2F%2Fci.example.test%2Fcb%3Ftoken%3D" + GHP.replace("_", "%5F") + "%26x%3D1";
        String out = Secrets.patterns().redact(nested);
        assertNoPiece(GHP, out.replace("%5F", "_"), nested);
        assertTrue(out.startsWith("redirect=https%3A%2F%2Fci.example.test%2Fcb%3Ftoken%3D[REDACTED]"), out);
        // percent-encoded text without a secret stays
        String plain = "GET /search?q=50%25%20off%21&lang=%E6%97%A5%E6%9C%AC 200 100%";
        assertEquals(plain, s.redact(plain));
    }

    @Test
    void aMegabyteOfLookAlikesIsReadInOnePass() {
        for (String text : List.of("%41".repeat(350_000), "\uFF47\uFF48\uFF50\uFF3F".repeat(260_000),
                tags("ghp_").repeat(130_000), "%E2%82".repeat(170_000), "\\udb40\\udc67".repeat(87_000))) {
            String out = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> Secrets.patterns().redact(text));
            assertTrue(out.length() <= text.length(), "masked, not grown: " + out.length());
        }
    }

    @Test
    void addingValuesOneAtATimeDoesNotEncodeTheEncodedFormsAgain() throws Exception {
        // each and() encoded every value it held, its earlier encoded forms too ("%24" → "%2524"): the forms doubled
        // with each call, and every line of every log is looked for each of them
        Secrets s = Secrets.of(List.of("pa$$w/rd \"x\" secret!"));
        for (int i = 0; i < 12; i++) {
            s = s.and(List.of("another-secret-" + i));
        }
        java.lang.reflect.Field values = Secrets.class.getDeclaredField("values");
        values.setAccessible(true);
        int forms = ((List<?>) values.get(s)).size();
        assertTrue(forms <= 13 * 12, forms + " forms for 13 values");
        assertEquals(13, s.registeredValues());
        assertEquals("got [REDACTED] and [REDACTED]", s.redact("got pa%24%24w%2Frd+%22x%22+secret%21 and another-secret-11"));
    }

    @Test
    void aUrlValueGivesThePiecesOfItsCredentialPartsNotOfItsWords() {
        // a webhook URL held in a variable: its token segment is masked in any piece, the words of its path are not
        String token = "Tq8Zr4Wn2Kp6Hs0V";
        Secrets s = Secrets.of(List.of("https://hooks.example.com/notifications/alertmanager-receiver/" + token));
        assertEquals("service alertmanager is down; notifications delayed; receiver alertmanager-receiver",
                s.redact("service alertmanager is down; notifications delayed; receiver alertmanager-receiver"));
        assertEquals("echo [REDACTED] end", s.redact("echo " + token.substring(2, 14) + " end"));
    }

    @Test
    void aValueMaskedByItsKeyIsMaskedWhereItComesAgainWithout() {
        // a plain-word password is known by its key only; the server echoes it (or its head) again further on
        assertEquals("login password=[REDACTED] failed; echoed [REDACTED] and [REDACTED] end\n[REDACTED] p",
                Secrets.patterns().redact("login password=correcthorsebatterystaple failed; echoed correcthorsebatterystaple"
                        + " and correcthorsebat… end\ncorrecthorsebatterystaple p"));
        // a sentence after a cookie key is no cookie value: it stays, and so do its words elsewhere
        assertEquals("the session expired; missing cookie: the session expired", Secrets.patterns().redact(
                "the session expired; missing cookie: the session expired"));
    }
}
