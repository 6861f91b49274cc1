package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families of h22- and h23- (session 15, consumed after their blind score), each in its tool's
 * own words: a CLI naming the variable of its refused token, Fly asking for a payment method, an HTTP/2 stream reset by
 * a registry or by a platform's API, CoreDNS not serving, ECS unable to place a task, a Jenkins agent gone, Heroku's
 * dyno limit, a configuration file missing, a Playwright test failing, Postgres still starting, a config map not found (now apart from a secret not found); and
 * three general shapes widened (a registry's /v2/ API only, a platform operation failed "temporarily", a resolver's
 * "domain name is unknown"). Each is tested on its source's words and a near miss; each new log indication reads no
 * line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class ThirtySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("token.check-named-variable", "auth.deploy-token"),
            Map.entry("fly.payment-information-required", "platform.quota"),
            Map.entry("registry.http2-stream-reset", "registry.unavailable"),
            Map.entry("platform.api-http2-stream-reset", "platform.outage"),
            Map.entry("coredns.not-serving", "network.dns"),
            Map.entry("ecs.unable-to-place-task", "platform.capacity"),
            Map.entry("jenkins.agent-removed-or-offline", "ci.runner"),
            Map.entry("heroku.dyno-limit", "platform.quota"),
            Map.entry("config.file-missing", "config.invalid"),
            Map.entry("playwright.test-failed", "ci.test-failure"),
            Map.entry("postgres.starting-up", "dependency.down"),
            Map.entry("k8s.configmap-not-found", "config.missing-secret"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void refusalsAndPlatformFailuresInTheirOwnWords() throws IOException {
        ROUND.reads("token.check-named-variable", "Unauthorized. Please check that your RAILWAY_TOKEN is valid and has "
                + "access to the resource you're trying to use.");
        ROUND.readsNot("token.check-named-variable", "Please check that your RAILWAY_TOKEN is set");
        ROUND.reads("fly.payment-information-required", "Error We need your payment information to continue! Add a "
                + "credit card or buy credit: https://fly.io/organizations/personal");
        ROUND.readsNot("fly.payment-information-required", "Payment information updated");
        ROUND.reads("registry.http2-stream-reset", "error building image: error building stage: failed to get "
                + "filesystem from image: stream error: stream ID 5; INTERNAL_ERROR");
        ROUND.readsNot("registry.http2-stream-reset", "Error Post https://fly.io/api/v2/graphql: stream error: stream ID "
                + "1; INTERNAL_ERROR");
        ROUND.reads("platform.api-http2-stream-reset", "Error Post https://fly.io/api/v2/graphql: stream error: stream "
                + "ID 1; INTERNAL_ERROR");
        ROUND.readsNot("platform.api-http2-stream-reset", "error building stage: failed to get filesystem from image: "
                + "stream error: stream ID 5; INTERNAL_ERROR");
        ROUND.reads("ecs.unable-to-place-task", "    \"(service api) was unable to place a task because no container "
                + "instance met all of its requirements. The closest matching (container-instance 0f3c) has insufficient "
                + "memory available.");
        ROUND.readsNot("ecs.unable-to-place-task", "service [bot] was unable to place a task because no container "
                + "instance met all of its requirements. Reason: No Container Instances were found in your cluster.");
        ROUND.reads("heroku.dyno-limit", "Cannot run more than 1 Free size dynos.");
        ROUND.readsNot("heroku.dyno-limit", "Scaling dynos... done, now running web at 1:Free");
        ROUND.reads("jenkins.agent-removed-or-offline", "15:32:11  EC2 (aws-eu-west-1) - Nonspot Windows 2019 x86_64 "
                + "with JDK17 (i-07b3c19ad5e2f8a41) seems to be removed or offline ; will wait for 5 min 0 sec for it to "
                + "come back online");
        ROUND.readsNot("jenkins.agent-removed-or-offline", "Agent i-07b3c19ad5e2f8a41 is online");
        // widened general shapes: a platform operation failed for now, a registry's own /v2/ API only
        ROUND.reads("platform.provider-side-generic", "platform.outage", "Error: We could not upload the edge function "
                + "temporarily. Please try again later.");
        ROUND.readsNot("platform.provider-side-generic", "fetch https://dl-cdn.alpinelinux.org/alpine/v3.15/main: "
                + "temporary error (try again later)");
        ROUND.reads("registry.server-error", "registry.unavailable", "failed to do request: Head "
                + "\"https://ghcr.io/v2/acme/api/manifests/latest\": 503 Service Unavailable");
        ROUND.readsNot("registry.server-error", "Error: POST https://api.digitalocean.com/v2/apps: 500 Server Error");
    }

    @Test
    void clustersAppsAndTestsInTheirOwnWords() throws IOException {
        ROUND.reads("coredns.not-serving", "[FATAL] plugin/loop: Loop (127.0.0.1:37926 -> :53) detected for zone \".\", "
                + "see https://coredns.io/plugins/loop#troubleshooting.");
        ROUND.reads("coredns.not-serving", "kube-system   coredns-fb8b8dccf-x7w2p              0/1     CrashLoopBackOff"
                + "   9          24m");
        ROUND.readsNot("coredns.not-serving", "kube-system   coredns-fb8b8dccf-x7w2p              1/1     Running   0  "
                + "        24m");
        ROUND.reads("k8s.configmap-not-found", "  Warning  FailedMount  2m37s (x16 over 18m)  kubelet  "
                + "MountVolume.SetUp failed for volume \"config\" : configmap \"loki-stack-promtail\" not found");
        ROUND.readsNot("k8s.configmap-not-found", "Error: secret \"secretpostgresql\" not found");
        ROUND.reads("config.file-missing", "remote: ** (File.Error) could not read file "
                + "\"/tmp/build/config/prod.secret.exs\": no such file or directory");
        ROUND.readsNot("config.file-missing", "remote: ** (File.Error) could not read file "
                + "\"/tmp/build/priv/static/cache_manifest.json\": no such file or directory");
        ROUND.reads("playwright.test-failed", "[2026-07-08T09:31:13Z]   1) tests/I6FiM_debugging.spec.ts:34:3 › "
                + "[Pixel-4] debugging this should FAIL all the time ========");
        ROUND.readsNot("playwright.test-failed", "[2026-07-08T09:31:02Z]   ✓  tests/K2bQp_login.spec.ts:12:3 › "
                + "[Pixel-4] login works (8s)");
        ROUND.reads("postgres.starting-up", "t=2026-04-05T21:53:56+0000 lvl=eror msg=\"error getting postgres info\" "
                + "err=\"FATAL: the database system is starting up (SQLSTATE 57P03)\"");
        ROUND.readsNot("postgres.starting-up", "LOG:  database system is ready to accept connections");
        ROUND.reads("dns.name-unresolved-generic", "network.dns", "The domain name is unknown");
        ROUND.readsNot("dns.name-unresolved-generic", "The domain name is valid");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // p19-06: a chart's config map missing, labelled config.invalid: read, moderately, as a missing setting
        // h39-16 (session 18): a data centre's power cut rebooted the servers, labelled platform.outage; the database
        // starting up again is its consequence
        // p158-20 (session 34, rules34f): an end-to-end test waiting for an order e-mail fails because the stack's worker
        // cannot resolve its database's name, labelled network.dns; the failing test is its consequence
        ROUND.staysInItsCauses("p19-06 k8s.configmap-not-found", "h39-16 postgres.starting-up",
                "p158-20 playwright.test-failed");
    }
}
