package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sixth holdout set ({@code h6-} files, holdout-6; blind until it was scored once on 2026-12-03, consumed since)
 * is well formed: every file parses under the loader's strict
 * schema (unknown keys are errors, the id equals the file name, the cause is one of the 22 ids), is holdout, names
 * its family, source and origin, and is frozen in {@code HOLDOUT-6.sha256}.
 *
 * <p>Format only: raw logs go to an analyzer that finds nothing, so this test neither scans the logs with the
 * built-in rules nor runs the diagnosis (it was written so while the set was blind; since it was consumed its per-case
 * results are tuning data, printed by {@code CalibrationTest} as "holdout-6 (consumed)").
 */
class SixthHoldoutFormatTest {

    private static final ScenarioLoader FORMAT_ONLY = ScenarioLoader.with((origin, log) -> List.of());

    private static List<Scenario> sixth;

    @BeforeAll
    static void load() throws IOException {
        Path dir = ScenarioLoader.corpusDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(Scenario.holdoutPrefix(6)))
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        }
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) {
            // throws ScenarioException naming the file and key on any schema error
            out.add(FORMAT_ONLY.load(f));
        }
        sixth = out;
    }

    @Test
    void the_set_has_about_fifty_consumed_holdout_scenarios_named_after_their_cause() {
        assertTrue(sixth.size() >= 45, "holdout-6 has " + sixth.size());
        for (Scenario s : sixth) {
            assertTrue(s.holdout(), s.id() + " is not holdout");
            // scored blind once (2026-12-03), then consumed: tuning data, frozen as the record of what was written blind
            assertFalse(s.blind(), s.id() + " is still blind");
            assertTrue(s.holdoutSet() == 6 && s.consumed(), s.id() + " is not counted as consumed holdout-6");
            // h6-NN-<cause>-<short>: the label is in the name, so a relabel shows in the file list
            String cause = s.cause().value().replace('.', '-');
            assertTrue(s.id().matches("h6-\\d\\d-" + java.util.regex.Pattern.quote(cause) + "-[a-z0-9-]+"),
                    s.id() + " is not h6-NN-" + cause + "-<short>");
        }
    }

    @Test
    void every_cause_is_covered_and_no_cause_dominates() {
        Map<CauseId, Long> perCause = sixth.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), perCause.keySet(), "holdout-6 covers only " + perCause.keySet());
        assertTrue(perCause.values().stream().allMatch(n -> n <= 4), "holdout-6 per cause " + perCause);
    }

    @Test
    void every_file_names_its_family_source_and_origin_and_the_families_are_varied() {
        Set<String> families = new TreeSet<>();
        for (Scenario s : sixth) {
            String text = ScenarioCorpusTest.read(s.file());
            assertFalse(ScenarioCorpusTest.topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(s.source().isBlank(), s.id() + " has no source");
            assertFalse(s.origin().isBlank(), s.id() + " has no origin");
            families.add(s.family());
        }
        assertTrue(families.size() >= 20, "holdout-6 has only " + families.size() + " families: " + families);
    }

    @Test
    void the_files_are_frozen() throws Exception {
        ScenarioCorpusTest.assertFrozen("HOLDOUT-6.sha256", sixth);
    }
}
