package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.ReportSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : ReportFiles.FILE_NAMES) {
            out.put(name, Files.readAllBytes(dir.resolve(name)));
        }
        return out;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_disk_that_fills_up_mid_write_leaves_the_previous_set_and_no_temporary_file(@TempDir Path dir)
            throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        Map<String, byte[]> before = snapshot(dir);

        // the third file gets half its bytes, then the disk is full
        ReportSet.Sink full = (name, bytes, out) -> {
            if (name.equals(ReportFiles.HTML)) {
                out.write(bytes, 0, bytes.length / 2);
                throw new IOException("No space left on device");
            }
            out.write(bytes);
        };
        ReportWriteException e = assertThrows(ReportWriteException.class,
                () -> ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), full));

        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(dir.toString()),
                e.getMessage());
        assertEquals(dir, e.directory());
        assertEquals(List.of("junit.xml", "report.html", "report.json", "report.md"), listing(dir));
        Map<String, byte[]> after = snapshot(dir);
        for (String name : ReportFiles.FILE_NAMES) {
            assertArrayEquals(before.get(name), after.get(name), name + " changed");
        }
    }

    @Test
    void an_output_path_that_is_a_file_is_a_typed_error(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "not a directory");
        ReportWriteException e = assertThrows(ReportWriteException.class,
                () -> ReportFiles.writeAll(ReferenceScenario.assessment(), file));
        assertTrue(e.getMessage().startsWith("cannot write the reports into " + file), e.getMessage());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void a_directory_in_the_place_of_a_report_fails_before_any_file_is_replaced(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        Map<String, byte[]> before = snapshot(dir);
        Files.delete(dir.resolve(ReportFiles.JUNIT));
        Files.createDirectory(dir.resolve(ReportFiles.JUNIT));

        assertThrows(ReportWriteException.class, () -> ReportFiles.writeAll(ReferenceScenario.hostile(), dir));

        assertArrayEquals(before.get(ReportFiles.MARKDOWN), Files.readAllBytes(dir.resolve(ReportFiles.MARKDOWN)));
        assertFalse(listing(dir).stream().anyMatch(n -> n.startsWith(ReportSet.TMP_PREFIX)), listing(dir)::toString);
    }

    @Test
    void a_write_killed_after_its_files_were_complete_is_finished_and_an_unfinished_one_is_discarded(@TempDir Path dir)
            throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        Map<String, byte[]> before = snapshot(dir);
        // what a process killed while renaming leaves: a committed temporary set, two files already moved
        Path committed = Files.createDirectory(dir.resolve(ReportSet.TMP_PREFIX + "a"));
        for (String name : ReportFiles.FILE_NAMES.subList(2, 4)) {
            Files.writeString(committed.resolve(name), "new " + name);
        }
        Files.writeString(dir.resolve(ReportFiles.MARKDOWN), "new report.md");
        Files.writeString(dir.resolve(ReportFiles.JSON), "new report.json");
        Files.writeString(committed.resolve(".committed"), String.join("\n", ReportFiles.FILE_NAMES));
        // and what one killed while writing leaves: an uncommitted, partial set
        Path partial = Files.createDirectory(dir.resolve(ReportSet.TMP_PREFIX + "b"));
        Files.writeString(partial.resolve(ReportFiles.MARKDOWN), "half");

        ReportFiles.recover(dir);

        assertEquals(List.of("junit.xml", "report.html", "report.json", "report.md"), listing(dir));
        for (String name : ReportFiles.FILE_NAMES) {
            assertEquals("new " + name, Files.readString(dir.resolve(name)));
        }
        assertFalse(before.isEmpty());
    }

    /**
     * A child JVM writes generation after generation of a set and is killed while it writes; the
     * directory then holds one whole set (after the recovery the next write does first), whatever
     * moment the kill hit. The assertion holds at every moment, so the test does not depend on timing.
     */
    @Test
    void a_process_killed_while_writing_leaves_one_whole_set(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), dir.toString()).redirectErrorStream(true).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                said.add(line);
                if (line.equals("wrote 2")) {
                    // generation 3 is being written now
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        }
        assertTrue(said.contains("wrote 2"), () -> "the child did not write: " + said);

        ReportFiles.recover(dir);

        assertEquals(List.of("junit.xml", "report.html", "report.json", "report.md"), listing(dir));
        String gen = null;
        for (String name : ReportFiles.FILE_NAMES) {
            String text = Files.readString(dir.resolve(name));
            String first = text.substring(0, text.indexOf('\n'));
            assertTrue(text.endsWith("\nend\n"), name + " is incomplete");
            gen = gen == null ? first : gen;
            assertEquals(gen, first, "files of different runs: " + name);
        }
        assertTrue(gen.equals("gen=2") || gen.equals("gen=3"), gen);
    }
}
