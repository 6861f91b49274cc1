package io.sophia.diagnosis;

import io.sophia.core.Observation.LogFinding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of session 34's serverless families (rules34b): Lambda's "Source image X is not valid" split by the reference
 * reads every registry that is not a private ECR one as the configuration's, not only the registries it listed; the
 * Deno Deploy status sentence is read as a status, not after any word "failure" or "build:" an app or a tool prints.
 */
class ReviewThirtyFourthServerlessTest {

    private static final String SOURCE_IMAGE = "Error: creating Lambda Function (api): InvalidParameterValueException: "
            + "Source image %s is not valid. Provide a valid source image.";

    private static String read(String line) throws IOException {
        List<LogFinding> found = LogScanner.builtIn().analyze(null, new StringReader(line + "\n"));
        return found.isEmpty() ? "" : found.get(0).indicationId();
    }

    @Test
    void aSourceImageOfAnyRegistryButAPrivateEcrOneIsTheConfigurations() throws IOException {
        // the registries the commit listed, and others it did not (Azure, Microsoft's, JFrog, Oracle, a host and port)
        for (String image : List.of("instance-scheduler-ecr-repo:latest", "public.ecr.aws/y2e2a1d6/base:latest",
                "docker.io/library/python:3.12", "ghcr.io/acme/api:1.4.0", "europe-docker.pkg.dev/acme/app/api:1",
                "shopacr.azurecr.io/api:1.4.0", "mcr.microsoft.com/dotnet/runtime:8.0", "acme.jfrog.io/docker/api:2",
                "fra.ocir.io/acme/api:3", "registry.internal:5000/api:1", "dkrhub.example.com/api:1",
                "111122223333.dkr.ecr.eu-central-1.amazonaws.com/xebia/cfn-ses-provider:1.0.0@sha256:4b9f0e")) {
            assertEquals("lambda.source-image-reference-invalid", read(SOURCE_IMAGE.formatted(image)), image);
        }
        // a private ECR URI (a tag, a digest or neither, another region's or account's, China's partition) is an image
        // that is not there
        for (String image : List.of("111122223333.dkr.ecr.ap-southeast-1.amazonaws.com/bedrock-proxy-api",
                "463637877380.dkr.ecr.eu-central-1.amazonaws.com/xebia/cfn-ses-provider:1.0.0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/api@sha256:4b9f0e",
                "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/api:v1")) {
            assertEquals("lambda.source-image-missing", read(SOURCE_IMAGE.formatted(image)), image);
        }
    }

    @Test
    void theInternalServerErrorSentenceIsADeploymentsStatusNotAnyLineEndingWithIt() throws IOException {
        // h115-15's status lines (denoland/deploy_feedback#920, reconstructed columns)
        assertEquals("deploy-api.internal-server-error",
                read("tinyshop/api        failure  An internal server error occurred."));
        assertEquals("deploy-api.internal-server-error",
                read("tinyshop/docs       failure  Clone repository: done; Build: An internal server error occurred."));
        assertEquals("deploy-api.internal-server-error", read("failure\tAn internal server error occurred."));
        assertEquals("deploy-api.internal-server-error", read("Build: An internal server error occurred."));
        // an app's own 500 and a tool's step that print the same words after theirs
        for (String line : List.of("ERROR [checkout] payment failure An internal server error occurred.",
                "npm ERR! build: An internal server error occurred.",
                "webpack build: An internal server error occurred.")) {
            assertTrue(!"deploy-api.internal-server-error".equals(read(line)), line + " read as " + read(line));
        }
    }
}
