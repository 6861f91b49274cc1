package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-second session's rule writer rules32a, each in its tool's own words: its round on the
 * h107- misses (VMs and the HashiCorp stack). Nomad Enterprise's namespace quota stopping a placement ("* Quota limit
 * hit \"memory exhausted (32768 &gt; 32768)\"", an evaluation's "Quota Limit Reached = NAME"), read as the quota where
 * the same failed placement's "waiting for additional capacity" reads as capacity; the Hetzner Cloud API failing a
 * request on its side in hcloud-go's "(service_error)", "(server_error)", "(bad_gateway)" codes; Nomad's and Consul's API
 * refusing an unknown or expired ACL token ("Unexpected response code: 403 (ACL token not found)", "(ACL not found)");
 * consul-template's "no secret exists at PATH" for a Vault path never written (in Nomad's "Template failed:" task event);
 * Traefik's "error while parsing rule" / "error while adding rule" for a router it drops; uvicorn's "Uvicorn running on
 * http://127.0.0.1:PORT", a server on the loopback where the platform's check cannot reach it (moderate); and
 * apt.fetch-failed (an earlier round's) widened to apt's error after Packer's ui prefix ("==> BUILD: E: Failed to
 * fetch"). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row,
 * then a line its comment quotes or its scenario shows and a line of another cause that shares its words); each new one
 * reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class EightySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules32a (h107-: Nomad, Consul, Vault's templates, Packer on Hetzner Cloud, Traefik, uvicorn)
            Map.entry("nomad.quota-limit-hit", "platform.quota"),
            Map.entry("hcloud.api-server-error", "platform.outage"),
            Map.entry("hashicorp.acl-token-rejected", "auth.deploy-token"),
            Map.entry("consul-template.vault-no-secret", "config.missing-secret"),
            Map.entry("traefik.router-rule-invalid", "config.invalid"),
            Map.entry("server.listening-on-loopback", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("nomad.quota-limit-hit", "      * Quota limit hit \"memory exhausted (32768 > 32768)\"");
        ROUND.readsNot("nomad.quota-limit-hit", "      * Dimension \"memory\" exhausted on 3 nodes"); // scheduler.no-capacity
        ROUND.reads("nomad.quota-limit-hit", "    * Quota limit hit \"cpu exhausted (16000 > 16000)\"");
        ROUND.reads("nomad.quota-limit-hit", "Quota Limit Reached = analytics");
        // the blocked evaluation of the same failed placement: scheduler.no-capacity reads it, the quota line outweighs it
        ROUND.readsNot("nomad.quota-limit-hit", "    2026-11-27T07:54:32Z: Evaluation \"3d7e0b5a\" waiting for additional capacity to place remainder");
        // an app's own retry of a rate-limited API, not Nomad's allocation metric
        ROUND.readsNot("nomad.quota-limit-hit", "429 Quota limit hit. Retrying in 5s... (attempt 1/3)");

        ROUND.reads("hcloud.api-server-error", "==> hcloud.nomad-server: Error creating server: internal server error (service_error)");
        ROUND.readsNot("hcloud.api-server-error", "==> hcloud.consul: Error creating server: server limit exceeded for this project (resource_limit_exceeded)"); // hcloud.resource-limit-exceeded
        ROUND.reads("hcloud.api-server-error", "Build 'hcloud.consul' errored after 31 seconds 118 milliseconds: Error creating server: internal server error (service_error)");
        ROUND.reads("hcloud.api-server-error", "Error: error creating server: internal server error (server_error, 9a1f0c2e3b4d5a6f)");
        // an OAuth token service's error code after a colon (p84-27): token.expired reads it
        ROUND.readsNot("hcloud.api-server-error", "##[error]Invalid response from token exchange 500: Internal Server Error (server_error: internal server error)");

        ROUND.reads("hashicorp.acl-token-rejected", "Error submitting job: Unexpected response code: 403 (ACL token not found)");
        ROUND.readsNot("hashicorp.acl-token-rejected", "Error submitting job: Unexpected response code: 403 (Permission denied)");
        ROUND.reads("hashicorp.acl-token-rejected", "Error querying jobs: Unexpected response code: 403 (ACL token expired)");
        ROUND.reads("hashicorp.acl-token-rejected", "Error: Unexpected response code: 403 (ACL not found)");
        // the servers without a leader: the cluster's state, not the token (generic.error-word reads it)
        ROUND.readsNot("hashicorp.acl-token-rejected", "Error querying jobs: Unexpected response code: 500 (No cluster leader)");

        ROUND.reads("consul-template.vault-no-secret", "Killing          Template failed: vault.read(secret/data/payments/stripe): vault.read(secret/data/payments/stripe): no secret exists at secret/data/payments/stripe");
        ROUND.readsNot("consul-template.vault-no-secret", "Killing          Template failed: vault.read(secret/data/payments/stripe): Code: 403. Errors: * permission denied");
        ROUND.reads("consul-template.vault-no-secret", "2026-12-01T10:35:01.123Z [WARN]  (view) vault.read(secret/data/app): vault.read(secret/data/app): no secret exists at secret/data/app (retry attempt 1 after \"250ms\")");
        // Vault sealed: the secret store is down (dependency.down), not the secret absent (generic.failed-word reads it)
        ROUND.readsNot("consul-template.vault-no-secret", "Template failed: vault.read(secret/data/app): vault.read(secret/data/app): Error making API request. URL: GET https://vault.internal:8200/v1/secret/data/app Code: 503. Errors: * Vault is sealed");

        ROUND.reads("traefik.router-rule-invalid", "ERR error=\"error while parsing rule Host(`app.millbrook-farms.com`) && PathPrefix(`/api`: 1:63: expected ')', found 'EOF'\" entryPointName=websecure routerName=api@docker");
        ROUND.readsNot("traefik.router-rule-invalid", "ERR error=\"the router api@docker uses a non-existent resolver: le\" routerName=api@docker");
        ROUND.reads("traefik.router-rule-invalid", "time=\"2026-12-02T08:48:12Z\" level=error msg=\"error while parsing rule Hostx(`app.example.com`): unsupported function: Hostx\" entryPointName=web routerName=api@docker");
        // Traefik's ACME resolver refused by Let's Encrypt's limit: letsencrypt.rate-limited reads it
        ROUND.readsNot("traefik.router-rule-invalid", "time=\"2026-12-02T08:48:12Z\" level=error msg=\"Unable to obtain ACME certificate for domains \\\"app.example.com\\\": unable to generate a certificate for the domains [app.example.com]: acme: error: 429 :: POST :: https://acme-v02.api.letsencrypt.org/acme/new-order :: urn:ietf:params:acme:error:rateLimited :: too many certificates already issued for exact set of domains\" providerName=le.acme");

        ROUND.reads("server.listening-on-loopback", "INFO:     Uvicorn running on http://127.0.0.1:8080 (Press CTRL+C to quit)");
        ROUND.readsNot("server.listening-on-loopback", "INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)");
        ROUND.reads("server.listening-on-loopback", "2026-11-14T09:12:03Z app[148e] ams [info]INFO:     Uvicorn running on http://localhost:8000 (Press CTRL+C to quit)");
        // gunicorn behind nginx on a VM binds the loopback as documented (p36-26, p105-15): not read
        ROUND.readsNot("server.listening-on-loopback", "[2026-12-05 02:17:45 +0000] [12929] [INFO] Listening at: http://127.0.0.1:8000 (12929)");
        // a client refused at the loopback: dependency.connection-refused-generic reads it
        ROUND.readsNot("server.listening-on-loopback", "redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused.");

        // apt.fetch-failed (an earlier round's) widened to apt's error after Packer's ui prefix, "==> BUILD: " and "    BUILD: "
        ROUND.reads("apt.fetch-failed", "build.dependency-fetch", "E: Unable to locate package libfoo-dev");
        ROUND.reads("apt.fetch-failed", "build.dependency-fetch", "==> amazon-ebs.nomad-client: E: Failed to fetch http://eu-west-1.ec2.archive.ubuntu.com/ubuntu/pool/main/d/dnsmasq/dnsmasq-base_2.89-1ubuntu1_amd64.deb  404  Not Found [IP: 52.208.112.61 80]");
        ROUND.reads("apt.fetch-failed", "build.dependency-fetch", "    amazon-ebs.nomad-client: E: Unable to locate package dnsmasq-base");
        ROUND.readsNot("apt.fetch-failed", "Reading package lists... Done, located package libfoo-dev");
        // apt's warning for an index it could not resolve: fetch.package-host-network reads it
        ROUND.readsNot("apt.fetch-failed", "==> amazon-ebs.nomad-client: W: Failed to fetch http://archive.ubuntu.com/ubuntu/dists/mantic/InRelease  Temporary failure resolving 'archive.ubuntu.com'");
        // npm's own words after "Error: ", not apt's
        ROUND.readsNot("apt.fetch-failed", "Error: Failed to fetch https://registry.npmjs.org/left-pad: 404");
    }

    /** No corpus line is read by the round's new indications, and on the labelled scenarios only lines of their causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
