package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the last families of p30- to p34- and h18- read in session 13: Java's certificate path search in
 * its own words without the PKIX prefix, Bazel's test summary with failures, App Platform's health-check deploy error,
 * the classic Docker builder's COPY of a missing file. Tested on their sources' own words and near misses; each new log
 * indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause (the
 * phrase "unable to find valid certification path" is in 14 labelled scenarios, all tls.certificate).
 */
class ThirtyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("java.cert-path-not-found", "tls.certificate"),
            Map.entry("bazel.tests-failed", "ci.test-failure"),
            Map.entry("do-app-platform.health-checks-failed", "app.healthcheck-failing"),
            Map.entry("docker.classic-copy-lstat-missing", "build.dockerfile"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachShapeReadsItsWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("java.cert-path-not-found", "Caused by: sun.security.provider.certpath.SunCertPathBuilderException: "
                + "unable to find valid certification path to requested target");
        ROUND.readsNot("java.cert-path-not-found", "Trust store loaded: 148 certificates, certification path validated");
        ROUND.reads("bazel.tests-failed", "Executed 50 out of 50 tests: 49 tests pass and 1 fails locally.");
        ROUND.readsNot("bazel.tests-failed", "Executed 50 out of 50 tests: 50 tests pass.");
        ROUND.reads("do-app-platform.health-checks-failed", "Deploy Error: Health Checks");
        ROUND.readsNot("do-app-platform.health-checks-failed", "Health Checks: passing");
        ROUND.reads("docker.classic-copy-lstat-missing", "lstat default.conf: no such file or directory");
        ROUND.readsNot("docker.classic-copy-lstat-missing", "lstat default.conf: permission denied");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p70-11 (session 17): Maven's download refused by PKIX after a JDK upgrade, labelled build.dependency-fetch
        // p211-16 (session 46, config.missing-secret): the one failing test is a nested Bazel refused for the API key it
        // was not given ("PERMISSION_DENIED: Missing API key"); Bazel's test summary is that refusal's consequence
        ROUND.staysInItsCauses("p70-11 java.cert-path-not-found", "p211-16 bazel.tests-failed");
    }
}
