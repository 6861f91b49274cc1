package io.sophia.probes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose reads end at a {@link Deadline}.
 *
 * <p>The JDK's {@code BodyHandlers.ofInputStream()} blocks without a timeout and ignores
 * interruption while it waits for data, so a download that stalls would hold its reader forever.
 * This subscriber hands out one buffer list at a time (memory stays at one network read, whatever
 * the body's size) and a read that gets no data before the deadline throws a
 * {@link SocketTimeoutException}.
 */
public final class DeadlineBody implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Deadline deadline;
    private final Stream stream = new Stream();
    private volatile Flow.Subscription subscription;

    public DeadlineBody(Deadline deadline) {
        this.deadline = deadline;
    }

    /** A body handler that gives every response a {@link DeadlineBody}. */
    public static HttpResponse.BodyHandler<InputStream> handler(Deadline deadline) {
        return info -> new DeadlineBody(deadline);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(stream);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> pending;
        private ByteBuffer current;
        private boolean eof;
        private boolean closed;

        @Override
        public int read() throws IOException {
            return ByteStreams.readOne(this);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("body stream closed");
            }
            if (len == 0) {
                return 0;
            }
            while (current == null || !current.hasRemaining()) {
                if (eof) {
                    return -1;
                }
                if (pending != null && pending.hasNext()) {
                    current = pending.next();
                    continue;
                }
                if (pending != null) {
                    pending = null;
                    subscription.request(1);
                }
                next();
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        @SuppressWarnings("unchecked")
        private void next() throws IOException {
            Object item;
            try {
                item = queue.poll(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the body");
            }
            if (item == null) {
                throw new SocketTimeoutException("no data before the deadline");
            }
            if (item == END) {
                eof = true;
            } else if (item instanceof Throwable t) {
                eof = true;
                throw t instanceof IOException io ? io : new IOException(t);
            } else {
                pending = ((List<ByteBuffer>) item).iterator();
            }
        }

        @Override
        public int available() {
            return current == null ? 0 : current.remaining();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                Flow.Subscription s = subscription;
                if (s != null && !eof) {
                    s.cancel();
                }
                queue.clear();
            }
        }
    }
}
