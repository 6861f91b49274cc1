package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-seventh session's rule writer rules37-p170, each in its tool's own words: its round on
 * p170- (what monitors see of multi-service deployments, mostly probe-only). A provider's status API probed like a
 * service whose answer no log indication reads, naming an incident still investigated (Heroku's current-status) or
 * Statuspage's "Minor Service Outage": the provider's word that it fails, which also takes the DOWN origin behind the
 * failing sites off dependency.down (p170-11 was the one wrong cause above 0.9 of the corpus); Cloudflare's error 1014
 * "CNAME Cross-User Banned" (a proxied record across accounts); Vercel's DEPLOYMENT_PAUSED page (the widened
 * vercel.deployment-paused); the Docker client's bare "HTTP code: 5xx" no longer read in an uptime monitor's "HTTP code:
 * 503, Response time: 204 ms" (the narrowed docker.legacy-pull-http-5xx); a lookup failing for one client's check while
 * the DNS probe resolves the name and the service answers other checks. The new indication is tested on its source's
 * words and near misses (the first pair is indication-cases.tsv's row); it reads no line of the shared corpus and, on
 * the labelled scenarios, only lines of its own cause. The knowledge-base rules are tested on the scenarios of their
 * sources and a near miss each.
 */
class HundredEleventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules37-p170 (p170-: what monitors see of multi-service deployments)
            Map.entry("cloudflare.cname-cross-user-banned", "config.invalid"),
            Map.entry("vercel.deployment-paused", "platform.quota"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("cloudflare.cname-cross-user-banned", "Error 1014: CNAME Cross-User Banned");
        ROUND.readsNot("cloudflare.cname-cross-user-banned", "Error 1016: Origin DNS error");
        ROUND.reads("cloudflare.cname-cross-user-banned", "You've requested a page on a website that is part of the Cloudflare network. The host is configured as a CNAME across accounts on Cloudflare, which is prohibited by security policy.");
        ROUND.readsNot("cloudflare.cname-cross-user-banned", "Error 1000: DNS points to prohibited IP");
        // widened: Vercel's error code for a paused deployment (stefanjudis/tiny-helpers#560,
        // anuraghazra/github-readme-stats#4661)
        ROUND.reads("vercel.deployment-paused", "503: SERVICE_UNAVAILABLE Code: DEPLOYMENT_PAUSED ID: fra1::np66w-1764148959869-e8d018b69add");
        ROUND.readsNot("vercel.deployment-paused", "402: PAYMENT_REQUIRED Code: DEPLOYMENT_DISABLED ID: fra1::x7k2p-1764148959869-aa11bb22cc33"); // platform.account-limit
        ROUND.reads("vercel.deployment-paused", "This Deployment is paused by the owner.");
        ROUND.readsNot("vercel.deployment-paused", "500: INTERNAL_SERVER_ERROR Code: INTERNAL_FUNCTION_INVOCATION_FAILED ID: iad1::abcde-1700000000000-0123456789ab");
        // narrowed: the Docker client's words stay read, an uptime monitor's expectation no longer
        ROUND.reads("docker.legacy-pull-http-5xx", "registry.unavailable", "2015/01/05 19:26:37 HTTP code: 502");
        ROUND.readsNot("docker.legacy-pull-http-5xx", "HTTP code: 503, Response time: 204 ms");
        // widened: a load balancer's checker answered a redirect (it wants a 200), and a JSON access log's answer to it
        ROUND.reads("access-log.health-checker-answered-error", "app.healthcheck-failing", "{\"type\":\"response\",\"@timestamp\":\"2020-08-17T20:27:59Z\",\"tags\":[],\"pid\":7,\"method\":\"get\",\"statusCode\":302,\"req\":{\"url\":\"/\",\"method\":\"get\",\"headers\":{\"host\":\"10.150.12.81\",\"user-agent\":\"GoogleHC/1.0\",\"connection\":\"Keep-alive\"}},\"message\":\"GET / 302 20ms - 9.0B\"}");
        ROUND.readsNot("access-log.health-checker-answered-error", "{\"type\":\"response\",\"@timestamp\":\"2020-08-17T20:27:59Z\",\"tags\":[],\"pid\":7,\"method\":\"get\",\"statusCode\":200,\"req\":{\"url\":\"/app/kibana\",\"method\":\"get\",\"headers\":{\"host\":\"10.150.12.79\",\"user-agent\":\"GoogleHC/1.0\"}},\"message\":\"GET /app/kibana 200 56ms - 9.0B\"}");
        ROUND.reads("access-log.health-checker-answered-error", "app.healthcheck-failing", "10.0.2.15 - - [04/Dec/2026:10:00:01 +0000] \"GET / HTTP/1.1\" 302 237 \"-\" \"ELB-HealthChecker/2.0\"");
        ROUND.readsNot("access-log.health-checker-answered-error", "10.0.1.7 - - [04/Dec/2026:10:00:01 +0000] \"GET / HTTP/1.1\" 302 237 \"-\" \"kube-probe/1.29\""); // kube-probe takes 200-399
    }

    /**
     * No corpus line is read by the round. Both indications read no labelled scenario's log: their sources (p170-27,
     * p170-28, p170-32) carry the words in the answers' bodies, which the answer-indication rule reads (tested below).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("cloudflare.cname-cross-user-banned", "vercel.deployment-paused")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /**
     * Cloudflare's 1014 page (p170-27, p170-28) and Vercel's DEPLOYMENT_PAUSED page (p170-32) name their causes through
     * the answers' bodies; Vercel's DEPLOYMENT_DISABLED page stays platform.account-limit's (p170-33).
     */
    @Test
    void theEdgesOwnPagesNameTheirCauses() throws IOException {
        for (String id : List.of("p170-27-config-invalid-probe-only-cloudflare-1014-cname-cross-user-banned",
                "p170-28-config-invalid-probe-only-cloudflare-1014-proxied-record-despite-nocf")) {
            Assessment a = Fleet.scenario(id);
            assertTrue(Fleet.weighs(a, "config.invalid/answer-indication"), a.causes().toString());
            assertEquals("config.invalid", a.causes().get(0).id().value(), a.causes().toString());
        }
        Assessment paused = Fleet.scenario("p170-32-platform-quota-probe-only-vercel-503-deployment-paused");
        assertTrue(Fleet.weighs(paused, "platform.quota/answer-indication"), paused.causes().toString());
        assertEquals("platform.quota", paused.causes().get(0).id().value(), paused.causes().toString());
        Assessment disabled = Fleet.scenario("p170-33-platform-quota-probe-only-vercel-402-deployment-disabled-docs");
        assertEquals("platform.quota", disabled.causes().get(0).id().value(), disabled.causes().toString());
    }

    /**
     * A provider's status API naming an open incident in words no indication reads (p170-11: Heroku's current-status
     * "(investigating)" while the blogs' Heroku origin neither resolves nor answers) is the platform failing, and the
     * DOWN origin is no longer one dependency down at 0.95; a status page whose notice an indication reads (p126-23's
     * Auth0 "Investigating - ...", the probe-detail rule's) is not weighed twice.
     */
    @Test
    void aStatusApiNamingAnOpenIncidentIsTheProvider() throws IOException {
        Assessment heroku = Fleet.scenario("p170-11-platform-outage-probe-only-cloudflare-1016-subdomains-heroku-incident");
        assertTrue(Fleet.weighs(heroku, "platform.outage/status-api-open-incident"), heroku.causes().toString());
        assertTrue(Fleet.weighs(heroku, "dependency.down/provider-incident-probed"), heroku.causes().toString());
        assertEquals("platform.outage", heroku.causes().get(0).id().value(), heroku.causes().toString());
        Assessment auth0 = Fleet.scenario("p126-23-dependency-down-auth0-authorize-500-vendor-incident-dashboard");
        assertFalse(Fleet.weighs(auth0, "platform.outage/status-api-open-incident"), auth0.causes().toString());
        assertFalse(Fleet.weighs(auth0, "dependency.down/provider-incident-probed"), auth0.causes().toString());
    }

    /** Statuspage's "Minor Service Outage" read by a probe weighs for the platform (p170-12), moderately. */
    @Test
    void aMinorServiceOutageWeighsModerately() throws IOException {
        Assessment envoy = Fleet.scenario("p170-12-platform-outage-probe-only-envoy-delayed-connect-110-provider-incident");
        assertTrue(Fleet.weighs(envoy, "platform.outage/status-api-minor-outage"), envoy.causes().toString());
        assertTrue(envoy.causes().stream().anyMatch(c -> c.id().value().equals("platform.outage")
                && c.probability() > 0.3), envoy.causes().toString());
    }

    /** An uptime monitor's "HTTP code: 503, Response time: ..." is no registry (p170-16). */
    @Test
    void anUptimeMonitorsHttpCodeIsNoRegistry() throws IOException {
        Assessment upptime = Fleet.scenario("p170-16-dependency-down-probe-only-upptime-db-ping-endpoint-503");
        assertFalse(Fleet.weighs(upptime, "registry.unavailable/condition-indication"), upptime.causes().toString());
        assertNotEquals("registry.unavailable", upptime.causes().get(0).id().value(), upptime.causes().toString());
    }

    /**
     * One client's lookup failing while the DNS probe resolves the name and the service answers other checks (p170-38)
     * is that client's resolver; a DNS probe itself answered NXDOMAIN between answers (h64-34) stays the name's.
     */
    @Test
    void aLookupFailingOnceWhileTheNameResolvesIsNoDnsFault() throws IOException {
        Assessment once = Fleet.scenario("p170-38-unknown-probe-only-uptime-kuma-one-enotfound-next-check-up");
        assertTrue(Fleet.weighs(once, "network.dns/name-resolves-lookup-failed-once"), once.causes().toString());
        assertTrue(once.causes().stream().noneMatch(c -> c.id().value().equals("network.dns") && c.probability() > 0.5),
                once.causes().toString());
        Assessment published = Fleet.scenario("h64-34-network-dns-intermittent-nxdomain-after-rename");
        assertFalse(Fleet.weighs(published, "network.dns/name-resolves-lookup-failed-once"), published.causes().toString());
        assertEquals("network.dns", published.causes().get(0).id().value(), published.causes().toString());
    }

    /**
     * Two custom domains resolving only to GitHub Pages' addresses and answering 503 at once (p170-13) are the static
     * host failing, as two github.io pages are (p129-28); one site served elsewhere answering 503 is no static host.
     */
    @Test
    void customDomainsOfAStaticHostAnswering5xxAreTheHost() throws IOException {
        Assessment pages = Fleet.scenario("p170-13-platform-outage-probe-only-upptime-github-pages-status-page-503");
        assertTrue(Fleet.weighs(pages, "platform.outage/static-host-sites-5xx"), pages.causes().toString());
        assertEquals("platform.outage", pages.causes().get(0).id().value(), pages.causes().toString());
        Assessment githubIo = Fleet.scenario("p129-28-platform-outage-github-pages-backend-unhealthy-office-screen");
        assertTrue(Fleet.weighs(githubIo, "platform.outage/static-host-sites-5xx"), githubIo.causes().toString());
        Assessment upptime = Fleet.scenario("p170-16-dependency-down-probe-only-upptime-db-ping-endpoint-503");
        assertFalse(Fleet.weighs(upptime, "platform.outage/static-host-sites-5xx"), upptime.causes().toString());
    }

    /**
     * The DNS probe writes an AAAA answer as {@code InetAddress.getHostAddress()} does, uncompressed
     * ("2606:50c0:8000:0:0:0:0:153"): GitHub Pages' published IPv6 addresses are its addresses in that form too
     * (review of rules37-p170); an address outside them is not.
     */
    @Test
    void githubPagesIpv6AddressesCountInTheProbesOwnForm() throws IOException {
        Assessment uncompressed = withAddresses("p170-13-platform-outage-probe-only-upptime-github-pages-status-page-503",
                List.of("2606:50c0:8000:0:0:0:0:153", "2606:50c0:8001:0:0:0:0:153"));
        assertTrue(Fleet.weighs(uncompressed, "platform.outage/static-host-sites-5xx"), uncompressed.causes().toString());
        Assessment elsewhere = withAddresses("p170-13-platform-outage-probe-only-upptime-github-pages-status-page-503",
                List.of("2606:4700:0:0:0:0:6810:84e5"));
        assertFalse(Fleet.weighs(elsewhere, "platform.outage/static-host-sites-5xx"), elsewhere.causes().toString());
    }

    private static Assessment withAddresses(String id, List<String> addresses) throws IOException {
        io.sophia.diagnosis.calibration.Scenario s = io.sophia.diagnosis.calibration.ScenarioLoader.with(LogScanner.builtIn())
                .load(io.sophia.diagnosis.calibration.ScenarioLoader.corpusDirectory().resolve(id + ".yaml"));
        List<io.sophia.core.Observation> o = s.observations().stream().map(x -> x instanceof
                io.sophia.core.Observation.DnsResolution d ? new io.sophia.core.Observation.DnsResolution(d.serviceId(),
                d.source(), d.host(), addresses, d.latency()) : x).toList();
        return Diagnosis.ofDefaults().diagnose(s.deployment(), o, s.at());
    }

}
