package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void wholeValuesThatLookLikeSecrets() {
        assertTrue(Secrets.looksLikeSecret(GHP));
        assertTrue(Secrets.looksLikeSecret("Bearer abc"));
        assertTrue(Secrets.looksLikeSecret("aZ3bY4cX5dW6eV7fU8gT9hS0iR1jQ2kP3"));
        assertFalse(Secrets.looksLikeSecret("DEPLOY_TOKEN_FOR_THE_PRODUCTION_CLUSTER"));
        assertFalse(Secrets.looksLikeSecret("https://api.github.com"));
    }
}
