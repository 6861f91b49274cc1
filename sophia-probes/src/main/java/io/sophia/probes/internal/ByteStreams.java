package io.sophia.probes.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * The two InputStream methods that our deadline- and cap-aware streams implement through their own
 * {@code read(byte[], int, int)}, so that every byte passes the same checks and counters.
 */
final class ByteStreams {

    private ByteStreams() {
    }

    /** {@link InputStream#read()} through {@code in.read(byte[], int, int)}. */
    static int readOne(InputStream in) throws IOException {
        byte[] one = new byte[1];
        int n = in.read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** {@link InputStream#skip(long)} by reading (and so counting and bounding) the skipped bytes. */
    static long skipByReading(InputStream in, long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }
}
