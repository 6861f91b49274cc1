package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the fortieth session's rule writer r40-h131, its round on the consumed h131- (JVM services) and
 * h132- (reverse proxies, load balancers, CDNs): the Java launcher's own line when the main class cannot be linked
 * ("Error: LinkageError occurred while loading main class ...", a class built for a newer Java); a self-hosted GitHub
 * runner too old for the action the job uses, in the runner's words (its manifest loader refusing "using: node20", its
 * warning that the job's failure may come from its out-of-date version, act's runs.using refusal); libpq giving up on a
 * PostgreSQL server that never answered its connect ("port 5432 failed: Connection timed out"); and a JVM build
 * tool killed by the CI machine's shell in a job that deploys no service (the build host's memory, not the app's).
 * Each indication is tested on its source's words and a near miss; each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause. The round's widened indications
 * (cloud.insufficient-capacity: the scheduler's older "match all of the predicates" without "following";
 * config.value-rejected-by-binder: Spring Boot 1.x's "Could not bind properties to ...") are pinned here too.
 */
class HundredTwentyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("actions-runner.too-old-for-action", "ci.runner"),
            Map.entry("ingress-nginx.service-no-active-endpoint", "unknown"),
            Map.entry("jvm.main-class-linkage-error", "app.crash-on-boot"),
            Map.entry("libpq.connect-timed-out", "dependency.down"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("actions-runner.too-old-for-action", "Error: System.ArgumentOutOfRangeException: Specified argument was out of the range of valid values. (Parameter ''using: node16' is not supported, use 'docker' or 'node12' instead.')");
        ROUND.readsNot("actions-runner.too-old-for-action", "Error: The version '3.14' with architecture 'x64' was not found for this operating system."); // a setup action's tool list
        ROUND.reads("actions-runner.too-old-for-action", "##[warning]This job failure may be caused by using an out of date version of GitHub runner on your self-hosted runner. You are currently using GitHub runner version 2.299.1. Please update to the latest version 2.329.0");
        ROUND.readsNot("actions-runner.too-old-for-action", "##[warning]Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: actions/checkout@v3."); // a deprecation notice on a job that passes
        ROUND.reads("actions-runner.too-old-for-action", "Error: The runs.using key in action.yml must be one of: [composite docker node12], got node16");
        ROUND.readsNot("actions-runner.too-old-for-action", "Error: Fail to load actions/checkout/v4/action.yml"); // the loader's verdict, not why
        ROUND.reads("jvm.main-class-linkage-error", "Error: LinkageError occurred while loading main class org.languagetool.server.HTTPServer");
        ROUND.readsNot("jvm.main-class-linkage-error", "Error: Could not find or load main class org.languagetool.server.HTTPServer"); // jvm.class-not-found's
        ROUND.reads("jvm.main-class-linkage-error", "2026-11-30T07:52:10Z app[e784e0d2f33968] cdg [info]Error: LinkageError occurred while loading main class com.example.App");
        ROUND.readsNot("jvm.main-class-linkage-error", "Exception in thread \"main\" java.lang.LinkageError: loader constraint violation: when resolving method"); // no launcher line
        ROUND.reads("ingress-nginx.service-no-active-endpoint", "W1130 09:36:11.402915       7 controller.go:625] Service \"payments/ledger\" does not have any active Endpoint");
        ROUND.readsNot("ingress-nginx.service-no-active-endpoint", "W1130 09:36:11.402915       7 controller.go:1468] Error getting SSL certificate \"shop/shop-tls\": local SSL certificate shop/shop-tls was not found. Using default certificate"); // ingress-nginx.tls-secret-not-found
        ROUND.reads("ingress-nginx.service-no-active-endpoint", "W1205 09:08:35.222358       7 controller.go:916] Service \"default/orders-svc\" does not have any active Endpoint.");
        ROUND.readsNot("ingress-nginx.service-no-active-endpoint", "2026/11/30 09:36:11 [error] 41#41: *12 connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://10.4.2.7:8080/\""); // the upstream refusing, no Service named
        ROUND.reads("libpq.connect-timed-out", "psycopg2.OperationalError: connection to server at \"10.2.0.9\", port 5432 failed: Connection timed out");
        ROUND.readsNot("libpq.connect-timed-out", "psycopg2.OperationalError: connection to server at \"db.internal\" (10.2.0.9), port 5432 failed: FATAL:  the database system is starting up");
        ROUND.reads("libpq.connect-timed-out", "{\"detail\":\"connection to server at \\\"db\\\" (172.20.0.3), port 5432 failed: timeout expired\"}");
        ROUND.readsNot("libpq.connect-timed-out", "psql: error: connection to server at \"ep-quiet-river-a4x1z9.us-east-1.aws.neon.tech\" (3.218.140.61), port 5432 failed: Connection refused"); // dependency.connection-refused-generic
    }

    /** The widened indications read their new sources' words. */
    @Test
    void widenedIndicationsReadTheirNewWords() throws IOException {
        ROUND.reads("cloud.insufficient-capacity", "platform.capacity", "2m   Warning   FailedScheduling   pod/seldon-6f9c7d5b8-x2k4q   No nodes are available that match all of the predicates: Insufficient cpu (5).");
        ROUND.reads("config.value-rejected-by-binder", "config.invalid", "Caused by: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'serverProperties': Could not bind properties to ServerProperties (prefix=server, ignoreInvalidFields=false, ignoreUnknownFields=true, ignoreNestedProperties=false); nested exception is org.springframework.beans.InvalidPropertyException: Invalid property 'port[0]' of bean class [org.springframework.boot.autoconfigure.web.ServerProperties]");
    }

    /**
     * No corpus line is read by the round's new indications; on the labelled scenarios, only lines of their causes, but
     * the ingress controller's account (cause unknown) of a backend that is down, which dependency.down's
     * ingress-backend-without-endpoint-down reads in the scenarios whose cause it is.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // the Service the controller names (ledger, rabbitmq) is the dependency that is down
                "h132-08 ingress-nginx.service-no-active-endpoint",
                "p136-10 ingress-nginx.service-no-active-endpoint",
                // the Heroku dynos lost their outbound network (platform.outage): the database connect timing out is its
                // consequence
                "p64-16 libpq.connect-timed-out");
    }

    /**
     * A JVM build tool killed by the CI machine's shell in a job that deploys no service is the build host's memory
     * (ci.runner's and app.oom's build-tool-killed-on-the-ci-machine), not the app's.
     */
    @Test
    void aBuildToolKilledOnTheCiMachineIsTheRunners() throws IOException {
        assertEquals("ci.runner", Fleet.top(Fleet.scenario("h131-45-ci-runner-maven-exit-137-build-vm-memory")));
        assertEquals("ci.runner", Fleet.top(Fleet.scenario("h131-46-ci-runner-maven-killed-trusty-memory")));
    }

    /**
     * docker inspect's State beside the 137 in a log saying "OOMKilled":false argues against app.oom (its
     * exit-137-not-oom-in-a-log), as the same words in a look at the service do: no longer stated at 0.9.
     */
    @Test
    void aKillDockerSaysWasNotForMemoryIsNoCertainOom() throws IOException {
        Assessment a = Fleet.scenario("h131-47-unknown-container-exit-137-no-oom-flag");
        org.junit.jupiter.api.Assertions.assertTrue(Fleet.probability(a, "app.oom") < 0.7, a.causes().toString());
    }
}
