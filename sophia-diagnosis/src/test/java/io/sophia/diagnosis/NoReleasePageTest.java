package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Heroku's router page "There's nothing here, yet." answers for a host name no app claims (a custom domain never added
 * to the app, p54-33: config.invalid) and as well for an app created but never released (p107-09: the first push
 * rejected by its build). Read as the domain's configuration only when the service's own deploy did not fail in the
 * run; after a failed deploy the page says the release is missing, which the failed deploy explains (http fact
 * attribute ownDeployFailed).
 */
class NoReleasePageTest {

    private static final String PAGE = "<title>No such app</title> There's nothing here, yet.";
    private static final String RULE = "config.invalid/answer-indication";

    private static Observation.HttpCheck page() {
        return Observation.HttpCheck.builder("dashboard", Source.HTTP, "https://sophiaai-dashboard-v2.fly.dev/health",
                404).latency(Duration.ofMillis(40)).body(PAGE, "text/html").build();
    }

    private static Assessment deployEnded(String conclusion) throws IOException {
        return Fleet.jobEnded(page(), conclusion, 120, List.of(Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Push", conclusion)), "remote:  !     Push rejected, failed to compile Ruby app.\n",
                null);
    }

    @Test
    void thePageAfterTheServicesOwnFailedDeployNamesNoConfiguration() throws IOException {
        Assessment failed = deployEnded("failure");
        assertFalse(Fleet.weighs(failed, RULE), failed.causes().toString());
        Assessment timedOut = deployEnded("timed_out");
        assertFalse(Fleet.weighs(timedOut, RULE), timedOut.causes().toString());
    }

    @Test
    void thePageWithoutAFailedDeployOfItsServiceIsTheDomainsConfiguration() throws IOException {
        // no CI at all (p54-33's shape: a custom domain resolving to the router)
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, page());
        Assessment a = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertTrue(Fleet.weighs(a, RULE), a.causes().toString());
        // another service's deploy failed in the run, this one's succeeded
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.deployJob("dashboard", 2, "deploy dashboard", "success", 60));
        o.add(Fleet.deployJob("jobs", 3, "deploy jobs", "failure", 60));
        Assessment other = Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
        assertTrue(Fleet.weighs(other, RULE), other.causes().toString());
    }
}
