package io.sophia.probes.internal;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Reads an MCP Streamable HTTP answer: a single JSON body, or a Server-Sent Events stream (parsed
 * by okhttp-sse) in which the JSON-RPC response with the awaited id may follow any number of
 * notifications. For a stream it stops reading as soon as that response arrives, so a server that
 * keeps the stream open does not hold the probe; either way it reads at most {@code maxBytes}.
 * Reading is bounded in time by the call's timeout (the probe's deadline) and its cancellation.
 *
 * @param message   the JSON-RPC response with the awaited id (SSE), or the parsed JSON body; null if none
 * @param excerpt   the first characters of the raw body, for messages (control characters and secrets removed)
 * @param sse       the answer was an event stream
 * @param truncated the body was longer than the cap
 * @param events    number of SSE events seen
 */
public record McpBody(JsonNode message, String excerpt, boolean sse, boolean truncated, int events) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 200;

    /**
     * Reads {@code response}'s body, awaiting the response with id {@code expectedId} in a stream
     * (null: any JSON-RPC response). {@code dropConnection} runs when the awaited response came on a
     * stream: a stream may stay open after it, and closing it as is would first spend up to 100 ms
     * draining it to keep the connection for reuse, so the caller cancels its call instead.
     *
     * @throws IOException when the connection fails, times out or is cancelled before an answer is complete
     */
    public static McpBody read(Response response, String expectedId, int maxBytes, Runnable dropConnection)
            throws IOException {
        ResponseBody body = response.body();
        if (response.isSuccessful() && isEventStream(body.contentType())) {
            return stream(response, expectedId, maxBytes, dropConnection);
        }
        CappedBody capped = CappedBody.read(body, maxBytes);
        JsonNode message = capped.truncated() ? null : parse(new String(capped.bytes(), StandardCharsets.UTF_8));
        return new McpBody(message, excerpt(capped.bytes()), false, capped.truncated(), 0);
    }

    private static McpBody stream(Response response, String expectedId, int maxBytes, Runnable dropConnection)
            throws IOException {
        ResponseBody body = response.body();
        CappedBody.Limited limited = CappedBody.limit(body.source(), maxBytes, EXCERPT * 4 + 1);
        Response capped = response.newBuilder()
                .body(ResponseBody.create(limited.buffered(), body.contentType(), -1L))
                .build();
        Awaiting awaiting = new Awaiting(expectedId, dropConnection);
        // on this thread: the events are read as they come, and the call's timeout bounds the wait
        EventSources.processResponse(capped, awaiting);
        if (awaiting.message != null) {
            return new McpBody(awaiting.message, excerpt(limited.head()), true, false, awaiting.events);
        }
        if (awaiting.failure instanceof CappedBody.TooLarge) {
            return new McpBody(null, excerpt(limited.head()), true, true, awaiting.events);
        }
        if (awaiting.failure instanceof IOException io) {
            throw io;
        }
        if (awaiting.failure != null) {
            throw new IOException("event stream could not be read", awaiting.failure);
        }
        // the stream ended without the awaited response
        return new McpBody(null, excerpt(limited.head()), true, false, awaiting.events);
    }

    /** Collects events until the awaited JSON-RPC response, then stops the stream. */
    private static final class Awaiting extends EventSourceListener {
        private final String expectedId;
        private final Runnable dropConnection;
        private JsonNode message;
        private Throwable failure;
        private int events;

        Awaiting(String expectedId, Runnable dropConnection) {
            this.expectedId = expectedId;
            this.dropConnection = dropConnection;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (message != null) {
                return;
            }
            events++;
            JsonNode node = parse(data);
            if (node != null && node.isObject() && node.has("id") && !node.get("id").isNull()
                    && (node.has("result") || node.has("error"))
                    && (expectedId == null || expectedId.equals(node.get("id").asText()))) {
                message = node;
                source.cancel(); // stop reading: a server may keep the stream open for later notifications
                dropConnection.run();
            }
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            // after cancel() above the reader reports "canceled": the answer is already in
            if (message == null) {
                failure = t;
            }
        }
    }

    private static boolean isEventStream(MediaType type) {
        return type != null && type.type().toLowerCase(Locale.ROOT).equals("text")
                && type.subtype().toLowerCase(Locale.ROOT).equals("event-stream");
    }

    private static String excerpt(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8);
        // redacted while its lines are still lines: a token wrapped onto the next line is masked whole there
        text = Secrets.patterns().redact(text).replaceAll("\\p{Cntrl}+", " ").strip();
        if (bytes.length > EXCERPT * 4) {
            // the bytes were cut: drop the word the cut fell into, it may be the head of a token
            text = Secrets.patterns().cut(text, Math.max(1, text.length() - 1));
        }
        return Secrets.patterns().cut(text, EXCERPT);
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
