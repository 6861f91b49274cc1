package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-first session's rule writer r41-p189, each in its tool's own words: its round on p189-
 * (what sits in front of services: CDNs, edge proxies, cloud load balancers). Azure Application Gateway refusing its
 * backend's certificate in its backend health's words; CloudFront refusing the origin configuration a Lambda@Edge
 * returned, and its Lambda@Edge function throttled; an AWS refusal on a resource ARN that still carries an unexpanded
 * "$VARIABLE" (a secret never passed to the step). Three older shapes are narrowed: aws.deploy-action-denied gives way on such an ARN,
 * auth.credential-refused-generic no longer reads a parser's "Unexpected token ... is not valid JSON", and pip.network
 * no longer reads urllib3's refused connection to a loopback host (a local helper waiting for its own daemon).
 */
class HundredFortyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("appgw.backend-certificate-refused", "tls.certificate"),
            Map.entry("aws.denied-on-unexpanded-variable", "config.missing-secret"),
            Map.entry("cloudfront.lambda-edge-throttled", "platform.quota"),
            Map.entry("cloudfront.lambda-invalid-origin-configuration", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("appgw.backend-certificate-refused", "backendPool apim-pool: contoso-apim.azure-api.net:443 health Unhealthy, healthProbeLog: Backend server certificate is not whitelisted with Application Gateway.");
        ROUND.readsNot("appgw.backend-certificate-refused", "backendPool apim-pool: contoso-apim.azure-api.net:443 health Unhealthy, healthProbeLog: Cannot connect to backend server. Check whether any NSG/UDR/Firewall is blocking access to the server.");
        ROUND.reads("appgw.backend-certificate-refused", "The Common Name (CN) of the backend certificate does not match the host header entered in the health probe configuration (v2 SKU) or the FQDN in the backend pool (v1 SKU).");
        ROUND.readsNot("appgw.backend-certificate-refused", "healthProbeLog: Time taken by the backend to respond to application gateway's health probe is more than the time-out threshold in the probe setting.");
        ROUND.reads("aws.denied-on-unexpanded-variable", "An error occurred (AccessDenied) when calling the CreateInvalidation operation: User: arn:aws:iam::421300000045:user/s3-deployment-ghid is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::421300000045:distribution/$DISTRIBUTION_ID_PROD");
        ROUND.readsNot("aws.denied-on-unexpanded-variable", "An error occurred (AccessDenied) when calling the CreateInvalidation operation: User: arn:aws:iam::421300000045:user/s3-deployment-ghid is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::421300000045:distribution/E2QWRUHAPOMQZL");
        ROUND.reads("aws.denied-on-unexpanded-variable", "An error occurred (AccessDeniedException) when calling the UpdateFunctionCode operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:UpdateFunctionCode on resource: arn:aws:lambda:us-east-1:123456789012:function:${FUNCTION_NAME}");
        ROUND.readsNot("aws.denied-on-unexpanded-variable", "An error occurred (AccessDeniedException) when calling the UpdateFunctionCode operation: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: lambda:UpdateFunctionCode on resource: arn:aws:lambda:us-east-1:123456789012:function:orders-api"); // aws.deploy-action-denied
        ROUND.reads("cloudfront.lambda-edge-throttled", "503 ERROR The request could not be satisfied. The Lambda function associated with the CloudFront distribution was throttled.");
        ROUND.readsNot("cloudfront.lambda-edge-throttled", "503 ERROR The request could not be satisfied. The Lambda function associated with the CloudFront distribution is invalid or doesn't have the required permissions.");
        ROUND.reads("cloudfront.lambda-edge-throttled", "< x-cache: LambdaLimitExceeded from cloudfront");
        ROUND.readsNot("cloudfront.lambda-edge-throttled", "< x-cache: Error from cloudfront");
        ROUND.reads("cloudfront.lambda-invalid-origin-configuration", "502 ERROR The request could not be satisfied. The Lambda function returned an invalid origin configuration: The value of DomainName is invalid.");
        ROUND.readsNot("cloudfront.lambda-invalid-origin-configuration", "502 ERROR The request could not be satisfied. CloudFront wasn't able to connect to the origin.");
        ROUND.reads("cloudfront.lambda-invalid-origin-configuration", "The Lambda function returned an invalid origin configuration: The value of Protocol is invalid.");
        ROUND.readsNot("cloudfront.lambda-invalid-origin-configuration", "InvalidViewerCertificate: The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain."); // tls
    }

    /** The narrowed older shapes: they keep their own lines and leave the new round's. */
    @Test
    void narrowedShapesKeepTheirLinesAndLeaveTheNewOnes() throws IOException {
        ROUND.reads("aws.deploy-action-denied", "auth.deploy-token", "An error occurred (AccessDenied) when calling the CreateInvalidation operation: User: arn:aws:iam::421300000045:user/deployer is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::421300000045:distribution/E2QWRUHAPOMQZL");
        ROUND.reads("aws.deploy-action-denied", "auth.deploy-token", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:RegisterTaskDefinition because no identity-based policy allows the ecs:RegisterTaskDefinition action");
        ROUND.readsNot("aws.deploy-action-denied", "User: arn:aws:iam::421300000045:user/s3-deployment-ghid is not authorized to perform: cloudfront:CreateInvalidation on resource: arn:aws:cloudfront::421300000045:distribution/$DISTRIBUTION_ID_PROD");
        ROUND.reads("auth.credential-refused-generic", "auth.deploy-token", "Error: the deploy credentials were not valid.");
        ROUND.reads("auth.credential-refused-generic", "auth.deploy-token", "Error: this deploy token has been revoked.");
        ROUND.readsNot("auth.credential-refused-generic", "An error occured while making a web request: \"SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON\", retrying. Attempt 1 of 50.");
        ROUND.reads("pip.network", "build.dependency-fetch", "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f2b>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/flask/");
        ROUND.reads("pip.network", "build.dependency-fetch", "Exception: Error reaching the build cache: HTTPConnectionPool(host='10.0.4.7', port=8080): Max retries exceeded with url: /cache/wheels (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f2b>: Failed to establish a new connection: [Errno 101] Network is unreachable'))");
        ROUND.readsNot("pip.network", "Exception: Error reaching traefik daemon: HTTPConnectionPool(host='127.0.0.1', port=80): Max retries exceeded with url: /api/http/routers (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f18a96a4e50>: Failed to establish a new connection: [Errno 111] Connection refused'))");
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of their own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // three read no labelled scenario's log: their sources (p189-01, p189-10 to -12, p189-28) carry the words in an
        // answer's body or in a look at the platform (api:), which the answer and probe-detail rules read
        ROUND.without(java.util.Set.of("appgw.backend-certificate-refused", "cloudfront.lambda-edge-throttled",
                "cloudfront.lambda-invalid-origin-configuration")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
