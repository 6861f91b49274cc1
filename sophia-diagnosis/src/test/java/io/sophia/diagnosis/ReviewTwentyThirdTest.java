package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review of session 23's indications and rules. */
class ReviewTwentyThirdTest {

    /**
     * registry.unavailable/setup-cli-download-5xx and setup-cli-step-failed read the step only as "Setup Terraform": a
     * workflow that does not name the step (hashicorp/setup-terraform#565, p115-29's own source) shows it as GitHub names
     * it, "Run hashicorp/setup-terraform@v4", and neither rule read it.
     */
    @Test
    void anUnnamedSetupTerraformStepIsTheDownloadStep() throws java.io.IOException {
        Assessment a = Fleet.deployFailed("infra", "Run hashicorp/setup-terraform@v4",
                "##[group]Run hashicorp/setup-terraform@v4\n##[endgroup]\n"
                        + "Error: AxiosError: Request failed with status code 502\n"
                        + "Error: Request failed with status code 502\n");
        assertTrue(Fleet.weighs(a, "registry.unavailable/setup-cli-step-failed"), a.causes().toString());
        assertTrue(Fleet.weighs(a, "registry.unavailable/setup-cli-download-5xx"), a.causes().toString());
    }

    /**
     * config.database-host-loopback-generic's pattern reads the value quoted ('DB_HOST="127.0.0.1"', as a .env or a
     * compose env_file often writes it), but its literals ('host=127.0.0.1', 'host=localhost') are not in such a line,
     * so the prefilter never let the pattern try it.
     */
    @Test
    void aQuotedLoopbackDatabaseHostIsRead() throws java.io.IOException {
        assertEquals(List.of("config.database-host-loopback-generic"),
                Fleet.readAlone("config.database-host-loopback-generic", "DB_HOST=\"127.0.0.1\""));
        assertEquals(List.of("config.database-host-loopback-generic"),
                Fleet.readAlone("config.database-host-loopback-generic", "REDIS_HOST='localhost'"));
    }

