package io.sophia.probes;

import io.sophia.core.Source;
import io.sophia.core.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Probe;
import io.sophia.core.ProbeContext;
import io.sophia.core.Service;
import io.sophia.probes.internal.Deadline;
import io.sophia.probes.internal.HttpStack;
import io.sophia.probes.internal.McpWire;
import io.sophia.probes.internal.TcpTarget;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Talks to an MCP server over the Streamable HTTP transport the way a dual-era client does, and
 * reports an {@link Observation.McpHandshake} (agreed protocol version, era, server name and
 * version, capability names, number of tools, latency) or a precise {@link Observation.ProbeFailure}.
 *
 * <p>It first tries the modern era (protocol {@value #MODERN_VERSION}): {@code server/discover}
 * with the version in {@code _meta} and the {@code MCP-Protocol-Version} and {@code Mcp-Method}
 * headers, then {@code tools/list}. A recognised modern error ({@code -32020} header mismatch,
 * {@code -32021} missing capability, {@code -32022} unsupported version) means a modern server and
 * no fallback. Any other answer to the modern request — typically today's servers' HTTP 400 with
 * {@code {"code":-32000,"message":"Bad Request: Server not initialized"}} — means a legacy server,
 * and the probe falls back to the handshake era: {@code initialize} offering {@value #LATEST_LEGACY}
 * and accepting 2024-11-05, 2025-03-26, 2025-06-18 or 2025-11-25, {@code notifications/initialized},
 * {@code ping}, {@code tools/list} (following {@code nextCursor}), all carrying the
 * {@code Mcp-Session-Id} and {@code MCP-Protocol-Version} headers after initialization. Answers may
 * be JSON or an SSE stream.
 *
 * <p>Failures: {@code NOT_MCP} (an HTML page, a 404 or 405 without a JSON-RPC body), {@code JSONRPC_ERROR},
 * {@code VERSION_NOT_SUPPORTED}, {@code SESSION_LOST} (404 to a request that carries a session id),
 * {@code UNAUTHORIZED}, {@code FORBIDDEN}, {@code RATE_LIMITED}, {@code SERVER_ERROR},
 * {@code BAD_PAYLOAD}, and the connection failures ({@code CONNECTION_REFUSED}, {@code CONNECT_TIMEOUT},
 * {@code READ_TIMEOUT}, {@code CONNECTION_RESET}, {@code DNS_FAILURE}, {@code TLS_FAILURE}). The
 * whole exchange shares the timeout given to {@link #of(Service, Duration)} (or the run's earlier
 * deadline); a cancelled run ({@link ProbeContext#cancel()}) ends the call in flight with
 * {@code DEADLINE_EXCEEDED}. Requests go through the library's HTTP stack (OkHttp) on the probe's own
 * thread; an event stream is read (okhttp-sse) only until the awaited response, at most 4 MiB.
 *
 * <p>A probe instance remembers the era a server answered in, as the spec asks of clients, and
 * goes straight to {@code initialize} on its next run against a legacy server; after a failure it
 * tries the modern era first again.
 */
public final class McpProbe implements Probe {

    /** The stateless protocol revision, tried first. */
    public static final String MODERN_VERSION = "2026-07-28";
    /** The newest handshake-era revision, offered in {@code initialize}. */
    public static final String LATEST_LEGACY = "2025-11-25";
    /** Handshake-era revisions the probe accepts. */
    public static final Set<String> LEGACY_VERSIONS = Set.of("2024-11-05", "2025-03-26", "2025-06-18", LATEST_LEGACY);
    /** Era names used in {@link Observation.McpHandshake#era()}. */
    public static final String ERA_MODERN = "modern";
    /** The {@code initialize} handshake of protocol versions 2024-11-05 to 2025-11-25. */
    public static final String ERA_LEGACY = "legacy";

    private static final String CLIENT_NAME = "sophia";
    private static final String CLIENT_VERSION = "0.1.0";
    private static final Set<Integer> MODERN_ERRORS = Set.of(-32020, -32021, -32022);
    private static final int MAX_PAGES = 100;

    private final Service service;
    private final Duration timeout;
    /** Made on the first run: the stack's client with a connection pool of this probe's own. */
    private OkHttpClient client;
    private long nextId = 1;
    /** The era this server answered in last time; the spec asks clients to cache it per origin. */
    private String knownEra;

    private McpProbe(Service service, Duration timeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * {@return a probe of the MCP endpoint at {@code service.url()}, giving up after {@code timeout}}
     *
     * @param service the service to probe
     * @param timeout the deadline of the whole exchange
     */
    public static McpProbe of(Service service, Duration timeout) {
        return new McpProbe(service, timeout);
    }

    @Override
    public Source source() {
        return Source.MCP;
    }

    @Override
    public String serviceId() {
        return service.id();
    }

    @Override
    public String target() {
        return TcpTarget.safe(service.url());
    }

    /** Failure raised inside the exchange; caught in {@link #run(ProbeContext)}. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final FailureKind kind;
        final Integer status;

        Stop(FailureKind kind, String detail, Integer status) {
            super(detail, null, false, false);
            this.kind = kind;
            this.status = status;
        }
    }

    /** Signals that the server is not a modern one: continue with {@code initialize}. */
    private static final class Legacy extends Exception {
        private static final long serialVersionUID = 1L;

        Legacy(String why) {
            super(why, null, false, false);
        }
    }

    @Override
    public synchronized List<Observation> run(ProbeContext context) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.of(context, timeout);
        nextId = 1;
        URI url = service.url();
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        HttpUrl httpUrl = url == null ? null : HttpUrl.parse(url.toString());
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null || httpUrl == null) {
            return List.of(failure(FailureKind.MISCONFIGURED, "an MCP url must be http(s)://host/…", null, start));
        }
        if (client == null) {
            // the shared stack follows no redirect (a 3xx is reported) and has no timeouts (each call gets the
            // deadline's); a pool of its own, because OkHttp scans a pool's every connection under one lock and a
            // fleet holds thousands at once; its idle connection serves the next request of the exchange only. A request
            // that fails on that reused connection is sent again on a new one: a server that closes after each answer
            // without saying so (HTTP/1.0, Python's http.server) is not DOWN; a new connection's reset is not retried
            client = HttpStack.shared().newBuilder().connectionPool(new ConnectionPool(1, 5, TimeUnit.SECONDS))
                    .retryOnConnectionFailure(true).build();
        }
        McpWire wire = new McpWire(client, httpUrl, deadline);
        try {
            Observation seen;
            if (ERA_LEGACY.equals(knownEra)) {
                seen = legacy(wire, start);
            } else {
                try {
                    seen = modern(wire, start);
                } catch (Legacy fallback) {
                    seen = legacy(wire, start);
                }
            }
            knownEra = ((Observation.McpHandshake) seen).era();
            return List.of(seen);
        } catch (Stop stop) {
            knownEra = null; // re-probe the era next time: the server may have been replaced
            return List.of(failure(stop.kind, stop.getMessage(), stop.status, start));
        } catch (IllegalArgumentException e) {
            return List.of(failure(FailureKind.MISCONFIGURED, "the url cannot be requested: "
                    + e.getClass().getSimpleName(), null, start));
        } catch (RuntimeException e) {
            return List.of(failure(FailureKind.OTHER, "unexpected " + e.getClass().getSimpleName(), null, start));
        }
    }

    // ---- modern era (2026-07-28) ---------------------------------------------------------------

    private Observation modern(McpWire wire, long start) throws Stop, Legacy {
        McpWire.Reply reply = wire.post(modernRequest("server/discover", null), modernHeaders("server/discover"));
        if (!reply.answered()) {
            throw new Stop(reply.failure(), reply.detail(), null);
        }
        rejectAccessProblems(reply);
        Integer code = reply.errorCode();
        if (code != null && MODERN_ERRORS.contains(code)) {
            if (code == -32022) {
                List<String> supported = strings(reply.error().path("data").path("supported"));
                if (supported.stream().anyMatch(LEGACY_VERSIONS::contains)) {
                    throw new Legacy("modern server also speaks " + supported);
                }
                throw new Stop(FailureKind.VERSION_NOT_SUPPORTED, "server supports " + supported + ", the probe speaks "
                        + MODERN_VERSION + " and " + LEGACY_VERSIONS.stream().sorted().toList(), reply.status());
            }
            throw new Stop(FailureKind.JSONRPC_ERROR, "server/discover: " + describe(reply.error()), reply.status());
        }
        JsonNode result = reply.status() / 100 == 2 ? reply.result() : null;
        if (result == null || !result.path("supportedVersions").isArray()) {
            throw new Legacy("HTTP " + reply.status() + " to server/discover");
        }
        List<String> versions = strings(result.path("supportedVersions"));
        if (!versions.contains(MODERN_VERSION)) {
            if (versions.stream().anyMatch(LEGACY_VERSIONS::contains)) {
                throw new Legacy("server lists " + versions);
            }
            throw new Stop(FailureKind.VERSION_NOT_SUPPORTED, "server supports " + versions + ", the probe speaks "
                    + MODERN_VERSION + " and " + LEGACY_VERSIONS.stream().sorted().toList(), reply.status());
        }
        JsonNode info = result.path("serverInfo").isObject() ? result.path("serverInfo")
                : result.path("_meta").path("io.modelcontextprotocol/serverInfo");
        JsonNode capabilities = result.path("capabilities");
        int tools = 0;
        if (capabilities.has("tools")) {
            tools = listTools(wire, null, true);
        }
        return new Observation.McpHandshake(service.id(), source(), MODERN_VERSION, ERA_MODERN,
                textOrNull(info.path("name")), textOrNull(info.path("version")), fieldNames(capabilities), tools,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private ObjectNode modernRequest(String method, String cursor) {
        ObjectNode request = McpWire.request(nextId++, method);
        ObjectNode params = request.putObject("params");
        if (cursor != null) {
            params.put("cursor", cursor);
        }
        ObjectNode meta = params.putObject("_meta");
        meta.put("io.modelcontextprotocol/protocolVersion", MODERN_VERSION);
        meta.putObject("io.modelcontextprotocol/clientCapabilities");
        ObjectNode client = meta.putObject("io.modelcontextprotocol/clientInfo");
        client.put("name", CLIENT_NAME);
        client.put("version", CLIENT_VERSION);
        return request;
    }

    private static Map<String, String> modernHeaders(String method) {
        return Map.of("MCP-Protocol-Version", MODERN_VERSION, "Mcp-Method", method);
    }

    // ---- handshake era (2024-11-05 … 2025-11-25) ------------------------------------------------

    private Observation legacy(McpWire wire, long start) throws Stop {
        ObjectNode init = McpWire.request(nextId++, "initialize");
        ObjectNode params = init.putObject("params");
        params.put("protocolVersion", LATEST_LEGACY);
        params.putObject("capabilities");
        ObjectNode clientInfo = params.putObject("clientInfo");
        clientInfo.put("name", CLIENT_NAME);
        clientInfo.put("version", CLIENT_VERSION);
        McpWire.Reply reply = wire.post(init, Map.of());
        JsonNode result = expectResult(reply, "initialize", false);
        String version = textOrNull(result.path("protocolVersion"));
        if (version == null || !LEGACY_VERSIONS.contains(version)) {
            throw new Stop(FailureKind.VERSION_NOT_SUPPORTED, "initialize: server answered protocol version "
                    + (version == null ? "(none)" : "'" + clip(version) + "'") + ", the probe speaks "
                    + LEGACY_VERSIONS.stream().sorted().toList(), reply.status());
        }
        String session = reply.header("Mcp-Session-Id");
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("MCP-Protocol-Version", version);
            if (session != null) {
                headers.put("Mcp-Session-Id", session);
            }
            McpWire.Reply initialized = wire.post(McpWire.request(-1, "notifications/initialized"), headers);
            if (!initialized.answered()) {
                throw new Stop(initialized.failure(), "notifications/initialized: " + initialized.detail(), null);
            }
            if (initialized.status() / 100 != 2) {
                checkStatus(initialized, "notifications/initialized", session != null);
                throw new Stop(FailureKind.JSONRPC_ERROR, "notifications/initialized: HTTP " + initialized.status()
                        + errorSuffix(initialized), initialized.status());
            }
            McpWire.Reply ping = wire.post(McpWire.request(nextId++, "ping"), headers);
            Integer pingCode = ping.answered() ? ping.errorCode() : null;
            if (pingCode == null || pingCode != -32601) { // ping is optional in practice; a missing method is tolerated
                expectResult(ping, "ping", session != null);
            }
            JsonNode capabilities = result.path("capabilities");
            int tools = 0;
            if (capabilities.has("tools")) {
                tools = listTools(wire, headers, false);
            }
            JsonNode info = result.path("serverInfo");
            return new Observation.McpHandshake(service.id(), source(), version, ERA_LEGACY,
                    textOrNull(info.path("name")), textOrNull(info.path("version")), fieldNames(capabilities), tools,
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (session != null) {
                wire.closeSession(session, version, Duration.ofMillis(Math.max(50, timeout.toMillis() / 4)));
            }
        }
    }

    private int listTools(McpWire wire, Map<String, String> legacyHeaders, boolean modern)
            throws Stop {
        int count = 0;
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode request;
            Map<String, String> headers;
            if (modern) {
                request = modernRequest("tools/list", cursor);
                headers = modernHeaders("tools/list");
            } else {
                request = McpWire.request(nextId++, "tools/list");
                if (cursor != null) {
                    request.putObject("params").put("cursor", cursor);
                }
                headers = legacyHeaders;
            }
            McpWire.Reply reply = wire.post(request, headers);
            JsonNode result = expectResult(reply, "tools/list", !modern && legacyHeaders.containsKey("Mcp-Session-Id"));
            if (!result.path("tools").isArray()) {
                throw new Stop(FailureKind.BAD_PAYLOAD, "tools/list: result has no tools array", reply.status());
            }
            count += result.path("tools").size();
            String next = textOrNull(result.path("nextCursor"));
            if (next == null || next.isEmpty() || next.equals(cursor)) {
                return count;
            }
            cursor = next;
        }
        return count;
    }

    /** The result of a request, or the precise reason there is none. */
    private JsonNode expectResult(McpWire.Reply reply, String method, boolean withSession) throws Stop {
        if (!reply.answered()) {
            throw new Stop(reply.failure(), method + ": " + reply.detail(), null);
        }
        checkStatus(reply, method, withSession);
        JsonNode error = reply.error();
        if (error != null) {
            String text = describe(error);
            boolean version = text.toLowerCase(Locale.ROOT).contains("protocol version")
                    || text.toLowerCase(Locale.ROOT).contains("unsupported version");
            throw new Stop(version ? FailureKind.VERSION_NOT_SUPPORTED : FailureKind.JSONRPC_ERROR,
                    method + ": " + text, reply.status());
        }
        JsonNode result = reply.result();
        if (result == null || reply.status() / 100 != 2) {
            if (reply.body() != null && reply.body().truncated()) {
                throw new Stop(FailureKind.BAD_PAYLOAD, method + ": answer too large", reply.status());
            }
            throw new Stop(FailureKind.NOT_MCP, method + ": HTTP " + reply.status() + " "
                    + (reply.contentType().isEmpty() ? "" : reply.contentType() + " ")
                    + "is not a JSON-RPC response" + excerptSuffix(reply), reply.status());
        }
        if (!result.isObject()) {
            throw new Stop(FailureKind.BAD_PAYLOAD, method + ": result is not an object", reply.status());
        }
        return result;
    }

    /** Statuses that say what went wrong whatever the body: access, rate limit, server error, lost session. */
    private void checkStatus(McpWire.Reply reply, String method, boolean withSession) throws Stop {
        int s = reply.status();
        if (s == 404 && withSession) {
            throw new Stop(FailureKind.SESSION_LOST, method + ": HTTP 404 to a request carrying Mcp-Session-Id: "
                    + "the server dropped the session (restart or expiry)", s);
        }
        rejectAccessProblems(reply);
        if ((s == 404 || s == 405 || s == 406 || s == 415) && reply.message() == null) {
            throw new Stop(FailureKind.NOT_MCP, method + ": HTTP " + s + " without a JSON-RPC answer: no MCP "
                    + "endpoint at this url" + excerptSuffix(reply), s);
        }
        if (s / 100 == 3) {
            throw new Stop(FailureKind.NOT_MCP, method + ": HTTP " + s + " redirect to "
                    + clip(String.valueOf(reply.header("Location"))), s);
        }
    }

    private static void rejectAccessProblems(McpWire.Reply reply) throws Stop {
        int s = reply.status();
        FailureKind kind = switch (s) {
            case 401 -> FailureKind.UNAUTHORIZED;
            case 403 -> FailureKind.FORBIDDEN;
            case 429 -> FailureKind.RATE_LIMITED;
            default -> null;
        };
        if (kind != null) {
            throw new Stop(kind, "HTTP " + s + errorSuffix(reply), s);
        }
        if (s >= 500 && reply.message() == null) {
            throw new Stop(FailureKind.SERVER_ERROR, "HTTP " + s + excerptSuffix(reply), s);
        }
    }

    // ---- small helpers ------------------------------------------------------------------------

    private Observation.ProbeFailure failure(FailureKind kind, String detail, Integer status, long start) {
        return new Observation.ProbeFailure(service.id(), source(), target(), kind, detail, status,
                Duration.ofNanos(System.nanoTime() - start), 1);
    }

    private static String describe(JsonNode error) {
        return "JSON-RPC error " + error.path("code").asText("?") + " " + clip(error.path("message").asText(""));
    }

    private static String errorSuffix(McpWire.Reply reply) {
        JsonNode error = reply.error();
        return error != null ? ": " + describe(error) : excerptSuffix(reply);
    }

    private static String excerptSuffix(McpWire.Reply reply) {
        String e = reply.excerpt();
        return e == null || e.isEmpty() ? "" : " (body: " + clip(e) + ")";
    }

    private static String clip(String s) {
        // redacted while its lines are still lines: a token wrapped onto the next line is masked whole there
        String t = Secrets.patterns().redact(s).replaceAll("\\p{Cntrl}+", " ").strip();
        return Secrets.patterns().cut(t, 120);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        if (object != null && object.isObject()) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
        return names;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.isContainerNode() ? null : node.asText();
    }
}
