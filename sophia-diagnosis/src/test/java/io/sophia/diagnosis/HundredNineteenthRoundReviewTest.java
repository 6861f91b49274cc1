package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the thirty-eighth session's merged rules (590d3887..d09baeab): real public lines the new shapes read as a
 * confident wrong cause, and wordings their patterns promise but their prefilter literals never let through. Each case
 * failed before its fix.
 */
class HundredNineteenthRoundReviewTest {

    /**
     * remotes/devtools' "Error: Failed to install 'x' from GitHub:" is the frame of any failure of install_github, its
     * reason on the next line; r.github-package-fetch-failed read the frame alone as a failed download at 0.85, so a
     * package whose own build failed after the download ("System command 'Rcmd.exe' failed, exit status: 1",
     * hadley/emo#67, adeverse/adespatial#26; "sh: rm: command not found" under "System command error",
     * r-lib/devtools#2134; a malformed DESCRIPTION, saezlab/liana#132) was named build.dependency-fetch at the cap. The
     * frame is read now only with a download's failure after it (saezlab/liana#51, RLesur/klippy#26,
     * rizbicki/predictionBands#3), and rsconnect's one-line "HTTP 401: Unauthorized - https://api.github.com/..." still.
     */
    @Test
    void remotesFrameIsNotADownloadFailureUnlessItsReasonIs() throws IOException {
        String frame = "r.remotes-github-download-failed";
        for (String log : List.of("""
                Downloading GitHub repo hadley/emo@HEAD
                Error: Failed to install 'emo' from GitHub:
                  System command 'Rcmd.exe' failed, exit status: 1, stdout & stderr were printed
                """, """
                   sh: rm: command not found
                Error: Failed to install 'loomR' from GitHub:
                  System command error, exit status: 1, stdout + stderr:
                E> * checking for file 'DESCRIPTION' ... OK
                """, """
                Error: Failed to install 'unknown package' from GitHub:
                  Line starting 'Config/testthat/edit ...' is malformed!
                """)) {
            assertEquals(List.of(), Fleet.readAlone(frame, log), log);
            assertEquals(List.of(), Fleet.readAlone("r.github-package-fetch-failed", log), log);
        }
        Assessment build = Fleet.twoDeploysFailWith("""
                Downloading GitHub repo hadley/emo@HEAD
                Error: Failed to install 'emo' from GitHub:
                  System command 'Rcmd.exe' failed, exit status: 1, stdout & stderr were printed
                Execution halted
                ##[error]Process completed with exit code 1.
                """);
        assertTrue(Fleet.probability(build, "build.dependency-fetch") < 0.5, build.causes().toString());
        // the frame with a download's failure after it is still the fetch
        for (String log : List.of("""
                Using github PAT from envvar GITHUB_PAT
                Error: Failed to install 'liana' from GitHub:
                  HTTP error 401.
                  Bad credentials

                  Rate limit remaining: 58/60
                """, """
                Downloading GitHub repo DanHanh/scLinear@HEAD
                Error: Failed to install 'scLinear' from GitHub:
                HTTP error 401.
                Bad credentials
                """, """
                Downloading GitHub repo rizbicki/predictionBands@HEAD
                Error: Failed to install 'predictionBands' from GitHub:
                  Command failed (128)
                """)) {
            assertEquals(List.of(frame), Fleet.readAlone(frame, log), log);
        }
        Assessment fetch = Fleet.twoDeploysFailWith("""
                Using github PAT from envvar GITHUB_PAT
                Error: Failed to install 'liana' from GitHub:
                  HTTP error 401.
                  Bad credentials
                ##[error]Process completed with exit code 1.
                """);
        assertEquals("build.dependency-fetch", Fleet.top(fetch), fetch.causes().toString());
        Fleet.assertReads("r.github-package-fetch-failed", "build.dependency-fetch",
                "  HTTP 401: Unauthorized - https://api.github.com/repos/ridgeway-lab/ridgeplots/tarball/3f2a1c9");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(Set.of(frame)));
    }

    /**
     * ci.no-worker-took-job's pattern reads "no worker was ever attached", "to this job" and "to the build", but its
     * prefilter literals held only "... attached/assigned to the job": those wordings never reached the pattern. Likewise
     * platform.plan-count-used-up's "plan only allows" against the literal "plan allows".
     */
    @Test
    void everyWordingThePatternReadsPassesItsPrefilter() throws IOException {
        for (String line : List.of("This job was aborted: no worker was ever attached to the job while it was waiting.",
                "no runner was assigned to this job", "No agents were attached to this build")) {
            Fleet.assertReads("ci.no-worker-took-job", "ci.runner", line);
        }
        Fleet.assertReads("platform.plan-count-used-up", "platform.quota",
                "Your plan only allows 3 projects, but 3 are already in use.");
    }
}
