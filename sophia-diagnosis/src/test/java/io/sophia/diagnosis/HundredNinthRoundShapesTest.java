package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-seventh session's rule writer rules37-p168, each in its tool's own words: its round on
 * p168- (Node.js and TypeScript services and web frontends). Bun's package manager unable to download a manifest or a
 * tarball; Next.js prerendering pages at build time whose data fetch is refused, at the builder's own loopback (the API
 * base URL set for the running app) or at the service the pages read; Node refused a privileged port at listen; Vite's
 * server bound to the loopback only; the Netlify CLI's "Site not found" for a site its token no longer reads. Each is
 * tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row); each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause. The round's
 * fact and rule changes (a service's 5xx answer's detail read as its log line would be; failing tests, or a missing
 * secret, in a job that succeeded; a time limit after the memory ran out; a refusal while a dependency is down) are
 * tested on their scenarios.
 */
class HundredNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("bun.package-download-failed", "build.dependency-fetch"),
            Map.entry("next.prerender-fetch-refused-at-loopback", "config.invalid"),
            Map.entry("next.prerender-fetch-refused", "dependency.down"),
            Map.entry("node.listen-privileged-port-denied", "config.invalid"),
            Map.entry("vite.server-loopback-only", "app.healthcheck-failing"),
            Map.entry("netlify.cli-site-not-found", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("bun.package-download-failed", "error: ConnectionRefused downloading package manifest stripe");
        ROUND.readsNot("bun.package-download-failed", "warn: ConnectionRefused downloading package manifest stripe. Retry 2/5...");
        ROUND.reads("bun.package-download-failed", "#9 61.7 error: FailedToOpenSocket downloading package manifest @headlessui/react");
        ROUND.readsNot("bun.package-download-failed", "error: UNABLE_TO_VERIFY_LEAF_SIGNATURE downloading package manifest react"); // a certificate's
        ROUND.reads("next.prerender-fetch-refused-at-loopback", "  cause: Error: connect ECONNREFUSED ::1:3000\n"
                + "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1495:16) {\n    code: 'ECONNREFUSED',\n"
                + "Error occurred prerendering page \"/\". Read more: https://nextjs.org/docs/messages/prerender-error");
        ROUND.readsNot("next.prerender-fetch-refused-at-loopback", "  cause: Error: connect ECONNREFUSED 192.168.20.20:8000\n"
                + "      at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1495:16) {\n"
                + "Error occurred prerendering page \"/settings\". Read more: https://nextjs.org/docs/messages/prerender-error"); // dependency.connection-refused-generic
        ROUND.reads("next.prerender-fetch-refused-at-loopback", "63.17   cause: Error: connect ECONNREFUSED 127.0.0.1:8000\n"
                + "63.17     code: 'ECONNREFUSED',\n63.17 }\n"
                + "63.17 Error occurred prerendering page \"/settings/workspaces\". Read more: https://nextjs.org/docs/messages/prerender-error");
        ROUND.readsNot("next.prerender-fetch-refused-at-loopback", "Error: connect ECONNREFUSED 127.0.0.1:3000\n"
                + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\nhealthcheck failed"); // not in a prerender
        ROUND.reads("next.prerender-fetch-refused", "Error occurred prerendering page \"/blog\". Read more: https://nextjs.org/docs/messages/prerender-error\n"
                + "TypeError: fetch failed\n    code: 'ECONNREFUSED',");
        ROUND.readsNot("next.prerender-fetch-refused", "Error occurred prerendering page \"/blog\". Read more: https://nextjs.org/docs/messages/prerender-error\n"
                + "TypeError: Cannot read properties of undefined (reading 'json')");
        ROUND.reads("next.prerender-fetch-refused", "86.22 Error occurred prerendering page \"/settings/datasets\". Read more: https://nextjs.org/docs/messages/prerender-error\n"
                + "86.22 TypeError: fetch failed\n86.22   cause: Error: connect ECONNREFUSED 192.168.20.20:8000");
        ROUND.readsNot("next.prerender-fetch-refused", "Error occurred prerendering page \"/\". Read more: https://nextjs.org/docs/messages/prerender-error\n"
                + "Error: supabaseUrl is required."); // a setting's
        ROUND.reads("node.listen-privileged-port-denied", "Error: listen EACCES: permission denied 0.0.0.0:80");
        ROUND.readsNot("node.listen-privileged-port-denied", "Error: listen EACCES: permission denied 0.0.0.0:8080");
        // an unbracketed IPv6 loopback: the port is 3000, not 1 (exogee-technology/graphweaver#185: "::1:9000")
        ROUND.readsNot("node.listen-privileged-port-denied", "Error: listen EACCES: permission denied ::1:3000");
        ROUND.reads("node.listen-privileged-port-denied", "Error: listen EACCES: permission denied ::1:443");
        ROUND.reads("node.listen-privileged-port-denied", "Error: listen EACCES 0.0.0.0:443");
        ROUND.readsNot("node.listen-privileged-port-denied", "Error: listen EADDRINUSE: address already in use 0.0.0.0:80");
        ROUND.reads("vite.server-loopback-only", "  ➜  Network: use --host to expose");
        ROUND.readsNot("vite.server-loopback-only", "  ➜  Network: http://10.0.0.4:5173/");
        ROUND.reads("vite.server-loopback-only", "  > Network: use `--host` to expose");
        ROUND.readsNot("vite.server-loopback-only", "==> No open ports detected, continuing to scan...");
        ROUND.reads("netlify.cli-site-not-found", " ›   Error: Site not found. Please rerun \"netlify link\"");
        ROUND.readsNot("netlify.cli-site-not-found", "Site not found");
        ROUND.reads("netlify.cli-site-not-found", "Error: Site not found. Please rerun netlify link");
        ROUND.readsNot("netlify.cli-site-not-found", " ›   Error: Not logged in. Log in to deploy to a site"); // auth.deploy-cli-not-logged-in
    }

    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // node.listen-privileged-port-denied reads no labelled scenario's log: p168-28, its source, carries the line in the
        // detail of the service's 502 answer, which the probe-detail rule reads
        ROUND.without(java.util.Set.of("node.listen-privileged-port-denied")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * A service that answers a server error with a detail beyond the probe's own words is read as its log line would be
     * (p168-20: "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '.../dist/server.js'"), by specific indications only, as
     * an answer's body is; a refused connection's detail is not, nor an answer of 4xx.
     */
    @Test
    void aServerErrorAnswersDetailIsReadAsALine() {
        Deployment d = new Deployment("api", List.of(Fleet.service("api", "API", "Recipes", ServiceKind.HTTP)));
        String esm = "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/opt/render/project/src/dist/server.js' imported from "
                + "/opt/render/project/src/node_modules/solid-start-node/index.js";
        Assessment a = Diagnosis.ofDefaults().diagnose(d, List.of(probe(FailureKind.UNEXPECTED_STATUS, 502, esm)), Fleet.NOW);
        assertTrue(Fleet.weighs(a, "app.crash-on-boot/probe-detail-indication"), a.causes().toString());
        assertEquals(CauseId.APP_CRASH_ON_BOOT, a.causes().get(0).id(), a.causes().toString());
        Assessment b = Diagnosis.ofDefaults().diagnose(d, List.of(probe(FailureKind.UNEXPECTED_STATUS, 404, esm)), Fleet.NOW);
        assertFalse(Fleet.weighs(b, "app.crash-on-boot/probe-detail-indication"), b.causes().toString());
        Assessment c = Diagnosis.ofDefaults().diagnose(d, List.of(probe(FailureKind.CONNECTION_REFUSED, null, esm)), Fleet.NOW);
        assertFalse(Fleet.weighs(c, "app.crash-on-boot/probe-detail-indication"), c.causes().toString());
    }

    private static Observation probe(FailureKind kind, Integer status, String detail) {
        return new Observation.ProbeFailure("api", Source.HTTP, "https://recipes.example/api/info", kind, detail, status,
                Duration.ofMillis(25), 1);
    }

    /** Failing tests in a job that succeeded explain nothing (p168-40); a missing secret said while all answers neither (p168-37). */
    @Test
    void aFailureLineOfAPassingJobExplainsNothing() throws IOException {
        Assessment tests = Fleet.scenario("p168-40-unknown-gha-vitest-failures-step-green-deploy-ran");
        assertTrue(Fleet.weighs(tests, "ci.test-failure/tests-failed-in-passing-job"), tests.causes().toString());
        assertFalse(CauseId.CI_TEST_FAILURE.equals(tests.causes().get(0).id()), tests.causes().toString());
        Assessment secret = Fleet.scenario("p168-37-unknown-healthy-app-nextauth-no-secret-log-noise");
        assertTrue(Fleet.weighs(secret, "config.missing-secret/secret-unset-while-service-up"), secret.causes().toString());
        assertFalse(CauseId.CONFIG_MISSING_SECRET.equals(secret.causes().get(0).id()), secret.causes().toString());
    }

    /** A job that ran out of memory and then hung to its time limit ran out of memory (p168-13). */
    @Test
    void aTimeLimitAfterTheMemoryRanOutIsTheMemorys() throws IOException {
        Assessment a = Fleet.scenario("p168-13-app-oom-gha-next-build-stuck-after-heap-oom-timeout");
        assertTrue(Fleet.weighs(a, "ci.timeout/memory-ran-out-before-limit"), a.causes().toString());
    }

    /** A build's refused fetch while the service it depends on is down is that dependency's (p168-30, p168-31). */
    @Test
    void aRefusalWhileADependencyIsDownIsTheDependencys() throws IOException {
        for (String id : List.of("p168-30-dependency-down-next-prerender-blog-cms-api-refused",
                "p168-31-dependency-down-docker-build-prerender-settings-backend-8000-refused")) {
            Assessment a = Fleet.scenario(id);
            assertTrue(Fleet.weighs(a, "dependency.down/refused-while-dependency-down"), id + " " + a.causes());
        }
    }

    /**
     * Several pages refused at the builder's own loopback while Next.js prerenders them: the refusal after a prerender
     * line is no dependency down there (review of rules37-p168: next.prerender-fetch-refused reads the same refusal);
     * the same refusal at another host still is.
     */
    @Test
    void aPrerenderRefusedAtTheLoopbackIsNoDependencyDown() throws IOException {
        String loopback = prerenderLog("127.0.0.1:3000");
        Assessment own = Fleet.jobEnded(Fleet.up("dashboard"), "failure", 300, List.of(), loopback, null);
        assertTrue(Fleet.weighs(own, "dependency.down/prerender-refused-at-loopback"), own.causes().toString());
        assertEquals("config.invalid", own.causes().get(0).id().value(), own.causes().toString());
        Assessment other = Fleet.jobEnded(Fleet.up("dashboard"), "failure", 300, List.of(),
                prerenderLog("10.0.3.7:1337"), null);
        assertFalse(Fleet.weighs(other, "dependency.down/prerender-refused-at-loopback"), other.causes().toString());
    }

    private static String prerenderLog(String address) {
        // undici's error as Next prints it under each page (vercel/next.js#49896)
        String page = "Error occurred prerendering page \"%s\". Read more: https://nextjs.org/docs/messages/prerender-error\n"
                + "TypeError: fetch failed\n    at Object.fetch (node:internal/deps/undici/undici:11457:11) {\n"
                + "  cause: Error: connect ECONNREFUSED %s\n      at TCPConnectWrap.afterConnect [as oncomplete] "
                + "(node:net:1495:16) {\n    errno: -111,\n    code: 'ECONNREFUSED',\n    syscall: 'connect'\n  }\n}\n";
        return String.format(page, "/", address) + String.format(page, "/blog", address)
                + "##[error]Process completed with exit code 1.";
    }

}
