package io.sophia.probes.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The tail of a log: discards the first {@code skip} bytes (a server that ignored {@code Range}
 * sends the whole log), then the bytes through the first newline, so the reader starts on a whole
 * line. The head is read into one small buffer and dropped, never held; discarding stops at the
 * deadline, which then reads as end of stream ({@link #skipping()} stays true).
 *
 * <p>The tail is expected to start one byte before the wanted window, so a window that begins
 * right after a newline loses no line. A "first line" longer than {@link #MAX_PARTIAL_LINE} is
 * passed on from the first word boundary past it (from twice the limit at the latest), cut, rather than swallowing
 * the whole tail.
 */
public final class LogTail extends FilterInputStream {

    /** Longest partial first line dropped; past it the rest of the line is passed on. */
    static final int MAX_PARTIAL_LINE = 64 << 10;

    private final Deadline deadline;
    private long skip;
    private long skipped;
    private boolean aligned;

    public LogTail(InputStream in, long skip, Deadline deadline) {
        super(in);
        this.skip = Math.max(0, skip);
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        return ByteStreams.readOne(this);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!discardHead()) {
            return -1;
        }
        while (!aligned) {
            int n = super.read(b, off, len);
            if (n < 0) {
                return -1;
            }
            for (int i = off; i < off + n; i++) {
                long partial = skipped - skip + (i - off);
                // past the limit the line is passed on, from a word boundary: a cut inside a word could start the
                // tail with the end of a token, which masking would not recognise; past twice the limit, from anywhere
                if (b[i] == '\n' || partial >= MAX_PARTIAL_LINE && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')
                        || partial >= 2L * MAX_PARTIAL_LINE) {
                    aligned = true;
                    int rest = off + n - (i + 1);
                    if (rest == 0) {
                        break;
                    }
                    System.arraycopy(b, i + 1, b, off, rest);
                    return rest;
                }
            }
            if (aligned) {
                break;
            }
            skipped += n;
            if (deadline.expired()) {
                return -1;
            }
        }
        return super.read(b, off, len);
    }

    /** Reads and drops the head; false when the stream or the time ended first. */
    private boolean discardHead() throws IOException {
        if (skipped >= skip) {
            return true;
        }
        byte[] buf = new byte[8192];
        while (skipped < skip) {
            if (deadline.expired()) {
                return false;
            }
            int n = in.read(buf, 0, (int) Math.min(buf.length, skip - skipped));
            if (n < 0) {
                return false;
            }
            skipped += n;
        }
        return true;
    }

    @Override
    public long skip(long n) throws IOException {
        return ByteStreams.skipByReading(this, n);
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** True while the head the server sent (ignoring {@code Range}) is not yet discarded. */
    public boolean skipping() {
        return skipped < skip;
    }

    /** Bytes of the head discarded so far. */
    public long discarded() {
        return Math.min(skipped, skip);
    }
}
