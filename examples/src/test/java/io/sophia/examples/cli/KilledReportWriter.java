package io.sophia.examples.cli;

import io.sophia.report.ReportFiles;
import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process of {@link KilledWriteCliTest}: a writer of a report directory killed in the middle of its write.
 * It writes a set, says where it stops on stdout and waits there to be killed: {@code half report.html} after half of
 * report.html's bytes (an uncommitted set), or {@code moved report.json} after two of the four renames (a committed
 * set, report.md and report.json of the new run beside the other two of the old one).
 */
public final class KilledReportWriter {

    private KilledReportWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean whileRenaming = args[1].equals("renaming");
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : ReportFiles.FILE_NAMES) {
            files.put(name, "killed writer's " + name + "\n");
        }
        ReportSet.write(dir, files, new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                if (!whileRenaming && fileName.equals(ReportFiles.HTML)) {
                    out.write(bytes, 0, bytes.length / 2);
                    stop("half " + fileName);
                }
                out.write(bytes);
            }

            @Override
            public void moved(String fileName) {
                if (whileRenaming && fileName.equals(ReportFiles.JSON)) {
                    stop("moved " + fileName);
                }
            }
        }, ReportFiles.DEFAULT_LOCK_WAIT);
    }

    private static void stop(String where) {
        System.out.println(where);
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE); // until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
