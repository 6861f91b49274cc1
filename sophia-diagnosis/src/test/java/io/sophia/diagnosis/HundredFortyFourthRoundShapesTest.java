package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-first session's rule writer r41-h139, each in its tool's own words: its round on h139-
 * (Kubernetes operators and controllers, their status conditions and events). The cluster's etcd not serving the API
 * server, as helm, kubectl, the scheduler's lease and etcd itself say it; an admission webhook that does not answer
 * within the API server's timeout; Flux's source-controller refused by the Git host (authentication required); helm
 * finding a chart repository's index empty; External Secrets' store status InvalidProviderConfig; a Gateway API route
 * whose hostnames meet no listener. One rule added: a look at the certificate issuer's objects (cert-manager's challenge,
 * its ACME solver's pod) showing the renewal failing in another cause's words makes the expiring or expired certificate
 * its consequence (tls.certificate/renewal-failure-named-probe, as renewal-failure-named does for an expectation).
 */
class HundredFortyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r41-h139 (h139-: Kubernetes operators and controllers)
            Map.entry("k8s.etcd-not-serving", "platform.outage"),
            Map.entry("k8s.webhook-deadline-exceeded", "dependency.down"),
            Map.entry("flux.git-clone-auth-required", "auth.deploy-token"),
            Map.entry("helm.repository-index-empty", "build.dependency-fetch"),
            Map.entry("eso.store-invalid-provider-config-generic", "config.invalid"),
            Map.entry("gateway-api.route-hostname-no-listener", "config.invalid"),
            Map.entry("gateway-api.listener-certificate-secret-missing", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // helm/helm#7992, kubernetes/kubernetes#43984, rancher/rancher#9385
        ROUND.reads("k8s.etcd-not-serving", "Error: UPGRADE FAILED: release metrics-server failed: etcdserver: request timed out");
        ROUND.readsNot("k8s.etcd-not-serving", "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress");
        ROUND.reads("k8s.etcd-not-serving", "E1124 11:41:39.183817   14958 leaderelection.go:261] Failed to update lock: client: etcd cluster is unavailable or misconfigured");
        ROUND.readsNot("k8s.etcd-not-serving", "2026/11/24 11:41:39 [error] 44#44: *1 [lua] config_etcd.lua:659: failed to fetch data from etcd: etcdserver: request timed out"); // an app's own store
        ROUND.reads("k8s.etcd-not-serving", "Error from server: etcdserver: leader changed");
        ROUND.reads("k8s.etcd-not-serving", "    description: 'Release \"metrics-server\" failed: etcdserver: request timed out'");
        // kubernetes-sigs/gateway-api#1465, p68-11's helm wording, kyverno/kyverno#2869's older one
        ROUND.reads("k8s.webhook-deadline-exceeded", "│ Error: Internal error occurred: failed calling webhook \"validate.gateway.networking.k8s.io\": failed to call webhook: Post \"https://gateway-api-admission-server.gateway-system.svc:443/validate?timeout=10s\": context deadline exceeded");
        ROUND.readsNot("k8s.webhook-deadline-exceeded", "Error from server (InternalError): Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": failed to call webhook: Post \"https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=10s\": x509: certificate signed by unknown authority"); // the webhook's certificate
        ROUND.reads("k8s.webhook-deadline-exceeded", "Error from server (InternalError): Internal error occurred: failed calling webhook \"validate.kyverno.svc-fail\": Post \"https://kyverno-svc.kyverno.svc:443/validate?timeout=10s\": context deadline exceeded");
        ROUND.readsNot("k8s.webhook-deadline-exceeded", "Error from server: error when creating \"deploy.yaml\": admission webhook \"validate.kyverno.svc-fail\" denied the request: resource Deployment/shop/web was blocked due to the following policies"); // the policy's refusal
        // fluxcd/flux2#2596, #529
        ROUND.reads("flux.git-clone-auth-required", "✗ GitRepository reconciliation failed: 'failed to checkout and determine revision: unable to clone 'https://gitlab.com/gitlab-org/gitlab-runner.git': authentication required'");
        ROUND.readsNot("flux.git-clone-auth-required", "✗ GitRepository reconciliation failed: 'failed to checkout and determine revision: unable to clone 'https://gitlab.com/gitlab-org/gitlab-runner.git': couldn't find remote ref \"refs/heads/mian\"'");
        ROUND.reads("flux.git-clone-auth-required", "unable to clone 'https://github.example.com/test/gitops-test', error: authentication required");
        ROUND.readsNot("flux.git-clone-auth-required", "unable to clone 'https://github.example.com/test/gitops-test', error: dial tcp: lookup github.example.com on 10.96.0.10:53: no such host"); // the host's name
        // rook/rook#17641, helm/helm#9766
        ROUND.reads("helm.repository-index-empty", "Error: no cached repository for ceph-csi-operator found. (try 'helm repo update'): error loading /home/runner/.cache/helm/repository/ceph-csi-operator-index.yaml: empty index.yaml file");
        ROUND.readsNot("helm.repository-index-empty", "Error: no cached repository for ceph-csi-operator found. (try 'helm repo update'): open /home/runner/.cache/helm/repository/ceph-csi-operator-index.yaml: no such file or directory");
        ROUND.reads("helm.repository-index-empty", "Error: looks like \"http://mirror.azure.cn/kubernetes/charts-incubator/\" is not a valid chart repository or cannot be reached: empty index.yaml file");
        ROUND.readsNot("helm.repository-index-empty", "Error: looks like \"http://mirror.azure.cn/kubernetes/charts-incubator/\" is not a valid chart repository or cannot be reached: no API version specified");
        // aws-ia/terraform-aws-eks-blueprints#1833
        ROUND.reads("eso.store-invalid-provider-config-generic", "clustersecretstore.external-secrets.io/cluster-secretstore-sm   5d2h   InvalidProviderConfig   False");
        ROUND.readsNot("eso.store-invalid-provider-config-generic", "clustersecretstore.external-secrets.io/cluster-secretstore-sm   5d2h   Valid   ReadWrite   True");
        ROUND.reads("eso.store-invalid-provider-config-generic", "  Warning  InvalidProviderConfig  12s (x5 over 2m)  secretstore  unable to create client");
        ROUND.readsNot("eso.store-invalid-provider-config-generic", "externalsecret.external-secrets.io/ledger-db-sm   cluster-secretstore-sm   1h   SecretSyncedError   False"); // the echo, not why
        // projectcontour/contour#4507, the Gateway API's standard reason
        ROUND.reads("gateway-api.route-hostname-no-listener", "message: No intersecting hostnames were found between the listener and the route.");
        ROUND.readsNot("gateway-api.route-hostname-no-listener", "message: No listeners included by this parent ref allowed this attachment.");
        ROUND.reads("gateway-api.route-hostname-no-listener", "    reason: NoMatchingListenerHostname");
        ROUND.readsNot("gateway-api.route-hostname-no-listener", "    reason: NoMatchingParent");
        // envoyproxy/gateway#9128 and the listener validation of Envoy Gateway and Contour
        ROUND.reads("gateway-api.listener-certificate-secret-missing", "message: Secret web/docs-plover-tls does not exist.");
        ROUND.readsNot("gateway-api.listener-certificate-secret-missing", "message: Secret web/docs-plover-tls must contain valid tls.crt and tls.key, unable to validate certificate in tls.crt: unable to decode pem data for certificate"); // the certificate's own
        ROUND.reads("gateway-api.listener-certificate-secret-missing", "        message: Secret gateways/wildcard-cert does not exist.");
        ROUND.readsNot("gateway-api.listener-certificate-secret-missing", "message: Certificate gateways/wildcard-cert does not exist."); // a cert-manager object, not the Secret
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause, but for
     * a cluster-wide policy engine's webhook timing out for every team (p186-31, p186-32, labelled platform.outage): the
     * webhook's service not answering is what the platform's outage looks like from a deploy, which the moderate weight
     * of k8s.webhook-deadline-exceeded leaves to the scenario's other evidence.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // the store's status, the route's and the listener's conditions are carried by their sources in a look at the
        // controller's objects (api:), which the probe-detail rule reads, and no scenario's log
        ROUND.without(java.util.Set.of("eso.store-invalid-provider-config-generic", "gateway-api.route-hostname-no-listener",
                "gateway-api.listener-certificate-secret-missing")).staysInItsCauses(
                "p186-31 k8s.webhook-deadline-exceeded", "p186-32 k8s.webhook-deadline-exceeded");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** The scenarios whose words only a look at the controller's objects carries lead with their cause. */
    @Test
    void looksCarryingTheWordsLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h139-14-config-missing-secret-envoy-gateway-listener-cert-secret-missing", "config.missing-secret",
                "h139-16-config-invalid-eso-clustersecretstore-invalid-provider-config", "config.invalid",
                "h139-17-config-invalid-contour-httproute-hostname-no-listener-intersect", "config.invalid"));
    }

    /**
     * A certificate running down or expired while a look at cert-manager's challenge or its ACME solver's pod shows the
     * renewal failing in another cause's words (the cluster's DNS not resolving the challenge host, h139-31; the solver's
     * image not served by its registry, h139-07) is that cause's consequence (tls.certificate/renewal-failure-named-probe);
     * before it the certificate's own dates led at 0.9 and 0.58.
     */
    @Test
    void aRenewalFailingInAnotherCausesWordsExplainsTheCertificate() throws IOException {
        ShapeRound.leadWith(Map.of(
                "h139-31-network-dns-cert-manager-http01-self-check-no-such-host", "network.dns",
                "h139-07-registry-unavailable-quay-acmesolver-manifest-502-renewal-stuck", "registry.unavailable"));
    }
}
