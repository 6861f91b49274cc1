package io.sophia.diagnosis.internal.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 47 (r47-h161): a look at a provider's status page is one whatever way its target is written, the bare URL or
 * the request a look names with its method ("GET https://status.auth0.com/api/v2/incidents/unresolved.json", p126-23: the
 * identity provider's incident, supabase/supabase#1220), so its domain is compared with the dependency's host
 * ({@link Facts#STATUS_PAGE_HOST}).
 */
class StatusPageTargetTest {

    private static String domainOf(String target) {
        java.util.regex.Matcher m = Facts.STATUS_PAGE_HOST.matcher(target);
        return m.find() ? m.group("domain") : null;
    }

    @Test
    void aStatusPageIsReadWithOrWithoutTheRequestsMethod() {
        assertEquals("auth0.com", domainOf("GET https://status.auth0.com/api/v2/incidents/unresolved.json"));
        assertEquals("auth0.com", domainOf("https://status.auth0.com/api/v2/incidents/unresolved.json"));
        assertEquals("launchdarkly.com", domainOf("status.launchdarkly.com/api/v2/status.json"));
    }

    @Test
    void anotherPathOrHostIsNoStatusPage() {
        assertFalse(Facts.STATUS_PAGE_HOST.matcher("GET https://api.auth0.com/status").find());
        assertFalse(Facts.STATUS_PAGE_HOST.matcher("DELETE https://status.auth0.com/").find());
        assertTrue(Facts.STATUS_PAGE_HOST.matcher("HEAD https://example.statuspage.io/").find());
    }
}
