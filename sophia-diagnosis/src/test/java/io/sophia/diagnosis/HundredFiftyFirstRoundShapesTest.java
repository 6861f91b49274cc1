package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the forty-second session's rule writer r42-h142, each in its tool's own words: its round on the
 * consumed h142- (Python web services: Django, Flask, FastAPI, Celery). Python requests' "401 Client Error ... for url"
 * on a package archive as Poetry prints it; a registry's /v2/ request that ran past its deadline (BuildKit's "failed to
 * do request: Head ...: context deadline exceeded"); Helm's release storage refused with "Unauthorized"; kombu's
 * "No such transport" for a broker URL of the wrong scheme. The knowledge base's status-api-open-incident rule also
 * reads a status API rendered as text (a system at red, the provider's services "impacted by a ... disruption").
 */
class HundredFiftyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("python.package-index-client-error", "build.dependency-fetch"),
            Map.entry("registry.v2-request-deadline-exceeded", "registry.unavailable"),
            Map.entry("helm.storage-driver-unauthorized", "auth.deploy-token"),
            Map.entry("kombu.no-such-transport", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("python.package-index-client-error", "#11 9.346   401 Client Error: Unauthorized for url: https://pkgs.example-pay.io/dev/packages/pay_common-0.1.61-py3-none-any.whl");
        ROUND.reads("python.package-index-client-error", "  401 Client Error: Unauthorized for url: https://xxx-xxxx.d.codeartifact.eu-west-1.amazonaws.com/pypi/python-packages/simple/xxx-foundation/0.0.6/xxx_foundation-0.0.6-py3-none-any.whl#sha256=b15ef6873853b0b432b9fa7a86a8f44567f86728451640d5c4a974e89c73b613");
        ROUND.readsNot("python.package-index-client-error", "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.example.com/v1/orders");
        ROUND.readsNot("python.package-index-client-error", "HfHubHTTPError: 429 Client Error: Too Many Requests for url: https://huggingface.co/org/model/resolve/main/model.safetensors");
        ROUND.reads("registry.v2-request-deadline-exceeded", "target test: failed to solve: DeadlineExceeded: python:3.12-slim-bookworm: failed to resolve source metadata for docker.io/library/python:3.12-slim-bookworm: failed to do request: Head \"https://registry-1.docker.io/v2/library/python/manifests/3.12-slim-bookworm\": context deadline exceeded");
        ROUND.reads("registry.v2-request-deadline-exceeded", "resolve manifest: fetch manifest: Get \"https://index.docker.io/v2/onkernel/chromium-headful-vgpu/manifests/016335f\": context deadline exceeded");
        ROUND.readsNot("registry.v2-request-deadline-exceeded", "Readiness probe failed: Get \"http://10.42.1.203:80/api/v2/app/version\": context deadline exceeded");
        ROUND.readsNot("registry.v2-request-deadline-exceeded", "ERROR: failed to solve: DeadlineExceeded: context deadline exceeded");
        ROUND.reads("helm.storage-driver-unauthorized", "Error: query: failed to query with labels: Unauthorized");
        ROUND.reads("helm.storage-driver-unauthorized", "E0626 03:18:50.049942       1 helmrelease.go:218] error syncing '[helmreleasename]': query: failed to query with labels: Unauthorized, requeuing");
        ROUND.readsNot("helm.storage-driver-unauthorized", "Error: query: failed to query with labels: secrets is forbidden: User \"system:serviceaccount:ci:deployer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"apps\"");
        ROUND.readsNot("helm.storage-driver-unauthorized", "Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1:6443/version\": dial tcp 10.0.0.1:6443: i/o timeout");
        ROUND.reads("kombu.no-such-transport", "        KeyError('No such transport: https')");
        ROUND.reads("kombu.no-such-transport", "KeyError: 'No such transport: rabbitmq. Did you mean librabbitmq?'");
        ROUND.readsNot("kombu.no-such-transport", "[2026-10-19 17:40:57,001: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: [Errno 111] Connection refused.");
        ROUND.readsNot("kombu.no-such-transport", "kombu.exceptions.OperationalError: Error -2 connecting to redis:6379. Name or service not known.");
    }

    /**
     * A provider's status API read as text naming its incident (h142-24: Heroku's services "impacted by a database
     * service disruption with our cloud infrastructure provider") is the platform failing; a status page that says all
     * is well (h142-23's own board-status) is not read.
     */
    @Test
    void aStatusApiRenderedAsTextNamesTheIncident() throws IOException {
        Assessment virginia = Fleet.scenario("h142-24-platform-outage-heroku-virginia-provider-control-plane");
        // (review 42: the incident's words in the past tense count from an API of the current status alone)
        assertTrue(Fleet.weighs(virginia, "platform.outage/status-api-current-incident-words"), virginia.causes().toString());
        assertEquals("platform.outage", virginia.causes().get(0).id().value(), virginia.causes().toString());
        Assessment routing = Fleet.scenario("h142-23-platform-outage-heroku-routing-status-h10-after-release");
        assertTrue(Fleet.weighs(routing, "platform.outage/status-api-open-incident"), routing.causes().toString());
        Assessment quiet = Fleet.scenario("p170-12-platform-outage-probe-only-envoy-delayed-connect-110-provider-incident");
        assertFalse(Fleet.weighs(quiet, "platform.outage/status-api-open-incident"), quiet.causes().toString());
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of their own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
