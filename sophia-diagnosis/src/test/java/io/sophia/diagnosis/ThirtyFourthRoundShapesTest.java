package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for the families of the consumed h20- and h21- sets (session 14): pub blaming its package server, a
 * registry's server error on a /v2/ URL, a deploy CLI asking for a login, Vercel's team scope refused, class-validator
 * refusing an environment value's form, Flask without a secret key, a provider's incident page, a RUN step that
 * cannot start its process, Deno Deploy's isolate failure, Caddy refusing its Caddyfile, HikariCP refusing a JDBC URL,
 * GitHub's server error on an action download, and npm's start script failing at boot. Each is tested on its source's
 * words and a near miss; each new log indication reads no line of the shared corpus and, on the labelled scenarios,
 * only lines of its own cause. And a general shape gives way to a specific shape of another cause on the same line.
 */
class ThirtyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("dart.pub-server-trouble", "build.dependency-fetch"),
            Map.entry("registry.v2-status-server-error", "registry.unavailable"),
            Map.entry("auth.cli-asks-to-login", "auth.deploy-token"),
            Map.entry("vercel.reauthenticate-for-scope", "auth.deploy-token"),
            Map.entry("class-validator.env-value-invalid", "config.invalid"),
            Map.entry("flask.no-secret-key", "config.missing-secret"),
            Map.entry("provider.status-incident-page", "platform.outage"),
            Map.entry("docker.run-step-cannot-start", "build.dockerfile"),
            Map.entry("deno-deploy.isolate-failed", "app.crash-on-boot"),
            Map.entry("caddy.config-adapt-failed", "config.invalid"),
            Map.entry("hikari.jdbc-url-not-accepted", "config.invalid"),
            Map.entry("actions.action-download-server-error", "platform.outage"),
            Map.entry("npm.start-script-failed", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachShapeReadsItsWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("dart.pub-server-trouble", "It looks like pub.dartlang.org is having some trouble.");
        ROUND.reads("dart.pub-server-trouble", "Pub will wait for a while before trying to connect again.");
        ROUND.readsNot("dart.pub-server-trouble", "Got dependencies!");
        ROUND.reads("registry.v2-status-server-error",
                "May 19 16:58:19 node1 rkt[1281]: run: Unexpected HTTP code: 500, URL: https://quay.io/v2/poseidon/kubelet/manifests/v1.18.2");
        ROUND.readsNot("registry.v2-status-server-error",
                "run: Unexpected HTTP code: 401, URL: https://quay.io/v2/poseidon/kubelet/manifests/v1.18.2");
        ROUND.reads("auth.cli-asks-to-login", "\"error\": \"Failed to authenticate, have you run firebase login?\"");
        ROUND.readsNot("auth.cli-asks-to-login", "Authenticated with the service account; skipping firebase login");
        ROUND.reads("vercel.reauthenticate-for-scope", "> You must re-authenticate to use acme-labs scope.");
        ROUND.reads("vercel.reauthenticate-for-scope", "> Log in to Vercel (Use arrow keys)");
        ROUND.readsNot("vercel.reauthenticate-for-scope", "> Success! Deployment ready [41s]");
        ROUND.reads("class-validator.env-value-invalid",
                "{\"isUrl\":\"REDIS_URL must be a valid redis connection string\"}");
        ROUND.readsNot("class-validator.env-value-invalid", "{\"isNotEmpty\":\"REDIS_URL should not be empty\"}");
        ROUND.reads("flask.no-secret-key", "RuntimeError: The session is unavailable because no secret key was set.  "
                + "Set the secret_key on the application to something unique and secret.");
        ROUND.readsNot("flask.no-secret-key", "Loaded secret key from SECRET_KEY");
        ROUND.reads("provider.status-incident-page", "https://status.cloud.google.com/incident/compute/16017");
        ROUND.reads("provider.status-incident-page", "See https://www.githubstatus.com/incidents/xh3k2m9q1z4p");
        ROUND.readsNot("provider.status-incident-page", "All systems operational: https://www.githubstatus.com/");
        ROUND.reads("docker.run-step-cannot-start", "Step 2/12 : RUN mkdir /opt/reports\n ---> Running in aff60bc2937b\n"
                + "OCI runtime create failed: container_linux.go:345: starting container process caused "
                + "\"exec: \\\"/bin/sh\\\": stat /bin/sh: no such file or directory\": unknown");
        ROUND.readsNot("docker.run-step-cannot-start", "Step 2/12 : RUN mkdir /opt/reports\n ---> Running in aff60bc2937b\n"
                + "Removing intermediate container aff60bc2937b");
        ROUND.reads("deno-deploy.isolate-failed", "error: The deployment failed: ISOLATE_INTERNAL_FAILURE");
        ROUND.readsNot("deno-deploy.isolate-failed", "error: The deployment failed: UNCAUGHT_EXCEPTION");
        ROUND.reads("caddy.config-adapt-failed", "Error: adapting config using caddyfile: parsing caddyfile tokens for "
                + "'log': unrecognized subdirective request>uri, at /etc/caddy/Caddyfile:15");
        ROUND.readsNot("caddy.config-adapt-failed", "INFO using adjacent Caddyfile");
        ROUND.reads("hikari.jdbc-url-not-accepted", "Caused by: java.lang.RuntimeException: Driver org.postgresql.Driver "
                + "claims to not accept jdbcUrl, jdbc:postgresql://$(POSTGRES_HOST):$(POSTGRES_PORT)/$(POSTGRES_DB)");
        ROUND.readsNot("hikari.jdbc-url-not-accepted", "HikariPool-1 - Added connection org.postgresql.jdbc.PgConnection@1b2c3d");
        ROUND.reads("actions.action-download-server-error", "##[warning]Failed to download action "
                + "'https://api.github.com/repos/actions/checkout/tarball/ee0669bd1cc54295c223e0bb666b733df41de1c5'. "
                + "Error: Response status code does not indicate success: 503 (Service Unavailable).");
        ROUND.readsNot("actions.action-download-server-error", "##[warning]Failed to download action "
                + "'https://api.github.com/repos/actions/checkout/tarball/ee0669bd1cc54295c223e0bb666b733df41de1c5'. "
                + "Error: Response status code does not indicate success: 404 (Not Found).");
        ROUND.reads("npm.start-script-failed", "> starter-graph@0.1.0 start\n> npx tsx agent/server.ts\nnpm error code EACCES");
        ROUND.readsNot("npm.start-script-failed", "> starter-graph@0.1.0 build\n> tsc -p .\nnpm error code 2");
        // widened shapes of earlier rounds
        ROUND.reads("auth.deploy-cli-unauthorized-generic", "auth.deploy-token", " ›   Error: TextHTTPError: Unauthorized");
        ROUND.reads("fly.api-server-error", "platform.outage", "Error: failed to update machine 9080e5d1b4a728: failed to "
                + "update VM 9080e5d1b4a728: request returned non-2xx status: 408: request timeout");
        ROUND.reads("platform.resource-limit", "platform.quota", "Error: POST https://api.digitalocean.com/v2/kubernetes/"
                + "clusters: 422 validation error: 24 additional nodes but not enough available droplet limit");
        // the runner's own download failures stay the runner's; GitHub's server error is no longer among them
        ROUND.reads("actions.action-download-failed", "ci.runner", "##[warning]Failed to download action "
                + "'https://api.github.com/repos/actions/checkout/tarball/ee06'. Error: The operation was canceled.");
        ROUND.readsNot("actions.action-download-failed", "##[warning]Failed to download action "
                + "'https://api.github.com/repos/actions/checkout/tarball/ee06'. Error: Response status code does not "
                + "indicate success: 503 (Service Unavailable).");
    }

    @Test
    void aGeneralShapeGivesWayToASpecificShapeOfAnotherCauseOnTheSameLine() throws IOException {
        // Play's wrapper around a variable nobody set (h20-22's source): config.validation-generic reads "Configuration
        // error", config.unexpanded-placeholder the unresolved substitution; the specific one is the line's reading
        String play = "Configuration error: Configuration error[application.conf @ jar:file:/application/lib/catalog-frontend.jar"
                + "!/application.conf: 82: Could not resolve substitution to a value: ${WHZ_LDAP_PRINCIPAL_DOMAIN}]";
        assertEquals(List.of("config.missing-secret"), Fleet.causesOf(play));
        // alone on its line, the general shape still reads it (Serverless, h-sets of session 11)
        assertEquals(List.of("config.invalid"),
                Fleet.causesOf("Configuration error: at 'functions.web': unrecognized property 'jetpack'"));
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p80-03 (session 18): Docker's client wrapping GHCR's "denied" in an HTTP 500 ("Error: (HTTP code 500) server
        // error - Head .../manifests/x: denied"), labelled registry.auth
        // p134-08 (tuning, session 28): Docker's HTTP 500 wrapping ACR's "unauthorized: authentication required" for a
        // host that never logged in, labelled registry.auth as p80-03
        ROUND.staysInItsCauses("p80-03 registry.v2-status-server-error", "p134-08 registry.v2-status-server-error");
    }
}
