package io.sophia.diagnosis;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicationSetTest {

    private static final Path BUILT_IN_DIRECTORY = Path.of("src/main/resources/io/sophia/diagnosis/indications");

    @Test
    void the_built_in_indications_are_one_file_per_cause_family_each_holding_only_its_family() throws IOException {
        // every family of the cause vocabulary has its file, and there is no file the loader would not read
        List<String> families = CauseId.BUILT_IN.stream().map(IndicationSet::familyOf).distinct().sorted().toList();
        assertEquals(families, IndicationSet.BUILT_IN_FAMILIES.stream().sorted().toList());
        try (var files = Files.list(BUILT_IN_DIRECTORY)) {
            assertEquals(families.stream().map(f -> f + ".yaml").toList(), files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml")).sorted().toList());
        }
        int total = 0;
        for (String family : IndicationSet.BUILT_IN_FAMILIES) {
            IndicationSet file = IndicationSet.load(BUILT_IN_DIRECTORY.resolve(family + ".yaml"));
            assertTrue(file.size() > 0, family);
            for (Indication indication : file.indications()) {
                assertEquals(family, IndicationSet.familyOf(indication.causeId()), indication.id());
            }
            total += file.size();
        }
        // the built-in set is the files in the families' order, nothing dropped or read twice
        assertEquals(total, IndicationSet.builtIn().size());
        assertEquals(IndicationSet.load(BUILT_IN_DIRECTORY.resolve("build.yaml")).indications().get(0),
                IndicationSet.builtIn().indications().get(0));
        // the project README names the files in the order they are read
        String listed = IndicationSet.BUILT_IN_FAMILIES.stream().map(f -> "`" + f + "`")
                .collect(java.util.stream.Collectors.joining(", "));
        assertTrue(Files.readString(Path.of("../README.md")).replaceAll("\\s+", " ").contains(listed), listed);
    }

    /**
     * The built-in files are read together: an id used in two of them, or an indication in the file of another family,
     * is refused with the file and the line to edit (the line of the second id, of the misplaced cause), as a user's
     * own file's problems are; a family whose file the jar lacks (a shaded or filtered jar) is named with its full path.
     */
    @Test
    void the_built_in_files_name_the_file_and_line_of_a_duplicate_id_a_misplaced_cause_or_a_missing_file() {
        String build = """
                indications:
                  - id: demo.one
                    cause: build.dockerfile
                    literals: ['one']
                    pattern: 'one'
                """;
        String registryDuplicate = """
                indications:
                  - id: demo.two
                    cause: registry.auth
                    literals: ['two']
                    pattern: 'two'
                  - id: demo.one
                    cause: registry.auth
                    literals: ['one']
                    pattern: 'one'
                """;
        InputException duplicate = assertThrows(InputException.class, () -> IndicationSet.fromFamilies(
                List.of("build", "registry"), files(Map.of("build", build, "registry", registryDuplicate))));
        assertEquals("indications/registry.yaml", duplicate.file());
        assertEquals(6, duplicate.line(), duplicate.getMessage());
        assertEquals("indications[1].id", duplicate.key());
        assertTrue(duplicate.problem().contains("indications/build.yaml line 2"), duplicate.getMessage());

        String registryMisplaced = """
                indications:
                  - id: demo.two
                    literals: ['two']
                    cause: build.dockerfile
                    pattern: 'two'
                """;
        InputException misplaced = assertThrows(InputException.class, () -> IndicationSet.fromFamilies(
                List.of("build", "registry"), files(Map.of("build", build, "registry", registryMisplaced))));
        assertEquals("indications/registry.yaml", misplaced.file());
        assertEquals(4, misplaced.line(), misplaced.getMessage());
        assertEquals("indications[0].cause", misplaced.key());
        assertTrue(misplaced.problem().contains("build.yaml"), misplaced.getMessage());

        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> IndicationSet.fromFamilies(
                List.of("build", "registry"), files(Map.of("build", build))));
        assertTrue(missing.getMessage().contains("io/sophia/diagnosis/indications/registry.yaml"), missing.getMessage());

        IndicationSet both = IndicationSet.fromFamilies(List.of("build", "registry"),
                files(Map.of("build", build, "registry", registryDuplicate.replace("demo.one", "demo.three"))));
        assertEquals(List.of("demo.one", "demo.two", "demo.three"),
                both.indications().stream().map(Indication::id).toList());
    }

    /** Each family's file as its UTF-8 bytes, none for a family the map does not hold. */
    private static java.util.function.Function<String, byte[]> files(Map<String, String> textOf) {
        return family -> textOf.containsKey(family) ? textOf.get(family).getBytes(StandardCharsets.UTF_8) : null;
    }

    @Test
    void an_invalid_pattern_is_rejected_at_load_with_the_indication_id() {
        String yaml = """
                indications:
                  - id: ok
                    cause: build.dockerfile
                    literal: failed to solve
                    pattern: 'failed to solve'
                  - id: broken-one
                    cause: build.dockerfile
                    literal: executor
                    pattern: 'executor failed running [/bin/sh'
                """;
        InputException e = assertThrows(InputException.class, () -> IndicationSet.parse(yaml, "rules.yaml"));
        assertEquals("indications[1]", e.key());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("rules.yaml line 6: indications[1]: indication broken-one: invalid pattern"),
                e.getMessage());
    }

    @Test
    void backreferences_and_lookarounds_are_not_accepted() {
        for (String pattern : List.of("(a)\\1", "foo(?=bar)", "(?<!x)y")) {
            InputException e = assertThrows(InputException.class, () -> IndicationSet.of(List.of(
                    Indication.of("slow", CauseId.UNKNOWN, "a", pattern, 0.5, ""))));
            assertEquals("indications[slow]", e.key());
        }
    }

    @Test
    void missing_cause_unknown_key_bad_weight_and_duplicate_ids_are_named() {
        assertMessage("indications:\n  - id: a\n    literal: x\n    pattern: x\n", "f.yaml line 2: indications[0].cause: missing (indication a)");
        assertMessage("indications:\n  - id: a\n    cause: unknown\n    literal: x\n    pattern: x\n    wieght: 1\n",
                "f.yaml line 6: indications[0].wieght: unknown key");
        assertMessage("indications:\n  - id: a\n    cause: unknown\n    literal: x\n    pattern: x\n    weight: 3\n",
                "weight 3.0 is not in [0,1]");
        assertMessage("indications:\n  - id: a\n    cause: unknown\n    pattern: x\n", "needs at least one non-empty literal");
        assertMessage("indications:\n  - {id: a, cause: unknown, literal: x, pattern: x}\n"
                + "  - {id: a, cause: unknown, literal: y, pattern: y}\n", "f.yaml line 3: indications[1].id: duplicate id 'a' (first at line 2)");
        assertMessage("indication: []\n", "f.yaml line 1: indications: missing; expected a list");
        assertMessage("indications: [\n", "malformed YAML");
    }

    @Test
    void a_cause_that_is_no_cause_id_is_named_with_its_file_line_and_indication() {
        InputException e = assertThrows(InputException.class, () -> IndicationSet.parse("""
                indications:
                  - id: fine
                    cause: build.dockerfile
                    literal: x
                    pattern: x
                  - id: shouting
                    cause: Build.Dockerfile
                    literal: y
                    pattern: y
                """, "f.yaml"));
        assertEquals("f.yaml", e.file());
        assertEquals(6, e.line());
        assertEquals("indications[1]", e.key());
        assertEquals("indication shouting: cause 'Build.Dockerfile' is not a cause id", e.problem());
        // the typed value arrives whole
        assertEquals(io.sophia.core.CauseId.BUILD_DOCKERFILE, IndicationSet.parse("""
                indications:
                  - {id: fine, causeId: build.dockerfile, literal: x, pattern: x}
                """, "f.yaml").indications().get(0).causeId());
    }

    private static void assertMessage(String yaml, String expected) {
        InputException e = assertThrows(InputException.class, () -> IndicationSet.parse(yaml, "f.yaml"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void a_user_file_adds_and_overrides_built_in_indications(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                indications:
                  - id: registry.rate-limit
                    cause: registry.unavailable
                    weight: 0.5
                    literals: [toomanyrequests]
                    pattern: 'toomanyrequests'
                  - id: acme.migration-failed
                    cause: app.crash-on-boot
                    weight: 0.9
                    literal: 'migration'
                    pattern: 'migration \\d+ failed'
                    description: our release step
                """);
        IndicationSet set = IndicationSet.builtIn().with(IndicationSet.load(file));
        assertEquals(IndicationSet.builtIn().size() + 1, set.size());
        assertEquals(0.5, set.indications().stream().filter(i -> i.id().equals("registry.rate-limit")).findFirst()
                .orElseThrow().weight());
        LogScanner scanner = LogScanner.of(set);
        assertEquals("acme.migration-failed", scanner.analyze(null,
                new java.io.StringReader("migration 20240501 failed\n")).get(0).indicationId());
    }

    @Test
    void every_built_in_cause_is_a_known_root_cause_id() {
        List<CauseId> known = CauseId.BUILT_IN;
        for (Indication i : IndicationSet.builtIn().indications()) {
            assertTrue(known.contains(i.causeId()), i.id() + " -> " + i.causeId());
        }
    }
}
