package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-sixth session's rule writer r46-h157, on the misses of the consumed h157- (Kubernetes
 * deploys driven from CI), h159- (monorepos) and h160- (the network edge), each in its tool's own words: kubectl drain
 * refused by a PodDisruptionBudget (kubernetes-sigs/kubespray#6281, kubesphere/ks-installer#1110); nginx speaking the
 * wrong protocol to its upstream (grpc/grpc#11427, kubernetes/ingress-nginx#4323, apache/apisix#10838); uWSGI loading
 * no app (kubernetes/kubernetes#61223); kubectl's exec credential plugin missing on the runner
 * (actions/runner-images#6778); Skaffold's COPY source matching no file (GoogleContainerTools/skaffold#8562); a Helm
 * chart repository's index not found (helm/helm#30662). And two widenings: a package index unreachable with "no route
 * to host" (caddyserver/xcaddy#175) and clever-tools' "You're not logged in" (47ng/actions-clever-cloud#259). Each
 * indication is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row);
 * each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSeventyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("k8s.drain-blocked-by-disruption-budget", "config.invalid"),
            Map.entry("nginx.upstream-protocol-mismatch", "config.invalid"),
            Map.entry("uwsgi.no-app-loaded", "app.crash-on-boot"),
            Map.entry("kubectl.credential-plugin-not-found", "auth.deploy-token"),
            Map.entry("skaffold.copy-source-matches-no-file", "build.dockerfile"),
            Map.entry("helm.chart-index-not-found", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("k8s.drain-blocked-by-disruption-budget", "error when evicting pod \"istiod-74bb5dc7bc-v64sb\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.");
        ROUND.readsNot("k8s.drain-blocked-by-disruption-budget", "evicting pod istio-system/istiod-74bb5dc7bc-v64sb");
        ROUND.reads("k8s.drain-blocked-by-disruption-budget", "error when evicting pods/\"istiod-bc4584967-9l5j7\" -n \"istio-system\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.");
        // Ansible's JSON of kubectl's stderr, its lines joined by "\n" (kubernetes-sigs/kubespray#6281)
        ROUND.reads("k8s.drain-blocked-by-disruption-budget", "fatal: [node5 -> node1]: FAILED! => {\"rc\": 1, \"stderr\": \"WARNING: ignoring DaemonSet-managed Pods: kube-system/calico-node-lds5c\\nerror when evicting pod \\\"istiod-74bb5dc7bc-v64sb\\\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\\n\"}");
        ROUND.readsNot("k8s.drain-blocked-by-disruption-budget", "error when evicting pods/\"web-0\" -n \"default\" (will retry after 5s): pods \"web-0\" is forbidden: node is not ready");
        ROUND.reads("nginx.upstream-protocol-mismatch", "2017/06/07 10:12:31 [error] 1550#1550: *48 upstream sent no valid HTTP/1.0 header while reading response header from upstream, client: 203.0.113.40, server: api.foo.com, request: \"POST /foo.User/GetUser HTTP/2.0\", upstream: \"http://127.0.0.1:50051/foo.User/GetUser\"");
        ROUND.readsNot("nginx.upstream-protocol-mismatch", "2017/06/07 10:12:31 [error] 1550#1550: *48 upstream prematurely closed connection while reading response header from upstream, client: 203.0.113.40");
        ROUND.reads("nginx.upstream-protocol-mismatch", "2019/07/16 00:29:18 [error] 135#135: *1745 upstream sent too large http2 frame: 4740180 while reading response header from upstream, client: 10.240.0.5, server: gateway.example.com, request: \"GET /campaign HTTP/2.0\"");
        // another frame length is a real oversized frame, not an HTTP/1 answer read as HTTP/2
        ROUND.readsNot("nginx.upstream-protocol-mismatch", "2024/01/17 12:30:03 [error] 50#50: *158580 upstream sent too large http2 frame: 16777216 while reading response header from upstream, client: 172.10.0.1");
        ROUND.reads("uwsgi.no-app-loaded", "*** no app loaded. GAME OVER ***");
        ROUND.readsNot("uwsgi.no-app-loaded", "*** uWSGI is running in multiple interpreter mode ***");
        ROUND.reads("uwsgi.no-app-loaded", "unable to load app 0 (mountpoint='') (callable not found or import error) / *** no app loaded. GAME OVER ***");
        ROUND.readsNot("uwsgi.no-app-loaded", "*** no app loaded. going in full dynamic mode ***");
        ROUND.reads("kubectl.credential-plugin-not-found", "Unable to connect to the server: getting credentials: exec: executable gke-gcloud-auth-plugin not found");
        ROUND.readsNot("kubectl.credential-plugin-not-found", "Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255");
        ROUND.reads("kubectl.credential-plugin-not-found", "E1212 09:59:02.310442    2214 memcache.go:265] couldn't get current server API group list: Get \"https://34.107.18.201/api?timeout=32s\": getting credentials: exec: executable kubelogin not found");
        ROUND.readsNot("kubectl.credential-plugin-not-found", "It looks like you are trying to use a client-go credential plugin that is not installed.");
        ROUND.reads("skaffold.copy-source-matches-no-file", "getting hash for artifact \"react-client-img\": getting dependencies for \"react-client-img\": file pattern [./dist] must match at least one file");
        ROUND.readsNot("skaffold.copy-source-matches-no-file", "getting hash for artifact \"react-client-img\": getting dependencies for \"react-client-img\": parsing ONBUILD instructions: retrieving image \"node:18\": GET https://index.docker.io/v2/library/node/manifests/18: TOOMANYREQUESTS");
        ROUND.reads("helm.chart-index-not-found", "failed to fetch https://onap.github.io/helm-charts/index.yaml : 404 Not Found");
        ROUND.readsNot("helm.chart-index-not-found", "failed to fetch https://charts.jetstack.io/index.yaml : 503 Service Unavailable");
        // the widened shapes
        ROUND.reads("fetch.package-host-network", "build.dependency-fetch", "#8 968.6 go: module google.golang.org/genproto/googleapis/rpc/status: Get \"https://proxy.golang.org/google.golang.org/genproto/googleapis/rpc/status/@v/list\": dial tcp 64.233.166.141:443: connect: no route to host");
        ROUND.readsNot("fetch.package-host-network", "#8 39.09 go: downloading google.golang.org/genproto v0.0.0-20230913181813-007df8e322eb");
        ROUND.reads("auth.cli-not-logged-in", "auth.deploy-token", "You're not logged in");
        ROUND.readsNot("auth.cli-not-logged-in", "✓ redirects to the sign-in page when you're not logged in (41 ms)");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // uwsgi.no-app-loaded reads no labelled scenario's log: h160-24 carries its line in a machine event, which the
        // exit-detail rule reads
        ROUND.without(java.util.Set.of("uwsgi.no-app-loaded")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** Each miss of h157- and h160- that a new or widened shape now reads is led by its label. */
    @Test
    void theMissesTheShapesReadLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h157-01-build-dockerfile-skaffold-copy-dist-pattern-must-match-gke-autopilot", "build.dockerfile"),
                Map.entry("h157-04-build-dependency-fetch-helm-chart-build-platform-index-404-no-such-file", "build.dependency-fetch"),
                Map.entry("h157-18-auth-deploy-token-gke-gcloud-auth-plugin-not-found-kubectl-getting-credentials", "auth.deploy-token"),
                Map.entry("h157-23-config-invalid-kubespray-upgrade-drain-blocked-istiod-pdb", "config.invalid"),
                Map.entry("h160-03-build-dependency-fetch-xcaddy-genproto-proxy-golang-no-route-to-host", "build.dependency-fetch"),
                Map.entry("h160-22-config-invalid-nginx-proxy-pass-grpc-upstream-no-valid-http1-header", "config.invalid"),
                Map.entry("h160-23-config-invalid-ingress-backend-protocol-grpc-on-http-service-too-large-frame", "config.invalid"),
                Map.entry("h160-24-app-crash-on-boot-uwsgi-fails-to-start-after-deploy-proxy-502", "app.crash-on-boot")));
    }
}
