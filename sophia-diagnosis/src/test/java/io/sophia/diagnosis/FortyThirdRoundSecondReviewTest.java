package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second review of session 18's issue-9 round (b678c8c0..b6d53599): a platform finding roots the chain of down services
 * only when it could have stopped them, and a cancelled job's wait is read as a wait for a runner only when nothing
 * says it waited for something else.
 */
class FortyThirdRoundSecondReviewTest {

    private static Assessment chain(String jobService, String conclusion, String causeId, String line) {
        Deployment d = new Deployment("birdcount", List.of(Fleet.service("web", "Web", "Site", ServiceKind.HTTP, "search"),
                // a datastore (Elasticsearch by its name): its chain is read at full strength, whatever roots it
                Fleet.service("search", "Elasticsearch", "Search", ServiceKind.HTTP),
                Fleet.service("docs", "Docs", "Documentation", ServiceKind.HTTP)));
        List<Observation> o = new ArrayList<>(List.of(Fleet.failure("web", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"),
                Fleet.failure("search", "http", FailureKind.UNEXPECTED_STATUS, 503, "HTTP 503"), Fleet.up("docs"),
                Fleet.job(jobService, 7, "provision", conclusion, 300), Fleet.finding(jobService, 7, "provision",
                        "terraform apply", causeId, line, 4)));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * A platform finding in the job of a service that answers (docs, UP) did not stop the down ones: the platform serves
     * that service, so web down behind search is still a dependency chain. The same finding in a job of no service, or of a
     * down one, still roots it (h38-16's shape).
     */
    @Test
    void aPlatformFindingInTheJobOfAServiceThatAnswersRootsNoChain() {
        String line = "│ Error: hcclient/WaitForActions: limit of 7200 requests per hour reached (rate_limit_exceeded)";
        Assessment upJob = chain("docs", "failure", "platform.quota", line);
        assertTrue(Fleet.weighsChain(upJob), upJob.causes().toString());
        Assessment noService = chain(null, "failure", "platform.quota", line);
        assertFalse(Fleet.weighsChain(noService), noService.causes().toString());
        Assessment downJob = chain("web", "failure", "platform.quota", line);
        assertFalse(Fleet.weighsChain(downJob), downJob.causes().toString());
    }

    /**
     * A job that succeeded was stopped by nothing: a platform's transient answer in its log (a 503 the SDK retried past)
     * roots no chain of down services.
     */
    @Test
    void aPlatformFindingInAJobThatSucceededRootsNoChain() {
        String line = "googleapi: Error 503: Service temporarily unavailable. This is most likely a transient error. "
                + "Please retry.";
        Assessment succeeded = chain(null, "success", "platform.outage", line);
        assertTrue(Fleet.weighsChain(succeeded), succeeded.causes().toString());
        Assessment failed = chain(null, "failure", "platform.outage", line);
        assertFalse(Fleet.weighsChain(failed), failed.causes().toString());
    }

    private static Assessment cancelledWith(String annotation) {
        Deployment d = new Deployment("console", List.of(Fleet.service("console", "Console", "Ops", ServiceKind.HTTP)));
        List<Observation> o = List.of(Fleet.up("console"), Fleet.run("cancelled"),
                Fleet.job("console", 9, "deploy", "cancelled", 1500),
                new Observation.CiAnnotation("console", Source.GITHUB, 9, "failure", "", annotation, null, null));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }

    /**
     * A job pending in its concurrency group, cancelled when a newer run took its place ("Canceling since a higher
     * priority waiting request for 'deploy-main' exists"), ran no step because it waited for the group, not for a
     * runner: the cancel is the whole story. Nor did one its time limit stopped on a runner. A person's cancel after the
     * same wait still weighs "no runner took it".
     */
    @Test
    void aJobSupersededInItsConcurrencyGroupDidNotWaitForARunner() {
        Assessment superseded = cancelledWith("Canceling since a higher priority waiting request for 'deploy-main' exists");
        assertFalse(Fleet.weighs(superseded, "ci.runner/waited-for-a-runner"), superseded.causes().toString());
        assertEquals(CauseId.CI_CANCELLED, superseded.causes().get(0).id(), superseded.causes().toString());
        // a job its time limit stopped ran on a runner, whether its steps are listed or not
        Assessment timedOut = cancelledWith("The job running on runner GitHub Actions 12 has exceeded the maximum "
                + "execution time of 25 minutes.");
        assertFalse(Fleet.weighs(timedOut, "ci.runner/waited-for-a-runner"), timedOut.causes().toString());
        assertEquals(CauseId.CI_TIMEOUT, timedOut.causes().get(0).id(), timedOut.causes().toString());
        Assessment person = cancelledWith("The run was canceled by @ops-oncall.");
        assertTrue(Fleet.weighs(person, "ci.runner/waited-for-a-runner"), person.causes().toString());
    }
}
