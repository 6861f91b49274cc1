package io.sophia.report;

import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child process of {@link ReportFilesTest}'s killed-writer test: writes generation after
 * generation of a four-file set into a directory, announcing each on stdout, until it is killed.
 */
public final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String padding = "x".repeat(1 << 20);
        for (int gen = 0; ; gen++) {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : ReportFiles.FILE_NAMES) {
                files.put(name, "gen=" + gen + "\n" + padding + "\nend\n");
            }
            // small chunks keep the process inside a write most of the time
            ReportSet.write(dir, files, (name, bytes, out) -> {
                for (int off = 0; off < bytes.length; off += 8192) {
                    out.write(bytes, off, Math.min(8192, bytes.length - off));
                }
            }, ReportFiles.DEFAULT_LOCK_WAIT);
            System.out.println("wrote " + gen);
            System.out.flush();
        }
    }
}
