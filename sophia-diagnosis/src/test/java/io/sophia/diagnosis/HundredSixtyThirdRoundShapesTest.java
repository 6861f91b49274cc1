package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the forty-third session's rule writer r43-p196, each in its tool's own words: its round on p196-
 * (sidecars, agents and init containers beside the app). Two log indications: the go command resolving an import to a
 * module version without the package ("module X@latest found (v0.69.1), but does not contain package Y",
 * build.dependency-fetch) and a Google service-account key file that is not there (cloud-sql-proxy's 'invalid json
 * file "...": open ...: no such file or directory', config.missing-secret). Five knowledge-base rules on looks at the
 * platform: a Job's own container completed while its sidecar runs on (ci.timeout), a workload without a readiness
 * probe (app.healthcheck-failing), and three readings of a service
 * that answers that argue against the cause its look's words name: a missing setting in an init container's log, a
 * refusal in the previous container's log, a telemetry client's failed lookups.
 */
class HundredSixtyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("go.module-lacks-package", "build.dependency-fetch"),
            Map.entry("google.credentials-file-absent", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("go.module-lacks-package", "github.com/docker/docker/internal/testutil: module github.com/docker/docker@latest found (v1.13.1), but does not contain package github.com/docker/docker/internal/testutil");
        ROUND.readsNot("go.module-lacks-package", "go: finding module for package github.com/wk8/go-ordered-map");
        ROUND.reads("go.module-lacks-package", "\tgo.opentelemetry.io/collector/config: module go.opentelemetry.io/collector@latest found (v0.69.1), but does not contain package go.opentelemetry.io/collector/config");
        ROUND.readsNot("go.module-lacks-package", "main.go:5:2: no required module provides package github.com/acme/lib/util; to add it:"); // a missing require, not a fetch
        ROUND.reads("google.credentials-file-absent", "2019/12/01 10:02:11 invalid json file \"/secrets/cloudsql/my-app-sa-key.json\": open /var/run/secret/cloud.google.com/my-app-sa-key.json: no such file or directory");
        ROUND.readsNot("google.credentials-file-absent", "2023/01/04 08:11:09 invalid json file \"/tmp/gce-cloudsql-proxy/key.json\": unexpected end of JSON input");
        ROUND.reads("google.credentials-file-absent", "google.auth.exceptions.DefaultCredentialsError: File /var/secrets/google/key.json was not found.");
        ROUND.readsNot("google.credentials-file-absent", "open /app/config/settings.json: no such file or directory"); // a config file, not a key
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // google.credentials-file-absent reads no labelled scenario's log: its source carries the line in a look at the
        // platform (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("google.credentials-file-absent")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** A Job whose own container completed while its sidecar runs on never completes: the wait for it runs out. */
    @Test
    void jobDoneWithItsSidecarRunningIsTheWaitsLimit() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p196-36-ci-timeout-helm-wait-setup-job-istio-sidecar-never-exits");
        assertTrue(Fleet.weighs(a, "ci.timeout/job-done-sidecar-still-running"), a.causes().toString());
        assertEquals("ci.timeout", Fleet.top(a), a.causes().toString());
    }

    /** A look at a workload's readiness probe that finds none is the check that would have held its traffic back. */
    @Test
    void aMissingReadinessProbeIsTheHealthCheck() throws IOException {
        io.sophia.core.Assessment a = Fleet.scenario("p196-24-app-healthcheck-failing-envoy-ready-before-service-no-readiness");
        assertTrue(Fleet.weighs(a, "app.healthcheck-failing/readiness-probe-absent"), a.causes().toString());
        assertEquals("app.healthcheck-failing", Fleet.top(a), a.causes().toString());
    }

    /** Looks at services that answer: words of a cause that did not make them fail are not their diagnosis. */
    @Test
    void aServiceThatAnswersIsNotFailingForItsLooksWords() throws IOException {
        io.sophia.core.Assessment init = Fleet.scenario("p196-38-unknown-datadog-init-config-api-key-warning-agents-healthy");
        assertTrue(Fleet.weighs(init, "config.missing-secret/init-container-warning-of-a-service-that-answers"));
        assertTrue(Fleet.probability(init, "config.missing-secret") < 0.5, init.causes().toString());
        io.sophia.core.Assessment previous = Fleet.scenario("p196-39-unknown-app-restarted-once-before-sidecar-then-healthy");
        assertTrue(Fleet.weighs(previous, "dependency.down/previous-container-refused-of-a-service-that-answers"));
        assertTrue(Fleet.probability(previous, "dependency.down") < 0.5, previous.causes().toString());
        io.sophia.core.Assessment telemetry = Fleet.scenario("p196-40-unknown-statsd-client-eai-again-alpine-agent-app-healthy");
        assertTrue(Fleet.weighs(telemetry, "network.dns/telemetry-lookup-of-a-service-that-answers"));
        assertTrue(Fleet.probability(telemetry, "network.dns") < 0.5, telemetry.causes().toString());
        // a dependency refused in the current container's log of a service that does not answer still counts
        io.sophia.core.Assessment down = Fleet.scenario("p196-14-config-missing-secret-cloudsql-proxy-credentials-json-absent");
        assertNotEquals("dependency.down", Fleet.top(down), down.causes().toString());
    }
}
