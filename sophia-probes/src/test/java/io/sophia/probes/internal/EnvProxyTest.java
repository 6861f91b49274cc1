package io.sophia.probes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvProxyTest {

    private static EnvProxy forUrl(String url, Map<String, String> env) {
        return EnvProxy.forUrl(URI.create(url), env::get);
    }

    @Test
    void theSchemePicksTheVariableLowerCaseFirstAsCurl() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://secure-proxy:3128", "http_proxy", "plain-proxy:8080",
                "HTTP_PROXY", "http://ignored:1");
        assertEquals("proxy secure-proxy:3128", forUrl("https://api.example.com/", env).describe());
        assertEquals("proxy plain-proxy:8080", forUrl("http://api.example.com/", env).describe());
        assertSame(EnvProxy.DIRECT, forUrl("https://api.example.com/", Map.of()));
    }

    @Test
    void noProxyMatchesHostsDomainsWithOrWithoutALeadingDotPortsAndStar() {
        String list = " internal.example , .corp.example,10.0.0.7:8443, *.svc.cluster.local,API.EXAMPLE.ORG";
        assertTrue(EnvProxy.excluded("internal.example", list));
        assertTrue(EnvProxy.excluded("db.internal.example", list));
        assertTrue(EnvProxy.excluded("x.corp.example", list));
        assertTrue(EnvProxy.excluded("10.0.0.7", list));
        assertTrue(EnvProxy.excluded("orders.svc.cluster.local", list));
        assertTrue(EnvProxy.excluded("api.example.org", list));
        assertFalse(EnvProxy.excluded("notinternal.example", list), "a suffix match is at a dot");
        assertFalse(EnvProxy.excluded("example.com", list));
        assertTrue(EnvProxy.excluded("anything", "*"));
        Map<String, String> env = Map.of("HTTPS_PROXY", "proxy:3128", "NO_PROXY", list);
        assertSame(EnvProxy.DIRECT, forUrl("https://db.internal.example/", env));
        assertTrue(forUrl("https://www.example.com/", env).viaProxy());
    }

    @Test
    void loopbackIsAlwaysDirect() {
        Map<String, String> env = Map.of("HTTP_PROXY", "proxy:3128", "HTTPS_PROXY", "proxy:3128");
        assertSame(EnvProxy.DIRECT, forUrl("http://localhost:8080/", env));
        assertSame(EnvProxy.DIRECT, forUrl("http://127.0.0.1:8080/", env));
        assertSame(EnvProxy.DIRECT, forUrl("http://[::1]:8080/", env));
    }

    @Test
    void credentialsAreKeptApartAndNeverDescribed() {
        EnvProxy p = forUrl("https://x.example/", Map.of("HTTPS_PROXY", "http://us%40er:p%3Ass-w0rd-long@proxy.corp:8080"));
        assertEquals("us@er", p.user());
        assertEquals("p:ss-w0rd-long", p.password());
        assertFalse(p.toString().contains("w0rd") || p.describe().contains("w0rd"), p::toString);
        EnvProxy none = forUrl("https://x.example/", Map.of("HTTPS_PROXY", "proxy.corp"));
        assertNull(none.user());
        assertEquals(80, none.port());
    }
}
