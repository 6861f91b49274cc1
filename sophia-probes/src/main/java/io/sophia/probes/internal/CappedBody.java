package io.sophia.probes.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps the first {@code keep} bytes, counts and discards the rest, and
 * stops after {@code limit} bytes, so a health check never buffers a large (or endless) body.
 */
public final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Captured> {

    /**
     * What was read.
     *
     * @param head          the first bytes of the body (at most {@code keep})
     * @param total         bytes received
     * @param complete      false when reading stopped at {@code limit} before the end
     * @param firstByteNanos {@link System#nanoTime()} when the first body bytes arrived, or 0 for an empty body
     * @param endNanos      {@link System#nanoTime()} when reading ended
     */
    public record Captured(byte[] head, long total, boolean complete, long firstByteNanos, long endNanos) {
    }

    private final int keep;
    private final long limit;
    private final CompletableFuture<Captured> result = new CompletableFuture<>();
    private byte[] head = new byte[0];
    private int size;
    private long total;
    private long firstByteNanos;
    private Flow.Subscription subscription;

    public CappedBody(int keep, long limit) {
        this.keep = keep;
        this.limit = limit;
    }

    @Override
    public CompletionStage<Captured> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if (n > 0 && firstByteNanos == 0) {
                firstByteNanos = System.nanoTime();
            }
            int take = Math.min(n, keep - size);
            if (take > 0) {
                if (head.length < size + take) {
                    head = Arrays.copyOf(head, Math.min(keep, Math.max(size + take, head.length * 2)));
                }
                b.get(head, size, take);
                size += take;
            }
            total += n;
        }
        if (total >= limit) {
            subscription.cancel();
            result.complete(new Captured(Arrays.copyOf(head, size), total, false, firstByteNanos, System.nanoTime()));
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Captured(Arrays.copyOf(head, size), total, true, firstByteNanos, System.nanoTime()));
    }
}
