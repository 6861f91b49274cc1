package io.sophia.probes.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes and lines of a log as it streams past and ends it early, as if at end of
 * stream, at a byte cap or a deadline, so a log of any size is read with a fixed buffer.
 */
public final class LogStream extends FilterInputStream {

    private final long maxBytes;
    private final Deadline deadline;
    private long bytes;
    private long newlines;
    private int last = -1;
    private boolean ended;
    private boolean capped;

    public LogStream(InputStream in, long maxBytes, Deadline deadline) {
        super(in);
        this.maxBytes = maxBytes;
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
        if (bytes >= maxBytes || deadline.expired()) {
            capped = !ended;
            return -1;
        }
        int n = super.read(b, off, (int) Math.min(len, maxBytes - bytes));
        if (n < 0) {
            ended = true;
            return -1;
        }
        for (int i = off; i < off + n; i++) {
            if (b[i] == '\n') {
                newlines++;
            }
        }
        last = b[off + n - 1];
        bytes += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return ByteStreams.skipByReading(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes passed through. */
    public long bytes() {
        return bytes;
    }

    /** Lines passed through (a last line without a newline counts). */
    public long lines() {
        return newlines + (bytes > 0 && last != '\n' ? 1 : 0);
    }

    /** True unless the log was read to its real end. */
    public boolean truncated() {
        return !ended;
    }

    /** True when reading stopped at the byte cap or the deadline. */
    public boolean capped() {
        return capped;
    }
}
