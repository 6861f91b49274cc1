package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of session 25: a rule that read an OCI runtime's words as a registry's, a run header read as output. */
class ReviewTwentyFifthTest {

    private static String rulePattern(String cause, String rule, String attribute) {
        return KnowledgeBase.builtIn().causes().stream().filter(c -> c.id().value().equals(cause))
                .flatMap(c -> c.rules().stream()).filter(r -> r.id().equals(rule)).findFirst().orElseThrow()
                .pattern().get(attribute);
    }

    /**
     * registry.unavailable/daemon-500-quotes-denial took any "not found" in docker-py's 500 for the registry's refusal:
     * the OCI runtime's "executable file not found in $PATH" that the daemon answers a container's start with is the
     * image's entrypoint missing, no registry's answer.
     */
    @Test
    void anExecutableNotFoundInPathIsNoRegistryDenial() {
        com.google.re2j.Pattern p = io.sophia.diagnosis.internal.kb.RegexGuard.compile(
                rulePattern("registry.unavailable", "daemon-500-quotes-denial", "line"));
        // still read: the denial (h71-05's shape), a manifest or a repository the registry does not have
        assertTrue(p.matcher("Error pulling image harbor.ops.example/edge/envoy-gateway:1.31.2-r1 - 500 Server Error for "
                + "http+docker://localhost/v1.43/images/create?tag=1.31.2-r1&fromImage=harbor.ops.example%2Fedge%2Fenvoy-gateway: "
                + "Internal Server Error (\"pull access denied for harbor.ops.example/edge/envoy-gateway, repository does not "
                + "exist or may require 'docker login'\")").find());
        assertTrue(p.matcher("500 Server Error for http+docker://localhost/v1.41/images/create?tag=2.1&fromImage=ghcr.io%2Facme%2Fapi: "
                + "Internal Server Error (\"manifest for ghcr.io/acme/api:2.1 not found: manifest unknown: manifest unknown\")")
                .find());
        assertTrue(p.matcher("500 Server Error for http+docker://localhost/v1.43/images/create?tag=v3&fromImage=acme%2Fworker: "
                + "Internal Server Error (\"failed to resolve reference \\\"docker.io/acme/worker:v3\\\": "
                + "docker.io/acme/worker:v3: not found\")").find());
        // near miss: the container's start, the runtime's words
        assertFalse(p.matcher("500 Server Error for http+docker://localhost/v1.43/containers/4f1c9a0b7e2d/start: Internal Server "
                + "Error (\"failed to create task for container: failed to create shim task: OCI runtime create failed: runc "
                + "create failed: unable to start container process: exec: \\\"foo\\\": executable file not found in $PATH: "
                + "unknown\")").find());
        assertFalse(p.matcher("docker.errors.APIError: 500 Server Error for http+docker://localhost/v1.41/containers/app/start: "
                + "Internal Server Error (\"OCI runtime create failed: container_linux.go:380: starting container process "
                + "caused: exec: \"foo\": executable file not found in $PATH: unknown\")").find());
    }

    private static final String SSH_ACTION_HEADER = """
            2026-11-14T19:30:49.1180000Z ##[group]Run appleboy/ssh-action@v1.0.3
            2026-11-14T19:30:49.1181000Z with:
            2026-11-14T19:30:49.1182000Z   host: ***
            2026-11-14T19:30:49.1183000Z   username: ***
            2026-11-14T19:30:49.1184000Z   key: ***
            2026-11-14T19:30:49.1185000Z   port: 22
            2026-11-14T19:30:49.1186000Z   script: cd /srv/tracker
            git pull --ff-only || echo "fatal: Authentication failed for 'https://github.com/acme/tracker.git/'"
            docker compose up -d --build || echo "Error response from daemon: pull access denied for acme/tracker"
            sudo systemctl restart tracker
            2026-11-14T19:30:49.1187000Z ##[endgroup]
            2026-11-14T19:30:49.2000000Z /usr/bin/docker run --name a1b2c3 --label a1b2c3 --workdir /github/workspace --rm appleboy/ssh-action
            2026-11-14T19:30:52.0000000Z 2026/11/14 19:30:52 dial tcp: lookup *** on 168.63.129.16:53: no such host
            2026-11-14T19:30:52.0100000Z ##[error]Docker run failed with exit code 1
            """;

