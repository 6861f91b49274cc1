package io.sophia.examples.internal;

import io.sophia.core.RemoteText;
import io.sophia.core.Secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;

/**
 * What the command line prints to stdout and stderr goes through here: the one redaction
 * ({@link Secrets}, with the values of the configured token variables once they are known), then
 * {@link RemoteText#forTerminal(String)}, so neither a secret nor a terminal control sequence in a
 * remote string (a job name, a log line, a server name) reaches the user's terminal or CI log.
 *
 * <p>Text is held until a flush (or until a large amount is pending, then up to the last line
 * break), so a secret is redacted whole even when it was printed in pieces.
 */
final class TerminalStream extends PrintStream {

    /** Pending text beyond which complete lines are written without waiting for a flush. */
    private static final int MAX_PENDING = 1 << 20;

    private final Filter filter;

    private TerminalStream(Filter filter) {
        super(filter, false, StandardCharsets.UTF_8);
        this.filter = filter;
    }

    /** {@code target} behind a redacting, control-stripping filter. */
    static TerminalStream of(PrintStream target) {
        return new TerminalStream(new Filter(Objects.requireNonNull(target, "target")));
    }

    /** Masks these values too from now on (the values of token variables, once the config names them). */
    void register(Collection<String> secrets) {
        flush();
        filter.secrets = filter.secrets.and(secrets);
    }

    /** The redaction this stream applies. */
    Secrets secrets() {
        return filter.secrets;
    }

    private static final class Filter extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private volatile Secrets secrets = Secrets.patterns();

        Filter(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
            if (pending.size() > MAX_PENDING) {
                emit(false);
            }
        }

        @Override
        public synchronized void flush() {
            emit(true);
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        /** Writes the pending text, all of it or up to its last line break. */
        private void emit(boolean all) {
            byte[] bytes = pending.toByteArray();
            int end = bytes.length;
            if (!all) {
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
            }
            if (end == 0) {
                return;
            }
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            target.print(RemoteText.forTerminal(secrets.redact(text)));
            pending.reset();
            pending.write(bytes, end, bytes.length - end);
        }
    }
}
