package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the fortieth session's rule writer r40-p182, each in its tool's own words: its round on p182- (.NET
 * and Windows deployments). App Service refusing a slot swap because the source slot's worker process could not start,
 * or because its warm-up requests timed out or its application initialisation failed; IIS's WAS event of a worker process
 * that terminated unexpectedly; the health checks UI failing to read a service's report; Entra ID's AADSTS700024 on an
 * expired federated client assertion; a zip deployment's upload refused with 401; Pester's summary of failed tests; an
 * orchestrator (Service Fabric, the kubelet) that cannot start a Windows container whose OS version is not its node's,
 * a deployment's pairing (config.invalid) where an image build refused so stays build.dockerfile's.
 */
class HundredThirtySixthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r40-p182 (p182-: .NET and Windows deployments)
            Map.entry("azure.slot-swap-worker-process-not-started", "app.crash-on-boot"),
            Map.entry("azure.slot-swap-warmup-failed", "app.healthcheck-failing"),
            Map.entry("iis.was-worker-process-terminated", "app.crash-on-boot"),
            Map.entry("healthchecks-ui.get-health-report-failed", "app.healthcheck-failing"),
            Map.entry("azure.client-assertion-expired", "auth.deploy-token"),
            Map.entry("zip-deploy.unauthorized", "auth.deploy-token"),
            Map.entry("pester.tests-failed-summary", "ci.test-failure"),
            Map.entry("windows.orchestrator-container-os-mismatch", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("azure.slot-swap-worker-process-not-started", "ERROR: (BadRequest) Cannot swap slots for site 'ledger-web' because the worker process for 'staging' slot could not be started. (CODE: 400)");
        ROUND.readsNot("azure.slot-swap-worker-process-not-started", "Error: BadRequest - Cannot swap slots for site 'shop' because the application initialization in 'staging' slot either took too long or failed."); // a slow warm-up, not a start
        ROUND.reads("azure.slot-swap-worker-process-not-started", "Error: Failed to swap App Service 'xx' slots - 'deploy' and 'production'. Error: BadRequest - Cannot swap slots for site 'xx' because the worker process for 'xxx' slot could not be started. (CODE: 400)");
        ROUND.readsNot("azure.slot-swap-worker-process-not-started", "Swapping App Service 'shop-web-prod' slots - 'staging' and 'production'");
        ROUND.reads("azure.slot-swap-warmup-failed", "ERROR: Cannot swap slots for site because the warmup requests to application in 'staging' slot have timed out.");
        ROUND.readsNot("azure.slot-swap-warmup-failed", "ERROR: (BadRequest) Cannot swap slots for site 'ledger-web' because the worker process for 'staging' slot could not be started. (CODE: 400)"); // crash-on-boot's
        ROUND.reads("azure.slot-swap-warmup-failed", "##[error]Error: Failed to swap App Service '{name}' slots - staging' and 'production'. Error: BadRequest - Cannot swap slots for site '{name}' because the application initialization in 'staging' slot either took too long or failed. Please check AppInit module configuration or try using swap with preview if application initialization time is very long. (CODE: 400)");
        ROUND.reads("azure.slot-swap-warmup-failed", "Cannot swap site slots for site 'somesite' because the 'staging' slot did not respond to http ping.");
        ROUND.readsNot("azure.slot-swap-warmup-failed", "ERROR: Cannot swap slots: the operation is in progress on site 'ledger-web'. Please try again later."); // a conflict, no warm-up
        ROUND.reads("iis.was-worker-process-terminated", "Source: WAS EventId: 5009 A process serving application pool 'SSO' terminated unexpectedly. The process id was '11960'. The process exit code was '0xc0000409'.");
        ROUND.readsNot("iis.was-worker-process-terminated", "Source: WAS EventId: 5010 A process serving application pool 'SSO' failed to respond to a ping. The process id was '13988'."); // a hang, not a crash
        ROUND.reads("iis.was-worker-process-terminated", "A process serving application pool 'DefaultAppPool' terminated unexpectedly. The process id was '4412'. The process exit code was '0xe0434352'.");
        ROUND.readsNot("iis.was-worker-process-terminated", "A worker process '4412' serving application pool 'DefaultAppPool' was shutdown due to inactivity.");
        ROUND.reads("healthchecks-ui.get-health-report-failed", "[14:43:52 ERR] GetHealthReport threw an exception when trying to get report from http://localhost:5121/hc configured with name Web Shopping Aggregator HTTP Check.");
        ROUND.readsNot("healthchecks-ui.get-health-report-failed", "dbug: HealthChecks.UI.Core.HostedService.HealthCheckReportCollector[0] HealthReportCollector has completed.");
        ROUND.reads("healthchecks-ui.get-health-report-failed", "\"MessageTemplate\": \"GetHealthReport threw an exception when trying to get report from http://localhost:7000/health configured with name Services.\",");
        ROUND.readsNot("healthchecks-ui.get-health-report-failed", "System.Net.Http.HttpRequestException: Cannot assign requested address ---> System.Net.Sockets.SocketException: Cannot assign requested address"); // any client's
        ROUND.reads("azure.client-assertion-expired", "ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-12-11T16:18:42.1049397Z, assertion valid from 2026-12-11T16:06:13.0000000Z, expiry time of assertion 2026-12-11T16:11:13.0000000Z.");
        ROUND.readsNot("azure.client-assertion-expired", "ERROR: AADSTS90033: A transient error has occurred. Please try again."); // platform.outage's
        ROUND.reads("azure.client-assertion-expired", "Original exception: AADSTS700024: Client assertion is not within its valid time range.");
        ROUND.readsNot("azure.client-assertion-expired", "The certificate is not within its validity period when verifying against the current system clock"); // a TLS certificate's
        ROUND.reads("zip-deploy.unauthorized", "Beginning zip deployment\nInvoke-SiteMigration.ps1 : Error (401) Unauthorized: The remote server returned an error: (401) Unauthorized.");
        ROUND.readsNot("zip-deploy.unauthorized", "Beginning zip deployment\nInvoke-SiteMigration.ps1 : Error (503) Server Unavailable: The remote server returned an error: (503) Server Unavailable."); // the site's platform, not the credential
        ROUND.reads("pester.tests-failed-summary", "Tests Passed: 24, Failed: 3, Skipped: 0 NotRun: 0");
        ROUND.readsNot("pester.tests-failed-summary", "Tests Passed: 24, Failed: 0, Skipped: 0 NotRun: 0");
        ROUND.reads("pester.tests-failed-summary", "Tests Passed: 0, Failed: 1, Skipped: 0, Pending: 0, Inconclusive: 0");
        ROUND.readsNot("pester.tests-failed-summary", "Tests completed in 38.42s");
        ROUND.reads("windows.orchestrator-container-os-mismatch", "'System.Hosting' reported Error for property 'CodePackageActivation:Code:EntryPoint:1323'. There was an error during CodePackage activation.System.Fabric.FabricException (-2147017731) Failed to start Container. ContainerName=sf-5-x, ApplicationId=SampleAppType_App5. DockerRequest returned StatusCode=InternalServerError with ResponseBody={\"message\":\"hcsshim::CreateComputeSystem 620bdba93c11: The container operating system does not match the host operating system.\"}");
        ROUND.readsNot("windows.orchestrator-container-os-mismatch", "WARNING: Process error: docker: Error response from daemon: hcsshim::CreateComputeSystem 8f6687b168c4: The container operating system does not match the host operating system."); // a container run by tests or a build, no orchestrator
        ROUND.reads("windows.orchestrator-container-os-mismatch", "Warning  FailedCreatePodSandBox  37s  kubelet, w1  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod \"kube-flannel-ds-windows-amd64-9tffg\": Error response from daemon: hcsshim::CreateComputeSystem e20e69aa106e: The container operating system does not match the host operating system.");
        ROUND.readsNot("windows.orchestrator-container-os-mismatch", "Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox container for pod \"web\": Error response from daemon: container 0238 encountered an error during CreateContainer: failure in a Windows system call: The operating system of the container does not match the operating system of the host. (0xc0370101)"); // the older wording, k8s.windows-pod-sandbox-os-mismatch's
        ROUND.readsNot("windows.orchestrator-container-os-mismatch", "Warning  FailedCreatePodSandBox  37s  kubelet, w1  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox \"abc\": plugin type=\"flannel\" failed (add)"); // the node's network
        ROUND.readsNot("zip-deploy.unauthorized", "Get-SitePackage : Error (401) Unauthorized: The remote server returned an error: (401) Unauthorized."); // no deployment announced
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. The WAS
     * event, the health checks UI and the orchestrator shape's sources carry their words in a look at a host, which the
     * probe-detail rule reads (tested below), and no scenario's log.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("iis.was-worker-process-terminated", "healthchecks-ui.get-health-report-failed",
                        "windows.orchestrator-container-os-mismatch"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** The round's sources (and two older scenarios of the same assertion expiry) are now diagnosed so. */
    @Test
    void theSourcesNameTheirCause() throws IOException {
        List<String> wrong = new java.util.ArrayList<>();
        for (Map.Entry<String, String> c : Map.of(
                "p182-12-app-crash-on-boot-slot-swap-worker-process-could-not-be-started", "app.crash-on-boot",
                "p182-15-app-healthcheck-failing-slot-swap-warmup-requests-timed-out", "app.healthcheck-failing",
                "p182-16-app-healthcheck-failing-swap-application-initialization-took-too-long", "app.healthcheck-failing",
                "p182-29-auth-deploy-token-azure-login-aadsts700024-assertion-expired-late-step", "auth.deploy-token",
                "p84-15-auth-deploy-token-azure-login-oidc-aadsts700024-after-long-step", "auth.deploy-token",
                "p182-28-auth-deploy-token-migration-script-zip-deploy-401-basic-auth-off", "auth.deploy-token",
                "p182-36-ci-test-failure-pester-nanoserver-2009-on-windows-2022-runner", "ci.test-failure").entrySet()) {
            Assessment a = Fleet.scenario(c.getKey());
            if (!c.getValue().equals(Fleet.top(a))) {
                wrong.add(c.getKey() + ": " + a.causes());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A look at a host that quotes these words names the cause. */
    @Test
    void aLookAtTheHostNamesTheCause() throws IOException {
        for (String[] c : new String[][] {
                {"p182-09-config-invalid-service-fabric-aspnet-2004-image-hcsshim-os-mismatch", "config.invalid"},
                {"p182-14-app-crash-on-boot-iis-core31-upgrade-500-37-w3wp-0xc0000409", "app.crash-on-boot"},
                {"p182-17-app-healthcheck-failing-healthchecks-ui-localhost-cannot-assign-address", "app.healthcheck-failing"}}) {
            Assessment a = Fleet.scenario(c[0]);
            assertTrue(Fleet.weighs(a, c[1] + "/probe-detail-indication"), c[0] + ": " + a.causes());
            assertEquals(c[1], Fleet.top(a), c[0] + ": " + a.causes());
        }
    }
}
