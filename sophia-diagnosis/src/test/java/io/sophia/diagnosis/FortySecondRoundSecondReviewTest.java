package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Second review of session 17's diagnosis changes (52200db7, 512f7bcd, dc469647, bf6f4eed, 9692925c, 7e7292f5: log
 * indications of p58- to p66-'s families, a down service named by another job's line as the root of its dependents'
 * chain, a check failing on a host of the platform's own): each test shows a reading the review found wrong before its
 * fix.
 */
class FortySecondRoundSecondReviewTest {

    /**
     * Facts.extract looked for every down service in each line of a named cause one service at a time (a pass over the
     * line and a one-element set per down service): at 5,000 down services and as many such lines (a host's docker ps
     * listing every container "Exited (137)"), 25 million passes over a line, which namesHost's own comment says it
     * exists to avoid (this test ran past 40 s before the fix, about 5 s after). Now each line is read once against all down
     * names; the dependency it names is still the root.
     */
    @Test
    void aDownServiceNamedByAnotherJobsLineIsFoundInOnePassAtFiveThousandServices() {
        int n = 5_000;
        List<Service> services = new ArrayList<>();
        List<Observation> o = new ArrayList<>();
        services.add(Fleet.service("web", "Web", "Dashboard", ServiceKind.HTTP, "redis"));
        services.add(Fleet.service("redis", "Redis", "Cache", ServiceKind.TCP));
        o.add(Fleet.refused("web"));
        o.add(Fleet.refused("redis"));
        o.add(Fleet.job(null, 7, "inspect-host", "failure", 18));
        o.add(Fleet.finding(null, 7, "inspect-host", "Inspect containers", "app.oom",
                "4e1d9a7c2b30   redis:7.2-alpine   \"docker-entrypoint.s…\"   3 hours ago   Exited (137) 90 seconds ago   redis", 1));
        for (int i = 0; i < n; i++) {
            String id = String.format("worker-%04d", i);
            services.add(Fleet.service(id, "Worker " + i, "Jobs", ServiceKind.HTTP));
            o.add(Fleet.refused(id));
            o.add(Fleet.finding(null, 7, "inspect-host", "Inspect containers", "app.oom", String.format(
                    "%012x   registry.example.com/acme/worker:8f3c2b1   \"/usr/local/bin/run-worker --queue default\"   "
                            + "3 hours ago   Exited (137) 2 minutes ago   %s", 0x4e1d9a7c0000L + i, id), i + 2));
        }
        Deployment d = new Deployment("fleet", services);
        // no time limit here (a loaded machine is no regression): FleetBenchmark --observations measures its growth
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertEquals(CauseId.APP_OOM, a.causes().get(0).id(), a.causes().toString());
        // redis's own failure is the root of web's chain: no "a dependency is down" for it
        assertFalse(Fleet.weighs(a, "dependency.down/dependency-down"), a.causes().toString());
    }

    /**
     * dns.getaddrinfo's narrowing against a lookup of "undefined" or "null" (bf6f4eed) left out every host that only
     * begins with "unde" or "null": "getaddrinfo ENOTFOUND underwriting-db" (a real name that does not resolve) was read
     * by neither it nor dns.lookup-of-unset-variable (which reads the whole words only). Now only the whole words, and a
     * bucket host built on "undefined" (Node's "getaddrinfo ENOTFOUND undefined.s3.amazonaws.com", a bucket variable
     * unset), are left to the unset variable.
     */
    @Test
    void theResolversShapeReadsHostsThatOnlyBeginLikeUndefinedOrNull() throws IOException {
        Fleet.assertReads("dns.getaddrinfo", "network.dns", "Error: getaddrinfo ENOTFOUND underwriting-db");
        Fleet.assertReads("dns.getaddrinfo", "network.dns", "Error: getaddrinfo EAI_AGAIN nullmailer.internal");
        Fleet.assertReads("dns.getaddrinfo", "network.dns", "Error: getaddrinfo ENOTFOUND undefinedbehavior.example");
        Fleet.assertReadsNot("dns.getaddrinfo", "Error: getaddrinfo ENOTFOUND undefined");
        Fleet.assertReadsNot("dns.getaddrinfo", "Error: getaddrinfo ENOTFOUND null");
        Fleet.assertReadsNot("dns.getaddrinfo", "Error: getaddrinfo ENOTFOUND undefined.s3.amazonaws.com");
        Fleet.assertReads("dns.lookup-of-unset-variable", "config.missing-secret",
                "Error: getaddrinfo ENOTFOUND undefined.s3.amazonaws.com");
    }

