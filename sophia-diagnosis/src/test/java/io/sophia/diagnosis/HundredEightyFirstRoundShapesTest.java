package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the forty-sixth session's rule writer r46-p209, each in its tool's own words: its round on the tuning
 * set p209- (WebSockets, SSE and long-lived connections behind proxies and load balancers). SignalR not holding the
 * connection a request names ("No Connection with that ID", "If you have multiple servers check that sticky sessions are
 * enabled."); Action Cable's "Request origin not allowed"; nginx closing an idle upgraded connection at its read timeout;
 * the Mercure hub without its publisher JWT key; a Kubernetes secret whose every value is empty; nginx without a resolver
 * for a name in a variable; Redis still loading its dataset; Azure SignalR's "Connection count reaches limit."; a native
 * Node module with an invalid ELF header; npm unable to fetch a git dependency (git missing, or refused over SSH). And
 * two rules: a machine exiting on an uncaught "TypeError: ... is not a function"
 * (app.crash-on-boot/exit-names-uncaught-type-error), and a connection held open without traffic closed at exactly a
 * proxy's default idle timeout (config.invalid/connection-closed-at-proxy-idle-default). Sources: dotnet/aspnetcore
 * HttpConnectionDispatcher, kubernetes-sigs/aws-load-balancer-controller#2917, aspnet/SignalR#984; rails/rails
 * actioncable/lib/action_cable/connection/base.rb, octobox/octobox#1369; kubernetes/ingress-nginx#2917,
 * nginx/kubernetes-ingress#715; dunglas/mercure hub/config.go and caddy/mercure.go, dunglas/mercure#450;
 * api-platform/api-platform#1325; nginx src/http/ngx_http_upstream.c, lando/laravel#61; redis server.c, rails/rails#27659,
 * rq/rq#1996; Azure/azure-signalr#614 and #241, the Azure SignalR troubleshooting guide
 * (https://learn.microsoft.com/azure/azure-signalr/signalr-howto-troubleshoot-guide), Azure/azure-signalr#1531;
 * mmdevries/eiows#21; tardis-dev/tardis-machine#2, uNetworking/uWebSockets.js#369 and #1041;
 * Ayushh-Sharmaa/NexaSphere#1359; aws-samples/comfyui-on-eks#37. Each indication is tested on its source's words and a
 * near miss (the first pair of each is indication-cases.tsv's row); each reads no line of the shared corpus and, on the
 * labelled scenarios, only lines of its own cause.
 */
class HundredEightyFirstRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("signalr.connection-id-not-on-server", "config.invalid"),
            Map.entry("actioncable.request-origin-not-allowed", "config.invalid"),
            Map.entry("nginx.upgraded-connection-read-timed-out", "config.invalid"),
            Map.entry("mercure.publisher-jwt-key-missing", "config.missing-secret"),
            Map.entry("k8s.secret-data-all-empty", "config.missing-secret"),
            Map.entry("nginx.no-resolver-defined", "network.dns"),
            Map.entry("redis.loading-dataset", "dependency.down"),
            Map.entry("azure-signalr.count-reaches-limit", "platform.quota"),
            Map.entry("native-module.invalid-elf-header", "app.crash-on-boot"),
            Map.entry("npm.git-dependency-fetch-failed", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("signalr.connection-id-not-on-server", "[2026-12-18T10:58:43.377Z] Error: Failed to start the transport 'WebSockets': Error: WebSocket failed to connect. The connection could not be found on the server, either the endpoint may not be a SignalR endpoint, the connection ID is not present on the server, or there is a proxy blocking WebSockets. If you have multiple servers check that sticky sessions are enabled.");
        ROUND.readsNot("signalr.connection-id-not-on-server", "[2026-12-18T10:58:43.378Z] Error: Failed to start the connection: Error: Unable to connect to the server with any of the available transports. WebSockets failed: Error: WebSocket failed to connect.");
        ROUND.reads("signalr.connection-id-not-on-server", "No Connection with that ID");
        ROUND.readsNot("signalr.connection-id-not-on-server", "WebSocket connection to 'wss://mywebsite.com/notification?id=d0fc384a-14f0-4436-aaaf-e5d50502399f' failed: Error during WebSocket handshake: Unexpected response code: 404");
        ROUND.reads("actioncable.request-origin-not-allowed", "E, [2026-12-18T10:17:24.361083 #35] ERROR -- : [2259cd52-43e2-4f6b-9887-db835c5e136b] Request origin not allowed: http://localhost");
        ROUND.readsNot("actioncable.request-origin-not-allowed", "E, [2026-12-18T10:17:24.361150 #35] ERROR -- : [2259cd52-43e2-4f6b-9887-db835c5e136b] Failed to upgrade to WebSocket (REQUEST_METHOD: GET, HTTP_CONNECTION: Upgrade, HTTP_UPGRADE: websocket)");
        ROUND.reads("nginx.upgraded-connection-read-timed-out", "2026/12/18 11:24:51 [error] 31#31: *88211 upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 10.1.4.1, server: board.fellgate.example, request: \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\"");
        ROUND.readsNot("nginx.upgraded-connection-read-timed-out", "00:15:35 recv() failed (104: Connection reset by peer) while proxying upgraded connection");
        ROUND.readsNot("nginx.upgraded-connection-read-timed-out", "2026/12/18 11:24:51 [error] 31#31: *88 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.4.1");
        ROUND.reads("mercure.publisher-jwt-key-missing", "invalid config: one of \"jwt_key\" or \"publisher_jwt_key\" configuration parameter must be defined");
        ROUND.readsNot("mercure.publisher-jwt-key-missing", "invalid config: if the \"cert_file\" configuration parameter is defined, \"key_file\" must be defined too");
        ROUND.reads("mercure.publisher-jwt-key-missing", "Error: loading initial config: loading new config: loading http app module: provision http: server srv0: setting up route handlers: route 0: loading handler modules: position 0: loading module 'subroute': provision http.handlers.subroute: setting up subroutes: route 1: loading handler modules: position 0: loading module 'mercure': provision http.handlers.mercure: a JWT key for publishers must be provided");
        ROUND.readsNot("mercure.publisher-jwt-key-missing", "The 'revisedModelPath' configuration parameter must be defined.");
        ROUND.reads("k8s.secret-data-all-empty", "{\"mercure-jwt-key\":\"\",\"mercure-publisher-jwt-key\":\"\"}");
        ROUND.readsNot("k8s.secret-data-all-empty", "{\"mercure-jwt-key\":\"IUNoYW5nZVRoaXNNZXJjdXJlSHViSldUU2VjcmV0S2V5IQ==\",\"mercure-publisher-jwt-key\":\"\"}");
        ROUND.readsNot("k8s.secret-data-all-empty", "{\"mode\":\"\",\"region\":\"\"}");
        ROUND.reads("nginx.no-resolver-defined", "appserver_nginx_1 | 2026/12/18 15:43:12 [error] 29#29: *41 no resolver defined to resolve host.docker.internal, client: 172.20.0.4, server: localhost, request: \"GET /app/local-key?protocol=7 HTTP/1.1\"");
        ROUND.readsNot("nginx.no-resolver-defined", "nginx: [emerg] host not found in upstream \"reverb:8080\" in /etc/nginx/conf.d/default.conf:12");
        ROUND.reads("nginx.no-resolver-defined", "failed to connect: no resolver defined to resolve \"agentzh.org\"");
        ROUND.reads("redis.loading-dataset", "(error) LOADING Redis is loading the dataset in memory");
        ROUND.readsNot("redis.loading-dataset", "1:M 18 Dec 2026 14:05:11.402 * DB loaded from disk: 0.005 seconds");
        ROUND.reads("redis.loading-dataset", "00:56:47 Could not connect to Redis instance: Redis is loading the dataset in memory Retrying in 4 seconds...");
        ROUND.reads("azure-signalr.count-reaches-limit", "Microsoft.Azure.SignalR.Common.AzureSignalRRuntimeException: Connection count reaches limit.");
        ROUND.readsNot("azure-signalr.count-reaches-limit", "ConnectionCount 41 / 38 / 44 (limit 1000); ServerLoad 3% / 2% / 3%");
        ROUND.reads("azure-signalr.count-reaches-limit", "warn: Microsoft.Azure.SignalR.ServiceConnection[2] Failed to connect to '(Primary)https://ridgelow-ops.service.signalr.net', will retry after the back off period. Error detail: Response status code does not indicate success: 429 (Too Many Requests). Connection count reaches limit.. Id: 6c1f2e0a-8b7d-4e5c-9a3b-2f1e0d9c8b7a");
        ROUND.reads("native-module.invalid-elf-header", "Error: Error: /app/node_modules/eiows/dist/eiows_v22.2.0.node: invalid ELF header");
        ROUND.readsNot("native-module.invalid-elf-header", "Compilation of µWebSockets has failed.Please install a supported C++17 compiler, git and/or update node and reinstall the module 'eiows'.");
        ROUND.reads("npm.git-dependency-fetch-failed", "#8 3.914 npm ERR! enoent spawn git ENOENT");
        ROUND.readsNot("npm.git-dependency-fetch-failed", "npm ERR! enoent ENOENT: no such file or directory, open '/app/package.json'");
        ROUND.reads("npm.git-dependency-fetch-failed", "npm ERR! git@github.com: Permission denied (publickey).");
        ROUND.readsNot("npm.git-dependency-fetch-failed", "dokku@deploy.example.com: Permission denied (publickey).");
        ROUND.reads("npm.git-dependency-fetch-failed", "npm ERR! command git --no-replace-objects ls-remote ssh://git@github.com/uNetworking/uWebSockets.js.git");
        // an older indication, whose status wording now includes interruptions (Azure Service Health, Azure/azure-signalr#1531)
        ROUND.reads("provider.status-customers-may-experience", "platform.outage", "Active: Azure SignalR Service - East US - Starting at 10:00 UTC customers using standard tier instances may experience connection interruptions and be unable to connect to the service. Engineers are investigating.");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these eight read no labelled scenario's log: p209-03, -07, -16, -19, -20, -21, -24, -26 and -27, their sources,
        // carry the lines in a look at the host (api:) or a machine's exit, which the probe-detail and exit rules read
        ROUND.without(java.util.Set.of("actioncable.request-origin-not-allowed", "azure-signalr.count-reaches-limit",
                "k8s.secret-data-all-empty", "mercure.publisher-jwt-key-missing", "native-module.invalid-elf-header",
                "nginx.no-resolver-defined", "nginx.upgraded-connection-read-timed-out", "redis.loading-dataset"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** The misses of p209- that the round's indications and rules now lead with their labels. */
    @Test
    void theSetsMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p209-03-config-invalid-actioncable-request-origin-not-allowed-behind-nginx", "config.invalid"),
                Map.entry("p209-04-config-invalid-signalr-farm-no-sticky-handshake-404-every-other-refresh", "config.invalid"),
                Map.entry("p209-05-config-invalid-signalr-alb-stickiness-cookie-60s-websocket-not-found", "config.invalid"),
                Map.entry("p209-07-config-invalid-ingress-nginx-proxy-read-timeout-60s-websocket-idle-close", "config.invalid"),
                Map.entry("p209-08-config-invalid-alb-idle-timeout-60s-progress-websocket-reconnects", "config.invalid"),
                Map.entry("p209-15-app-crash-on-boot-socketio-redis-adapter-pubclient-connect-not-function", "app.crash-on-boot"),
                Map.entry("p209-16-app-crash-on-boot-eiows-invalid-elf-header-native-binary-copied", "app.crash-on-boot"),
                Map.entry("p209-19-dependency-down-actioncable-redis-restart-subscriptions-never-recover", "dependency.down"),
                Map.entry("p209-20-config-missing-secret-mercure-hub-jwt-key-not-defined-exits", "config.missing-secret"),
                Map.entry("p209-21-config-missing-secret-api-platform-mercure-jwt-key-unset-publish-401", "config.missing-secret"),
                Map.entry("p209-24-network-dns-nginx-websocket-upstream-internal-host-no-resolver", "network.dns"),
                Map.entry("p209-26-platform-quota-azure-signalr-free-tier-20-server-connections-429", "platform.quota"),
                Map.entry("p209-27-platform-quota-azure-signalr-429-after-scale-up-old-tier-cached", "platform.quota"),
                Map.entry("p209-28-platform-outage-azure-signalr-east-us-standard-connections-interrupted", "platform.outage"),
                Map.entry("p209-32-build-dependency-fetch-npm-uwebsockets-github-dep-no-git-in-slim-image", "build.dependency-fetch"),
                Map.entry("p209-33-build-dependency-fetch-npm-uwebsockets-git-ls-remote-ssh-publickey", "build.dependency-fetch")));
    }
}
