package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-h130, each in its tool's own words: its round on h130-
 * (identity, secrets and trust in deploy pipelines). A secrets manager that authenticated the deploy and holds nothing
 * at the path or item asked for (hashicorp/vault-action's "because it was not found", the vault CLI's "No value found
 * at", the 1Password CLI's "isn't an item in the ... vault"); configure-aws-credentials' allowed-account guard; certmagic's
 * storage check on a read-only, denied or absent path; lego's DNS-01 check on an authoritative server without the TXT
 * record; the Doppler CLI unable to reach its API; Bundler refused by a private gem source; BuildKit's FROM of an empty
 * ARG. Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a
 * line its comment quotes and a line of another cause that shares its words); each new log indication reads no line of
 * the shared corpus and, on the labelled scenarios, only lines of its own cause. The round's widened indications
 * (gcp.federated-token-failed: the action's capitalised "Failed to generate"; go.module-vcs-fetch-failed: go's "reading
 * ... at revision ...: " before git's command) and narrowed ones (config.unexpanded-placeholder: not right after "(";
 * secret.reference-not-found: not the Doppler CLI's heading) are pinned in {@link #widenedAndNarrowed()}.
 */
class HundredTwentyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-h130 (h130-: identity, secrets and trust in deploy pipelines)
            Map.entry("aws.credentials-account-not-allowed", "config.invalid"),
            Map.entry("buildkit.base-name-blank", "build.dockerfile"),
            Map.entry("bundler.source-credentials-refused", "build.dependency-fetch"),
            Map.entry("certmagic.storage-check-failed", "config.invalid"),
            Map.entry("doppler.secrets-api-unreachable", "dependency.down"),
            Map.entry("lego.txt-not-at-authoritative-ns", "network.dns"),
            Map.entry("secrets-manager.reference-absent", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules39-h130 (h130-)
        ROUND.reads("aws.credentials-account-not-allowed", "##[error]The account ID of the provided credentials (210000000002) does not match any of the expected account IDs: 210000000001");
        ROUND.readsNot("aws.credentials-account-not-allowed", "##[error]Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity"); // auth.deploy-token
        ROUND.reads("aws.credentials-account-not-allowed", "Error: The account ID of the provided credentials (123456789012) does not match any of the expected account IDs: 111111111111, 222222222222");
        ROUND.readsNot("aws.credentials-account-not-allowed", "##[error]The security token included in the request is invalid.");
        ROUND.reads("buildkit.base-name-blank", "ERROR: failed to solve: base name (${BASE_IMAGE}) should not be blank");
        ROUND.readsNot("buildkit.base-name-blank", "ERROR: failed to solve: docker.io/library/node:20-slimm: not found"); // image.not-found
        ROUND.reads("buildkit.base-name-blank", "failed to solve with frontend dockerfile.v0: failed to create LLB definition: base name (${RUBY_IMAGE}) should not be blank");
        ROUND.readsNot("buildkit.base-name-blank", "Error: Family can not be blank."); // config.invalid's ECS register wording
        ROUND.reads("bundler.source-credentials-refused", "#9 3.102 Bad username or password for https://gems.example-quartz.com/.");
        ROUND.readsNot("bundler.source-credentials-refused", "#9 2.881 Fetching source index from https://gems.example-quartz.com/");
        ROUND.reads("bundler.source-credentials-refused", "Access token could not be authenticated for https://rubygems.pkg.github.com/acme/.");
        ROUND.readsNot("bundler.source-credentials-refused", "remote: Invalid username or password."); // git's refusal of a checkout
        ROUND.reads("certmagic.storage-check-failed", "Error: loading initial config: loading new config: http app module: start: finalizing automatic HTTPS: managing certificates for [edge.example-reef.com]: edge.example-reef.com: caching certificate: failed storage check: open /data/caddy/certmagic_test_4471: read-only file system - storage is probably misconfigured");
        ROUND.readsNot("certmagic.storage-check-failed", "failed storage check: write /data/caddy/certmagic_test_1: no space left on device - storage is probably misconfigured"); // a full disk
        ROUND.reads("certmagic.storage-check-failed", "failed storage check: mkdir /data/caddy: permission denied - storage is probably misconfigured");
        ROUND.readsNot("certmagic.storage-check-failed", "obtaining certificate: [edge.example-reef.com] Obtain: [edge.example-reef.com] acme: error: 429 :: POST :: https://acme-v02.api.letsencrypt.org/acme/new-order :: urn:ietf:params:acme:error:rateLimited :: too many certificates already issued"); // tls.certificate
        ROUND.reads("doppler.secrets-api-unreachable", "Unable to fetch secrets from the Doppler API / Doppler Error: Get \"https://api.doppler.com/v3/configs/config/secrets/download?format=json\": dial tcp 104.18.22.4:443: i/o timeout / Doppler Error: The fallback file does not exist");
        ROUND.readsNot("doppler.secrets-api-unreachable", "Doppler Error: Invalid Auth token"); // auth.deploy-token
        ROUND.reads("doppler.secrets-api-unreachable", "Doppler Error: Get \"https://api.doppler.com/v3/configs/config/secrets/download?format=json\": net/http: TLS handshake timeout");
        ROUND.readsNot("doppler.secrets-api-unreachable", "Doppler Error: Get \"https://api.doppler.com/v3/me\": dial tcp: lookup api.doppler.com on 127.0.0.53:53: no such host"); // network.dns
        ROUND.reads("lego.txt-not-at-authoritative-ns", "level=ERROR msg=\"renew: api.example-mesa.com: error: one or more domains had a problem: [api.example-mesa.com] propagation: time limit exceeded: last error: NS ns-1203.awsdns-22.org. did not return the expected TXT record [fqdn: _acme-challenge.api.example-mesa.com., value: 2iWc0UvJ7f1ExampleValueO9g]: \"");
        ROUND.readsNot("lego.txt-not-at-authoritative-ns", "[example.de] propagation: time limit exceeded: last error: DNS call error: read udp 172.17.0.2:52428->132.226.204.252:53: i/o timeout [ns=example.de.:53, question='_acme-challenge.example.de. IN  TXT']");
        ROUND.reads("lego.txt-not-at-authoritative-ns", "[MY_DOMAIN] propagation: time limit exceeded: last error: authoritative nameservers: NS oxygen.ns.hetzner.com.:53 did not return the expected TXT record [fqdn: _acme-challenge.MY_DOMAIN., value: __TOKEN__]: ");
        ROUND.readsNot("lego.txt-not-at-authoritative-ns", "acme: error: 429 :: POST :: https://acme-v02.api.letsencrypt.org/acme/new-order :: urn:ietf:params:acme:error:rateLimited :: too many certificates already issued"); // tls.certificate
        ROUND.reads("secrets-manager.reference-absent", "##[error]Unable to retrieve result for \"secret/data/payments/prod\" because it was not found: {\"errors\":[]}");
        ROUND.readsNot("secrets-manager.reference-absent", "##[error]Error: failed to retrieve vault token. code: ERR_NON_2XX_3XX_RESPONSE, message: Response code 403 (Forbidden)"); // auth.deploy-token
        ROUND.reads("secrets-manager.reference-absent", "##[error]Error: [ERROR] 2026/12/06 10:44:51 could not read secret 'op://deploy-prod/sendgrid/credential': \"sendgrid\" isn't an item in the \"deploy-prod\" vault. Specify the item with its UUID, name, or domain.");
        ROUND.readsNot("secrets-manager.reference-absent", "[ERROR] 2026/12/06 10:44:51 could not read secret 'op://deploy-prod/sendgrid/credential': \"deploy-prod\" isn't a vault in this account. Specify the vault with its UUID or name."); // the account's access
        ROUND.reads("secrets-manager.reference-absent", "No value found at secret/data/ci/deploy");
    }

    @Test
    void widenedAndNarrowed() throws IOException {
        ROUND.reads("gcp.federated-token-failed", "auth.deploy-token", "##[error]google-github-actions/auth failed with: Failed to generate Google Cloud federated token for //iam.googleapis.com/projects/845512097731/locations/global/workloadIdentityPools/github/providers/repo: {\"error\":\"unauthorized_client\",\"error_description\":\"The given credential is rejected by the attribute condition.\"}");
        ROUND.reads("go.module-vcs-fetch-failed", "build.dependency-fetch", "#11 4.912 go: github.com/example-pika/authkit@v1.6.2: reading github.com/example-pika/authkit/go.mod at revision v1.6.2: git ls-remote -q origin in /go/pkg/mod/cache/vcs/3f1c: exit status 128:");
        ROUND.readsNot("config.unexpanded-placeholder", "ERROR: failed to solve: base name (${BASE_IMAGE}) should not be blank");
        ROUND.reads("config.unexpanded-placeholder", "config.missing-secret", "Caused by: java.net.UnknownHostException: ${RABBIT_HOST}");
        ROUND.readsNot("secret.reference-not-found", "Unable to fetch secrets from the Doppler API");
        ROUND.reads("secret.reference-not-found", "config.missing-secret", "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException");
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // doppler.secrets-api-unreachable reads no labelled scenario's log: h130-27, its source, carries the line in its
        // machines' exit details, which the engine's exit-detail-indication reads
        ROUND.without(java.util.Set.of("doppler.secrets-api-unreachable")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
