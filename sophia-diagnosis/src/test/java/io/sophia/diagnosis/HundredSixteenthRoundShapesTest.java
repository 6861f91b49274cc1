package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-eighth session's rule writer rules38-p171, each in its tool's own words: its round on
 * p171- (Windows and .NET pipelines and services). NuGet's restore task ending on a cancelled feed request
 * ("NuGet.targets(114,5): error : A task was canceled."); Arcade's toolset bootstrap failing to download the SDK or its
 * install script ("(NETCORE_ENGINEERING_TELEMETRY=InitializeToolset) HTTP Error 500.30 ..."); global.json pinning an SDK
 * the machine lacks, in the dotnet host's three wordings; ANCM's 500.31 page in its newer title ("Failed to load ASP.NET
 * Core runtime"); the daemon finding no network route to a registry's /v2/ root; a Windows base image for a newer
 * Windows than the build host ("a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host" after
 * the FROM step). Each is tested on its source's words and a near miss (the first pair of each is indication-cases.tsv's
 * row, then a line its comment quotes and a line of another cause that shares its words); each new log indication reads
 * no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredSixteenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules38-p171 (p171-: Windows and .NET pipelines and services)
            Map.entry("ancm.500-31-failed-to-load-runtime", "config.invalid"),
            Map.entry("arcade.initialize-toolset-download-failed", "build.dependency-fetch"),
            Map.entry("dockerfile.from-windows-version-incompatible", "build.dockerfile"),
            Map.entry("dotnet.global-json-sdk-not-found", "config.invalid"),
            Map.entry("nuget.restore-task-canceled", "build.dependency-fetch"),
            Map.entry("registry.v2-network-unreachable", "registry.unavailable"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules38-p171 (p171-)
        ROUND.reads("ancm.500-31-failed-to-load-runtime", "<title> HTTP Error 500.31 - Failed to load ASP.NET Core runtime </title>");
        ROUND.readsNot("ancm.500-31-failed-to-load-runtime", "HTTP Error 500.30 - ASP.NET Core app failed to start"); // the app's own start (app.crash-on-boot)
        ROUND.reads("ancm.500-31-failed-to-load-runtime", "HTTP Error 500.31 - Failed to load ASP.NET Core runtime\nCommon solutions to this issue:\nThe specified version of Microsoft.NetCore.App or Microsoft.AspNetCore.App was not found.");
        ROUND.readsNot("ancm.500-31-failed-to-load-runtime", "HTTP Error 502.5 - ANCM Out-Of-Process Startup Failure"); // ancm.start-failure-page
        ROUND.reads("arcade.initialize-toolset-download-failed", "##[error](NETCORE_ENGINEERING_TELEMETRY=InitializeToolset) dotnet-install.sh failed (exit code '1').");
        ROUND.readsNot("arcade.initialize-toolset-download-failed", "##[error](NETCORE_ENGINEERING_TELEMETRY=InitializeToolset) restore-toolset.ps1: dotnet executable not found at 'D:\\a\\_work\\1\\s\\.dotnet\\dotnet.exe'.");
        ROUND.reads("arcade.initialize-toolset-download-failed", "##[error](NETCORE_ENGINEERING_TELEMETRY=InitializeToolset) Unable to download vscollect.");
        ROUND.readsNot("arcade.initialize-toolset-download-failed", "##[error]Process completed with exit code 1."); // github.process-exit
        ROUND.reads("dockerfile.from-windows-version-incompatible", "Step 1/7 : FROM mcr.microsoft.com/windows/servercore:1903\n1903: Pulling from windows/servercore\na Windows version 10.0.18362-based image is incompatible with a 10.0.17763 host");
        ROUND.readsNot("dockerfile.from-windows-version-incompatible", "Step 1/7 : FROM mcr.microsoft.com/windows/servercore:20H2\nno matching manifest for windows/amd64 10.0.17763 in the manifest list entries"); // dockerfile.from-no-platform-variant
        ROUND.reads("dockerfile.from-windows-version-incompatible", "Step 2/9 : FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build\na Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host");
        ROUND.readsNot("dockerfile.from-windows-version-incompatible", "a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host"); // a pull without a FROM step
        ROUND.reads("dotnet.global-json-sdk-not-found", "A compatible installed .NET Core SDK for global.json version [5.0.100-alpha1-014696] from [C:\\src\\aspnetcore\\global.json] was not found");
        ROUND.readsNot("dotnet.global-json-sdk-not-found", "error NETSDK1045: The current .NET SDK does not support targeting .NET 8.0.  Either target .NET 7.0 or lower, or use a version of the .NET SDK that supports .NET 8.0.");
        ROUND.reads("dotnet.global-json-sdk-not-found", "      A compatible .NET SDK was not found.");
        ROUND.readsNot("dotnet.global-json-sdk-not-found", "      No .NET SDKs were found.");
        ROUND.reads("nuget.restore-task-canceled", "1>C:\\Program Files\\dotnet\\sdk\\9.0.102\\NuGet.targets(170,5): error : A task was canceled. [c:\\src\\SC\\SC.Web.sln]");
        ROUND.readsNot("nuget.restore-task-canceled", "C:\\Program Files (x86)\\Microsoft Visual Studio\\2017\\Enterprise\\Common7\\IDE\\CommonExtensions\\Microsoft\\NuGet\\NuGet.targets(97,5): warning MSB4220: Waiting for the currently executing task \"RestoreTask\" to cancel.");
        ROUND.reads("nuget.restore-task-canceled", "[12:44:28]\t[restore] C:\\Program Files\\dotnet\\sdk\\2.2.102\\NuGet.targets(114,5): error : A task was canceled.");
        ROUND.readsNot("nuget.restore-task-canceled", "##[error]System.Threading.Tasks.TaskCanceledException: A task was canceled."); // the runner's own cancellation
        ROUND.reads("registry.v2-network-unreachable", "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": dial tcp 192.0.2.7:443: connect: no route to host");
        ROUND.readsNot("registry.v2-network-unreachable", "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or password"); // registry.auth
        ROUND.reads("registry.v2-network-unreachable", "Error response from daemon: Get https://mcr.microsoft.com/v2/: dial tcp 255.255.255.255:443: connect: network is unreachable");
        ROUND.readsNot("registry.v2-network-unreachable", "Get \"https://proxy.golang.org/github.com/pkg/errors/@v/list\": dial tcp 192.0.2.7:443: connect: network is unreachable"); // a module proxy (build.dependency-fetch)
    }

    /**
     * The round's widened indication, dotnet.connection-string-missing: Entity Framework 6's DbContext given an empty
     * connection string (valdisiljuconoks/LocalizationProvider#152), and not EF6's other argument checks.
     */
    @Test
    void entityFramework6EmptyConnectionStringIsAMissingSetting() throws IOException {
        ROUND.reads("dotnet.connection-string-missing", "config.missing-secret", "[ArgumentException: The argument 'nameOrConnectionString' cannot be null, empty or contain only white space.]");
        ROUND.reads("dotnet.connection-string-missing", "config.missing-secret", "System.ArgumentException: The argument nameOrConnectionString cannot be null, empty or contain only white space.");
        ROUND.readsNot("dotnet.connection-string-missing", "System.ArgumentException: The argument 'entitySetName' cannot be null, empty or contain only white space.");
        ROUND.readsNot("dotnet.connection-string-missing", "System.Data.Entity.Core.EntityException: The underlying provider failed on Open."); // the database, not the setting
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // ancm.500-31-failed-to-load-runtime reads no labelled scenario's log: p171-10 and p171-18, its sources, show the
        // page as a service's answer, which the answer rule reads
        ROUND.without(java.util.Set.of("ancm.500-31-failed-to-load-runtime")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