    private static Assessment nameFails(String detail) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.failure("dashboard", "http", FailureKind.DNS_FAILURE, null, detail));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    /**
     * container-not-running (network.dns, dependency.down and Facts' CONTAINER_NOT_RUNNING) reads the state words with
     * \b, and a hyphen is a word boundary: a running container whose name holds one of the words ("dead-letter", a
     * queue's worker; "unless-stopped", Compose's restart policy) counted as a container not running.
     */
    @Test
    void aStateWordInsideAContainersNameIsNotItsState() {
        Assessment down = nameFails("dashboard: Temporary failure in name resolution (container shop-dashboard-1 Exited (1))");
        assertTrue(Fleet.weighs(down, "dependency.down/container-not-running"), down.causes().toString());
        Assessment up = nameFails("dashboard: Temporary failure in name resolution (container shop-dead-letter-1 Up 3 minutes)");
        assertFalse(Fleet.weighs(up, "network.dns/container-not-running"), up.causes().toString());
        assertFalse(Fleet.weighs(up, "dependency.down/container-not-running"), up.causes().toString());
        Assessment policy = nameFails("dashboard: Temporary failure in name resolution (container shop-dashboard-1 Up 3 minutes, restart unless-stopped)");
        assertFalse(Fleet.weighs(policy, "network.dns/container-not-running"), policy.causes().toString());
    }

    /**
     * registry.auth/login-step-skipped read any skipped login step, and a step after the failed one is skipped by that
     * failure: a build failing before its "Log in to GHCR" step put registry.auth at 0.185 beside build.dockerfile's 0.24
     * with no pull in sight. Only a login skipped before the failure (its own if:, h67-20) says the pull went anonymous.
     */
    @Test
    void aLoginStepSkippedByTheFailureBeforeItSaysNothingOfThePull() throws java.io.IOException {
        Assessment after = Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 120, List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Checkout", "success"), Fleet.step(3, "Build image", "failure"),
                Fleet.step(4, "Log in to GHCR", "skipped"), Fleet.step(5, "Push image", "skipped")), "", null);
        assertFalse(Fleet.weighs(after, "registry.auth/login-step-skipped"), after.causes().toString());
        Assessment before = Fleet.jobEnded(Fleet.refused("dashboard"), "failure", 120, List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Checkout", "success"), Fleet.step(3, "Log in to Docker Hub", "skipped"),
                Fleet.step(4, "Start dev shell", "failure")), "", null);
        assertTrue(Fleet.weighs(before, "registry.auth/login-step-skipped"), before.causes().toString());
        // a pull request's run that skips its login and push by design and succeeds: no pull was refused
        Assessment succeeded = Fleet.jobEnded(Fleet.refused("dashboard"), "success", 120, List.of(Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Checkout", "success"), Fleet.step(3, "Log in to GHCR", "skipped"),
                Fleet.step(4, "Build image", "success"), Fleet.step(5, "Push image", "skipped")), "", null);
        assertFalse(Fleet.weighs(succeeded, "registry.auth/login-step-skipped"), succeeded.causes().toString());
    }

    private static Assessment deploySkippedIn(String event) {
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(Fleet.reference()));
        o.set(0, Fleet.refused("dashboard"));
        o.set(o.size() - 1, new Observation.CiRun(null, io.sophia.core.Source.GITHUB, "sophia/sophia-ai", 17176258341L,
                "CI/CD", "feature/x", "9e8f7d6", event, "completed", "success", 1, Fleet.T0, Fleet.T0.plusSeconds(75),
                "https://github.com/sophia/sophia-ai/actions/runs/17176258341"));
        o.add(Fleet.job("dashboard", 2, "build-and-deploy", "success", 75, Fleet.step(1, "Set up job", "success"),
                Fleet.step(2, "Checkout", "success"), Fleet.step(3, "Run tests", "success"),
                Fleet.step(4, "Deploy to Fly", "skipped")));
        return Diagnosis.ofDefaults().diagnose(Fleet.reference(), o, Fleet.NOW);
    }

    /**
     * config.invalid/deploy-step-skipped-in-successful-job (lr 4, not weak) read every successful job whose deploy step
     * was skipped: in a run for a pull request that is the workflow's design ("if: github.event_name == 'push'"), and
     * with the service refusing connections it put config.invalid first (0.58) for a run that never meant to deploy.
     */
    @Test
    void aDeployStepSkippedInAPullRequestRunIsTheWorkflowsDesign() {
        Assessment pr = deploySkippedIn("pull_request");
        assertFalse(Fleet.weighs(pr, "config.invalid/deploy-step-skipped-in-successful-job"), pr.causes().toString());
        Assessment queue = deploySkippedIn("merge_group");
        assertFalse(Fleet.weighs(queue, "config.invalid/deploy-step-skipped-in-successful-job"), queue.causes().toString());
        Assessment web = deploySkippedIn("web");
        assertTrue(Fleet.weighs(web, "config.invalid/deploy-step-skipped-in-successful-job"), web.causes().toString());
        Assessment push = deploySkippedIn("push");
        assertTrue(Fleet.weighs(push, "config.invalid/deploy-step-skipped-in-successful-job"), push.causes().toString());
    }

    /**
     * rails.pending-migrations-test-env read "bin/rails db:migrate RAILS_ENV=test" at any indentation, and that is a
     * common CI step's own command, which GitHub echoes unindented under the step's "##[group]Run" header: a Rails job
     * that migrates its test database as a step read as "the test suite aborted on pending migrations" whatever failed
     * after it. Rails' message indents the command (8 spaces).
     */
    @Test
    void aRunScriptsMigrateCommandIsNotRailsPendingMigrationMessage() throws java.io.IOException {
        assertEquals(List.of(), Fleet.readAlone("rails.pending-migrations-test-env",
                "##[group]Run bin/rails db:create RAILS_ENV=test\nbin/rails db:create RAILS_ENV=test\n"
                        + "bin/rails db:migrate RAILS_ENV=test\nshell: /usr/bin/bash -e {0}\n##[endgroup]"));
        assertEquals(List.of("rails.pending-migrations-test-env"), Fleet.readAlone("rails.pending-migrations-test-env",
                "ActiveRecord::PendingMigrationError:\n\n  Migrations are pending. To resolve this issue, run:\n\n"
                        + "          bin/rails db:migrate RAILS_ENV=test\n"));
    }
}
