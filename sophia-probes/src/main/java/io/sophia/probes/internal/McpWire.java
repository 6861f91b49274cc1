package io.sophia.probes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.FailureKind;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One JSON-RPC message POSTed to an MCP endpoint over Streamable HTTP, bounded by a deadline. */
public final class McpWire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 4 * 1024 * 1024;
    /** Grace after the request's own timeout, so the client's precise exception wins the race. */
    private static final long GRACE_MS = 100;

    /**
     * An answer, or the failure that prevented one.
     *
     * @param status HTTP status, 0 when no answer came
     */
    public record Reply(int status, HttpHeaders headers, McpBodySubscriber.Body body, FailureKind failure,
                        String detail) {

        public boolean answered() {
            return failure == null;
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            String t = header("Content-Type");
            return t == null ? "" : t.toLowerCase(Locale.ROOT);
        }

        /** The JSON-RPC response object, or null when the body was not one. */
        public JsonNode message() {
            JsonNode m = body == null ? null : body.message();
            return m != null && m.isObject() && (m.has("result") || m.has("error")) ? m : null;
        }

        public JsonNode error() {
            JsonNode m = message();
            return m != null && m.get("error") != null && m.get("error").isObject() ? m.get("error") : null;
        }

        public JsonNode result() {
            JsonNode m = message();
            return m != null && m.has("result") ? m.get("result") : null;
        }

        /** The JSON-RPC error code, or null. */
        public Integer errorCode() {
            JsonNode e = error();
            return e != null && e.path("code").canConvertToInt() ? e.path("code").asInt() : null;
        }

        public String excerpt() {
            return body == null ? "" : body.excerpt();
        }
    }

    private final HttpClient client;
    private final URI url;

    public McpWire(HttpClient client, URI url) {
        this.client = client;
        this.url = url;
    }

    /** A fresh JSON-RPC request object. */
    public static ObjectNode request(long id, String method) {
        ObjectNode n = JSON.createObjectNode();
        n.put("jsonrpc", "2.0");
        if (id >= 0) {
            n.put("id", id);
        }
        n.put("method", method);
        return n;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** POSTs {@code message} with {@code headers}, waiting until {@code deadlineNanos} at most. */
    public Reply post(ObjectNode message, Map<String, String> headers, long deadlineNanos) {
        Duration left = TcpDial.remaining(deadlineNanos);
        if (left.isZero()) {
            return new Reply(0, null, null, FailureKind.DEADLINE_EXCEEDED, "no time left");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(url)
                .timeout(left)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        headers.forEach(b::header);
        String id = message.has("id") ? message.get("id").asText() : null;
        CompletableFuture<HttpResponse<McpBodySubscriber.Body>> call =
                client.sendAsync(b.build(), McpBodySubscriber.handler(id, MAX_BODY));
        try {
            // counted from the deadline, not from now: on a cold JVM sendAsync itself can take hundreds of ms
            long wait = TcpDial.remaining(deadlineNanos).toMillis() + GRACE_MS;
            HttpResponse<McpBodySubscriber.Body> r = call.get(wait, TimeUnit.MILLISECONDS);
            return new Reply(r.statusCode(), r.headers(), r.body(), null, null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Reply(0, null, null, FailureKind.READ_TIMEOUT,
                    "no complete answer to " + message.path("method").asText() + " within the deadline");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Reply(0, null, null, FailureKind.DEADLINE_EXCEEDED, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException
                    && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException)) {
                // the client's timer and the wait above race for the same deadline: one outcome, one text
                return new Reply(0, null, null, FailureKind.READ_TIMEOUT,
                        "no complete answer to " + message.path("method").asText() + " within the deadline");
            }
            TcpFailures.Classified c = TcpFailures.classify(e.getCause(), false);
            return new Reply(0, null, null, c.kind(), c.detail());
        }
    }

    /** Ends a session politely (HTTP DELETE), without waiting for the answer. */
    public void closeSession(String sessionId, String protocolVersion, Duration timeout) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).DELETE()
                    .header("Mcp-Session-Id", sessionId);
            if (protocolVersion != null) {
                b.header("MCP-Protocol-Version", protocolVersion);
            }
            client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException ignored) {
            // best effort: the server expires idle sessions on its own
        }
    }
}
