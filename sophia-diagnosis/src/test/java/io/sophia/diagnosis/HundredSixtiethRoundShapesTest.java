package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-third session's rule writer r43-h146, each in its tool's own words: its round on h146-
 * (.NET services). The configuration binder refusing a value of the wrong type; an ASP.NET token signing key built from
 * a setting that is not there (Encoding.GetBytes(null) in the set-up); a connection string whose host keyword holds
 * another keyword ("Server=Host=..."); dependency injection finding no public constructor for a registered type; .NET's
 * resolver failing inside System.Net.Dns (one line, and a log's exception line with its first frame); App Service's
 * deployment endpoint answering a zip deployment with 503; the daemon's two-part pull error whose "unauthorized" is the
 * fallback after "manifest unknown". Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes and a line of another cause that shares its words); each
 * new log indication reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 * The widened cloud.quota-exceeded (App Service's "has quota of 0 PremiumV3 cores") is pinned here too.
 */
class HundredSixtiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("azure.zipdeploy-server-unavailable", "platform.outage"),
            Map.entry("connection-string.keyword-in-host", "config.invalid"),
            Map.entry("dotnet.config-binder-convert-failed", "config.invalid"),
            Map.entry("dotnet.di-no-suitable-constructor", "app.crash-on-boot"),
            Map.entry("dotnet.dns-lookup-failed", "network.dns"),
            Map.entry("dotnet.dns-lookup-failed-stack", "network.dns"),
            Map.entry("dotnet.signing-key-setting-null", "config.missing-secret"),
            Map.entry("image.manifest-unknown-then-unauthorized", "image.not-found"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("azure.zipdeploy-server-unavailable", "/usr/share/dotnet/sdk/8.0.404/Sdks/Microsoft.NET.Sdk.Publish/targets/PublishTargets/Microsoft.NET.Sdk.Publish.ZipDeploy.targets(11,5): error : The attempt to publish the ZIP file through https://orders-api-dev.scm.azurewebsites.net/api/zipdeploy failed with HTTP status code ServiceUnavailable.");
        ROUND.readsNot("azure.zipdeploy-server-unavailable", "error : The attempt to publish the ZIP file through https://orders-api-dev.scm.azurewebsites.net/api/zipdeploy failed with HTTP status code Conflict.");
        ROUND.reads("azure.zipdeploy-server-unavailable", "C:\\Program Files\\dotnet\\sdk\\6.0.100\\Sdks\\Microsoft.NET.Sdk.Publish\\targets\\PublishTargets\\Microsoft.NET.Sdk.Publish.ZipDeploy.targets(11,5): error : The attempt to publish the ZIP file through https://fn-ingest.scm.azurewebsites.net/api/zipdeploy failed with HTTP status code GatewayTimeout.");
        ROUND.readsNot("azure.zipdeploy-server-unavailable", "Starting zip deployment. This operation can take a while to complete ...\nDeployment endpoint responded with status code 503"); // not the SDK's words
        ROUND.reads("connection-string.keyword-in-host", "Support_ConnectionStrings__PostgreSQL: Server=Host=support-db;Port=5432;Database=support;Username=postgres;Password=***");
        ROUND.readsNot("connection-string.keyword-in-host", "Support_ConnectionStrings__PostgreSQL: Server=support-db;Port=5432;Database=support;Username=postgres;Password=***");
        ROUND.reads("connection-string.keyword-in-host", "ConnectionStrings__Sql=\"Data Source=Server=sql01;Initial Catalog=shop;User Id=app;Password=***\"");
        ROUND.readsNot("connection-string.keyword-in-host", "Unhandled exception. System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name or service not known"); // dns.no-such-host
        ROUND.reads("dotnet.config-binder-convert-failed", "Unhandled exception. System.InvalidOperationException: Failed to convert configuration value at 'DailyTaskConfig:DayOfExchangeSilver2Coin' to type 'System.Int32'. ---> System.ArgumentException: -1-1 is not a valid value for Int32. (Parameter 'value')");
        ROUND.readsNot("dotnet.config-binder-convert-failed", "at Microsoft.Extensions.Configuration.ConfigurationBinder.TryConvertValue(Type type, String value, String path, Object& result, Exception& error)");
        ROUND.reads("dotnet.config-binder-convert-failed", "System.InvalidOperationException: Failed to convert configuration value at 'Kestrel:Limits:MaxRequestBodySize' to type 'System.Nullable`1[System.Int64]'.");
        ROUND.readsNot("dotnet.config-binder-convert-failed", "Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for members: 'ClientId' with the error: 'The ClientId field is required.'"); // dotnet.options-required-missing
        ROUND.reads("dotnet.di-no-suitable-constructor", "System.InvalidOperationException: A suitable constructor for type 'Microsoft.KernelMemory.Evaluation.TestSetGenerator' could not be located. Ensure the type is concrete and services are registered for all parameters of a public constructor.");
        ROUND.readsNot("dotnet.di-no-suitable-constructor", "System.InvalidOperationException: Unable to resolve service for type 'McMaster.Extensions.CommandLineUtils.CommandLineApplication`1[Program]' while attempting to activate 'MyService'.");
        ROUND.reads("dotnet.di-no-suitable-constructor", "A suitable constructor for type 'Jering.Javascript.NodeJS.HttpClientService' could not be located. Ensure the type is concrete and all parameters of a public constructor are either registered as services or passed as arguments.");
        ROUND.readsNot("dotnet.di-no-suitable-constructor", "System.MissingMethodException: Default constructor not found for type Prism.Navigation.ErrorReportingNavigationService");
        ROUND.reads("dotnet.dns-lookup-failed", "[Fatal] ConsoleApp: EPIC FAIL! System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable at System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily, Nullable`1 startingTimestamp) at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)");
        ROUND.readsNot("dotnet.dns-lookup-failed", "Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.41.7:5432 ---> System.Net.Sockets.SocketException (111): Connection refused at Npgsql.Internal.NpgsqlConnector.Connect(NpgsqlTimeout timeout)");
        ROUND.reads("dotnet.dns-lookup-failed", "---> System.Net.Internals.SocketExceptionFactory+ExtendedSocketException (00000001, 11): Resource temporarily unavailable at System.Net.Dns.InternalGetHostByName(String hostName) at System.Net.Dns.ResolveCallback(Object context)");
        ROUND.readsNot("dotnet.dns-lookup-failed", "System.Net.Sockets.SocketException (11): Resource temporarily unavailable at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)");
        ROUND.reads("dotnet.dns-lookup-failed-stack", "System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable\n   at System.Net.Dns.GetHostEntryOrAddressesCore(String hostName, Boolean justAddresses, AddressFamily addressFamily, Int64 startingTimestamp)");
        ROUND.readsNot("dotnet.dns-lookup-failed-stack", "System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable\n   at System.Net.Sockets.Socket.Receive(Byte[] buffer)");
        ROUND.reads("dotnet.dns-lookup-failed-stack", "2026-12-06T15:40:02Z System.Net.Internals.SocketExceptionFactory+ExtendedSocketException: Unknown error -1\n2026-12-06T15:40:02Z    at System.Net.Dns.HostResolutionEndHelper(IAsyncResult asyncResult)");
        ROUND.readsNot("dotnet.dns-lookup-failed-stack", "System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)"); // a refused connect
        ROUND.reads("dotnet.signing-key-setting-null", "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 's') at System.Text.Encoding.GetBytes(String s) at BackendFramework.Startup.ConfigureServices(IServiceCollection services) in /app/Backend/Startup.cs:line 112");
        ROUND.readsNot("dotnet.signing-key-setting-null", "System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')"); // dotnet.connection-string-missing
        ROUND.reads("dotnet.signing-key-setting-null", "System.ArgumentNullException: Value cannot be null. (Parameter 's') at System.ArgumentNullException.Throw(String paramName) at System.Text.Encoding.GetBytes(String s) at Program.<>c__DisplayClass0_0.<<Main>$>b__2(JwtBearerOptions options) in Program.cs:line 32");
        ROUND.readsNot("dotnet.signing-key-setting-null", "System.ArgumentNullException: Value cannot be null. (Parameter 's') at System.Text.Encoding.GetBytes(String s) at Shop.Payments.WebhookVerifier.Verify(String payload)");
        ROUND.reads("image.manifest-unknown-then-unauthorized", "Warning Failed  kubelet  Failed to pull image \"fourthcoffeeacr.azurecr.io/catalog:123\": [rpc error: code = Unknown desc = Error response from daemon: manifest for fourthcoffeeacr.azurecr.io/catalog:123 not found: manifest unknown: manifest unknown, rpc error: code = Unknown desc = Error response from daemon: Get https://fourthcoffeeacr.azurecr.io/v2/catalog/manifests/123: unauthorized: authentication required]");
        ROUND.readsNot("image.manifest-unknown-then-unauthorized", "Error response from daemon: Get \"https://registry.digitalocean.com/v2/\": unauthorized: authentication required"); // registry.unauthorized
        ROUND.reads("image.manifest-unknown-then-unauthorized", "Failed to pull image \"gcr.io/kubeflow-examples/mnist/model:v20190304-v0.2-176-g15d997b\": [rpc error: code = Unknown desc = Error response from daemon: manifest for gcr.io/kubeflow-examples/mnist/model:v20190304-v0.2-176-g15d997b not found: manifest unknown: Failed to fetch \"v20190304-v0.2-176-g15d997b\" from request \"/v2/kubeflow-examples/mnist/model/manifests/v20190304-v0.2-176-g15d997b\"., rpc error: code = Unknown desc = Error response from daemon: unauthorized: authentication required]");
        ROUND.readsNot("image.manifest-unknown-then-unauthorized", "Error response from daemon: manifest for fourthcoffeeacr.azurecr.io/catalog:123 not found: manifest unknown: manifest unknown"); // image.manifest-unknown alone
        // widened: App Service's core quota of a SKU
        ROUND.reads("cloud.quota-exceeded", "platform.quota", "performing CreateOrUpdate: unexpected status 401 (401 Unauthorized) with response: {\"Code\":\"Unauthorized\",\"Message\":\"This region has quota of 0 PremiumV3 cores for your subscription. Try selecting different region or SKU.\"}");
        ROUND.readsNot("cloud.quota-exceeded", "performing CreateOrUpdate: unexpected status 401 (401 Unauthorized) with response: {\"Code\":\"Unauthorized\",\"Message\":\"The client does not have authorization to perform action.\"}");
    }

    /**
     * No corpus line is read by the round; on the labelled scenarios, only lines of the indications' own causes. Only
     * azure.zipdeploy-server-unavailable reads a scenario's log (h146-23): the others' sources carry their lines as a
     * look at the host or the cluster (api:) or a machine's exit event, which the probe-detail and exit-detail rules
     * read, and dotnet.dns-lookup-failed-stack reads a log's two-line form no scenario has yet.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("connection-string.keyword-in-host", "dotnet.config-binder-convert-failed",
                "dotnet.di-no-suitable-constructor", "dotnet.dns-lookup-failed", "dotnet.dns-lookup-failed-stack",
                "dotnet.signing-key-setting-null", "image.manifest-unknown-then-unauthorized")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
