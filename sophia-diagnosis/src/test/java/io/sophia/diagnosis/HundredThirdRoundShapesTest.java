package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-sixth session's rule writer rules36-p164, each in its tool's own words: its round on
 * p164- (CI systems other than GitHub Actions running deploys). CircleCI's report that the job's container passed its
 * memory limit ("Your build has exceeded the memory limit of 4G on 1 container."); a compiler or bundler of the CI job
 * killed from outside on a line of its own (Go's "compile: signal: killed", GCC's "Killed signal terminated program
 * cc1plus", react-scripts' "process exited too early"), the CI machine's memory, while the same words under an image
 * builder's step prefix stay the build's memory (build.step-killed-137, app.oom); the Drone CLI's "Stopping build
 * owner/name#N" when a person stops a build; git finding no credential for a deploy platform's git endpoint
 * (git.heroku.com, *.scm.azurewebsites.net); a dependency download followed by nothing but the CI's time-limit or
 * no-output kill (Travis, CircleCI, GitLab, GitHub, Azure). Each is tested on its source's words and a near miss (the
 * first pair of each is indication-cases.tsv's row, then a line its comment quotes and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause. The facts ranSixHours and endedAtRoundLimit, bounded in this round, are pinned by
 * JobHistoryFactsTest.
 */
class HundredThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules36-p164 (p164-: CI systems other than GitHub Actions)
            Map.entry("circleci.build-exceeded-memory-limit", "ci.runner"),
            Map.entry("ci.build-tool-killed-on-executor", "ci.runner"),
            Map.entry("drone.build-stopped-from-cli", "ci.cancelled"),
            Map.entry("download.stalled-until-ci-time-limit", "build.dependency-fetch"),
            Map.entry("git.deploy-remote-no-credential", "auth.deploy-token"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("circleci.build-exceeded-memory-limit", "Your build has exceeded the memory limit of 4G on 1 container.");
        ROUND.readsNot("circleci.build-exceeded-memory-limit", "Container 'Build' exceeded memory limit."); // Bitbucket's, container.memory-killed
        ROUND.reads("circleci.build-exceeded-memory-limit", "Your build has exceeded the memory limit of 4G on 1 container. The results of this build are likely invalid. We have taken a snapshot of the memory usage at the time, which you can find in a build artifact named `memory-usage.txt`.");
        ROUND.readsNot("circleci.build-exceeded-memory-limit", "Memory limit of 512 MiB exceeded with 516 MiB used. Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits"); // Cloud Run's, container.memory-killed
        ROUND.reads("ci.build-tool-killed-on-executor", "/usr/local/go/pkg/tool/linux_amd64/compile: signal: killed");
        ROUND.readsNot("ci.build-tool-killed-on-executor", "#12 41.27 /usr/local/go/pkg/tool/linux_amd64/compile: signal: killed"); // under BuildKit's prefix: build.step-killed-137
        ROUND.reads("ci.build-tool-killed-on-executor", "g++: fatal error: Killed signal terminated program cc1plus");
        ROUND.readsNot("ci.build-tool-killed-on-executor", "#0 676.1 2024-06-06 23:14:32 INFO    aarch64-linux-gnu-g++: fatal error: Killed signal terminated program cc1plus"); // build.step-killed-137
        ROUND.reads("ci.build-tool-killed-on-executor", "go build crypto/elliptic: /usr/local/go/pkg/tool/linux_amd64/compile: signal: killed");
        ROUND.reads("ci.build-tool-killed-on-executor", "c++: internal compiler error: Killed (program cc1plus)");
        ROUND.reads("ci.build-tool-killed-on-executor", "The build failed because the process exited too early. This probably means the system ran out of memory or someone called `kill -9` on the process.");
        ROUND.readsNot("ci.build-tool-killed-on-executor", "#15 436.7 The build failed because the process exited too early. This probably means the system ran out of memory or someone called `kill -9` on the process."); // build.step-killed-137
        ROUND.readsNot("ci.build-tool-killed-on-executor", "Error: Runtime exited with error: signal: killed"); // Lambda's, app.oom
        ROUND.reads("drone.build-stopped-from-cli", "Stopping build octocat/hello-world#412");
        ROUND.readsNot("drone.build-stopped-from-cli", "Stopping pipeline due to Quality Gate failure");
        ROUND.reads("drone.build-stopped-from-cli", "Stopping build example-blog/site#412.1");
        ROUND.readsNot("drone.build-stopped-from-cli", "Stopping pipeline due to failed Docker login.");
        ROUND.reads("download.stalled-until-ci-time-limit", "==> Downloading https://www.gaia-gis.it/gaia-sins/libspatialite-sources/libspatialite-5.0.0.tar.gz\n\nThe job exceeded the maximum time limit for jobs, and has been terminated.");
        ROUND.readsNot("download.stalled-until-ci-time-limit", "==> Downloading https://www.gaia-gis.it/gaia-sins/libspatialite-sources/libspatialite-5.0.0.tar.gz\n######################################################################## 100.0%\n==> ./configure --prefix=/usr/local/Cellar/libspatialite/5.0.0\n==> make install\nThe job exceeded the maximum time limit for jobs, and has been terminated."); // travis.no-output: the download finished
        ROUND.reads("download.stalled-until-ci-time-limit", "Downloading archive: https://s3.amazonaws.com/travis-python-archives/binaries/ubuntu/14.04/x86_64/python-3.6.2.tar.bz2\n$ curl -sSf -o python-3.6.2.tar.bz2 ${archive_url}\nNo output has been received in the last 10m0s, this potentially indicates a stalled build or something wrong with the build itself.");
        ROUND.readsNot("download.stalled-until-ci-time-limit", "  Running setup.py install for scipy\nNo output has been received in the last 10 minutes, this potentially indicates a stalled build or something wrong with the build itself."); // travis.no-output: a build, not a download
        ROUND.reads("download.stalled-until-ci-time-limit", "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/hibernate/hibernate-core/5.0.6.Final/hibernate-core-5.0.6.Final.jar\nToo long with no output (exceeded 10m0s): context deadline exceeded");
        ROUND.reads("git.deploy-remote-no-credential", "Username for 'https://git.heroku.com': fatal: could not read Username for 'https://git.heroku.com': No such file or directory");
        ROUND.readsNot("git.deploy-remote-no-credential", "fatal: could not read Username for 'https://github.com': terminal prompts disabled"); // a module's or a checkout's host
        ROUND.reads("git.deploy-remote-no-credential", "fatal: could not read Username for 'https://webapp0815-staging.scm.azurewebsites.net:443/webapp0815.git': No such file or directory");
        ROUND.readsNot("git.deploy-remote-no-credential", "fatal: could not read Username for 'https://github.com/': No such device or address"); // AkhileshNS/heroku-deploy#113: the action's git fetch of the checkout
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
