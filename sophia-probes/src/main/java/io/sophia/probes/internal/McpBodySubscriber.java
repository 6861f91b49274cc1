package io.sophia.probes.internal;

import io.sophia.core.Secrets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an MCP Streamable HTTP answer: a single JSON body, or a Server-Sent Events stream in which
 * the JSON-RPC response with the awaited id may follow any number of notifications. For a stream it
 * completes as soon as that response arrives and stops reading, so a server that keeps the stream
 * open does not hold the probe; either way it keeps at most {@code maxBytes}.
 */
public final class McpBodySubscriber implements HttpResponse.BodySubscriber<McpBodySubscriber.Body> {

    /**
     * What the answer held.
     *
     * @param message   the JSON-RPC response with the awaited id (SSE), or the parsed JSON body; null if none
     * @param excerpt   the first characters of the raw body, for messages
     * @param sse       the answer was an event stream
     * @param truncated the body was longer than the cap
     * @param events    number of SSE events seen
     */
    public record Body(JsonNode message, String excerpt, boolean sse, boolean truncated, int events) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT = 200;

    private final boolean sse;
    private final String expectedId;
    private final int maxBytes;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean lastWasCr;
    private int events;
    private Flow.Subscription subscription;

    private McpBodySubscriber(boolean sse, String expectedId, int maxBytes) {
        this.sse = sse;
        this.expectedId = expectedId;
        this.maxBytes = maxBytes;
    }

    /** A handler that awaits the response with id {@code expectedId} (null: any JSON body). */
    public static HttpResponse.BodyHandler<Body> handler(String expectedId, int maxBytes) {
        return info -> {
            String type = info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            return new McpBodySubscriber(type.startsWith("text/event-stream"), expectedId, maxBytes);
        };
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer buffer : items) {
            while (buffer.hasRemaining() && !result.isDone()) {
                byte b = buffer.get();
                if (all.size() >= maxBytes) {
                    finish(true);
                    subscription.cancel();
                    return;
                }
                all.write(b);
                if (sse) {
                    feed(b);
                }
            }
        }
        if (result.isDone()) {
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        if (sse && line.size() > 0) {
            endLine();
        }
        if (sse && data.length() > 0) {
            dispatch();
        }
        finish(false);
    }

    private void feed(byte b) {
        if (b == '\n') {
            if (!lastWasCr) {
                endLine();
            }
            lastWasCr = false;
        } else if (b == '\r') {
            endLine();
            lastWasCr = true;
        } else {
            lastWasCr = false;
            line.write(b);
        }
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            dispatch();
        } else if (text.startsWith("data:")) {
            String value = text.substring(5);
            data.append(value.startsWith(" ") ? value.substring(1) : value).append('\n');
        }
        // "event:", "id:", "retry:" and ":" comments carry nothing the probe needs
    }

    private void dispatch() {
        if (data.length() == 0) {
            return;
        }
        events++;
        String payload = data.substring(0, data.length() - 1);
        data.setLength(0);
        JsonNode node = parse(payload);
        if (node != null && node.isObject() && node.has("id") && !node.get("id").isNull()
                && (node.has("result") || node.has("error"))
                && (expectedId == null || expectedId.equals(node.get("id").asText()))) {
            result.complete(new Body(node, excerpt(), true, false, events));
        }
    }

    private void finish(boolean truncated) {
        if (result.isDone()) {
            return;
        }
        JsonNode message = sse || truncated ? null : parse(all.toString(StandardCharsets.UTF_8));
        result.complete(new Body(message, excerpt(), sse, truncated, events));
    }

    private String excerpt() {
        byte[] bytes = all.toByteArray();
        String text = new String(bytes, 0, Math.min(bytes.length, EXCERPT * 4), StandardCharsets.UTF_8);
        text = text.replaceAll("\\p{Cntrl}+", " ").strip();
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
