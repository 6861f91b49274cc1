package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-second session's rule writer rules32d, each in its tool's own words: its round on p147-
 * (Windows and .NET hosting: the ASP.NET Core Module's pages for an app that did not start, "HTTP Error 500.30 - ANCM
 * In-Process Start Failure" and "HTTP Error 502.5 - Process Failure", read moderately, and its Application event log
 * entry "with physical root '...' failed to start process with commandline '...'"; the Azure Functions / WebJobs SDK
 * disabling a function whose connection setting is absent, "Storage account connection string 'X' does not exist. Make
 * sure that it is a defined App Setting.", "Microsoft Azure WebJobs SDK ServiceBus connection string 'X' is missing or
 * empty.", "Parameter name: hostAccount"; the Functions host finding no worker for FUNCTIONS_WORKER_RUNTIME, "WorkerConfig
 * for runtime: X not found"; Core Tools refusing a publish to an app of another worker runtime, 'The remote runtime
 * "dotnet" for function app "x" does not match your local runtime "dotnet-isolated"'; .NET's
 * System.OutOfMemoryException; NuGet's NU1301 "Failed to retrieve information about 'X' from remote source 'Y'"; App
 * Service's "Error 403 - This web app is stopped." page, read moderately as the plan's quota). Each is tested on its
 * source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or
 * its scenario shows and a line of another cause that shares its words); each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause,
 * named with its reason).
 */
class EightyFifthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules32d (p147-: IIS/ANCM, Azure App Service, Azure Functions, NuGet)
            Map.entry("ancm.start-failure-page", "app.crash-on-boot"),
            Map.entry("ancm.failed-to-start-process", "app.crash-on-boot"),
            Map.entry("appservice.web-app-stopped", "platform.quota"),
            Map.entry("dotnet.out-of-memory-exception", "app.oom"),
            Map.entry("functions.connection-setting-missing", "config.missing-secret"),
            Map.entry("functions.remote-runtime-mismatch", "config.invalid"),
            Map.entry("functions.workerconfig-not-found", "config.invalid"),
            Map.entry("nuget.failed-to-retrieve-from-source", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules32d (p147-)
        ROUND.reads("ancm.start-failure-page", "HTTP Error 500.30 - ANCM In-Process Start Failure");
        ROUND.readsNot("ancm.start-failure-page", "HTTP Error 500.0 - ANCM In-Process Handler Load Failure");
        ROUND.reads("ancm.start-failure-page", "Invoke-WebRequest : HTTP Error 502.5 - Process Failure");
        ROUND.reads("ancm.start-failure-page", "2026-11-20T10:14:03.5120000Z HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure");
        // the 500.31 page names the missing runtime: ancm.500-31-native-dependencies (config.invalid)
        ROUND.readsNot("ancm.start-failure-page", "HTTP Error 500.31 - ANCM Failed to Find Native Dependencies");
        ROUND.reads("ancm.failed-to-start-process", "Message : Application 'MACHINE/WEBROOT/APPHOST/cvc-portal' with physical root 'C:\\Inetpub\\vhosts\\cvc-legal.example\\portal\\' failed to start process with commandline 'dotnet .\\CVC.dll', ErrorCode = '0x80070002 : 0.");
        ROUND.readsNot("ancm.failed-to-start-process", "Message : Application '/LM/W3SVC/2/ROOT/ekyc' with physical root 'C:\\Application\\ekyc\\' started process '4812' successfully and process '4812' is listening on port '22421'.");
        ROUND.reads("ancm.failed-to-start-process", "Message : Application '/LM/W3SVC/2/ROOT/ekyc' with physical root 'C:\\Application\\ekyc\\' failed to start process with commandline 'C:\\Application\\ekyc\\ekyc.exe ' with multiple retries. Failed to bind to port '22421'.");
        // the in-process app that exits at start: ancm.exited-from-program-main (the same cause, its own indication)
        ROUND.readsNot("ancm.failed-to-start-process", "Application '/LM/W3SVC/10/ROOT' with physical root 'D:\\sites\\x\\' has exited from Program.Main with exit code = '1'. Please check the stderr logs for more information.");
        ROUND.reads("appservice.web-app-stopped", "Error 403 - This web app is stopped.");
        ROUND.readsNot("appservice.web-app-stopped", "Error 403 - Forbidden: The web app you have attempted to reach has blocked your access.");
        ROUND.reads("appservice.web-app-stopped", "<h1>Error 403 - This web app is stopped.</h1><p>The web app you have attempted to reach is currently stopped and does not accept any requests.</p>");
        // the usage state the resource reports says the quota itself: azure.usage-state-exceeded
        ROUND.readsNot("appservice.web-app-stopped", "\"usageState\": \"Exceeded\",");
        ROUND.reads("dotnet.out-of-memory-exception", "System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.");
        ROUND.readsNot("dotnet.out-of-memory-exception", "System.InvalidOperationException: Operation is not valid due to the current state of the object.");
        ROUND.reads("dotnet.out-of-memory-exception", "Crash Monitoring: Thread 8428 ExitCode E0434352 ExitCodeString CLR EXCEPTION Managed Exception = System.OutOfMemoryException: Exception of type 'System.OutOfMemoryException' was thrown.");
        // the JVM's error: jvm.oom (the same cause, another runtime)
        ROUND.readsNot("dotnet.out-of-memory-exception", "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
        ROUND.reads("functions.connection-setting-missing", "2026-11-14T07:53:41.212 [Error] Microsoft.Azure.WebJobs.Host: Error indexing method 'Functions.ProcessUpload'. Microsoft.Azure.WebJobs.Extensions.Storage: Storage account connection string 'AzureStorageContainerString' does not exist. Make sure that it is a defined App Setting.");
        ROUND.readsNot("functions.connection-setting-missing", "2026-11-14T07:53:41.230 [Warning] Function 'Functions.ProcessUpload' failed indexing and will be disabled.");
        ROUND.reads("functions.connection-setting-missing", "Microsoft.Azure.WebJobs.Host.Indexers.FunctionIndexingException: Error indexing method 'Functions.QueueTriggerOrders' ---> System.InvalidOperationException: Microsoft Azure WebJobs SDK ServiceBus connection string 'AzureWebJobsServiceBus' is missing or empty.");
        ROUND.reads("functions.connection-setting-missing", "Parameter name: hostAccount.");
        // an Event Hubs trigger's null receiver connection: dotnet.value-null-connection-parameter (the same cause)
        ROUND.readsNot("functions.connection-setting-missing", "Microsoft.Azure.WebJobs.EventHubs: Value cannot be null. Parameter name: receiverConnectionString.");
        ROUND.reads("functions.remote-runtime-mismatch", "The remote runtime \"dotnet\" for function app \"rmbs-func\" does not match your local runtime \"dotnet-isolated\".");
        ROUND.readsNot("functions.remote-runtime-mismatch", "Your Azure Function App has 'FUNCTIONS_WORKER_RUNTIME' set to 'dotnet-isolated' while your local project is set to 'dotnet-isolated'.");
        ROUND.reads("functions.remote-runtime-mismatch", "2026-11-02T08:12:44.1000000Z The remote runtime \"node\" for function app \"orders-fn\" does not match your local runtime \"python\".");
        ROUND.readsNot("functions.remote-runtime-mismatch", "Can't determine project language from files. Please use one of [--csharp, --javascript, --typescript, --java, --python, --powershell, --custom]");
        ROUND.reads("functions.workerconfig-not-found", "System.InvalidOperationException : WorkerConfig for runtime: dotnet-isolated not found");
        ROUND.readsNot("functions.workerconfig-not-found", "Languages present in WorkerConfig: dotnet-isolated, node, java, powershell, python");
        ROUND.reads("functions.workerconfig-not-found", "[2026-11-21T09:30:02.118Z] A host error has occurred during startup operation 'c2f0'. System.InvalidOperationException: WorkerConfig for runtime: python not found");
        // the runtime's own start on an app it cannot load: no setting named (read by no round indication)
        ROUND.readsNot("functions.workerconfig-not-found", "System.IO.FileNotFoundException: Could not load file or assembly 'Tallyfin.Pricing.Functions, Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified.");
        ROUND.reads("nuget.failed-to-retrieve-from-source", "/__w/1/s/artifacts/prep-bootstrap/buildBootstrapPreviouslySB.csproj : error NU1301: Failed to retrieve information about 'Microsoft.NETCore.App.Crossgen2.linux-arm64' from remote source 'https://pkgs.dev.azure.com/kestrelworks/internal/_packaging/dotnet8-internal/nuget/v2/FindPackagesById()?");
        ROUND.readsNot("nuget.failed-to-retrieve-from-source", "  Retrieving information about 'Microsoft.NETCore.App.Crossgen2.linux-arm64' from remote source 'https://pkgs.dev.azure.com/kestrelworks/internal/_packaging/dotnet8-internal/nuget/v3/index.json'.");
        ROUND.reads("nuget.failed-to-retrieve-from-source", "2026-10-02T11:20:31.0000000Z D:\\a\\1\\s\\src\\Api\\Api.csproj : error NU1301: Failed to retrieve information about 'Serilog' from remote source 'https://pkgs.dev.azure.com/contoso/_packaging/shared/nuget/v3/index.json'.");
        // the feed's index itself: the general shape's "Unable to load the service index" (build.dependency-fetch)
        ROUND.readsNot("nuget.failed-to-retrieve-from-source", "error NU1301: Unable to load the service index for source https://api.nuget.org/v3/index.json.");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // dotnet.out-of-memory-exception reads an answer's words (p147-32's body), which the walk
        // over the scenarios' log lines does not reach: its lines are pinned above
        ROUND.without(java.util.Set.of("dotnet.out-of-memory-exception")).staysInItsCauses(
                // p147-09: a 64-bit platform setting for an x86 app (config.invalid) leaves ANCM unable to start it
                // in-process: the 500.30 page is the start failure the setting causes, which says that, not why
                "p147-09 ancm.start-failure-page");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
