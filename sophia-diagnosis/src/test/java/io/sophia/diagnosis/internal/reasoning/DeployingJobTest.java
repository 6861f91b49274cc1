package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Observation;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which CI jobs deploy (Facts.deploys, session 28, fix28): a failed job counts as a failed deploy, and a name that does
 * not resolve beside it as a name never made, only when the job may change the deployment. Job and step names are the
 * corpus's (h92-33, h12-23, h22-23, h13-27, p84-10, h20-08).
 */
class DeployingJobTest {

    private static Observation.CiJob job(String name, String... steps) {
        List<Observation.CiStep> st = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            st.add(new Observation.CiStep(i + 1, steps[i], "completed", "success", null, null));
        }
        return new Observation.CiJob("svc", Source.GITHUB, 1, 2, name, "completed", "failure", 1, null, null, null,
                List.of(), st, null);
    }

    @Test
    void aJobThatOnlyLooksDeploysNothing() {
        assertFalse(Facts.deploys(job("vercel domains inspect", "Set up job", "Inspect domain")));
        assertFalse(Facts.deploys(job("smoke", "Set up job", "curl public endpoint")));
        assertFalse(Facts.deploys(job("links", "Set up job", "Check README links")));
        assertFalse(Facts.deploys(job("check nameservers", "dig")));
        assertFalse(Facts.deploys(job("lint", "Set up job", "Run actions/checkout@v4", "Set up Python", "ruff check")));
    }

    @Test
    void aJobThatChangesSomethingOrSaysNothingDeploys() {
        assertTrue(Facts.deploys(job("deploy", "Set up job", "Checkout", "flyctl deploy")));
        // a check beside a change: the change decides
        assertTrue(Facts.deploys(job("e2e-azure", "Set up job", "Checkout", "Create management cluster",
                "Run workload tests")));
        assertTrue(Facts.deploys(job("create-cluster", "Set up job", "Install doctl", "Create cluster")));
        assertTrue(Facts.deploys(job("smoke", "Set up job", "docker compose up", "curl health")));
        // neither kind of words: a deploy, as every job counted before
        assertTrue(Facts.deploys(job("portfolio", "Set up job", "Run script")));
        assertTrue(Facts.deploys(job("api")));
    }
}
