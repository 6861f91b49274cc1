package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the twelfth round's shapes (TwelfthRoundShapesTest): real public lines of other situations the new patterns
 * read as a confident wrong cause, and rule interactions where a warning or one throttled call outranked a service that
 * is down. Each case failed before its fix.
 */
class TwelfthRoundReviewTest {

    /**
     * The Gradle and Maven wrappers' "JAVA_HOME is not set" (circleci/circleci-docs#5680, and many build reports) is
     * the build machine without a JDK, not a setting of the app; it read as config.missing-secret at 0.900. Settings
     * of the app with other names are still read.
     */
    @Test
    void aToolchainHomeNotSetIsNotAMissingSecret() throws IOException {
        String id = "env.variable-empty-generic";
        // (config.setting-missing-generic, older than this round, read the same lines the same way)
        for (String line : List.of("ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.",
                "Please set the JAVA_HOME variable in your environment to match the", "ANDROID_HOME is not set")) {
            assertFalse(Fleet.causesOf(line).contains("config.missing-secret"), line + " " + Fleet.indicationsOf(line));
        }
        Assessment a = Fleet.twoDeploysFailWith("""
                > Task :app:compileJava
                ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH.

                Please set the JAVA_HOME variable in your environment to match the
                location of your Java installation.
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("config.missing-secret", Fleet.top(a), a.causes().toString());
        // names that end otherwise are settings and still read: HOME is only excluded as the name's last part
        for (String line : List.of("fatal: DATABASE_URL is empty", "Error: SECRET_KEY_BASE not set",
                "HOMEPAGE_URL is empty", "SENTRY_DSN_HOMES is not set", "HOME_API_KEY is not set", "AUTH_HOM is empty")) {
            // (env.variable-missing, read exactly since session 15, may take a "NAME is not set" line: the same cause)
            assertTrue(Fleet.indicationsOf(line).contains(id) || Fleet.indicationsOf(line).contains("env.variable-missing"),
                    line + " " + Fleet.indicationsOf(line));
            assertTrue(Fleet.causesOf(line).contains("config.missing-secret"), line + " " + Fleet.causesOf(line));
        }
        for (String line : List.of("Error: please set the STRIPE_API_KEY environment variable",
                "Error: STRIPE_API_KEY is not set", "OAUTH_HOMEPAGE is required", "SMTP_HOME_URL must be set")) {
            assertTrue(Fleet.causesOf(line).contains("config.missing-secret"), line + " " + Fleet.indicationsOf(line));
        }
    }

    /**
     * A bare "TIMEOUT" is what a script's own wait loop prints ({@code ... && echo "READY" || echo "TIMEOUT"}, a
     * startup wait in public code found with find_string 'echo "TIMEOUT"'): it read as the CI's time limit at 0.900.
     * Cloud Build's status line is followed by "ERROR: context deadline exceeded" (GoogleCloudPlatform/cloud-builders
     * #306, google/oss-fuzz#5855) and is still read.
     */
    @Test
    void aBareTimeoutLineIsNotTheCiTimeLimitUnlessCloudBuildSaysWhy() throws IOException {
        Assessment script = Fleet.twoDeploysFailWith("""
                Deployed revision api-00042 to https://api.example.dev
                waiting for the app to log "Started" ...
                TIMEOUT
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(Fleet.probability(script, "ci.timeout") < 0.5, script.causes().toString());
        Assessment cloudBuild = Fleet.twoDeploysFailWith("""
                Step #1: Updating service [default] (this may take several minutes)...
                Finished Step #1
                TIMEOUT
                ERROR: context deadline exceeded
                Step #1:
                """);
        assertEquals("ci.timeout", Fleet.top(cloudBuild), cloudBuild.causes().toString());
        assertTrue(cloudBuild.causes().get(0).evidence().stream().anyMatch(e -> e.text().contains("TIMEOUT")),
                cloudBuild.causes().toString());
    }

    /**
     * A test's own message that something "was marked offline" (Go tests in public code:
     * {@code t.Fatalf("replacement websocket worker was marked offline: %#v", status)}) is the test failing, not the CI
     * agent: it read as ci.runner at 0.900 over the test failure. Jenkins' own line, whose offline cause is a sentence,
     * is still read (kiegroup/droolsjbpm-build-bootstrap#1766; the EC2 plugin's "Node is being removed",
     * department-of-veterans-affairs/va.gov-cms#19886).
     */
    @Test
    void aTestsOwnMarkedOfflineMessageIsNotTheRunner() throws IOException {
        Assessment a = Fleet.twoDeploysFailWith("""
                === RUN   TestWebsocketWorkerReconnect
                    broker_test.go:88: replacement websocket worker was marked offline: map[onlineWorkers:0]
                --- FAIL: TestWebsocketWorkerReconnect (0.02s)
                FAIL
                FAIL	example.com/broker	0.412s
                ##[error]Process completed with exit code 1.
                """);
        assertNotEquals("ci.runner", Fleet.top(a), a.causes().toString());
        assertFalse(Fleet.indicationsOf("    lease_test.go:51: live leased Endpoint was marked offline: endpoint=&{ID:7}")
                .contains("ci.agent-lost"));
        assertTrue(Fleet.indicationsOf("EC2 (jenkins-cloud) - general-purpose-1a (sir-9yp6xnwp) was marked offline: "
                + "Node is being removed").contains("ci.agent-lost"));
        assertTrue(Fleet.indicationsOf("build-node-07 was marked offline: Disconnected by admin : host maintenance")
                .contains("ci.agent-lost"));
    }

    /**
     * A certificate ten days from its end on one service while another refuses connections: the refused service is
     * the incident, the certificate a warning beside it (tls.certificate led at 0.73). Alone, the expiring certificate
     * still leads.
     */
    @Test
    void aCertificateExpiringSoonDoesNotOutrankAServiceThatIsDown() {
        Assessment both = Fleet.healthyReferenceWith(Fleet.tls("dashboard", 10), Fleet.refused("jobs"));
        assertNotEquals("tls.certificate", Fleet.top(both), both.causes().toString());
        assertTrue(both.causes().stream().filter(c -> c.id().value().equals("tls.certificate")).allMatch(c -> c
                .evidence().stream().anyMatch(e -> e.ruleId().equals("tls.certificate/expiring-soon-others-down"))),
                both.causes().toString());
        Assessment alone = Fleet.healthyReferenceWith(Fleet.tls("dashboard", 10));
        assertEquals("tls.certificate", Fleet.top(alone), alone.causes().toString());
    }

    /**
     * One Machines API call answered 429 while the service refuses connections: the throttled call (it may be the
     * probe's own) does not outrank the service being down (platform.quota led at 0.61); the deploy's log naming the
     * rate limit still makes it the quota (p14-44's story, TwelfthRoundShapesTest).
     */
    @Test
    void oneThrottledApiCallDoesNotOutrankAServiceThatRefusesConnections() throws IOException {
        Observation throttled = Fleet.failure("jobs", "fly", FailureKind.RATE_LIMITED, 429,
                "{\"error\":\"rate limit exceeded\"}");
        Assessment a = Fleet.healthyReferenceWith(throttled, Fleet.refused("jobs"));
        assertNotEquals("platform.quota", Fleet.top(a), a.causes().toString());
        assertTrue(Fleet.probability(a, "app.crash-on-boot") > Fleet.probability(a, "platform.quota"), a.causes().toString());
        Assessment alone = Fleet.healthyReferenceWith(throttled);
        assertEquals("platform.quota", Fleet.top(alone), alone.causes().toString());
    }
}
