package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seventh to sixty-ninth holdout sets ({@code h7-} to {@code h69-} files; each blind until it was scored once,
 * in aggregate, consumed since) and the blind sets written in the twenty-second session ({@code h70-} to
 * {@code h76-}, scored once and consumed at the start of the twenty-fourth), in the twenty-third ({@code h77-} to
 * {@code h82-}, scored once and consumed at the start of the twenty-fifth), in the twenty-fourth ({@code h83-} to
 * {@code h88-}, scored once and consumed at the start of the twenty-sixth), in the twenty-fifth ({@code h89-} to
 * {@code h94-}, scored once and consumed at the start of the twenty-seventh), in the twenty-sixth ({@code h95-} to
 * {@code h97-}, scored once and consumed at the start of the twenty-eighth), in the twenty-seventh ({@code h98-} to
 * {@code h100-}, scored once and consumed at the start of the twenty-ninth), in the twenty-eighth ({@code h101-} to
 * {@code h103-}, scored once and consumed at the start of the thirtieth), in the twenty-ninth ({@code h104-} to
 * {@code h106-}, scored once and consumed at the start of the thirty-first), in the thirtieth ({@code h107-} to
 * {@code h109-}, scored once and consumed at the start of the thirty-second), in the thirty-first ({@code h110-} to
 * {@code h112-}, scored once and consumed at the start of the thirty-third), in the thirty-second ({@code h113-} to
 * {@code h115-}, scored once and consumed at the start of the thirty-fourth), in the thirty-third ({@code h116-} to
 * {@code h118-}, scored once and consumed at the start of the thirty-fifth), in the thirty-fourth ({@code h119-}
 * to {@code h121-}, scored once and consumed at the start of the thirty-sixth), in the thirty-fifth ({@code h122-}
 * to {@code h124-}, scored once and consumed at the start of the thirty-seventh), in the thirty-sixth ({@code h125-} to
 * {@code h127-}, scored once and consumed at the start of the thirty-eighth), in the thirty-seventh ({@code h128-} to
 * {@code h130-}, scored once and consumed at the start of the thirty-ninth), in the thirty-eighth ({@code h131-} to
 * {@code h136-}, scored once and consumed at the start of the fortieth), in the thirty-ninth ({@code h137-} to
 * {@code h140-}, scored once and consumed at the start of the forty-first), in the fortieth ({@code h141-} to {@code h144-}, scored once and
 * consumed at the start of the forty-second), in the forty-first ({@code h145-} to {@code h148-}, scored once and
 * consumed at the start of the forty-third), in the forty-second ({@code h149-} to {@code h152-}, scored once and
 * consumed at the start of the forty-fourth), in the forty-third ({@code h153-} to {@code h156-}, scored once and
 * consumed at the start of the forty-fifth), in the forty-fourth ({@code h157-} to {@code h160-}, scored once and
 * consumed at the start of the forty-sixth), in the forty-fifth ({@code h161-} to {@code h164-}, scored once and
 * consumed at the start of the forty-seventh), in the forty-sixth ({@code h165-} to {@code h168-}) and in the
 * forty-seventh ({@code h169-} to {@code h172-}) are well formed: every file parses under the
 * loader's strict schema (unknown keys are errors, the id equals the file name, the cause is one of the 22 ids), is
 * holdout, names its family, source and origin, carries Fly machine state in several files, and is frozen in its
 * {@code HOLDOUT-N.sha256}.
 *
 * <p>Format only: raw logs go to an analyzer that finds nothing, so this test neither scans the logs with the
 * built-in rules nor runs the diagnosis (so it may run while a set is blind; the consumed sets' per-case results are
 * tuning data, printed by {@code CalibrationTest} as "holdout-7 (consumed)" to
 * "holdout-164 (consumed)").
 */
class LateHoldoutSetsFormatTest {

    private static final java.util.regex.Pattern MACHINES_KEY = java.util.regex.Pattern.compile("(?m)^ +machines:");

    private static final ScenarioLoader FORMAT_ONLY = ScenarioLoader.with((origin, log) -> List.of());

    /**
     * One holdout set: its id prefix, its number, the fewest files it was written with, its part, and whether it is
     * still blind (loaded only to be scored) rather than consumed.
     */
    record HoldoutSet(String prefix, int number, int minSize, Predicate<Scenario> counted, boolean blind) {
        @Override
        public String toString() {
            return "holdout-" + number + " (" + prefix + ")";
        }

