package io.sophia.probes.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SafeText keeps secrets out of observations")
class SafeTextTest {

    @Test
    @DisplayName("a url loses its user info, query and fragment")
    void url() {
        assertEquals("https://example.test:8443/health",
                SafeText.url(URI.create("https://user:pw@example.test:8443/health?token=abc#frag")));
    }

    @Test
    @DisplayName("messages lose urls' credentials and queries, bearer tokens and GitHub tokens")
    void text() {
        String masked = SafeText.text("GET https://u:p@h.test/x?sig=SECRET failed; Authorization: Bearer abc.def "
                + "token ghp_abcdefghijklmnopqrstuvwxyz0123");
        assertFalse(masked.contains("SECRET") || masked.contains("u:p") || masked.contains("abc.def")
                || masked.contains("ghp_abcdefghijklmnopqrstuvwxyz0123"), masked);
    }

    @Test
    @DisplayName("a message of several lines is masked before its lines are joined: a wrapped token keeps no piece")
    void wrappedToken() {
        // a server's error page at a fixed width: the token's head ends one line, its rest starts the next
        String token = "ghs" + "_M3nB5vC7xZ9lK2jH4gF6dS8aP1oI0uY7";
        for (int k = 1; k < token.length() - 12; k++) {
            String masked = SafeText.text("401 Unauthorized: token " + token.substring(0, k) + "\n" + token.substring(k)
                    + " was revoked");
            for (int i = 0; i + 12 <= token.length(); i++) {
                assertFalse(masked.contains(token.substring(i, i + 12)), masked);
            }
            assertTrue(masked.startsWith("401 Unauthorized: token ") && masked.endsWith(" was revoked"), masked);
        }
    }

    @Test
    @DisplayName("a known secret value is masked wherever it appears")
    void without() {
        assertEquals("value [REDACTED] here", SafeText.without("value tok-123 here", "tok-123"));
    }
}
