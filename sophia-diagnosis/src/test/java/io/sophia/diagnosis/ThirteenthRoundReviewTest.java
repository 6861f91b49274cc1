package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.Deployment;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.core.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Review of the thirteenth round's shapes (session 10): public text of other situations that they read wrongly.
 */
class ThirteenthRoundReviewTest {

    private static void readsNot(String indication, String line) throws IOException {
        assertTrue(!Fleet.indicationsOf(line).contains(indication), line + " " + Fleet.indicationsOf(line));
    }

    /**
     * AWS's LimitExceededException is also its throttling answer: Cognito's "Attempt limit exceeded, please try after
     * some time." (a password reset or code check tried too often, quoted by many sign-in forms in public code) and
     * Kinesis's and ECR's "Rate exceeded" (calls sent in quick succession), bare or in botocore's "An error occurred
     * (LimitExceededException) when calling the X operation: ...". Neither is the account's quota; the quotas' own
     * messages (CloudFormation's change sets, Athena's concurrent queries, ECR's scan quota) are still read.
     */
    @Test
    void awsThrottlingUnderLimitExceededIsNotTheQuota() throws IOException {
        String id = "aws.limit-exceeded";
        readsNot(id, "LimitExceededException: Attempt limit exceeded, please try after some time.");
        readsNot(id, "Error: LimitExceededException: Rate exceeded");
        readsNot(id, "Error: LimitExceededException: Rate exceeded for shard creation");
        readsNot(id, "LimitExceededException: Rate exceeded for this stream.");
        readsNot(id, "An error occurred (LimitExceededException) when calling the ChangePassword operation: Attempt "
                + "limit exceeded, please try after some time. ");
        readsNot(id, "botocore.errorfactory.LimitExceededException: An error occurred (LimitExceededException) when "
                + "calling the ConfirmForgotPassword operation: Attempt limit exceeded, please try after some time.");
        for (String quota : List.of("An error occurred (LimitExceededException) when calling the CreateFunction "
                + "operation", "An error occurred (LimitExceededException) when calling the CreateChangeSet operation: "
                + "ChangeSet limit exceeded for stack", "botocore.errorfactory.LimitExceededException: An error "
                + "occurred (LimitExceededException) when calling the StartQueryExecution operation: Account limit of "
                + "concurrent queries reached", "An error occurred (LimitExceededException) when calling the "
                + "StartImageScan operation: The scan quota per image has been exceeded. Wait and try again.")) {
            assertTrue(Fleet.indicationsOf(quota).contains(id), quota + " " + Fleet.indicationsOf(quota));
        }
    }

    /**
     * flyctl's "the app name invoicer-prd could not be found" beside a service that answers at its platform host
     * https://invoicer-prod.fly.dev names another app, a misspelling (the configuration); the same line beside a
     * service on a custom domain (https://app.invoicer.io) cannot be told from a token that does not see the app, so
     * the token stays a candidate there (h4-18: "Could not find App \"orbit-web\"" for a service without a platform
     * host is a token scoped to another app).
     */
    @Test
    void anAppNameIsTheServicesOwnOnlyWhereItsPlatformHostSaysSo() throws IOException {
        Assessment platformHost = deployFails("https://invoicer-prod.fly.dev/health");
        assertTrue(platformHost.causes().stream().flatMap(c -> c.evidence().stream())
                .noneMatch(e -> e.ruleId().endsWith("/app-not-found-yet-answers")), platformHost.causes().toString());
        assertEquals("config.invalid", platformHost.causes().get(0).id().value(), platformHost.causes().toString());
        // the misspelled app's own host name cannot resolve: a consequence, not a DNS fault
        assertTrue(platformHost.causes().stream().noneMatch(c -> c.id().value().equals("network.dns")
                && c.probability() > 0.2), platformHost.causes().toString());
        Assessment customDomain = deployFails("https://app.invoicer.io/health");
        assertTrue(customDomain.causes().stream().flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.ruleId().equals("auth.deploy-token/app-not-found-yet-answers")),
                customDomain.causes().toString());
    }

    private static Assessment deployFails(String url) throws IOException {
        Deployment d = new Deployment("invoicer", List.of(Service.builder("web", url)
                .name("Web").kind(ServiceKind.HTTP).capability("Invoices").critical().build()));
        List<Observation> o = new ArrayList<>(Fleet.allHealthy(d));
        o.set(o.size() - 1, Fleet.run("failure"));
        o.add(Fleet.job("web", 2, "deploy web", "failure", 40, Fleet.step(1, "Checkout", "success"),
                Fleet.step(2, "Deploy", "failure")));
        o.addAll(LogScanner.builtIn().analyze(new LogAnalyzer.LogOrigin(Source.GITHUB, "web", 2, "deploy web",
                List.of()), new StringReader("Error: the app name invoicer-prd could not be found, did you create the "
                + "app or misspell it in the fly.toml file or via -a?\ncurl: (6) Could not resolve host: invoicer-prd.fly.dev\n")));
        return Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
    }
}
