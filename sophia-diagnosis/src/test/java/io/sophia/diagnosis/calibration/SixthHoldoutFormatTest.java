package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * The third blind set ({@code h6-} files, holdout-6) is well formed: every file parses under the loader's strict
 * schema (unknown keys are errors, the id equals the file name, the cause is one of the 22 ids), is holdout, names
 * its family, source and origin, and is frozen in {@code HOLDOUT-6.sha256}.
 *
 * <p>Format only, on purpose: raw logs go to an analyzer that finds nothing, so this test neither scans the logs
 * with the built-in rules nor runs the diagnosis. Nobody may look at how the knowledge base scores these files
 * before the set is scored once ({@code -Dsophia.scoreBlind=true}).
 */
class SixthHoldoutFormatTest {

    private static final ScenarioLoader FORMAT_ONLY = ScenarioLoader.with((origin, log) -> List.of());

    private static List<Scenario> sixth;

    @BeforeAll
    static void load() throws IOException {
        Path dir = ScenarioLoader.corpusDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(Scenario.SIXTH_HOLDOUT_PREFIX))
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
    void the_set_has_about_fifty_blind_holdout_scenarios_named_after_their_cause() {
        assertTrue(sixth.size() >= 45, "holdout-6 has " + sixth.size());
        for (Scenario s : sixth) {
            assertTrue(s.holdout(), s.id() + " is not holdout");
            assertTrue(s.blind(), s.id() + " is not blind");
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
            String text = read(s.file());
            assertFalse(topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(s.source().isBlank(), s.id() + " has no source");
            assertFalse(s.origin().isBlank(), s.id() + " has no origin");
            families.add(s.family());
        }
        assertTrue(families.size() >= 20, "holdout-6 has only " + families.size() + " families: " + families);
    }

    @Test
    void the_files_are_frozen() throws Exception {
        Path dir = ScenarioLoader.corpusDirectory();
        Map<String, String> frozen = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("HOLDOUT-6.sha256"))) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+", 2);
                frozen.put(parts[1], parts[0]);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Scenario s : sixth) {
            actual.put(s.file().getFileName().toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(s.file()))));
        }
        assertEquals(frozen.keySet(), actual.keySet(), "HOLDOUT-6.sha256: the set changed membership (see scenarios/README.md)");
        for (var e : actual.entrySet()) {
            assertEquals(frozen.get(e.getKey()), e.getValue(), e.getKey()
                    + " changed: holdout files are frozen; see scenarios/README.md before updating HOLDOUT-6.sha256");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String topLevelValue(String yaml, String key) {
        return yaml.lines().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> l.substring(key.length() + 1).trim()).orElse("");
    }
}
