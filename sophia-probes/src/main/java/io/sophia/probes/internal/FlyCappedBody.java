package io.sophia.probes.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body subscriber that keeps at most {@code maxBytes} and then stops reading, so a huge
 * or endless answer from an API cannot exhaust the heap. The result says whether it was cut.
 */
public final class FlyCappedBody implements HttpResponse.BodySubscriber<FlyCappedBody.Body> {

    /** Bytes read, and whether the body was longer than the cap. */
    public record Body(byte[] bytes, boolean truncated) {
    }

    private final int maxBytes;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    public FlyCappedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A handler that reads every response through a {@link FlyCappedBody}. */
    public static HttpResponse.BodyHandler<Body> handler(int maxBytes) {
        return info -> new FlyCappedBody(maxBytes);
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            int room = maxBytes - out.size();
            int n = Math.min(room, b.remaining());
            byte[] chunk = new byte[n];
            b.get(chunk);
            out.write(chunk, 0, n);
            if (b.hasRemaining()) {
                result.complete(new Body(out.toByteArray(), true));
                subscription.cancel();
                return;
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(out.toByteArray(), false));
    }
}
