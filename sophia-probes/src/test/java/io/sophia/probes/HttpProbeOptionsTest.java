package io.sophia.probes;

import io.sophia.core.testing.RefusedPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sophia.core.Expectations;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users need of a real HTTP client, each against a loopback MockWebServer. */
class HttpProbeOptionsTest {

    /** A hang guard far above what a loopback answer needs: a machine that stalls for seconds cannot make an answer a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A test CA and a server certificate for localhost, 127.0.0.1 and a name only a proxy resolves. */
    private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Sophia test CA").build();
    private static final HeldCertificate SERVER = new HeldCertificate.Builder().signedBy(CA).commonName("localhost")
            .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("secure.test").build();

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static Service service(String url) {
        return Service.builder("orders", URI.create(url)).name("Orders").critical()
                .expect(Expectations.builder().statusCodes(200).build()).build();
    }

    private static List<Observation> run(HttpProbe probe) throws InterruptedException {
        return probe.run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    private static ProbeFailure onlyFailure(List<Observation> seen) {
        assertEquals(1, seen.size(), seen::toString);
        assertTrue(seen.get(0) instanceof ProbeFailure, seen::toString);
        return (ProbeFailure) seen.get(0);
    }

    /** The one failure of a check that got an answer (after its HttpCheck and condition checks). */
    private static ProbeFailure failureIn(List<Observation> seen) {
        List<ProbeFailure> failures = seen.stream().filter(ProbeFailure.class::isInstance).map(ProbeFailure.class::cast)
                .toList();
        assertEquals(1, failures.size(), seen::toString);
        return failures.get(0);
    }

    private static HttpCheck check(List<Observation> seen) {
        assertTrue(seen.get(0) instanceof HttpCheck, seen::toString);
        return (HttpCheck) seen.get(0);
    }

    private void useHttps(HeldCertificate cert) {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
    }

    private Path pem(String name, String... blocks) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("", blocks), StandardCharsets.US_ASCII);
        return p;
    }

    /** One check of the TLS server offering {@code protocols}, trusted through a PEM trust store. */
    private HttpCheck checkOverTls(Protocol... protocols) throws Exception {
        useHttps(SERVER);
        server.setProtocols(List.of(protocols));
        server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"ok\"}").build());
        server.start();
        HttpProbe probe = HttpProbe.of(service("https://localhost:" + server.getPort() + "/health"), TIMEOUT,
                HttpProbe.Options.custom().trustStore(pem("ca.pem", CA.certificatePem())).build());
        return check(run(probe));
    }

    @Test
    @DisplayName("HTTP/2 is negotiated over TLS (ALPN) with a server that offers it, against a PEM trust store")
    void http2WithPemTrustStore() throws Exception {
        HttpCheck c = checkOverTls(Protocol.HTTP_2, Protocol.HTTP_1_1);

        assertEquals(200, c.statusCode());
        assertNotNull(c.timing().tls(), c.timing()::toString);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("HTTP/2", r.getVersion(), "the request went over HTTP/2");
        assertEquals("h2", c.protocol(), "the observation says so");
    }

    @Test
    @DisplayName("the same TLS server offering HTTP/1.1 only: the observation says http/1.1")
    void http11OverTls() throws Exception {
        HttpCheck c = checkOverTls(Protocol.HTTP_1_1);

        assertEquals(200, c.statusCode());
        assertEquals("HTTP/1.1", server.takeRequest(5, TimeUnit.SECONDS).getVersion());
        assertEquals("http/1.1", c.protocol());
    }

    @Test
    @DisplayName("without the custom trust store the same server is TLS_FAILURE and gets no request")
    void untrustedWithoutTheTrustStore() throws Exception {
        useHttps(SERVER);
        server.start();

        ProbeFailure f = onlyFailure(run(HttpProbe.of(service("https://localhost:" + server.getPort() + "/"), TIMEOUT)));

        assertEquals(FailureKind.TLS_FAILURE, f.kind(), f::toString);
        assertEquals(0, server.getRequestCount());
    }

    @Test
    @DisplayName("a PKCS12 trust store, its password read from the environment")
    void pkcs12TrustStore() throws Exception {
        useHttps(SERVER);
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        server.start();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", CA.certificate());
        Path p12 = dir.resolve("trust.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "trust-pass".toCharArray());
        Files.write(p12, out.toByteArray());
        HttpProbe probe = HttpProbe.of(service("https://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                HttpProbe.Options.custom().env(Map.of("TRUST_PASS", "trust-pass")::get).trustStore(p12)
                        .trustStorePasswordEnv("TRUST_PASS").build());

        assertEquals(200, check(run(probe)).statusCode());
    }

    @Test
    @DisplayName("mutual TLS: a server that requires a client certificate gets the configured one (PEM and PKCS12)")
    void clientCertificate() throws Exception {
        HeldCertificate clientCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("client CA").build();
        HeldCertificate client = new HeldCertificate.Builder().signedBy(clientCa).commonName("sophia-probe").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(SERVER)
                .addTrustedCertificate(clientCa.certificate()).build().sslSocketFactory());
        server.requireClientAuth();
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        server.start();
        String url = "https://localhost:" + server.getPort() + "/";
        Path ca = pem("ca.pem", CA.certificatePem());

        // PEM: the certificate and its PKCS#8 key in one file
        Path clientPem = pem("client.pem", client.certificatePem(), client.privateKeyPkcs8Pem());
        assertEquals(200, check(run(HttpProbe.of(service(url), TIMEOUT,
                HttpProbe.Options.custom().trustStore(ca).clientCertificate(clientPem).build()))).statusCode());
        assertEquals("CN=sophia-probe", ((java.security.cert.X509Certificate) server.takeRequest(5, TimeUnit.SECONDS)
                .getHandshake().peerCertificates().get(0)).getSubjectX500Principal().getName());

        // PKCS12 with a password from the environment
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", client.keyPair().getPrivate(), "p12-pass".toCharArray(),
                new java.security.cert.Certificate[]{client.certificate()});
        Path p12 = dir.resolve("client.p12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "p12-pass".toCharArray());
        Files.write(p12, out.toByteArray());
        assertEquals(200, check(run(HttpProbe.of(service(url), TIMEOUT, HttpProbe.Options.custom()
                .env(Map.of("CLIENT_PASS", "p12-pass")::get).trustStore(ca).clientCertificate(p12)
                .clientCertificatePasswordEnv("CLIENT_PASS").build()))).statusCode());

        // and without one, the handshake is refused
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        ProbeFailure f = onlyFailure(run(HttpProbe.of(service(url), TIMEOUT,
                HttpProbe.Options.custom().trustStore(ca).build())));
        assertTrue(f.kind() == FailureKind.TLS_FAILURE || f.kind() == FailureKind.CONNECTION_RESET, f::toString);
    }

    @Test
    @DisplayName("a trust store that is not one is refused before any check, naming the file, never its content")
    void unusableTrustStore() throws Exception {
        Path secrets = Files.writeString(dir.resolve("credentials"), "aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpProbe.of(
                service("https://localhost:1/"), TIMEOUT, HttpProbe.Options.custom().trustStore(secrets).build()));

        assertTrue(e.getMessage().contains(secrets.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("wJalrXUtnFEMI") || e.getMessage().contains("aws_secret"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> HttpProbe.of(
                service("https://localhost:1/"), TIMEOUT,
                HttpProbe.Options.custom().clientCertificate(dir.resolve("absent.pem")).build()));
        assertTrue(missing.getMessage().contains("cannot be read"), missing.getMessage());
    }

    @Test
    @DisplayName("a bearer token from an environment variable is sent, and masked where the server echoes it")
    void bearerToken() throws Exception {
        String token = "sk-live-4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Version", token)
                .body("{\"you sent\":\"Bearer " + token + "\"}").build());
        server.start();
        Service svc = Service.builder("orders", URI.create("http://127.0.0.1:" + server.getPort() + "/")).name("Orders")
                .critical().expect(Expectations.builder().statusCodes(200).build()).build();
        HttpProbe probe = HttpProbe.of(svc, TIMEOUT, HttpProbe.Options.custom()
                .env(Map.of("ORDERS_TOKEN", token)::get).bearerTokenEnv("ORDERS_TOKEN")
                .header("X-Tenant", "acme").build());

        List<Observation> seen = run(probe);

        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Bearer " + token, r.getHeaders().get("Authorization"));
        assertEquals("acme", r.getHeaders().get("X-Tenant"));
        assertEquals(200, check(seen).statusCode());
        String all = seen + " " + probe + " " + probe.options() + " " + probe.target();
        assertFalse(all.contains(token.substring(0, 12)) || all.contains(token.substring(20)), all);
    }

    @Test
    @DisplayName("a token the excerpt's 2 KiB cap falls into keeps no head: known shapes and the bearer token alike")
    void tokenAtTheExcerptCap() throws Exception {
        // fakes, assembled at run time; the bearer token has no known shape, it is masked because it is the token
        String bearer = "svc-bearer-" + "Hq3Zt7Nw1Xc5Vb9Lm2Kp";
        List<String> tokens = List.of("ghp" + "_Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N", "AKIA" + "Q3EGRTX7YCNZ2WLM",
                "xoxb" + "-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ", bearer);
        for (String token : tokens) {
            for (int kept : new int[] {12, 14, 20}) {
                // the cap falls after `kept` characters of the token, glued to the text before it or after a space
                for (String glue : List.of("", " ")) {
                    String before = "y ".repeat(HttpProbe.EXCERPT_BYTES).substring(0, HttpProbe.EXCERPT_BYTES - kept
                            - glue.length()) + glue;
                    server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "text/plain")
                            .body(before + token + " and more after it").build());
                }
            }
        }
        server.start();
        HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                HttpProbe.Options.custom().env(Map.of("T", bearer)::get).bearerTokenEnv("T").build());
        for (String token : tokens) {
            for (int i = 0; i < 6; i++) {
                String excerpt = check(run(probe)).bodyExcerpt();
                assertTrue(excerpt.startsWith("y y") && excerpt.endsWith("…"), excerpt);
                assertTrue(excerpt.length() <= HttpProbe.EXCERPT_BYTES, () -> "" + excerpt.length());
                for (int at = 0; at + 12 <= token.length(); at++) {
                    String piece = token.substring(at, at + 12);
                    assertFalse(excerpt.contains(piece), () -> "kept '" + piece + "' of " + token + ": ..."
                            + excerpt.substring(Math.max(0, excerpt.length() - 60)));
                }
            }
        }
    }

    @Test
    @DisplayName("a token of more than one line is refused before any request, without printing it")
    void multiLineToken() throws Exception {
        server.start();
        String token = "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nX-Injected: yes";
        HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                HttpProbe.Options.custom().env(Map.of("T", token)::get).bearerTokenEnv("T").build());

        ProbeFailure f = onlyFailure(run(probe));

        assertEquals(FailureKind.MISCONFIGURED, f.kind());
        assertTrue(f.detail().contains("more than one line"), f.detail());
        assertFalse(f.toString().contains("ghp_aaaaaaaa") || f.toString().contains("Injected"), f::toString);
        assertEquals(0, server.getRequestCount(), "no request was sent");
        ProbeFailure unset = onlyFailure(run(HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                HttpProbe.Options.custom().env(name -> null).bearerTokenEnv("T").build())));
        assertEquals(FailureKind.MISCONFIGURED, unset.kind());
        assertTrue(unset.detail().contains("not set"), unset.detail());
        assertThrows(IllegalArgumentException.class, () -> HttpProbe.Options.custom().header("X-Key", "a\r\nb: c"));
    }

    @Test
    @DisplayName("redirects: the token is not sent to another origin on the same host (another port: another server)")
    void redirectTokenStaysWithItsOrigin() throws Exception {
        server.start();
        try (MockWebServer other = new MockWebServer()) {
            other.start();
            for (HttpProbe.Redirects policy : List.of(HttpProbe.Redirects.SAME_HOST, HttpProbe.Redirects.ANY)) {
                server.enqueue(new MockResponse.Builder().code(307)
                        .addHeader("Location", "http://127.0.0.1:" + other.getPort() + "/x").build());
                other.enqueue(new MockResponse.Builder().code(200).body("other port").build());
                HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                        HttpProbe.Options.custom().redirects(policy, 3).header("X-Api-Key", "key-0987654321fedcba")
                                .env(Map.of("T", "tok-1234567890abcdef")::get).bearerTokenEnv("T").build());
                assertEquals(200, check(run(probe)).statusCode(), policy::toString);
                RecordedRequest origin = server.takeRequest(5, TimeUnit.SECONDS);
                assertNotNull(origin.getHeaders().get("Authorization"));
                assertEquals("key-0987654321fedcba", origin.getHeaders().get("X-Api-Key"));
                RecordedRequest elsewhere = other.takeRequest(5, TimeUnit.SECONDS);
                assertNull(elsewhere.getHeaders().get("Authorization"),
                        policy + ": the token is not sent to another port of the same host");
                assertNull(elsewhere.getHeaders().get("X-Api-Key"),
                        policy + ": nor a configured header (it may be a credential)");
            }
        }
    }

    @Test
    @DisplayName("redirects: none by default (the 3xx is the answer); same-host followed; another host only with ANY")
    void redirects() throws Exception {
        server.start();
        String self = "http://127.0.0.1:" + server.getPort();
        String otherHost = "http://localhost:" + server.getPort() + "/elsewhere";
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/moved").build());
        List<Observation> none = run(HttpProbe.of(service(self + "/"), TIMEOUT));
        assertEquals(302, check(none).statusCode());
        assertTrue(none.stream().anyMatch(o -> o instanceof ProbeFailure f && f.kind() == FailureKind.UNEXPECTED_STATUS));

        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/moved").build());
        server.enqueue(new MockResponse.Builder().code(200).body("here").build());
        HttpCheck followed = check(run(HttpProbe.of(service(self + "/"), TIMEOUT,
                HttpProbe.Options.custom().redirects(HttpProbe.Redirects.SAME_HOST, 3).build())));
        assertEquals(200, followed.statusCode());
        assertEquals("here", followed.bodyExcerpt());

        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", otherHost).build());
        assertEquals(302, check(run(HttpProbe.of(service(self + "/"), TIMEOUT,
                HttpProbe.Options.custom().redirects(HttpProbe.Redirects.SAME_HOST, 3).build()))).statusCode());

        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", otherHost).build());
        server.enqueue(new MockResponse.Builder().code(200).body("there").build());
        HttpProbe any = HttpProbe.of(service(self + "/"), TIMEOUT, HttpProbe.Options.custom()
                .redirects(HttpProbe.Redirects.ANY, 3).env(Map.of("T", "tok-1234567890abcdef")::get).bearerTokenEnv("T").build());
        assertEquals(200, check(run(any)).statusCode());
        for (int i = 0; i < 4; i++) { // the three checks before: 1, 2 and 1 requests
            server.takeRequest(5, TimeUnit.SECONDS);
        }
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertNotNull(first.getHeaders().get("Authorization"));
        assertNull(second.getHeaders().get("Authorization"), "the token is not sent to another host");

        // a loop stops at the first URL seen again, and fails as a loop even where a 3xx would be accepted
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/again").build());
        }
        server.enqueue(new MockResponse.Builder().code(200).body("not asked for").build());
        Service anyAnswer = Service.builder("orders", URI.create(self + "/")).name("Orders").critical()
                .expect(Expectations.builder().build()).build();
        List<Observation> loop = run(HttpProbe.of(anyAnswer, TIMEOUT,
                HttpProbe.Options.custom().redirects(HttpProbe.Redirects.ANY, 5).build()));
        assertEquals(302, check(loop).statusCode());
        ProbeFailure looped = failureIn(loop);
        assertEquals(FailureKind.UNEXPECTED_STATUS, looped.kind());
        assertEquals("too many redirects: a redirect loop, 302 back to a URL already visited after 1 followed",
                looped.detail());

        // more redirects than the limit, each to a new URL: the check fails at the limit
        assertEquals("not asked for", check(run(HttpProbe.of(service(self + "/"), TIMEOUT))).bodyExcerpt(),
                "the loop sent no request past the URL seen again");
        for (int i = 1; i <= 3; i++) {
            server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/hop-" + i).build());
        }
        ProbeFailure limit = failureIn(run(HttpProbe.of(anyAnswer, TIMEOUT,
                HttpProbe.Options.custom().redirects(HttpProbe.Redirects.ANY, 2).build())));
        assertEquals("too many redirects: still 307 at the limit after 2 followed", limit.detail());
    }

    @Test
    @DisplayName("redirects: a loop that changes only the fragment is a loop (the server never sees the fragment)")
    void redirectLoopThroughFragments() throws Exception {
        server.start();
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/frag#one").build());
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/frag#two").build());
        Service anyAnswer = Service.builder("orders", URI.create("http://127.0.0.1:" + server.getPort() + "/"))
                .name("Orders").critical().expect(Expectations.builder().build()).build();
        ProbeFailure looped = failureIn(run(HttpProbe.of(anyAnswer, TIMEOUT,
                HttpProbe.Options.custom().redirects(HttpProbe.Redirects.ANY, 10).build())));
        assertEquals("too many redirects: a redirect loop, 302 back to a URL already visited after 1 followed",
                looped.detail());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    @DisplayName("HTTP_PROXY: the check goes through the proxy, with its credentials, which are never printed")
    void httpProxyWithCredentials() throws Exception {
        server.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").build());
        server.enqueue(new MockResponse.Builder().code(200).body("via proxy").build());
        server.start();
        Map<String, String> env = Map.of("HTTP_PROXY", "http://probe:pr0xy-s3cret@127.0.0.1:" + server.getPort());
        // a name nothing here resolves: only the proxy needs to know it
        HttpProbe probe = HttpProbe.of(service("http://orders.internal.test/health"), TIMEOUT,
                HttpProbe.Options.custom().env(env::get).build());

        List<Observation> seen = run(probe);

        assertEquals(200, check(seen).statusCode(), seen::toString);
        assertNull(check(seen).timing().dns(), "the proxy resolves the target's name");
        RecordedRequest challenged = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("http://orders.internal.test/health", challenged.getTarget());
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("probe:pr0xy-s3cret".getBytes(StandardCharsets.UTF_8)),
                r.getHeaders().get("Proxy-Authorization"));
        String all = seen + " " + probe + " " + probe.options();
        assertFalse(all.contains("pr0xy-s3cret"), all);
    }

    @Test
    @DisplayName("HTTPS_PROXY: an https check tunnels through the proxy (CONNECT) and still validates the server")
    void httpsProxyTunnel() throws Exception {
        useHttps(SERVER);
        server.enqueue(new MockResponse.Builder().inTunnel().build());
        server.enqueue(new MockResponse.Builder().code(200).body("secure").build());
        server.start();
        Map<String, String> env = Map.of("HTTPS_PROXY", "127.0.0.1:" + server.getPort(), "NO_PROXY", "localhost,.corp.example");
        assertNotNull(env);
        HttpProbe probe = HttpProbe.of(service("https://secure.test/"), TIMEOUT,
                HttpProbe.Options.custom().env(env::get).trustStore(pem("ca.pem", CA.certificatePem())).build());

        HttpCheck c = check(run(probe));

        assertEquals(200, c.statusCode());
        RecordedRequest connect = server.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("CONNECT", connect.getMethod());
        assertEquals("secure.test:443", connect.getTarget());
    }

    @Test
    @DisplayName("a proxy that is down is a refused connection that names the proxy, never its password; loopback is direct")
    void deadProxyAndLoopback() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("direct").build());
        server.start();
        int dead = RefusedPort.held();
        Map<String, String> env = Map.of("http_proxy", "http://u:hunter2hunter2@127.0.0.1:" + dead);
        // a proxy cannot reach the prober's own loopback: 127.0.0.1 and localhost are direct
        assertEquals(200, check(run(HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT,
                HttpProbe.Options.custom().env(env::get).build()))).statusCode());

        ProbeFailure f = onlyFailure(run(HttpProbe.of(service("http://orders.internal.test/health"), TIMEOUT,
                HttpProbe.Options.custom().env(env::get).build())));
        assertEquals(FailureKind.CONNECTION_REFUSED, f.kind(), f::toString);
        assertTrue(f.detail().contains("proxy 127.0.0.1:" + dead), f.detail());
        assertFalse(f.toString().contains("hunter2"), f::toString);

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> HttpProbe.of(
                service("https://orders.example/"), TIMEOUT, HttpProbe.Options.custom()
                        .env(Map.of("HTTPS_PROXY", "socks5://u:hunter2hunter2@proxy:1080")::get).build()));
        assertTrue(bad.getMessage().contains("HTTPS_PROXY"), bad.getMessage());
        assertFalse(bad.getMessage().contains("hunter2"), bad.getMessage());
    }

    @Test
    @DisplayName("a gzip bomb (64 MiB of zeros in 64 KiB) is read only up to the 1 MiB cap: an answer, no transfer time")
    void gzipBomb() throws Exception {
        okio.Buffer bomb = new okio.Buffer();
        try (okio.BufferedSink gz = okio.Okio.buffer(new okio.GzipSink(bomb))) {
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 1024; i++) {
                gz.write(zeros);
            }
        }
        long compressed = bomb.size();
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Encoding", "gzip")
                .addHeader("Content-Type", "application/json").body(bomb).build());
        server.start();

        List<Observation> seen = run(HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), TIMEOUT));

        HttpCheck c = check(seen);
        assertTrue(compressed < 1 << 20, "the bomb is small on the wire: " + compressed);
        assertEquals(200, c.statusCode());
        // 64 MiB of one "word": the cap falls inside it, so it goes whole (it might be the head of a token)
        assertEquals("…", c.bodyExcerpt(), "the excerpt is capped");
        assertNull(c.timing().transfer(), "a body read only up to its cap has no transfer time");
    }

    @Test
    @DisplayName("cancelling the run closes the call: a probe waiting on a silent server returns at once")
    void cancellationClosesTheCall() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.MINUTES).build());
        server.start();
        HttpProbe probe = HttpProbe.of(service("http://127.0.0.1:" + server.getPort() + "/"), Duration.ofMinutes(1));
        ProbeContext ctx = ProbeContext.withTimeout(Duration.ofMinutes(1));
        java.util.concurrent.CompletableFuture<Object> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                outcome.complete(probe.run(ctx));
            } catch (InterruptedException e) {
                outcome.complete(e);
            }
        });
        t.start();
        server.takeRequest(30, TimeUnit.SECONDS); // the request is on the wire (a hang guard, not a timing)
        ctx.cancel();
        // the server holds its answer and the probe its deadline for a minute: returning well before is returning
        // because of the cancellation, with room for a machine that stalls for seconds
        Object result = outcome.get(30, TimeUnit.SECONDS);
        assertNotNull(result);
        t.join(30_000);
        assertFalse(t.isAlive());
    }
}
