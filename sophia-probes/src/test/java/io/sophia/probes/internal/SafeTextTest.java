package io.sophia.probes.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
    @DisplayName("a known secret value is masked wherever it appears")
    void without() {
        assertEquals("value [REDACTED] here", SafeText.without("value tok-123 here", "tok-123"));
    }
}
