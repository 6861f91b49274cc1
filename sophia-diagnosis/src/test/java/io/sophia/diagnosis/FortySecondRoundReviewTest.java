package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 17's diagnosis changes (85530cdf: split names, the deployment's own endpoint answering 5xx, nine
 * log indications; 1a99c6e1: plain HTTP on a TLS port): each test shows a reading the review found wrong before its
 * fix.
 */
class FortySecondRoundReviewTest {

    /** Heroku's router line for its own platform error, in today's key=value form (Heroku's error codes reference). */
    private static final String H99 = "2023-05-31T06:33:42.407994+00:00 heroku[router]: at=error code=H99 "
            + "desc=\"Platform error\" method=GET path=\"/api/users/logged-user\" host=atelierogre-staging.herokuapp.com "
            + "request_id=cfcbede1-fc9e-4278-ac7c-7c5264b3e4ae fwd=\"37.167.224.186\" dyno= connect= service= status=503 "
            + "bytes= protocol=https";

    /** One service at {@code url}, answering 503, whose deploy job failed at step "Release" with {@code log}. */
    private static Assessment deployOf(String url, String log) throws IOException {
        Deployment d = new Deployment("site", List.of(Service.builder("web", url).name("Web").kind(ServiceKind.HTTP)
                .capability("Site").critical().build()));
        List<Observation> o = new ArrayList<>();
        o.add(new Observation.ProbeFailure("web", Source.HTTP, url, FailureKind.UNEXPECTED_STATUS,
                "503 Service Unavailable", 503, Duration.ofMillis(40), 1));
        o.add(Fleet.run("failure"));
        List<Observation.CiStep> steps = List.of(Fleet.step(1, "Checkout", "success"), Fleet.step(2, "Release", "failure"));
        o.add(Fleet.job("web", 2, "deploy", "failure", 30, steps.toArray(Observation.CiStep[]::new)));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "web", 2, "deploy", steps),
                new StringReader(log)));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * H99 is the one router error Heroku documents as its own platform's ("H99 and R99 are the only error codes that
     * represent errors in the Heroku platform"), and the router prints it as "at=error code=H99 desc="Platform error"
     * ... host=&lt;the app's host&gt; ... status=503" (Heroku's error codes reference; atelierogre's deployment notes,
     * 2023-05-31). heroku.platform-error read only the older "H99 (Platform error)" form, so the generic
     * platform.provider-side-generic read this one; and as its host= names the deployment's own endpoint, the new
     * own-endpoint-5xx (lr 0.2) counted Heroku's own platform error against platform.outage.
     */
    @Test
    void herokusRouterH99NamingTheAppsHostIsThePlatformsOwnError() throws IOException {
        Fleet.assertReads("heroku.platform-error", "platform.outage", H99);
        Assessment a = deployOf("https://atelierogre-staging.herokuapp.com/", H99 + "\n");
        assertFalse(Fleet.weighs(a, "platform.outage/own-endpoint-5xx"), a.causes().toString());
        assertEquals(CauseId.PLATFORM_OUTAGE, a.causes().get(0).id(), a.causes().toString());
        // near misses: the router's H10 is the app's crash; a smoke test's 502 of the deployment's own endpoint (h32-16's
        // shape) is still its own answer
        Fleet.assertReads("heroku.router-app-crashed", "app.crash-on-boot", H99.replace("code=H99 desc=\"Platform error\"",
                "code=H10 desc=\"App crashed\""));
        Assessment own = deployOf("https://reports-api-9k2p.cpln.app/", "POST https://reports-api-9k2p.cpln.app/exports"
                + " -> 502 Bad Gateway\n");
        assertTrue(Fleet.weighs(own, "platform.outage/own-endpoint-5xx"), own.causes().toString());
    }

    /**
     * do.deploy-health-checks (app.healthcheck-failing, 0.85, literal "deploy error: health checks") repeated
     * do-app-platform.health-checks-failed (app.healthcheck-failing, 0.85, the same literal, p31-29's source) with one
     * letter of a different case: "Deploy Error: Health checks" (h32-07's source) against "Deploy Error: Health Checks".
     * One indication now reads both.
     */
    @Test
    void appPlatformsFailedHealthCheckIsOneIndicationInEitherCase() throws IOException {
        for (String line : List.of("Error: deployment failed: Deploy Error: Health checks",
                "Error: deployment failed: Deploy Error: Health Checks")) {
            Fleet.assertReads("do-app-platform.health-checks-failed", "app.healthcheck-failing", line);
        }
        assertTrue(IndicationSet.builtIn().indications().stream().noneMatch(i -> i.id().equals("do.deploy-health-checks")));
        Fleet.assertReadsNot("do-app-platform.health-checks-failed", "Health Checks: passing");
    }

    /**
     * Jest's coverage reporter fails a run three ways (jest-cli/@jest/reporters CoverageReporter._checkThreshold, as
     * published): "Jest: "global" coverage threshold for lines (90%) not met: 85%", and, for a negative threshold,
     * "Jest: Uncovered count for statements (12) exceeds global threshold (10)" (some versions print no space before
     * "exceeds"), and in older versions "Jest: Coverage for lines (85%) does not meet global threshold (90%)".
     * jest.coverage-threshold read only the first.
     */
    @Test
    void jestsOtherThresholdVerdictsAreRead() throws IOException {
        for (String line : List.of("Jest: Uncovered count for statements (12) exceeds global threshold (10)",
                "Jest: Uncovered count for branches (7)exceeds \"./src/billing/\" threshold (5)",
                "Jest: Coverage for lines (85.5%) does not meet global threshold (90%)")) {
            Fleet.assertReads("jest.coverage-threshold", "ci.test-failure", line);
        }
        // near misses: the configuration, and the reporter's note on a path without data
        Fleet.assertReadsNot("jest.coverage-threshold", "coverageThreshold: { global: { lines: 90 } }");
        Fleet.assertReadsNot("jest.coverage-threshold", "Jest: Coverage data for ./src/legacy/ was not found.");
    }

    /**
     * kubectl, Helm and Flux decode YAML through sigs.k8s.io/yaml's YAMLToJSONStrict, that is go-yaml v2, whose
     * duplicate key reads "error converting YAML to JSON: yaml: unmarshal errors:" then "  line 8: key "name" already
     * set in map" (go-yaml v2 decode.go; fluxcd's duplicate-fields test "  - line 8: key "app" already set in map").
     * yaml.duplicate-key read only go-yaml v3's "mapping key ... already defined at line".
     */
    @Test
    void goYamlV2sDuplicateKeyIsRead() throws IOException {
        Fleet.assertReads("yaml.duplicate-key", "config.invalid", "  line 8: key \"name\" already set in map");
        Fleet.assertReads("yaml.duplicate-key", "config.invalid", "  - line 11: key \"tag\" already set in map");
        // near miss: the words in prose or code, without go-yaml's line and key
        Fleet.assertReadsNot("yaml.duplicate-key", "// try to grab module already set in map");
    }

    /**
     * gcloud reports a project API that is not enabled under the status PERMISSION_DENIED: "ERROR: (gcloud.run.deploy)
     * PERMISSION_DENIED: Cloud Run Admin API has not been used in project 123 before or it is disabled. Enable it by
     * visiting ... then retry." (a first Cloud Run deploy, as deploy guides and project notes quote it; "Cloud Build API
     * has not been used in project" for --source). gcloud.permission-denied (512f7bcd, auth.deploy-token 0.85) read any
     * "(gcloud.x) PERMISSION_DENIED: " as the credential lacking a role; the fix is to enable the API in the project
     * (gcloud.api-disabled, config.invalid). The refused permissions of p60-17 and p60-18 stay the credential's.
     */
    @Test
    void aGoogleCloudApiNotEnabledIsTheProjectsSetupNotTheCredential() throws IOException {
        String disabled = "ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Cloud Run Admin API has not been used in project "
                + "*** before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
                + "run.googleapis.com/overview?project=*** then retry.";
        Fleet.assertReadsNot("gcloud.permission-denied", disabled);
        Fleet.assertReads("gcloud.api-disabled", "config.invalid", disabled);
        Fleet.assertReads("gcloud.api-disabled", "config.invalid", "ERROR: (gcloud.builds.submit) PERMISSION_DENIED: "
                + "Cloud Build API has not been used in project 958054737946 before or it is disabled.");
        for (String refused : List.of("ERROR: (gcloud.run.deploy) PERMISSION_DENIED: Permission "
                        + "'iam.serviceaccounts.actAs' denied on service account 482915736012-compute@developer."
                        + "gserviceaccount.com (or it may not exist).",
                "Step #4: ERROR: (gcloud.app.deploy) PERMISSION_DENIED: You do not have permission to act as "
                        + "'lumen-web@appspot.gserviceaccount.com'",
                "ERROR: (gcloud.run.services.describe) PERMISSION_DENIED: The caller does not have permission")) {
            Fleet.assertReads("gcloud.permission-denied", "auth.deploy-token", refused);
            Fleet.assertReadsNot("gcloud.api-disabled", refused);
        }
        // the new reading takes no line of the shared corpus, nor of a labelled scenario of another cause
        assertEquals(List.of(), Fleet.corpusLinesReadBy(List.of("gcloud.api-disabled")));
        assertEquals(List.of(), Fleet.findingsOfOtherCauses(java.util.Map.of("gcloud.api-disabled", "config.invalid"),
                new java.util.TreeSet<>()));
    }
}