    /**
     * Azure Pipelines also words the missing agent "##[error]No agent found in pool BUZ-MYB which satisfies the following
     * demand: agent.name. All demands: agent.name -equals 'ecom-app02-test', Agent.Version -gtVersion 2.163.1"
     * (microsoft/azure-pipelines-agent#2996; "... which satisfies the following demand: java. All demands: maven, java"
     * in public runbooks): azure.no-agent-for-demands read only "the specified demands".
     */
    @Test
    void azurePipelinesFollowingDemandWordingIsNoAgentForTheDemands() throws IOException {
        Fleet.assertReads("azure.no-agent-for-demands", "ci.runner", "##[error]No agent found in pool BUZ-MYB which "
                + "satisfies the following demand: agent.name. All demands: agent.name -equals 'ecom-app02-test', "
                + "Agent.Version -gtVersion 2.163.1");
        Fleet.assertReads("azure.no-agent-for-demands", "ci.runner",
                "##[error]No agent found in pool Default which satisfies the specified demands: npm, Agent.Version -gtVersion 2.163.1");
        Fleet.assertReadsNot("azure.no-agent-for-demands", "Found agent in pool Default which satisfies the following demand: java");
    }

    private static Scenario p66_33(String host, String tail) throws IOException {
        Path dir = ScenarioLoader.corpusDirectory();
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith("p66-33-")).findFirst().orElseThrow();
        }
        String text = Files.readString(file).replace("consul-iad-mt.fly.internal", host);
        if (tail != null) {
            text = text.replace("/stolon/cluster\": context deadline exceeded'", "/stolon/cluster\": " + tail + "'");
        }
        return ScenarioLoader.with(LogScanner.builtIn()).parse(file, text);
    }

    private static Assessment diagnose(Scenario s) {
        return Diagnosis.ofDefaults().diagnose(s.deployment(), s.observations(), s.at());
    }

    /**
     * check-on-platform-host (7e7292f5, lr 30 for platform.outage, 0.1 against the app's check) took any
     * "*.fly.internal" name for the platform's. Apps' own configurations write their private names that way
     * ("edutrack-auth.fly.internal:8080" in a public gateway's routing, "internal-broker.fly.internal" in another's
     * tests), which Fly's resolver does not answer ("&lt;app&gt;.internal" is the app's name): a check that fails on the
     * lookup of such a name is the configuration's name, not the platform. The rule now leaves a check that failed on a
     * name lookup alone, and also reads the hosts Fly really hands its Postgres apps for Consul (FLY_CONSUL_URL
     * "https://:token@consul-fra-6.fly-shared.net/...", in public notes on Fly Postgres).
     */
    @Test
    void aCheckFailingToResolveAnAppsOwnFlyInternalNameIsNoPlatformOutage() throws IOException {
        Assessment misnamed = diagnose(p66_33("birchly-consul.fly.internal",
                "dial tcp: lookup birchly-consul.fly.internal on [fdaa::3]:53: no such host"));
        assertFalse(Fleet.weighs(misnamed, "platform.outage/check-on-platform-host"), misnamed.causes().toString());
        // (app.healthcheck-failing's rule, below the causes listed, shows only in the explanations' words)
        assertFalse(misnamed.causes().toString().contains("host of the platform's own"), misnamed.causes().toString());
        Assessment shared = diagnose(p66_33("consul-iad-5.fly-shared.net", null));
        assertTrue(Fleet.weighs(shared, "platform.outage/check-on-platform-host"), shared.causes().toString());
        assertTrue(shared.causes().get(0).explanation().contains("fails on a host of the platform's own, not on the app"),
                shared.causes().toString());
    }

    /**
     * kernel.oom-killed (0.95) and memory.exhausted-generic were narrowed against docker inspect's own template
     * "{{.State.OOMKilled}}" (52200db7, dc469647), but not as it is as often written, "{{ .State.OOMKilled }}" ("docker
     * inspect --format '{{ .State.OOMKilled }}' rag-api   # true means the memory limit killed it", in public
     * runbooks), nor the answer of a template that labels it: "--format 'OOMKilled: {{ .State.OOMKilled }}, ExitCode:
     * {{ .State.ExitCode }}'" answers "OOMKilled: false, ExitCode: 1", "OOMKilled={{ .State.OOMKilled }}" answers
     * "OOMKilled=false": each was read as a kill. A reason, a state and a true answer still are.
     */
    @Test
    void dockerInspectsSpacedTemplateAndItsFalseAnswerAreNoKill() throws IOException {
        for (String healthy : List.of("+ docker inspect --format '{{ .State.OOMKilled }}' rag-api",
                "+ docker inspect stress-oom --format 'OOMKilled: {{ .State.OOMKilled }}, ExitCode: {{ .State.ExitCode }}'",
                "OOMKilled: false, ExitCode: 1", "OOMKilled=false", "RestartCount=3 OOMKilled=false ExitCode=1")) {
            Fleet.assertReadsNot("kernel.oom-killed", healthy);
            Fleet.assertReadsNot("memory.exhausted-generic", healthy);
        }
        for (String killed : List.of("OOMKilled: true, ExitCode: 137", "OOMKilled=true", "      Reason:       OOMKilled",
                "{\"Status\":\"exited\",\"OOMKilled\":true,\"ExitCode\":137}", "Last State: Terminated (OOMKilled)",
                "reason=OOMKilled exitCode=137")) {
            Fleet.assertReads("kernel.oom-killed", "app.oom", killed);
        }
    }

    /**
     * aws.deploy-action-denied read any lambda action as the deploy identity's, and so a running service's call of a
     * function: "AccessDeniedException ... not authorized to perform: lambda:InvokeFunction" (a service answering 503
     * because its task role lacks the permission; a worker whose CloudWatch logs show it invoking another environment's
     * function, in public post-mortems; AWS's Lambda troubleshooting lists it for "Lambda functions and other compute
     * resources that invoke functions"). Invoking is the workload's role, not the deploy; a deploy's lambda actions
     * (UpdateFunctionCode, CreateFunction, PublishVersion) still read.
     */
    @Test
    void aWorkloadInvokingALambdaIsNotTheDeployIdentity() throws IOException {
        Fleet.assertReadsNot("aws.deploy-action-denied", "[ERROR] AccessDeniedException: User: arn:aws:sts::123456789012:"
                + "assumed-role/eval-worker-task/0f3c is not authorized to perform: lambda:InvokeFunction on resource: "
                + "arn:aws:lambda:us-west-2:123456789012:function:scraper-staging");
        Fleet.assertReads("aws.deploy-action-denied", "auth.deploy-token", "An error occurred (AccessDeniedException) when "
                + "calling the UpdateFunctionCode operation: User: arn:aws:iam::123456789012:user/github-actions is not "
                + "authorized to perform: lambda:UpdateFunctionCode on resource: arn:aws:lambda:us-east-1:123456789012:function:api");
        Fleet.assertReads("aws.deploy-action-denied", "auth.deploy-token", "User: arn:aws:iam::123456789012:user/ci is not "
                + "authorized to perform: lambda:CreateFunction on resource: arn:aws:lambda:us-east-1:123456789012:function:api "
                + "because no identity-based policy allows the lambda:CreateFunction action");
    }
    /**
     * The down services a line names with a failure of their own (dc469647) were taken from any job's line but the
     * named service's own, so from a dependent's own log too: web's boot failing on "ModuleNotFoundError: No module
     * named 'redis'" (its own missing package, read app.crash-on-boot) named the down redis it depends on, which
     * became the root of web's chain ("redis's own log names an error") and dependency-down (lr 25) was withdrawn. A
     * dependent's line about its dependency is its own failure; only a line of a job of no service, or of a service
     * that does not depend on it (p64-32's host inspection), names the dependency's.
     */
    @Test
    void aDependentsOwnLineNamingItsDependencyIsNotTheDependencysOwnFailure() {
        Deployment d = new Deployment("dash", List.of(Fleet.service("web", "Web", "Dashboard", ServiceKind.HTTP, "redis"),
                Fleet.service("redis", "Redis", "Cache", ServiceKind.TCP)));
        List<Observation> o = List.of(Fleet.refused("web"), Fleet.refused("redis"), Fleet.job("web", 7, "deploy-web", "failure", 18),
                Fleet.finding("web", 7, "deploy-web", "Start", "app.crash-on-boot",
                        "ModuleNotFoundError: No module named 'redis'", 5));
        Assessment a = Diagnosis.ofDefaults().diagnose(d, o, Fleet.NOW);
        assertTrue(Fleet.weighs(a, "dependency.down/dependency-down"), a.causes().toString());
    }
}
