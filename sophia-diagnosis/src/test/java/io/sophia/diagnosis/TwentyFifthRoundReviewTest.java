package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.RankedCause;
import io.sophia.diagnosis.internal.reasoning.Calibration;
import io.sophia.diagnosis.internal.reasoning.Knowledge;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 12's diagnosis changes (d25780f..6ee9f14): the weak {@code generic-vocabulary} rules, one per
 * cause, that read a cause's words on a failure line only read generically, and {@code Calibration.weakNeverLeads}.
 * Public text on which a vocabulary read a number or a path as its cause's word (a runner's work path, a source line
 * 137, a database port that "failed"), each guarded here with its source, and a distribution on which the weak cause
 * held under unknown let another weak cause lead. Found on the way, older: git's quoted "repository '...' not found"
 * read as a missing image at 0.90.
 */
class TwentyFifthRoundReviewTest {

    /** The first cause of {@code a} other than unknown. */
    private static String topKnown(Assessment a) {
        return a.causes().stream().map(RankedCause::id).filter(c -> !c.equals(CauseId.UNKNOWN)).findFirst()
                .orElseThrow().value();
    }

    /** Asserts that no evidence of {@code a} comes from rule {@code ruleId} ("cause/rule"). */
    private static void citesNot(Assessment a, String ruleId) {
        assertTrue(a.causes().stream().flatMap(c -> c.evidence().stream()).noneMatch(e -> ruleId.equals(e.ruleId())),
                ruleId + " read the line: " + a.causes());
    }

    /**
     * GitHub's hosted runners check out into /home/runner/work/REPO/REPO, so nearly every path a failing step prints
     * names "runner": "npm ERR! enoent ENOENT: no such file or directory, open
     * '/home/runner/work/starglowwos-neocities/starglowwos-neocities/package.json'" (bcomnes/deploy-to-neocities#168,
     * https://github.com/bcomnes/deploy-to-neocities/issues/168: a repository without package.json) made ci.runner the
     * first known cause where the step's name says nothing (behind the build where it says "build"). A path's
     * directory is not the CI machine failing.
     */
    @Test
    void aRunnersWorkPathIsNotTheCiMachineFailing() throws IOException {
        String log = String.join("\n",
                "npm ERR! code ENOENT",
                "npm ERR! syscall open",
                "npm ERR! path /home/runner/work/starglowwos-neocities/starglowwos-neocities/package.json",
                "npm ERR! errno -2",
                "npm ERR! enoent ENOENT: no such file or directory, open "
                        + "'/home/runner/work/starglowwos-neocities/starglowwos-neocities/package.json'",
                "npm ERR! enoent This is related to npm not being able to find a file.",
                "Error: Process completed with exit code 254.");
        citesNot(Fleet.deployFailed("deploy", "Install deps and build", log), "ci.runner/generic-vocabulary");
        Assessment a = Fleet.deployFailed("deploy", "Deploy", log);
        assertNotEquals("ci.runner", topKnown(a), a.causes().toString());
    }