    /**
     * The runner echoes an action's multi-line last input (appleboy/ssh-action's script:) with its lines after the
     * first at the margin, without a timestamp, and closes the header with ##[endgroup]; copied as text (h72-06's
     * shape) nothing tells those lines from output but the open header: they are never the step's output.
     */
    @Test
    void theLastMultiLineInputOfAStepsHeaderIsNeverItsOutput() throws java.io.IOException {
        for (String log : List.of(SSH_ACTION_HEADER, SSH_ACTION_HEADER.replaceAll("(?m)^2026-11-14T[0-9:.]+Z ", ""))) {
            List<LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(log));
            assertTrue(read.stream().noneMatch(f -> f.lineNumber() >= 2 && f.lineNumber() <= 11), read.toString());
            assertTrue(read.stream().anyMatch(f -> f.lineNumber() == 13), read.toString());
        }
        // an action's own output printed before the group was closed, after an input of one line (h49-02's shape,
        // akhileshns/heroku-deploy), is still its output
        String heroku = "##[group]Run akhileshns/heroku-deploy@v3.12.12\nwith:\n  heroku_app_name: mailer-svc-web\n"
                + "  usedocker: true\n  justlogin: false\nSuccessfully logged into heroku\n"
                + "ERROR: failed to solve: process \"/bin/sh -c npm run build\" did not complete successfully: exit code: 1\n"
                + "##[endgroup]\n"
                + "##[error]Error: Command failed: heroku container:push web --app mailer-svc-web --recursive\n";
        List<LogFinding> read = LogScanner.builtIn().analyze(null, new StringReader(heroku));
        assertTrue(read.stream().anyMatch(f -> f.lineNumber() == 7), read.toString());
    }

    private static final Deployment SHOP = new Deployment("shop", List.of(
            Fleet.service("web", "Web", "Shop", ServiceKind.HTTP), Fleet.service("api", "API", "Orders", ServiceKind.HTTP)));

    /** The built-in diagnosis reporting every cause, however unlikely: what weighs against one is in its evidence. */
    private static final Diagnosis ALL = Diagnosis.builder().knowledgeBase(KnowledgeBase.builtIn().withSettings(
            KnowledgeBase.builtIn().settings().toBuilder().floor(0).build())).build();

    private static Assessment quotaBesideAName(String quotaService) {
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.failure("api", "http", FailureKind.DNS_FAILURE, null,
                "lookup sophiaai-api-v2.fly.dev on 127.0.0.53:53: no such host"));
        o.add(Fleet.refused("web"));
        o.add(Fleet.run("failure"));
        o.add(Fleet.deployJob(quotaService, 7, "deploy", "failure", 120));
        o.add(Fleet.finding(quotaService, 7, "deploy", Fleet.DEPLOY_STEP, "platform.quota",
                "Error: Operation cannot be completed without additional quota. Current Limit (PremiumV3 VMs): 0", 41));
        return ALL.diagnose(SHOP, o, Fleet.NOW);
    }

    /**
     * network.dns/quota-refused-first withdrew any name failure beside any quota line: of the same service (or of a job
     * whose service is not known) only, not a quota another service's deploy was refused for.
     */
    @Test
    void aQuotaOfAnotherServiceWithdrawsNoNameFailure() {
        var other = quotaBesideAName("web");
        assertFalse(Fleet.weighs(other, "network.dns/quota-refused-first"), other.causes().toString());
        var same = quotaBesideAName("api");
        assertTrue(Fleet.weighs(same, "network.dns/quota-refused-first"), same.causes().toString());
        var unknown = quotaBesideAName(null);
        assertTrue(Fleet.weighs(unknown, "network.dns/quota-refused-first"), unknown.causes().toString());
    }

    private static Assessment certificateBesideAConfigError(
            Observation.TlsHandshake tls) {
        List<Observation> o = new ArrayList<>();
        o.add(Fleet.failure("web", "http", FailureKind.TLS_FAILURE, null, "PKIX path validation failed: "
                + "java.security.cert.CertPathValidatorException: validity check failed"));
        o.add(tls);
        o.add(Fleet.up("api"));
        o.add(Fleet.run("failure"));
        o.add(Fleet.deployJob("api", 7, "deploy", "failure", 120));
        o.add(Fleet.finding("api", 7, "deploy", Fleet.DEPLOY_STEP, "config.invalid",
                "Error: yaml: line 29: mapping values are not allowed in this context", 41));
        return ALL.diagnose(SHOP, o, Fleet.NOW);
    }

    private static double probability(Assessment d, String cause) {
        return d.causes().stream().filter(c -> c.id().value().equals(cause)).mapToDouble(c -> c.probability())
                .findFirst().orElse(0);
    }

    /**
     * tls.certificate/config-error-named-log explained a certificate failure away beside any configuration error: a
     * proxy whose configuration did not apply serves its fallback certificate (another host's, self-signed), but no
     * configuration error makes a certificate expire.
     */
    @Test
    void anExpiredCertificateIsNotExplainedAwayByAnUnrelatedConfigError() {
        var expired = certificateBesideAConfigError(Fleet.tls("web", -4));
        assertFalse(Fleet.weighs(expired, "tls.certificate/config-error-named-log"), expired.causes().toString());
        assertTrue(Fleet.weighs(expired, "tls.certificate/expired"), expired.causes().toString());
        assertTrue(probability(expired, "tls.certificate") >= 0.3, expired.causes().toString());
        Observation.TlsHandshake notYet = new Observation.TlsHandshake("web", Source.TLS, "sophiaai-web-v2.fly.dev", 443,
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=sophiaai-web-v2.fly.dev", "CN=R11, O=Let's Encrypt",
                Fleet.NOW.plusSeconds(86_400), Fleet.NOW.plusSeconds(91L * 86_400), 91, true, false, true, 3);
        var early = certificateBesideAConfigError(notYet);
        assertFalse(Fleet.weighs(early, "tls.certificate/config-error-named-log"), early.causes().toString());
        // the fallback certificate of a proxy whose configuration did not apply is still explained away
        Observation.TlsHandshake fallback = new Observation.TlsHandshake("web", Source.TLS, "sophiaai-web-v2.fly.dev",
                443, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "CN=TRAEFIK DEFAULT CERT", "CN=TRAEFIK DEFAULT CERT",
                Fleet.NOW.minusSeconds(86_400), Fleet.NOW.plusSeconds(364L * 86_400), 364, false, true, false, 1);
        var proxy = certificateBesideAConfigError(fallback);
        assertTrue(Fleet.weighs(proxy, "tls.certificate/config-error-named-log"), proxy.causes().toString());
    }
}
