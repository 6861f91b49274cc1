package io.sophia.report;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFilesTest {

    @Test
    void writes_the_four_reports_into_a_directory_it_creates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out/nested");
        List<Path> files = ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("report.json"), dir.resolve("report.html"),
                dir.resolve("junit.xml")), files);
        try (Stream<Path> listing = Files.list(dir)) {
            assertEquals(4, listing.count(), "no temporary file is left behind");
        }
        String md = Files.readString(files.get(0));
        assertTrue(md.contains("## Artifacts\n\n- `report.md`\n- `report.json`\n- `report.html`\n- `junit.xml`\n"));
        Assessment back = JsonReport.read(Files.readString(files.get(1)));
        assertEquals(ReferenceScenario.assessment().services(), back.services());
        assertTrue(Files.readString(files.get(2)).contains("<li><code>junit.xml</code></li>"));
        JUnitXmlReportTest.parse(Files.readString(files.get(3)));
    }

    @Test
    void writing_again_replaces_the_reports_byte_for_byte(@TempDir Path dir) throws Exception {
        List<Path> first = ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        String json = Files.readString(first.get(1));
        Files.writeString(first.get(1), "stale");
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        assertEquals(json, Files.readString(first.get(1)));
    }
}