    /**
     * A compiler's position "(137,11)" is a source line, not exit code 137: tsc's
     * "src/ts/errors/action-execution-error.ts(137,11): error TS2339: Property 'captureStackTrace' does not exist on
     * type 'ErrorConstructor'." (the wording of Lattyware/massivedecks#176,
     * https://github.com/Lattyware/massivedecks/issues/176, a Heroku build whose errors stand at lines 20 to 211 of
     * that file) made app.oom the first known cause through the memory vocabulary's bare "137"; at line 502 the
     * platform's vocabulary read it as an HTTP 502. yarn's "Command failed with exit code 137." is still memory.
     */
    @Test
    void aCompilersPositionIsNoExitCodeNorHttpStatus() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Deploy to Heroku", String.join("\n",
                "       src/ts/errors/action-execution-error.ts(137,11): error TS2339: Property 'captureStackTrace' "
                        + "does not exist on type 'ErrorConstructor'.",
                "Error: Process completed with exit code 2."));
        citesNot(a, "app.oom/generic-vocabulary");
        assertNotEquals("app.oom", topKnown(a), a.causes().toString());
        assertEquals("app.oom", topKnown(Fleet.deployFailed("deploy", "Build",
                "error Command failed with exit code 137.")));
        // the same position on line 502 is no HTTP 502 either (the platform's vocabulary)
        citesNot(Fleet.deployFailed("deploy", "Deploy to Heroku", String.join("\n",
                "       src/ts/errors/action-execution-error.ts(502,11): error TS2339: Property 'captureStackTrace' "
                        + "does not exist on type 'ErrorConstructor'.",
                "Error: Process completed with exit code 2.")), "platform.outage/generic-vocabulary");
    }

    /**
     * libpq (PostgreSQL 14 and later) says which server it tried: 'psql: error: connection to server at
     * "192.168.6.27", port 7496 failed: FATAL:  no pg_hba.conf entry for host "192.168.6.27", user "postgres", database
     * "biotime", SSL off' (sameersbn/docker-postgresql#171, https://github.com/sameersbn/docker-postgresql/issues/171).
     * "7496 failed" is a port, not a count of failed tests: the test vocabulary's "N failed" made ci.test-failure the
     * first known cause. A runner's count ("Tests: 2 failed, 14 passed, 16 total") is still one.
     */
    @Test
    void aDatabasePortThatFailedIsNoCountOfFailedTests() throws IOException {
        Assessment a = Fleet.deployFailed("deploy", "Migrate", String.join("\n",
                "psql: error: connection to server at \"192.168.6.27\", port 7496 failed: FATAL:  no pg_hba.conf entry "
                        + "for host \"192.168.6.27\", user \"postgres\", database \"biotime\", SSL off",
                "Error: Process completed with exit code 2."));
        citesNot(a, "ci.test-failure/generic-vocabulary");
        assertNotEquals("ci.test-failure", topKnown(a), a.causes().toString());
    }

    /**
     * git's own words for a repository it cannot see, quoted: "fatal: repository
     * 'https://github.com/mycompany/mycompany-package.git/' not found" (webfactory/ssh-agent#28,
     * https://github.com/webfactory/ssh-agent/issues/28: a private git dependency fetched over https in a deploy
     * workflow) read as image.repository-not-found, image.not-found 0.90, and by the missing image's vocabulary: no
     * image was pulled. A registry's
     * "repository name not known to registry" and an unquoted "repository acme/api not found" are still read.
     */
    @Test
    void gitsRepositoryNotFoundIsNoImage() throws IOException {
        String line = "fatal: repository 'https://github.com/mycompany/mycompany-package.git/' not found";
        Fleet.assertReadsNot("image.repository-not-found", line);
        Fleet.assertReads("image.repository-not-found", "image.not-found", "Error response from daemon: repository "
                + "acme/api not found: does not exist or no pull access");
        Assessment a = Fleet.deployFailed("deploy", "Install node modules", String.join("\n",
                "remote: Repository not found.", line, "error Command failed with exit code 128."));
        citesNot(a, "image.not-found/generic-vocabulary");
        assertNotEquals("image.not-found", a.topCause().orElseThrow().id().value(), a.causes().toString());
    }

    /**
     * weakNeverLeads put unknown halfway between itself and the weak lead; where another cause stood between the two
     * halves (a second weak cause: one generic line holding two causes' words, "timeout" and "503"), that cause led
     * after it, a weak-only cause leading, and the weak lead fell below it. Unknown must lead, the rest keep their
     * order, and the probabilities sum to 1.
     */
    @Test
    void aSecondWeakCauseDoesNotLeadOnceTheFirstIsHeldUnderUnknown() {
        Knowledge.CompiledSettings settings = new Knowledge.CompiledSettings(0.08, 6, 0.01, 0.5, 2, 0.15, 2.4, 0.01,
                List.of(0.49, 0.9, 0.97, 0.99), Set.of(), 0.97, Set.of());
        List<Calibration.Term> terms = List.of(
                // a specific cause argued away: one source, little left, so unknown keeps little
                new Calibration.Term(CauseId.BUILD_DOCKERFILE, 0.08, Math.log(15) + Math.log(0.02), 1, true, Set.of()),
                new Calibration.Term(CauseId.CI_TIMEOUT, 0.05, Math.log(3) * 3, 0, true, Set.of()),
                new Calibration.Term(CauseId.PLATFORM_OUTAGE, 0.05, Math.log(3) * 2.8, 0, true, Set.of()),
                new Calibration.Term(CauseId.UNKNOWN, 0.02, 0, 0, true, Set.of()));
        double[] p = Calibration.probabilities(terms, settings);
        String s = Arrays.toString(p);
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-9, s);
        assertTrue(p[3] > p[1] && p[3] > p[2], "unknown leads: " + s);
        assertTrue(p[1] > p[2] && p[2] > p[0], "the rest keep their order: " + s);
    }
}
