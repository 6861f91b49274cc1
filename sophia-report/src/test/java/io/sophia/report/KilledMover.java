package io.sophia.report;

import io.sophia.report.internal.ReportSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The child process of {@link ReportFilesTest}'s killed-between-renames test: writes one whole set
 * (the reference scenario), then a second one (the hostile scenario) and stops for good right
 * after its second rename, announcing it on stdout; the test then reads the directory and kills it.
 */
public final class KilledMover {

    private KilledMover() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), new ReportSet.Sink() {
            @Override
            public void write(String fileName, byte[] bytes, OutputStream out) throws IOException {
                out.write(bytes);
            }

            @Override
            public void moved(String fileName) {
                if (fileName.equals(ReportFiles.JSON)) {
                    System.out.println("moved " + fileName);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE); // until killed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }
}