        List<Scenario> load() throws IOException {
            List<Path> files;
            try (Stream<Path> s = Files.list(ScenarioLoader.corpusDirectory())) {
                files = s.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                        .sorted().toList();
            }
            List<Scenario> out = new ArrayList<>();
            for (Path f : files) {
                // throws ScenarioException naming the file and key on any schema error
                out.add(FORMAT_ONLY.load(f));
            }
            return out;
        }
    }

    /** The last holdout set written: its files have landed (a blind set may be wired in Scenario before they do). */
    static final int LAST_WRITTEN = 172;

    /** The fewest files the first late sets were written with; every later one has 48. */
    private static final Map<Integer, Integer> EARLY_SIZES = Map.of(7, 36, 8, 40, 9, 46, 10, 44, 11, 40, 12, 44);

    static Stream<HoldoutSet> sets() {
        return IntStream.rangeClosed(7, LAST_WRITTEN).mapToObj(n -> {
            String prefix = Scenario.holdoutPrefix(n);
            // a blind set's files load only to be scored (Scenario.BLIND_PREFIXES); a consumed one's are tuning data
            return Scenario.BLIND_PREFIXES.contains(prefix)
                    ? new HoldoutSet(prefix, n, 48, s -> s.blind() && s.id().startsWith(prefix), true)
                    : new HoldoutSet(prefix, n, EARLY_SIZES.getOrDefault(n, 48), s -> s.holdoutSet() == n, false);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void the_set_has_its_holdout_scenarios_named_after_their_cause(HoldoutSet set) throws IOException {
        List<Scenario> scenarios = set.load();
        assertTrue(scenarios.size() >= set.minSize(), set + " has " + scenarios.size());
        for (Scenario s : scenarios) {
            assertTrue(s.holdout(), s.id() + " is not holdout");
            if (set.blind()) {
                assertTrue(set.counted().test(s) && !s.consumed(), s.id() + " is not counted as blind " + set);
            } else {
                assertFalse(s.blind(), s.id() + " is still blind");
                assertTrue(set.counted().test(s) && s.consumed(), s.id() + " is not counted as consumed " + set);
            }
            // hN-NN-<cause>-<short>: the label is in the name, so a relabel shows in the file list
            String cause = s.cause().value().replace('.', '-');
            assertTrue(s.id().matches(java.util.regex.Pattern.quote(set.prefix()) + "\\d\\d-"
                    + java.util.regex.Pattern.quote(cause) + "-[a-z0-9-]+"), s.id() + " is not " + set.prefix()
                    + "NN-" + cause + "-<short>");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void every_cause_is_covered_and_no_cause_dominates(HoldoutSet set) throws IOException {
        Map<CauseId, Long> perCause = set.load().stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), perCause.keySet(), set + " covers only " + perCause.keySet());
        // the writers' brief: every cause at least twice (22 x 2 = 44) and the 4 files left on causes of the writer's
        // choosing, so one cause has at most 6 (h84- put three of them on dependency.down, its theme)
        assertTrue(perCause.values().stream().allMatch(n -> n <= 6), set + " per cause " + perCause);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void every_file_names_its_family_source_and_origin_and_the_families_are_varied(HoldoutSet set) throws IOException {
        Set<String> families = new TreeSet<>();
        for (Scenario s : set.load()) {
            String text = ScenarioCorpusTest.read(s.file());
            assertFalse(ScenarioCorpusTest.topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(s.source().isBlank(), s.id() + " has no source");
            assertFalse(s.origin().isBlank(), s.id() + " has no origin");
            families.add(s.family());
        }
        assertTrue(families.size() >= 20, set + " has only " + families.size() + " families: " + families);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void several_scenarios_carry_fly_machine_state_and_events(HoldoutSet set) throws IOException {
        // h6- had no Machines API observations; users meet Fly machine events first, so these sets must carry some
        long withMachines = set.load().stream()
                // a service's key at any indentation: h122- writes its service list flush with "services:"
                .filter(s -> MACHINES_KEY.matcher(ScenarioCorpusTest.read(s.file())).find()).count();
        // h23- was written for the breadth of tools beyond Fly (Kubernetes, other platforms and CIs): it carries two
        int fewest = set.number() == 23 ? 2 : 4;
        assertTrue(withMachines >= fewest, set + " has only " + withMachines + " scenarios with machines");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void the_files_are_frozen(HoldoutSet set) throws Exception {
        ScenarioCorpusTest.assertFrozen("HOLDOUT-" + set.number() + ".sha256", set.load());
    }
}
