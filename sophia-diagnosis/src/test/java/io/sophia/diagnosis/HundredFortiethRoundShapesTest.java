package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-first session's rule writer r41-p185, each in its tool's own words: its round on p185-
 * (private networking: VPC peering, private endpoints, service meshes, WireGuard/Tailscale, internal DNS). Tailscale's
 * control plane refusing the key or OAuth client a job joins the tailnet with; coreutils' checksum check of a download
 * that does not match; nslookup's and dig's "no servers could be reached"; the Fly Terraform provider's WireGuard tunnel
 * that the job never opened; a bracketed IPv6 literal looked up as a host name (dns.getaddrinfo narrowed to leave it).
 * Two rule changes: kubectl's "failed to download openapi" (the API server's schema) is no download of the build
 * (build.dependency-fetch/resolver-in-download and network.dns/resolver-in-fetch narrowed), and a look at a cluster
 * showing a crash loop beside another look showing the same service's liveness probe failing is the probe's restarts
 * (app.crash-on-boot/crash-loop-look-beside-liveness-failure, on the probe fact's new livenessFailingBeside).
 */
class HundredFortiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r41-p185 (p185-: private networking)
            Map.entry("tailscale.control-refused-key", "auth.deploy-token"),
            Map.entry("checksum.computed-did-not-match", "build.dependency-fetch"),
            Map.entry("dns.no-servers-reached", "network.dns"),
            Map.entry("fly.terraform-wireguard-tunnel-not-open", "config.invalid"),
            Map.entry("node.getaddrinfo-bracketed-address", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("tailscale.control-refused-key", "backend error: user does not have access to this operation");
        ROUND.readsNot("tailscale.control-refused-key", "backend error: requested tags [tag:ci] are invalid or not permitted"); // the ACL's tag owners, a setting
        ROUND.reads("tailscale.control-refused-key", "backend error: invalid key: API key kMsj6W6CNTRL not valid");
        ROUND.readsNot("tailscale.control-refused-key", "tsnet.Up: backend: key cannot be used for node auth: {KeyCapabilityBits(OAUTH_CLIENT) [tag:idp]}");
        ROUND.reads("checksum.computed-did-not-match", "sha256sum: WARNING: 1 computed checksum did NOT match");
        ROUND.readsNot("checksum.computed-did-not-match", "sha256sum: WARNING: 1 line is improperly formatted");
        ROUND.reads("checksum.computed-did-not-match", "shasum: WARNING: 2 computed checksums did NOT match");
        ROUND.readsNot("checksum.computed-did-not-match", "ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 4f1b2c: \"/app/package.json\": not found"); // a file missing from the build context
        ROUND.reads("dns.no-servers-reached", ";; connection timed out; no servers could be reached");
        ROUND.readsNot("dns.no-servers-reached", ";; Got answer:");
        ROUND.reads("dns.no-servers-reached", "pricing.internal.corp via 127.0.0.53: connection timed out; no servers could be reached");
        ROUND.readsNot("dns.no-servers-reached", "curl: (28) Connection timed out after 10001 milliseconds"); // a host that resolved and did not answer
        ROUND.reads("fly.terraform-wireguard-tunnel-not-open", "│ Error: fly wireguard tunnel must be open");
        ROUND.readsNot("fly.terraform-wireguard-tunnel-not-open", "│ Error: failed to create wireguard peer");
        ROUND.reads("fly.terraform-wireguard-tunnel-not-open", "Error: fly wireguard tunnel must be open");
        ROUND.readsNot("fly.terraform-wireguard-tunnel-not-open", "Error: Unauthorized"); // a token refused
        ROUND.reads("node.getaddrinfo-bracketed-address", "Error: getaddrinfo ENOTFOUND [::1]");
        ROUND.readsNot("node.getaddrinfo-bracketed-address", "Error: getaddrinfo ENOTFOUND redis-primary");
        ROUND.reads("node.getaddrinfo-bracketed-address", "Error: getaddrinfo ENOTFOUND [2a09:8280:1::6:44ce] at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:109:26)");
        ROUND.readsNot("node.getaddrinfo-bracketed-address", "Error: connect ECONNREFUSED [fdaa:2:4c1e:a7b:13d:6b2a:91f0:2]:3000"); // an address reached and refused
        // narrowed: dns.getaddrinfo leaves the bracketed literal, and still reads a name
        ROUND.readsNot("dns.getaddrinfo", "Error: getaddrinfo ENOTFOUND [::1]");
        ROUND.reads("dns.getaddrinfo", "network.dns", "Error: getaddrinfo ENOTFOUND redis-primary");
    }

    /**
     * On the labelled scenarios the round reads only lines of its own causes. Of the shared corpus it reads one line,
     * that log's own failure: a Travis build of martanne/vis whose make target downloads libtermkey and checks it,
     * "sha256sum: WARNING: 1 computed checksum did NOT match" (a dependency download that arrived with other bytes).
     * The bracketed address's words are carried by a machine's exit detail (p185-17) and no scenario's log; the corpus
     * check below counts it too.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("node.getaddrinfo-bracketed-address")).staysInItsCausesReadingInTheCorpus(List.of(
                "martanne@vis/failed/496555781.log:704 checksum.computed-did-not-match"));
        assertEquals(1, Fleet.corpusLinesReadBy(CAUSE_OF.keySet()).size());
    }

    /**
     * kubectl's "failed to download openapi: Get \"https://<api server>/openapi/v2\": dial tcp: lookup ... no such host"
     * (tailscale/github-action#173, p185-06) names the deploy target's API server, not a package index the build
     * downloads from: the name that does not resolve is the endpoint's (before: build.dependency-fetch at 0.90).
     */
    @Test
    void kubectlsOpenApiDownloadIsTheApiServersName() throws IOException {
        ShapeRound.leadWith(Map.of("p185-06-network-dns-tailscale-magicdns-ts-net-no-such-host-127-0-0-53", "network.dns"));
    }

    /**
     * A look showing a pod in CrashLoopBackOff beside a look at the same service's events showing its liveness probe
     * failing (kubernetes-sigs/kube-network-policies#150, p185-23) is the probe's restarts (before: app.crash-on-boot).
     */
    @Test
    void aCrashLoopLookBesideAFailingLivenessProbeIsTheCheck() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p185-23-app-healthcheck-failing-kube-network-policies-deny-all-liveness-restarts", "app.healthcheck-failing"));
    }

    /** The scenarios whose words the round's indications read lead with their cause. */
    @Test
    void theRoundsScenariosLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p185-01-auth-deploy-token-tailscale-oauth-client-no-access-to-operation", "auth.deploy-token",
                "p185-08-network-dns-kube-dns-no-servers-could-be-reached-svc-ip-ok", "network.dns",
                "p185-17-config-invalid-emailengine-bracketed-ipv6-redis-host-enotfound", "config.invalid",
                "p185-20-config-invalid-terraform-fly-provider-wireguard-tunnel-must-be-open", "config.invalid",
                "p185-31-build-dependency-fetch-tailscale-action-sha256-mismatch-tgz-failed", "build.dependency-fetch"));
    }
}
