package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes for p193- (session 42: message-queue and streaming workers), each in its tool's own words: a deploy
 * tool giving up on containers that never answer its health check (Deis), Lambda refusing a function or an event source
 * because the stack's execution role lacks a permission, and mini_portile spending its last retry on a native
 * extension's source archive; and three rules: that download failing is the build's fetch, not the image's compile; a
 * RUN instruction running a code generator boots the app in the image build (the Dockerfile's step); a host look that
 * shows a service failing for a cause of its own (its image absent, its own certificates refused) makes the chain of
 * its dependents a consequence. Each indication is tested on its source's words and a near miss; each reads no line of
 * the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredFiftyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.of(
            "deploy.containers-failed-health-check", "app.healthcheck-failing",
            "lambda.execution-role-lacks-permission", "config.invalid",
            "mini-portile.download-retries-spent", "build.dependency-fetch");

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void deploysInTheirOwnWords() throws IOException {
        // deis/deis#4377 (p193-18's source); deis controller api/models.py
        ROUND.reads("deploy.containers-failed-health-check",
                "2026-12-08T15:27:41UTC deis[api]: aborting, app containers failed to respond to health check");
        ROUND.reads("deploy.containers-failed-health-check", "FATAL: Backend failed to respond to health check after 30s");
        ROUND.readsNot("deploy.containers-failed-health-check",
                "2026-12-08T15:27:41UTC deis[api]: app containers responded to health check");
        // a health check endpoint that itself failed to answer one request is the app's log, not the deploy's verdict
        ROUND.readsNot("deploy.containers-failed-health-check", "failed to respond to health check request client-ip=10.0.0.4");
        // aws/aws-cdk#6770 (p193-10's source); the VPC form (CreateNetworkInterface on EC2)
        ROUND.reads("lambda.execution-role-lacks-permission", "QueueProcessingStack | 2/6 | 12:26:43 PM | CREATE_FAILED "
                + "| AWS::Lambda::EventSourceMapping | Processor/SqsEventSource The provided execution role does not have "
                + "permissions to call ReceiveMessage on SQS (Service: AWSLambda; Status Code: 400; Error Code: "
                + "InvalidParameterValueException; Request ID: 00000000-0000-0000-0000-000000000000)");
        ROUND.reads("lambda.execution-role-lacks-permission", "Error: error creating Lambda Function (1): "
                + "InvalidParameterValueException: The provided execution role does not have permissions to call "
                + "CreateNetworkInterface on EC2");
        // the deploy's own identity refused is the deploy credential's, not the stack's role
        ROUND.readsNot("lambda.execution-role-lacks-permission", "User: arn:aws:iam::123456789012:user/ci is not "
                + "authorized to perform: lambda:CreateEventSourceMapping");
        ROUND.readsNot("lambda.execution-role-lacks-permission", "The role defined for the function cannot be assumed by "
                + "Lambda.");
    }

    @Test
    void nativeExtensionDownloadsInTheirOwnWords() throws IOException {
        // karafka/karafka#2172 (p193-03's source), karafka/rdkafka-ruby#42 (p193-04's)
        ROUND.reads("mini-portile.download-retries-spent", "#9 41.22 0 retrie(s) left for v2.4.0 (404 Not Found)");
        ROUND.reads("mini-portile.download-retries-spent", "#11 58.13 0 retrie(s) left for v0.11.3.tar.gz");
        // an earlier retry may still succeed; a compile failure is the image's
        ROUND.readsNot("mini-portile.download-retries-spent", "2 retrie(s) left for libiconv-1.17.tar.gz (Net::OpenTimeout)");
        ROUND.readsNot("mini-portile.download-retries-spent",
                "#9 41.22 Gem::Ext::BuildError: ERROR: Failed to build gem native extension.");
    }

    /** The rules of the round, each on the scenario that failed without it. */
    @Test
    void rulesLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                // native-extension-download-failed (both sides)
                "p193-03-build-dependency-fetch-karafka-rdkafka-librdkafka-tarball-404", "build.dependency-fetch",
                "p193-04-build-dependency-fetch-rdkafka-ruby-mini-portile-download-retries", "build.dependency-fetch",
                // generator-step-in-image-build, missing-in-generator-step-of-image-build
                "p193-02-build-dockerfile-sidekiq-redis-connect-during-rails-generate-step", "build.dockerfile"));
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        ROUND.staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
