package io.sophia.report;

import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The child process of {@link ReportSetWritersTest}: a second writer of a report directory that stops between two
 * of its renames — the moment at which another writer's renames could interleave with its own. It writes the hostile
 * scenario's set, says {@code paused} on stdout right after moving report.json into place, and goes on when its
 * stdin ends; then it says {@code done}.
 */
public final class PausedWriter {

    private PausedWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void moved(String fileName) throws IOException {
                if (fileName.equals(ReportFiles.JSON)) {
                    System.out.println("paused");
                    System.out.flush();
                    System.in.transferTo(OutputStream.nullOutputStream()); // until the test closes stdin
                }
            }
        });
        System.out.println("done");
        System.out.flush();
    }
}
