package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-p213, each in its tool's own words: its round on the
 * tuning set p213- (service meshes in deploys: Istio/Envoy, Linkerd, Consul, Kuma). BusyBox's "wget: bad address
 * 'github.com'" (kumahq/kuma#4448, nginx/docker-nginx#508, docker-library/busybox#118, "ping: bad address 'baidu.com'"
 * EstrellaXD/Auto_Bangumi#112); rustls refusing an expired peer certificate, "invalid peer certificate: Expired", read by
 * r47-p212's rustls.invalid-peer-certificate (this round's rustls.peer-certificate-expired merged into it at the merge)
 * (rigelminer/rigel#238, poem-web/poem#290, ducaale/xh#413; Linkerd's proxy, linkerd/linkerd2#13136); Artifactory's
 * remote repository unable to get the upstream's pull token, "Can't fetch token for repo: ... realm: ..."
 * (linkerd/linkerd2#5959); Istio's gateway without the secret a Gateway's credentialName names, "cannot find secret x
 * and cannot find fallback secret gateway-fallback" (istio/istio#33020, istio/istio#17409, istio/istio#14739); Envoy's
 * access log "NR filter_chain_not_found" for a connection no filter chain accepts (istio/istio#56084,
 * istio/istio#43505). And rules: Consul's "consul intention check" answering "Denied"
 * (config.invalid/mesh-intention-denies-the-call, elastic/cloud-on-k8s#2973); BusyBox's wget failing on a name in an
 * image build's RUN step is the build's download (build.dependency-fetch and network.dns resolver-in-image-build-wget,
 * GoogleCloudPlatform/microservices-demo#497). Each test fails before its change.
 */
class HundredEightySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("busybox.bad-address", "network.dns"),
            Map.entry("artifactory.remote-token-fetch-failed", "registry.auth"),
            Map.entry("istio.gateway-secret-not-found", "config.missing-secret"),
            Map.entry("envoy.filter-chain-not-found", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("busybox.bad-address", "wget: bad address 'github.com'");
        ROUND.reads("busybox.bad-address", "ping: bad address 'baidu.com'");
        ROUND.reads("busybox.bad-address", "wget: bad address 'downloads.openwrt.org'");
        // a bare name is what a configuration carried over names (brocoders/nestjs-boilerplate#877)
        ROUND.readsNot("busybox.bad-address", "nc: bad address 'postgres'");
        ROUND.readsNot("busybox.bad-address", "ok 27 dns - bad address");
        ROUND.reads("rustls.invalid-peer-certificate", "tls.certificate", "[2024-12-22 00:08:44] [cfx.xt888.xyz:5222] connection error: invalid peer certificate: Expired");
        ROUND.reads("rustls.invalid-peer-certificate", "tls.certificate", "thread 'listener::rustls::tests::tls_listener' panicked at 'called `Result::unwrap()` on an `Err` value: Custom { kind: InvalidData, error: InvalidCertificateData(\"invalid peer certificate: CertExpired\") }', poem/src/listener/rustls.rs:455:70");
        ROUND.reads("rustls.invalid-peer-certificate", "tls.certificate", "    1: invalid peer certificate: certificate expired: verification time 1742381579 (UNIX), but certificate is not valid after 1428883199 (313498380 seconds ago)");
        ROUND.reads("artifactory.remote-token-fetch-failed", "[WARN ] cr.l5d.io-docker-proxy: Error in getting information for 'linkerd/controller/stable-2.9.4/list.manifest.json' (java.lang.IllegalStateException: Can't fetch token for repo: cr.l5d.io-docker-proxy realm: https://ghcr.io/token scope:repository:user/image:pull).");
        ROUND.readsNot("artifactory.remote-token-fetch-failed", "[ERROR] Missing Manifest from cr.l5d.io-docker-proxy 'v2/linkerd/controller/manifests/stable-2.9.4' not found");
        ROUND.reads("istio.gateway-secret-not-found", "2019-09-26T07:46:46.400675Z\terror\tsecretFetcherLog\tcannot find secret application-connector-certs and cannot find fallback secret gateway-fallback");
        ROUND.reads("istio.gateway-secret-not-found", "2019-06-13T10:07:15.611528Z\twarn\tCannot find secret spectrum-tls, searching for fallback secret gateway-fallback");
        ROUND.reads("istio.gateway-secret-not-found", "warn cache resource:aks-istio-secret SecretFetcher cannot find secret aks-istio-secret from cache");
        ROUND.readsNot("istio.gateway-secret-not-found", "2019-09-26T07:46:46.500942Z\twarn\tsecretFetcherLog\tfailed load server cert/key pair from secret kyma-gateway-certs: server cert or private key is empty");
        ROUND.reads("envoy.filter-chain-not-found", "[2023-02-21T19:45:06.559Z] \"- - -\" 0 NR filter_chain_not_found - \"-\" 0 0 4995 - \"-\" \"-\" \"-\" \"-\" \"-\" - - 10.1.2.188:50000 10.1.2.182:50001 - -");
        ROUND.readsNot("envoy.filter-chain-not-found", "[2020-12-10T21:06:04.154Z] \"- - -\" 0 - - - \"-\" 0 0 14 - \"-\" \"-\" \"-\" \"-\" \"-\" - - 10.244.0.50:8443 10.244.0.52:35008 - -");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // p179-33: the name lookup that failed is the image build's download of a release binary, which
        // resolver-in-image-build-wget gives to build.dependency-fetch
        // h31-30: Fly withdraws a stopped machine's .internal name, so the ping of the stopped database fails on its
        // name as a consequence of the database being down
        // artifactory.remote-token-fetch-failed, istio.gateway-secret-not-found and
        // envoy.filter-chain-not-found read no labelled scenario's log: their sources (p213-24, p213-31,
        // p213-03) carry the lines in looks at a proxy's, a registry's and a gateway's logs, which the engine's
        // probe-detail rule reads
        ROUND.without(java.util.Set.of("artifactory.remote-token-fetch-failed",
                "istio.gateway-secret-not-found", "envoy.filter-chain-not-found"))
                .staysInItsCauses("p179-33 busybox.bad-address", "h31-30 busybox.bad-address");
    }

    /** Each fixed p213- miss now led by its label (unknown led p213-03 at 0.49, app.crash-on-boot p213-29 and tls.certificate p213-31 at 0.9). */
    @Test
    void theMeshMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p213-03-config-invalid-workload-strict-under-mesh-disable-filter-chain-not-found", "config.invalid"),
                Map.entry("p213-29-network-dns-kuma-grafana-init-wget-bad-address-github", "network.dns"),
                Map.entry("p213-31-config-missing-secret-gateway-credentialname-secret-not-found", "config.missing-secret")));
    }

    /**
     * config.invalid/mesh-intention-denies-the-call: Consul's verdict "Denied" on the client-to-server call
     * (elastic/cloud-on-k8s#2973). Before, unknown led p213-05 at 0.49.
     */
    @Test
    void aMeshIntentionThatDeniesTheCallLeads() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p213-05-config-invalid-consul-intentions-default-deny-empty-reply", "config.invalid"));
    }

    /**
     * build.dependency-fetch/resolver-in-image-build-wget: "wget: bad address 'github.com'" under "Step 10/15 : RUN ...
     * wget ..." (GoogleCloudPlatform/microservices-demo#497) is the image build's download, which busybox.bad-address
     * alone would give to network.dns at 0.9.
     */
    @Test
    void aWgetNameFailureInAnImageBuildIsTheBuildsDownload() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p179-33-build-dependency-fetch-grpc-health-probe-wget-bad-address-github", "build.dependency-fetch",
                "p213-29-network-dns-kuma-grafana-init-wget-bad-address-github", "network.dns"));
    }
}
