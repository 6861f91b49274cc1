package io.sophia.probes.internal;

import java.io.IOException;

import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * A response body read with a cap, so that a huge or endless answer from a server cannot exhaust
 * the heap: {@link #read(okhttp3.ResponseBody, int)} keeps at most {@code maxBytes} and says whether
 * there was more; {@link #limit(BufferedSource, long, int)} is a source for a streaming reader (SSE)
 * that fails with {@link TooLarge} past the cap and keeps the first bytes for an excerpt.
 *
 * @param bytes     what was read, at most the cap; of a truncated body only its first {@value #TRUNCATED_HEAD} bytes,
 *                  enough for a message or an excerpt
 * @param truncated the body was longer than the cap (reading stopped there)
 */
public record CappedBody(byte[] bytes, boolean truncated) {

    private static final long SEGMENT = 8192;
    /**
     * What is kept of a body past its cap: no caller parses it, and copying the whole cap (MiBs) into one array is a
     * large contiguous allocation per hostile endpoint, which a small heap cannot always place.
     */
    public static final int TRUNCATED_HEAD = 64 << 10;

    /** Reads {@code body} up to {@code maxBytes}; one byte more is read to know whether it was cut. */
    public static CappedBody read(okhttp3.ResponseBody body, int maxBytes) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= maxBytes) {
            long want = Math.min(SEGMENT, maxBytes + 1L - buffer.size());
            if (source.read(buffer, want) == -1) {
                break;
            }
        }
        boolean truncated = buffer.size() > maxBytes;
        long keep = truncated ? Math.min(maxBytes, TRUNCATED_HEAD) : maxBytes;
        byte[] bytes = buffer.readByteArray(Math.min(buffer.size(), keep));
        buffer.clear();
        return new CappedBody(bytes, truncated);
    }

    /** {@return a source over {@code source} that fails with {@link TooLarge} once more than {@code maxBytes} were read} */
    public static Limited limit(BufferedSource source, long maxBytes, int keepBytes) {
        return new Limited(source, maxBytes, keepBytes);
    }

    /** The body went past its cap; a typed signal, not a network failure. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("body larger than " + maxBytes + " bytes", null);
        }
    }

    /** A capped source that also keeps its first bytes (for an excerpt in a message). */
    public static final class Limited extends ForwardingSource {
        private final long maxBytes;
        private final int keepBytes;
        private final Buffer head = new Buffer();
        private long read;

        private Limited(Source delegate, long maxBytes, int keepBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
            this.keepBytes = keepBytes;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
            long before = sink.size();
            long n = super.read(sink, Math.min(byteCount, maxBytes + 1 - read));
            if (n > 0) {
                read += n;
                long keep = Math.min(n, keepBytes - head.size());
                if (keep > 0) {
                    sink.copyTo(head, before, keep);
                }
                if (read > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
            }
            return n;
        }

        /** {@return this source, buffered} */
        public BufferedSource buffered() {
            return Okio.buffer(this);
        }

        /** {@return bytes read so far} */
        public long bytesRead() {
            return read;
        }

        /** {@return the first bytes read, at most the number asked to keep} */
        public byte[] head() {
            return head.copy().readByteArray();
        }
    }
}
