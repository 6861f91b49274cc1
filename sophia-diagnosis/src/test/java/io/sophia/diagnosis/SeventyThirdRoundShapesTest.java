package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirtieth session's rule writer rules30e, each in its tool's own words: its round on p142-
 * (monorepo build tooling: Turborepo, Nx and Nx Cloud, Bazel, pnpm). nx's "No existing Nx Cloud client and failed to
 * download new version." (the client bundle not fetched, build.dependency-fetch); a hosted service's organisation or
 * account "has been disabled due to exceeding the FREE plan" (platform.quota); the Nx Cloud client answered 500, 502,
 * 503 or 504 by Nx Cloud (platform.outage, a 404 is not read); Bazel's "Remote Cache:" warning of a connection timed
 * out or refused to the cache server (dependency.down, a name that does not resolve is not read); Vercel's warning that
 * project variables are "missing from "turbo.json"" (config.missing-secret); Node's fetch given a URL that begins with
 * "undefined" or "null", "Failed to parse URL from undefined/..." (config.missing-secret, read in a log or a service's
 * answer). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's row,
 * then a line its comment quotes or its scenario shows and a line of another cause that shares its words); each new
 * log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class SeventyThirdRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules30e (p142-: monorepo build tooling)
            Map.entry("bazel.remote-cache-unreachable", "dependency.down"),
            Map.entry("node.fetch-url-from-unset-variable", "config.missing-secret"),
            Map.entry("nx-cloud.client-download-failed", "build.dependency-fetch"),
            Map.entry("nx-cloud.server-error", "platform.outage"),
            Map.entry("platform.disabled-for-exceeding-plan", "platform.quota"),
            Map.entry("vercel.env-missing-from-turbo-json", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in a service's answer, not in a labelled scenario's log (node.fetch-url-from-unset-variable: p142-10's probe
     * body, where it is the scenario's own cause): pinned on its words above and on the corpus below, but not asked to
     * read a scenario's log.
     */
    private static final java.util.Set<String> READ_IN_ANSWERS = java.util.Set.of("node.fetch-url-from-unset-variable");

    private static final ShapeRound ON_SCENARIOS = new ShapeRound(CAUSE_OF).without(READ_IN_ANSWERS);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules30e (p142-)
        ROUND.reads("bazel.remote-cache-unreachable", "WARNING: Remote Cache: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection timed out: no further information: ***");
        ROUND.readsNot("bazel.remote-cache-unreachable", "ERROR: java.io.IOException: io.grpc.StatusRuntimeException: UNAVAILABLE: Unable to resolve host fakeurl.net");
        ROUND.reads("bazel.remote-cache-unreachable", "2026-11-24T09:31:07.5520000Z WARNING: Remote Cache: connection timed out after 60000 ms: bazel.precisioninno.com/34.107.186.182:443");
        ROUND.readsNot("bazel.remote-cache-unreachable", "ERROR: /home/runner/work/telemetry-agent/telemetry-agent/core/BUILD.bazel:73:24: Compiling core/event.cpp failed: unable to finalize action: Download of '/cas/0535e6bae6fd101e71c26d71b14b7f1af7bd0abbb98189318dd1c8b9ddfcb4f9' timed out. Received 0 bytes."); // bazel.remote-download-timeout
        ROUND.readsNot("bazel.remote-cache-unreachable", "WARNING: Remote Cache: UNAVAILABLE: Unable to resolve host fakeurl.net");
        ROUND.reads("node.fetch-url-from-unset-variable", "[TypeError: Failed to parse URL from undefined/projects] {");
        ROUND.readsNot("node.fetch-url-from-unset-variable", "TypeError: Failed to parse URL from /api/projects");
        ROUND.reads("node.fetch-url-from-unset-variable", "<p>Failed to load price feeds: TypeError: Failed to parse URL from undefined/v1/price_feeds</p>");
        ROUND.readsNot("node.fetch-url-from-unset-variable", "FetchError: request to https://api.example.com/v1 failed, reason: connect ECONNREFUSED 10.0.0.5:443"); // dependency.connection-refused-generic
        ROUND.reads("nx-cloud.client-download-failed", " NX   No existing Nx Cloud client and failed to download new version.");
        ROUND.readsNot("nx-cloud.client-download-failed", "[NX CLOUD] A local bundle currently exists:  {");
        ROUND.reads("nx-cloud.client-download-failed", "2026-11-22T12:10:41.0930000Z  NX   No existing Nx Cloud client and failed to download new version.");
        ROUND.readsNot("nx-cloud.client-download-failed", "[Nx Cloud] Agent was terminated via SIGTERM"); // runner.disk-or-lost-generic
        ROUND.reads("nx-cloud.server-error", "Nx Cloud: Request failed with status code 502. Bad Gateway");
        ROUND.readsNot("nx-cloud.server-error", "Error when connecting to Nx Cloud. Code: 404. Error: Request failed with status code 404.");
        ROUND.reads("nx-cloud.server-error", "   Error when connecting to Nx Cloud. Code: 503. Error: Request failed with status code 503.");
        ROUND.readsNot("nx-cloud.server-error", "[Nx Cloud] Agent was terminated via SIGTERM"); // runner.disk-or-lost-generic
        ROUND.reads("platform.disabled-for-exceeding-plan", "This Nx Cloud organization has been disabled due to exceeding the FREE plan.");
        ROUND.readsNot("platform.disabled-for-exceeding-plan", "All further trading has been disabled due to exceeding loss limits.");
        ROUND.reads("platform.disabled-for-exceeding-plan", "Your account has been disabled due to exceeding quota.");
        ROUND.readsNot("platform.disabled-for-exceeding-plan", "##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes."); // actions.max-execution-time
        ROUND.readsNot("platform.disabled-for-exceeding-plan", "Container killed by YARN for exceeding memory limits. 5.5 GB of 5.5 GB physical memory used."); // yarn.container-memory-killed
        ROUND.reads("vercel.env-missing-from-turbo-json", "Warning - the following environment variables are set on your Vercel project, but missing from \"turbo.json\". These variables WILL NOT be available to your application and may cause your build to fail.");
        ROUND.readsNot("vercel.env-missing-from-turbo-json", "• Environment variables in turbo.json: 3 declared, 0 missing");
        ROUND.reads("vercel.env-missing-from-turbo-json", "11:07:31.963 WARNING - the following environment variables are set on your Vercel project, but missing from \"turbo.json\". These variables WILL NOT be available to your application and may cause your build to fail. Learn more at https://turborepo.dev/docs/crafting-your-repository/using-environment-variables#platform-environment-variables");
        ROUND.readsNot("vercel.env-missing-from-turbo-json", "Error: No Output Directory named \"public\" found after the Build completed. You can configure the Output Directory in your Project Settings."); // vercel.no-output-directory
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios the round's indications read only lines of their own
     * cause: no consequence needs naming.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ON_SCENARIOS.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
