package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-first session's rule writer r41-p186, each in its tool's own words: its round on p186-
 * (security and supply-chain gates in the deploy path). The Snyk CLI's token not recognised (SNYK-0005) or missing;
 * Fulcio refusing cosign's keyless certificate for the CI's identity (401), or no identity token obtained (the device
 * flow expired); a registry's token service denying the pull scope (Trivy's database download); a release asset the
 * build downloads answering 404; a godownloader install script exiting right after it found the release; CodeQL's
 * analysis finding no source code in the build; the dependency-review check unsupported on the repository; Gatekeeper's
 * and Kyverno's admission webhooks refusing the workload as written.
 */
class HundredFortyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("snyk.auth-not-recognized", "auth.deploy-token"),
            Map.entry("sigstore.fulcio-cert-unauthorized", "auth.deploy-token"),
            Map.entry("registry.token-scope-denied", "registry.auth"),
            Map.entry("release-asset.download-404", "build.dependency-fetch"),
            Map.entry("godownloader.exit-after-found-version", "build.dependency-fetch"),
            Map.entry("codeql.no-source-code-seen", "ci.test-failure"),
            Map.entry("dependency-review.not-supported", "ci.test-failure"),
            Map.entry("policy-engine.admission-denied", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // open-telemetry/community#2856 (SNYK-0005 with an empty SNYK_TOKEN); grafana/oncall#4503, guardian/security-hq#213
        ROUND.reads("snyk.auth-not-recognized", " ERROR   Authentication error (SNYK-0005)");
        ROUND.readsNot("snyk.auth-not-recognized", " ERROR   Unspecified Error (SNYK-CLI-0000)"); // link-society/flowg#981: no browser for snyk auth
        ROUND.reads("snyk.auth-not-recognized", "`snyk` requires an authenticated account. Please run `snyk auth` and try again.");
        ROUND.readsNot("snyk.auth-not-recognized", "Unauthorized"); // p186-37: a bare word on stdout, the run green
        // sigstore/policy-controller#342, sigstore/cosign#2485; sigstore/fulcio#919 (device flow never approved)
        ROUND.reads("sigstore.fulcio-cert-unauthorized", "  Error: signing [registry.local:5000/policy-controller/demo@sha256:"
                + "d64b1447978c2f7e1189ea0c0af5591775a939f502d844049a5f04fcf1bfa770]: getting signer: getting key from Fulcio: "
                + "retrieving cert: POST http://fulcio.fulcio-system.172.18.255.1.sslip.io/api/v1/signingCert returned 401 "
                + "Unauthorized: \"{\\\"code\\\":16,\\\"message\\\":\\\"There was an error processing the credentials for this request\\\",\\\"details\\\":[]}\"");
        ROUND.readsNot("sigstore.fulcio-cert-unauthorized", "Error: signing [ghcr.io/example/btp-api:7.0.0-release.8525571639]: "
                + "getting signer: getting key from Fulcio: getting CTFE public keys: creating cached local store: resource "
                + "temporarily unavailable"); // sigstore/fulcio#1623: the client's own cache
        ROUND.reads("sigstore.fulcio-cert-unauthorized", "error signing payload: getting key from Fulcio: retrieving cert: "
                + "error obtaining token: expired_token");
        ROUND.readsNot("sigstore.fulcio-cert-unauthorized", "getting signer: getting key from Fulcio: retrieving cert: POST "
                + "https://fulcio.sigstore.dev/api/v1/signingCert returned 400 Bad Request: \"{\\\"code\\\":3, \\\"message\\\":"
                + "\\\"There was an error processing the identity token\\\", \\\"details\\\":[]}\""); // sigstore/fulcio#1769: opaque
        // aquasecurity/trivy#3164, #2373 (a mirror that requires authentication)
        ROUND.reads("registry.token-scope-denied", "2022-11-11T14:24:27.921+1300    FATAL   init error: DB error: failed to download "
                + "vulnerability DB: OCI artifact error: OCI artifact error: OCI repository error: GET https://ghcr.io/token?"
                + "scope=repository%3Aaquasecurity%2Ftrivy-db%3Apull&service=ghcr.io: DENIED: denied");
        ROUND.readsNot("registry.token-scope-denied", "2026-11-22T19:53:49Z\tFATAL\tFatal error\tinit error: DB error: failed "
                + "to download vulnerability DB: database download error: OCI repository error: 1 error occurred:");
        ROUND.reads("registry.token-scope-denied", "2022-06-21T15:52:16.743+0200    FATAL   init error: DB error: failed to "
                + "download vulnerability DB: OCI artifact error: OCI artifact error: OCI repository error: GET "
                + "https://ourmirror.com/v2/token?scope=repository%3Aaquasecurity%2Ftrivy-db%3Apull&service=ourmirror.com: : "
                + "Authentication is required");
        ROUND.readsNot("registry.token-scope-denied", "\t* GET https://ghcr.io/v2/aquasecurity/trivy-db/manifests/2: "
                + "TOOMANYREQUESTS: retry-after: 112.15µs, allowed: 44000/minute"); // throttled, the registry's side
        // Finsys/hawser#64, microsoft/docfind#9 (curl's 56 for the same answer)
        ROUND.reads("release-asset.download-404", "Downloading from https://github.com/Finsys/hawser/releases/download/v0.2.40/"
                + "hawser_0.2.40_linux_amd64.tar.gz...\ncurl: (22) The requested URL returned error: 404");
        ROUND.readsNot("release-asset.download-404", "Downloading from https://github.com/Finsys/hawser/releases/download/v0.2.40/"
                + "hawser_0.2.40_linux_amd64.tar.gz...\ncurl: (22) The requested URL returned error: 403"); // a token or a rate limit
        ROUND.reads("release-asset.download-404", "==> Downloading from https://github.com/microsoft/docfind/releases/download/"
                + "v0.1.0/docfind-aarch64-apple-darwin...\ncurl: (56) The requested URL returned error: 404");
        ROUND.readsNot("release-asset.download-404", "Run curl -fsS https://staging.example.dev/health\n"
                + "curl: (22) The requested URL returned error: 404"); // a health check's path, not a download
        // aquasecurity/setup-trivy#30's shape with golangci-lint's install.sh (the same godownloader script)
        ROUND.reads("godownloader.exit-after-found-version", "golangci/golangci-lint info found version: 1.55.2 for v1.55.2/linux/amd64\n"
                + "##[error]Process completed with exit code 1.");
        ROUND.readsNot("godownloader.exit-after-found-version", "golangci/golangci-lint info found version: 1.55.2 for v1.55.2/linux/amd64\n"
                + "golangci/golangci-lint info installed ./bin/golangci-lint");
        ROUND.reads("godownloader.exit-after-found-version", "reviewdog/reviewdog info found version: 0.17.0 for v0.17.0/Linux/x86_64\n"
                + "Error: Process completed with exit code 1.");
        ROUND.readsNot("godownloader.exit-after-found-version", "reviewdog/reviewdog info checking GitHub for latest tag\n"
                + "##[error]Process completed with exit code 1."); // the tag lookup, before any download
        // github/codeql-action#52 (another Maven project), ansible-collections/community.general#5586
        ROUND.reads("codeql.no-source-code-seen", "A fatal error occurred: No source code was seen during the build.");
        ROUND.readsNot("codeql.no-source-code-seen", "[INFO] No sources to compile");
        ROUND.reads("codeql.no-source-code-seen", "##[error]No code found during the build. Please see: https://docs.github.com/en/"
                + "github/finding-security-vulnerabilities-and-errors-in-your-code/troubleshooting-code-scanning#no-code-found-during-the-build");
        ROUND.readsNot("codeql.no-source-code-seen", "Warning: No source code found in the project for language python");
        // coveragepy/coveragepy#1728
        ROUND.reads("dependency-review.not-supported", "Error: Dependency review is not supported on this repository. Please ensure "
                + "that Dependency graph is enabled along with GitHub Advanced Security on private repositories, see "
                + "https://github.com/nedbat/coveragepy/settings/security_analysis");
        ROUND.readsNot("dependency-review.not-supported", "Error: Dependency review detected incompatible licenses.");
        ROUND.reads("dependency-review.not-supported", "##[error]Dependency review is not supported on this repository.");
        ROUND.readsNot("dependency-review.not-supported", "Dependency review: no vulnerable packages found");
        // open-policy-agent/gatekeeper's words (h98-22's k8srequiredlabels) and Kyverno's denial
        ROUND.reads("policy-engine.admission-denied", "Error: UPGRADE FAILED: admission webhook \"validation.gatekeeper.sh\" denied "
                + "the request: [k8srequiredlabels-must-have-owner] you must provide labels: {\"owner\"}");
        ROUND.readsNot("policy-engine.admission-denied", "Error from server (InternalError): Internal error occurred: failed calling "
                + "webhook \"validation.gatekeeper.sh\": failed to call webhook: Post \"https://gatekeeper-webhook-service."
                + "gatekeeper-system.svc:443/v1/admit?timeout=3s\": dial tcp 10.96.1.4:443: connect: connection refused"); // the webhook down
        ROUND.reads("policy-engine.admission-denied", "Error from server: error when creating \"pod.yaml\": admission webhook "
                + "\"validate.kyverno.svc-fail\" denied the request: policy Pod/default/nginx for resource violation:");
        ROUND.readsNot("policy-engine.admission-denied", "Error from server (InternalError): Internal error occurred: failed calling "
                + "webhook \"validate.kyverno.svc-fail\": Post \"https://kyverno-svc.kyverno.svc:443/validate?timeout=10s\": "
                + "context deadline exceeded"); // the engine not answering
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. p31-09:
     * Gatekeeper's first refusal of a pod without a cpu limit, fixed in the same log before the namespace's quota refused
     * it, labelled platform.quota (ThirtyEighthRoundShapesTest records the general shape reading it the same way).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses("p31-09 policy-engine.admission-denied");
    }

    /**
     * A ReplicaSet's FailedCreate that a look through kubectl shows, carrying Gatekeeper's denial (p186-27), is the
     * manifest against the cluster's policy: the probe-detail rule reads the policy engine's specific words, which the
     * general shape alone did not give it. Its weight (0.72) stands just above the general shape's (0.7), not at one
     * source's full strength: p31-09's Gatekeeper refusal of a pod without a cpu limit, fixed in the same log before
     * the namespace's quota refused it, stays platform.quota (at 0.85 it led the log to config.invalid).
     */
    @Test
    void aPolicyEnginesDenialInAClusterLookIsTheConfiguration() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p186-27-config-invalid-gatekeeper-privilege-escalation-replicaset-failedcreate", "config.invalid",
                "p31-09-platform-quota-k8s-namespace-exceeded-quota-gpu-pod", "platform.quota"));
    }

    /**
     * The resolver's UDP query for an image registry's name timing out, "lookup ghcr.io on 168.63.129.16:53: read udp
     * ...->168.63.129.16:53: i/o timeout", is the name's resolution (network.dns/registry-name-query-timed-out, and
     * registry.name-lookup and registry.connection no longer read it): before, the registry was blamed at 0.9 (p186-06,
     * and p23-32, p78-35, h87-43 of earlier sets).
     */
    @Test
    void aTimedOutQueryForARegistrysNameIsTheName() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p186-06-network-dns-trivy-ghcr-lookup-azure-dns-timeout", "network.dns",
                "p78-35-network-dns-runner-registry-lookup-udp-io-timeout", "network.dns"));
        ROUND.readsNot("registry.name-lookup", "* Get \"https://ghcr.io/v2/\": dial tcp: lookup ghcr.io on 168.63.129.16:53: read "
                + "udp 10.88.0.2:43149->168.63.129.16:53: i/o timeout");
        ROUND.reads("registry.name-lookup", "registry.unavailable", "Error response from daemon: Get \"https://registry.fly.io/v2/\": "
                + "dial tcp: lookup registry.fly.io on [fdaa::3]:53: server misbehaving"); // superfly/flyctl#3032: stays the registry's
    }
}
