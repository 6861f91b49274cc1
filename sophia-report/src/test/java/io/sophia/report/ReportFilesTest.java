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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFilesTest {

    /** What a directory holds after a write: the four files and the lock file writers take turns on. */
    static final List<String> SET = List.of(ReportSet.DIR_LOCK, "junit.xml", "report.html", "report.json", "report.md");

    @Test
    void writes_the_four_reports_into_a_directory_it_creates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out/nested");
        List<Path> files = ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        assertEquals(List.of(dir.resolve("report.md"), dir.resolve("report.json"), dir.resolve("report.html"),
                dir.resolve("junit.xml")), files);
        assertEquals(SET, listing(dir), "no temporary file is left behind, only the writers' lock file");
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
        assertEquals(SET, listing(dir));
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

        List<String> said = ReportFiles.recover(dir);

        // what was found and done, for a warning: each leftover named
        assertEquals(2, said.size(), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.contains(ReportSet.TMP_PREFIX + "a in " + dir)
                && l.endsWith("so report.html, junit.xml were moved into place")), said::toString);
        assertTrue(said.stream().anyMatch(l -> l.contains(ReportSet.TMP_PREFIX + "b in " + dir)
                && l.endsWith("so it was removed and the set before it stays")), said::toString);
        assertEquals(List.of(), ReportFiles.recover(dir), "nothing is left to say");

        assertEquals(SET, listing(dir));
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

        assertEquals(SET, listing(dir));
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

    /**
     * A real rename that fails after the set was committed: another process puts a directory where
     * report.html goes after the writer's own check. The writer reports the committed set; a reader
     * who looks now sees two runs side by side, which {@link ReportFiles#read} refuses; recover()
     * fails typed while the obstacle stays and finishes the set once it is gone.
     */
    @Test
    void a_rename_that_fails_after_the_commit_leaves_a_set_that_recover_finishes(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Path reference = tmp.resolve("reference");
        ReportFiles.writeAll(ReferenceScenario.hostile(), reference);
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        Map<String, byte[]> old = snapshot(dir);
        Path html = dir.resolve(ReportFiles.HTML);
        ReportSet.Sink obstruct = (name, bytes, out) -> {
            out.write(bytes);
            if (name.equals(ReportFiles.JUNIT)) {
                Files.delete(html);
                Files.createDirectory(html);
                Files.writeString(html.resolve("in-the-way"), "x");
            }
        };

        ReportWriteException e = assertThrows(ReportWriteException.class,
                () -> ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), obstruct));

        assertInstanceOf(ReportSet.UnfinishedMove.class, e.getCause());
        assertTrue(e.getMessage().contains("the new set is committed"), e.getMessage());
        assertArrayEquals(Files.readAllBytes(reference.resolve(ReportFiles.MARKDOWN)),
                Files.readAllBytes(dir.resolve(ReportFiles.MARKDOWN)));
        assertArrayEquals(Files.readAllBytes(reference.resolve(ReportFiles.JSON)),
                Files.readAllBytes(dir.resolve(ReportFiles.JSON)));
        assertArrayEquals(old.get(ReportFiles.JUNIT), Files.readAllBytes(dir.resolve(ReportFiles.JUNIT)));
        assertEquals(1, listing(dir).stream().filter(n -> n.startsWith(ReportSet.TMP_PREFIX)).count(), listing(dir)::toString);

        assertThrows(ReportWriteException.class, () -> ReportFiles.recover(dir));
        assertThrows(IOException.class, () -> ReportFiles.read(dir));

        Files.delete(html.resolve("in-the-way"));
        Files.delete(html);
        ReportFiles.recover(dir);

        assertEquals(SET, listing(dir));
        assertSameBytes(snapshot(reference), snapshot(dir));
    }

    @Test
    void every_file_but_report_json_names_the_report_json_of_its_run_and_read_returns_the_set(@TempDir Path dir)
            throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        String json = Files.readString(dir.resolve(ReportFiles.JSON));
        String mark = "<!-- sophia-report-set " + ReportFiles.setOf(json) + " -->\n";
        for (String name : List.of(ReportFiles.MARKDOWN, ReportFiles.HTML, ReportFiles.JUNIT)) {
            assertTrue(Files.readString(dir.resolve(name)).endsWith(mark), name);
        }
        assertEquals(JsonReport.render(ReferenceScenario.assessment()), json, "report.json carries no mark");
        JUnitXmlReportTest.parse(Files.readString(dir.resolve(ReportFiles.JUNIT)));

        Map<String, String> set = ReportFiles.read(dir);

        assertEquals(ReportFiles.FILE_NAMES, List.copyOf(set.keySet()));
        for (String name : ReportFiles.FILE_NAMES) {
            assertEquals(Files.readString(dir.resolve(name)), set.get(name));
        }
    }

    @Test
    void a_file_of_another_run_is_a_mixed_set_naming_the_file(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Path other = tmp.resolve("other");
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        ReportFiles.writeAll(ReferenceScenario.hostile(), other);
        Files.copy(other.resolve(ReportFiles.JUNIT), dir.resolve(ReportFiles.JUNIT), StandardCopyOption.REPLACE_EXISTING);

        MixedReportSetException e = assertThrows(MixedReportSetException.class, () -> ReportFiles.read(dir));

        assertEquals(ReportFiles.JUNIT, e.file());
        assertEquals(dir, e.directory());
        assertFalse(e.getMessage().contains("<"), "the message quotes no report content: " + e.getMessage());
    }

    @Test
    void a_set_written_before_files_carried_the_mark_is_read_as_it_is(@TempDir Path dir) throws Exception {
        for (String name : ReportFiles.FILE_NAMES) {
            Files.writeString(dir.resolve(name), "written by an older Sophia: " + name + "\n");
        }
        assertEquals("written by an older Sophia: report.html\n", ReportFiles.read(dir).get(ReportFiles.HTML));
    }

    /**
     * A child JVM stops for good between its second and third rename, holding its temporary
     * directory's lock, and is then killed: no timing is involved, the child waits where it stopped.
     * While it lives, the directory holds two runs' files; {@link ReportFiles#read} refuses them
     * and leaves the live writer's directory alone. Once it is dead, read finishes its set: the
     * bytes of the second run, as a writer that was never interrupted leaves them.
     */
    @Test
    void a_process_killed_between_two_renames_leaves_a_mix_that_read_never_returns(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("out");
        Path reference = tmp.resolve("reference");
        ReportFiles.writeAll(ReferenceScenario.hostile(), reference);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                KilledMover.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            List<String> said = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null && !line.equals("moved report.json")) {
                said.add(line);
            }
            assertEquals("moved report.json", line, () -> "the child did not stop between renames: " + said);

            // the writer is alive and stopped: report.md and report.json are of its run, the others of the one before
            assertArrayEquals(Files.readAllBytes(reference.resolve(ReportFiles.JSON)), Files.readAllBytes(dir.resolve(ReportFiles.JSON)));
            assertFalse(Arrays.equals(Files.readAllBytes(reference.resolve(ReportFiles.HTML)),
                    Files.readAllBytes(dir.resolve(ReportFiles.HTML))));
            MixedReportSetException mixed = assertThrows(MixedReportSetException.class, () -> ReportFiles.read(dir));
            assertEquals(ReportFiles.HTML, mixed.file());
            assertEquals(1, listing(dir).stream().filter(n -> n.startsWith(ReportSet.TMP_PREFIX)).count(),
                    "a reader leaves a live writer's files alone: " + listing(dir));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not end");
        }

        Map<String, String> set = ReportFiles.read(dir);

        for (String name : ReportFiles.FILE_NAMES) {
            assertEquals(Files.readString(reference.resolve(name)), set.get(name), name);
        }
        assertEquals(SET, listing(dir));
    }

    /**
     * A reader in the same JVM while a writer is half-way through writing its temporary files: the
     * reader gets the previous set, and the writer (whose files the reader's recovery must not
     * delete) completes.
     */
    @Test
    void a_reader_during_a_write_gets_the_previous_set_and_the_write_completes(@TempDir Path dir) throws Exception {
        ReportFiles.writeAll(ReferenceScenario.assessment(), dir);
        Map<String, byte[]> before = snapshot(dir);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        ReportSet.Sink pausing = (name, bytes, out) -> {
            out.write(bytes);
            if (name.equals(ReportFiles.HTML)) {
                halfway.countDown();
                try {
                    read.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CompletableFuture<List<Path>> writer = CompletableFuture.supplyAsync(() -> {
            try {
                return ReportFiles.writeAll(ReferenceScenario.hostile(), dir, Redaction.patterns(), pausing);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(halfway.await(30, TimeUnit.SECONDS));

        Map<String, String> seen = ReportFiles.read(dir);
        read.countDown();

        for (String name : ReportFiles.FILE_NAMES) {
            assertEquals(new String(before.get(name), StandardCharsets.UTF_8), seen.get(name), name);
        }
        assertEquals(4, writer.get(30, TimeUnit.SECONDS).size());
        assertEquals(JsonReport.render(Redaction.patterns().apply(ReferenceScenario.hostile()), Redaction.patterns()),
                ReportFiles.read(dir).get(ReportFiles.JSON));
    }

    private static void assertSameBytes(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }
}
