package io.sophia.probes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.FailureKind;
import io.sophia.core.ProbeContext;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One JSON-RPC message POSTed to an MCP endpoint over Streamable HTTP on the library's HTTP stack,
 * bounded by the probe's {@link Deadline}: the call's timeout is the time left (connect, request,
 * answer and body, SSE stream included) and a cancelled run cancels the call. The call runs on the
 * probe's own thread; no other thread waits for it.
 */
public final class McpWire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final int MAX_BODY = 4 * 1024 * 1024;

    /**
     * An answer, or the failure that prevented one.
     *
     * @param status  HTTP status, 0 when no answer came
     * @param headers the answer's headers, null when none came
     * @param body    the answer's body, null when none came
     * @param failure why no answer came, null when one did
     * @param detail  one line about the failure, null when an answer came
     */
    public record Reply(int status, Headers headers, McpBody body, FailureKind failure, String detail) {

        /** {@return true when an HTTP answer came (whatever its status)} */
        public boolean answered() {
            return failure == null;
        }

        /** {@return the value of header {@code name}, or null} */
        public String header(String name) {
            return headers == null ? null : headers.get(name);
        }

        /** {@return the answer's content type, lower-cased, "" when none} */
        public String contentType() {
            String t = header("Content-Type");
            return t == null ? "" : t.toLowerCase(Locale.ROOT);
        }

        /** The JSON-RPC response object, or null when the body was not one. */
        public JsonNode message() {
            JsonNode m = body == null ? null : body.message();
            return m != null && m.isObject() && (m.has("result") || m.has("error")) ? m : null;
        }

        /** {@return the JSON-RPC error object, or null} */
        public JsonNode error() {
            JsonNode m = message();
            return m != null && m.get("error") != null && m.get("error").isObject() ? m.get("error") : null;
        }

        /** {@return the JSON-RPC result, or null} */
        public JsonNode result() {
            JsonNode m = message();
            return m != null && m.has("result") ? m.get("result") : null;
        }

        /** The JSON-RPC error code, or null. */
        public Integer errorCode() {
            JsonNode e = error();
            return e != null && e.path("code").canConvertToInt() ? e.path("code").asInt() : null;
        }

        /** {@return the first characters of the body, safe to print} */
        public String excerpt() {
            return body == null ? "" : body.excerpt();
        }
    }

    private final OkHttpClient client;
    private final HttpUrl url;
    private final Deadline deadline;

    /** A wire to {@code url} on {@code client}, bounded by {@code deadline}. */
    public McpWire(OkHttpClient client, HttpUrl url, Deadline deadline) {
        this.client = client;
        this.url = url;
        this.deadline = deadline;
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

    /** {@return an empty JSON object} */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** POSTs {@code message} with {@code headers}, waiting until the deadline at most. */
    public Reply post(ObjectNode message, Map<String, String> headers) {
        String method = message.path("method").asText();
        long left = deadline.remainingNanos();
        if (left == 0) {
            return failed(FailureKind.DEADLINE_EXCEEDED, deadline.cancelled() ? "cancelled before " + method
                    : "no time left for " + method);
        }
        Request.Builder b = new Request.Builder().url(url)
                .header("Accept", "application/json, text/event-stream")
                .post(RequestBody.create(message.toString(), JSON_TYPE));
        try {
            headers.forEach(b::header);
        } catch (IllegalArgumentException e) {
            // only the server's Mcp-Session-Id can be invalid here; OkHttp's message would quote it
            return failed(FailureKind.BAD_PAYLOAD, "the server's Mcp-Session-Id cannot be sent back in a header");
        }
        String id = message.has("id") ? message.get("id").asText() : null;
        Call call = client.newCall(b.build());
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        PhaseClock phases = new PhaseClock(System.nanoTime());
        call.addEventListener(phases);
        try (ProbeContext.Registration r = deadline.onCancel(call::cancel); Response response = call.execute()) {
            McpBody body = McpBody.read(response, id, MAX_BODY, call::cancel);
            return new Reply(response.code(), response.headers(), body, null, null);
        } catch (IOException e) {
            if (deadline.cancelled()) {
                return failed(FailureKind.DEADLINE_EXCEEDED, "cancelled while waiting for the answer to " + method);
            }
            if (call.isCanceled() || deadline.expired()) {
                // the call's timeout is the deadline: which step it ended in tells a dead host from a silent server
                return !connected(phases)
                        ? failed(FailureKind.CONNECT_TIMEOUT, "no connection within the deadline")
                        : failed(FailureKind.READ_TIMEOUT, "no complete answer to " + method + " within the deadline");
            }
            Failures.Classified c = Failures.classify(e, connected(phases));
            return failed(c.kind(), c.detail());
        }
    }

    /**
     * Ends a session politely (HTTP DELETE), waiting {@code timeout} at most and never past the deadline.
     * On the probe's own thread, like every other request: a fleet of legacy servers must not cost a
     * thread per session being closed. Best effort: the server expires idle sessions on its own.
     */
    public void closeSession(String sessionId, String protocolVersion, Duration timeout) {
        long left = Math.min(deadline.remainingNanos(), timeout.toNanos());
        if (left <= 0) {
            return;
        }
        try {
            Request.Builder b = new Request.Builder().url(url).delete().header("Mcp-Session-Id", sessionId);
            if (protocolVersion != null) {
                b.header("MCP-Protocol-Version", protocolVersion);
            }
            Call call = client.newCall(b.build());
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try (ProbeContext.Registration r = deadline.onCancel(call::cancel); Response response = call.execute()) {
                response.code(); // the answer does not matter
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: the server expires idle sessions on its own
        }
    }

    private static boolean connected(PhaseClock phases) {
        return phases.step().compareTo(PhaseClock.Step.TLS) >= 0;
    }

    private static Reply failed(FailureKind kind, String detail) {
        return new Reply(0, null, null, kind, detail);
    }
}
