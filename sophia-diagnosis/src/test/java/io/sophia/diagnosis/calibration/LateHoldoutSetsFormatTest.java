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
 * {@code h130-}) and in the thirty-eighth ({@code h131-} to {@code h136-}) are well formed: every file parses under
 * the loader's strict schema (unknown keys are errors, the id equals the file name, the cause is one of the 22 ids), is
 * holdout, names its family, source and origin, carries Fly machine state in several files, and is frozen in its
 * {@code HOLDOUT-N.sha256}.
 *
 * <p>Format only: raw logs go to an analyzer that finds nothing, so this test neither scans the logs with the
 * built-in rules nor runs the diagnosis (so it may run while a set is blind; the consumed sets' per-case results are
 * tuning data, printed by {@code CalibrationTest} as "holdout-7 (consumed)" to
 * "holdout-127 (consumed)").
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

    static Stream<HoldoutSet> sets() {
        return Stream.of(new HoldoutSet(Scenario.holdoutPrefix(7), 7, 36, s -> s.holdoutSet() == 7, false),
                new HoldoutSet(Scenario.holdoutPrefix(8), 8, 40, s -> s.holdoutSet() == 8, false),
                new HoldoutSet(Scenario.holdoutPrefix(9), 9, 46, s -> s.holdoutSet() == 9, false),
                new HoldoutSet(Scenario.holdoutPrefix(10), 10, 44, s -> s.holdoutSet() == 10, false),
                new HoldoutSet(Scenario.holdoutPrefix(11), 11, 40, s -> s.holdoutSet() == 11, false),
                new HoldoutSet(Scenario.holdoutPrefix(12), 12, 44, s -> s.holdoutSet() == 12, false),
                new HoldoutSet(Scenario.holdoutPrefix(13), 13, 48, s -> s.holdoutSet() == 13, false),
                new HoldoutSet(Scenario.holdoutPrefix(14), 14, 48, s -> s.holdoutSet() == 14, false),
                new HoldoutSet(Scenario.holdoutPrefix(15), 15, 48, s -> s.holdoutSet() == 15, false),
                new HoldoutSet(Scenario.holdoutPrefix(16), 16, 48, s -> s.holdoutSet() == 16, false),
                new HoldoutSet(Scenario.holdoutPrefix(17), 17, 48, s -> s.holdoutSet() == 17, false),
                new HoldoutSet(Scenario.holdoutPrefix(18), 18, 48, s -> s.holdoutSet() == 18, false),
                new HoldoutSet(Scenario.holdoutPrefix(19), 19, 48, s -> s.holdoutSet() == 19, false),
                new HoldoutSet(Scenario.holdoutPrefix(20), 20, 48, s -> s.holdoutSet() == 20, false),
                new HoldoutSet(Scenario.holdoutPrefix(21), 21, 48, s -> s.holdoutSet() == 21, false),
                new HoldoutSet(Scenario.holdoutPrefix(22), 22, 48, s -> s.holdoutSet() == 22, false),
                new HoldoutSet(Scenario.holdoutPrefix(23), 23, 48, s -> s.holdoutSet() == 23, false),
                new HoldoutSet(Scenario.holdoutPrefix(24), 24, 48, s -> s.holdoutSet() == 24, false),
                new HoldoutSet(Scenario.holdoutPrefix(25), 25, 48, s -> s.holdoutSet() == 25, false),
                new HoldoutSet(Scenario.holdoutPrefix(26), 26, 48, s -> s.holdoutSet() == 26, false),
                new HoldoutSet(Scenario.holdoutPrefix(27), 27, 48, s -> s.holdoutSet() == 27, false),
                new HoldoutSet(Scenario.holdoutPrefix(28), 28, 48, s -> s.holdoutSet() == 28, false),
                new HoldoutSet(Scenario.holdoutPrefix(29), 29, 48, s -> s.holdoutSet() == 29, false),
                new HoldoutSet(Scenario.holdoutPrefix(30), 30, 48, s -> s.holdoutSet() == 30, false),
                new HoldoutSet(Scenario.holdoutPrefix(31), 31, 48, s -> s.holdoutSet() == 31, false),
                new HoldoutSet(Scenario.holdoutPrefix(32), 32, 48, s -> s.holdoutSet() == 32, false),
                new HoldoutSet(Scenario.holdoutPrefix(33), 33, 48, s -> s.holdoutSet() == 33, false),
                new HoldoutSet(Scenario.holdoutPrefix(34), 34, 48, s -> s.holdoutSet() == 34, false),
                new HoldoutSet(Scenario.holdoutPrefix(35), 35, 48, s -> s.holdoutSet() == 35, false),
                new HoldoutSet(Scenario.holdoutPrefix(36), 36, 48, s -> s.holdoutSet() == 36, false),
                new HoldoutSet(Scenario.holdoutPrefix(37), 37, 48, s -> s.holdoutSet() == 37, false),
                new HoldoutSet(Scenario.holdoutPrefix(38), 38, 48, s -> s.holdoutSet() == 38, false),
                new HoldoutSet(Scenario.holdoutPrefix(39), 39, 48, s -> s.holdoutSet() == 39, false),
                new HoldoutSet(Scenario.holdoutPrefix(40), 40, 48, s -> s.holdoutSet() == 40, false),
                new HoldoutSet(Scenario.holdoutPrefix(41), 41, 48, s -> s.holdoutSet() == 41, false),
                new HoldoutSet(Scenario.holdoutPrefix(42), 42, 48, s -> s.holdoutSet() == 42, false),
                new HoldoutSet(Scenario.holdoutPrefix(43), 43, 48, s -> s.holdoutSet() == 43, false),
                new HoldoutSet(Scenario.holdoutPrefix(44), 44, 48, s -> s.holdoutSet() == 44, false),
                new HoldoutSet(Scenario.holdoutPrefix(45), 45, 48, s -> s.holdoutSet() == 45, false),
                new HoldoutSet(Scenario.holdoutPrefix(46), 46, 48, s -> s.holdoutSet() == 46, false),
                new HoldoutSet(Scenario.holdoutPrefix(47), 47, 48, s -> s.holdoutSet() == 47, false),
                new HoldoutSet(Scenario.holdoutPrefix(48), 48, 48, s -> s.holdoutSet() == 48, false),
                new HoldoutSet(Scenario.holdoutPrefix(49), 49, 48, s -> s.holdoutSet() == 49, false),
                new HoldoutSet(Scenario.holdoutPrefix(50), 50, 48, s -> s.holdoutSet() == 50, false),
                new HoldoutSet(Scenario.holdoutPrefix(51), 51, 48, s -> s.holdoutSet() == 51, false),
                new HoldoutSet(Scenario.holdoutPrefix(52), 52, 48, s -> s.holdoutSet() == 52, false),
                new HoldoutSet(Scenario.holdoutPrefix(53), 53, 48, s -> s.holdoutSet() == 53, false),
                new HoldoutSet(Scenario.holdoutPrefix(54), 54, 48, s -> s.holdoutSet() == 54, false),
                new HoldoutSet(Scenario.holdoutPrefix(55), 55, 48, s -> s.holdoutSet() == 55, false),
                new HoldoutSet(Scenario.holdoutPrefix(56), 56, 48, s -> s.holdoutSet() == 56, false),
                new HoldoutSet(Scenario.holdoutPrefix(57), 57, 48, s -> s.holdoutSet() == 57, false),
                new HoldoutSet(Scenario.holdoutPrefix(58), 58, 48, s -> s.holdoutSet() == 58, false),
                new HoldoutSet(Scenario.holdoutPrefix(59), 59, 48, s -> s.holdoutSet() == 59, false),
                new HoldoutSet(Scenario.holdoutPrefix(60), 60, 48, s -> s.holdoutSet() == 60, false),
                new HoldoutSet(Scenario.holdoutPrefix(61), 61, 48, s -> s.holdoutSet() == 61, false),
                new HoldoutSet(Scenario.holdoutPrefix(62), 62, 48, s -> s.holdoutSet() == 62, false),
                new HoldoutSet(Scenario.holdoutPrefix(63), 63, 48, s -> s.holdoutSet() == 63, false),
                new HoldoutSet(Scenario.holdoutPrefix(64), 64, 48, s -> s.holdoutSet() == 64, false),
                new HoldoutSet(Scenario.holdoutPrefix(65), 65, 48, s -> s.holdoutSet() == 65, false),
                new HoldoutSet(Scenario.holdoutPrefix(66), 66, 48, s -> s.holdoutSet() == 66, false),
                new HoldoutSet(Scenario.holdoutPrefix(67), 67, 48, s -> s.holdoutSet() == 67, false),
                new HoldoutSet(Scenario.holdoutPrefix(68), 68, 48, s -> s.holdoutSet() == 68, false),
                new HoldoutSet(Scenario.holdoutPrefix(69), 69, 48, s -> s.holdoutSet() == 69, false),
                new HoldoutSet(Scenario.holdoutPrefix(70), 70, 48, s -> s.holdoutSet() == 70, false),
                new HoldoutSet(Scenario.holdoutPrefix(71), 71, 48, s -> s.holdoutSet() == 71, false),
                new HoldoutSet(Scenario.holdoutPrefix(72), 72, 48, s -> s.holdoutSet() == 72, false),
                new HoldoutSet(Scenario.holdoutPrefix(73), 73, 48, s -> s.holdoutSet() == 73, false),
                new HoldoutSet(Scenario.holdoutPrefix(74), 74, 48, s -> s.holdoutSet() == 74, false),
                new HoldoutSet(Scenario.holdoutPrefix(75), 75, 48, s -> s.holdoutSet() == 75, false),
                new HoldoutSet(Scenario.holdoutPrefix(76), 76, 48, s -> s.holdoutSet() == 76, false),
                new HoldoutSet(Scenario.holdoutPrefix(77), 77, 48, s -> s.holdoutSet() == 77, false),
                new HoldoutSet(Scenario.holdoutPrefix(78), 78, 48, s -> s.holdoutSet() == 78, false),
                new HoldoutSet(Scenario.holdoutPrefix(79), 79, 48, s -> s.holdoutSet() == 79, false),
                new HoldoutSet(Scenario.holdoutPrefix(80), 80, 48, s -> s.holdoutSet() == 80, false),
                new HoldoutSet(Scenario.holdoutPrefix(81), 81, 48, s -> s.holdoutSet() == 81, false),
                new HoldoutSet(Scenario.holdoutPrefix(82), 82, 48, s -> s.holdoutSet() == 82, false),
                new HoldoutSet(Scenario.holdoutPrefix(83), 83, 48, s -> s.holdoutSet() == 83, false),
                new HoldoutSet(Scenario.holdoutPrefix(84), 84, 48, s -> s.holdoutSet() == 84, false),
                new HoldoutSet(Scenario.holdoutPrefix(85), 85, 48, s -> s.holdoutSet() == 85, false),
                new HoldoutSet(Scenario.holdoutPrefix(86), 86, 48, s -> s.holdoutSet() == 86, false),
                new HoldoutSet(Scenario.holdoutPrefix(87), 87, 48, s -> s.holdoutSet() == 87, false),
                new HoldoutSet(Scenario.holdoutPrefix(88), 88, 48, s -> s.holdoutSet() == 88, false),
                new HoldoutSet(Scenario.holdoutPrefix(89), 89, 48, s -> s.holdoutSet() == 89, false),
                new HoldoutSet(Scenario.holdoutPrefix(90), 90, 48, s -> s.holdoutSet() == 90, false),
                new HoldoutSet(Scenario.holdoutPrefix(91), 91, 48, s -> s.holdoutSet() == 91, false),
                new HoldoutSet(Scenario.holdoutPrefix(92), 92, 48, s -> s.holdoutSet() == 92, false),
                new HoldoutSet(Scenario.holdoutPrefix(93), 93, 48, s -> s.holdoutSet() == 93, false),
                new HoldoutSet(Scenario.holdoutPrefix(94), 94, 48, s -> s.holdoutSet() == 94, false),
                new HoldoutSet(Scenario.holdoutPrefix(95), 95, 48, s -> s.holdoutSet() == 95, false),
                new HoldoutSet(Scenario.holdoutPrefix(96), 96, 48, s -> s.holdoutSet() == 96, false),
                new HoldoutSet(Scenario.holdoutPrefix(97), 97, 48, s -> s.holdoutSet() == 97, false),
                new HoldoutSet(Scenario.holdoutPrefix(98), 98, 48, s -> s.holdoutSet() == 98, false),
                new HoldoutSet(Scenario.holdoutPrefix(99), 99, 48, s -> s.holdoutSet() == 99, false),
                new HoldoutSet(Scenario.holdoutPrefix(100), 100, 48, s -> s.holdoutSet() == 100, false),
                new HoldoutSet(Scenario.holdoutPrefix(101), 101, 48, s -> s.holdoutSet() == 101, false),
                new HoldoutSet(Scenario.holdoutPrefix(102), 102, 48, s -> s.holdoutSet() == 102, false),
                new HoldoutSet(Scenario.holdoutPrefix(103), 103, 48, s -> s.holdoutSet() == 103, false),
                new HoldoutSet(Scenario.holdoutPrefix(104), 104, 48, s -> s.holdoutSet() == 104, false),
                new HoldoutSet(Scenario.holdoutPrefix(105), 105, 48, s -> s.holdoutSet() == 105, false),
                new HoldoutSet(Scenario.holdoutPrefix(106), 106, 48, s -> s.holdoutSet() == 106, false),
                new HoldoutSet(Scenario.holdoutPrefix(107), 107, 48, s -> s.holdoutSet() == 107, false),
                new HoldoutSet(Scenario.holdoutPrefix(108), 108, 48, s -> s.holdoutSet() == 108, false),
                new HoldoutSet(Scenario.holdoutPrefix(109), 109, 48, s -> s.holdoutSet() == 109, false),
                new HoldoutSet(Scenario.holdoutPrefix(110), 110, 48, s -> s.holdoutSet() == 110, false),
                new HoldoutSet(Scenario.holdoutPrefix(111), 111, 48, s -> s.holdoutSet() == 111, false),
                new HoldoutSet(Scenario.holdoutPrefix(112), 112, 48, s -> s.holdoutSet() == 112, false),
                new HoldoutSet(Scenario.holdoutPrefix(113), 113, 48, s -> s.holdoutSet() == 113, false),
                new HoldoutSet(Scenario.holdoutPrefix(114), 114, 48, s -> s.holdoutSet() == 114, false),
                new HoldoutSet(Scenario.holdoutPrefix(115), 115, 48, s -> s.holdoutSet() == 115, false),
                new HoldoutSet(Scenario.holdoutPrefix(116), 116, 48, s -> s.holdoutSet() == 116, false),
                new HoldoutSet(Scenario.holdoutPrefix(117), 117, 48, s -> s.holdoutSet() == 117, false),
                new HoldoutSet(Scenario.holdoutPrefix(118), 118, 48, s -> s.holdoutSet() == 118, false),
                new HoldoutSet(Scenario.holdoutPrefix(119), 119, 48, s -> s.holdoutSet() == 119, false),
                new HoldoutSet(Scenario.holdoutPrefix(120), 120, 48, s -> s.holdoutSet() == 120, false),
                new HoldoutSet(Scenario.holdoutPrefix(121), 121, 48, s -> s.holdoutSet() == 121, false),
                new HoldoutSet(Scenario.holdoutPrefix(122), 122, 48, s -> s.holdoutSet() == 122, false),
                new HoldoutSet(Scenario.holdoutPrefix(123), 123, 48, s -> s.holdoutSet() == 123, false),
                new HoldoutSet(Scenario.holdoutPrefix(124), 124, 48, s -> s.holdoutSet() == 124, false),
                new HoldoutSet(Scenario.holdoutPrefix(125), 125, 48, s -> s.holdoutSet() == 125, false),
                new HoldoutSet(Scenario.holdoutPrefix(126), 126, 48, s -> s.holdoutSet() == 126, false),
                new HoldoutSet(Scenario.holdoutPrefix(127), 127, 48, s -> s.holdoutSet() == 127, false),
                new HoldoutSet(Scenario.holdoutPrefix(128), 128, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(128)), true),
                new HoldoutSet(Scenario.holdoutPrefix(129), 129, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(129)), true),
                new HoldoutSet(Scenario.holdoutPrefix(130), 130, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(130)), true),
                new HoldoutSet(Scenario.holdoutPrefix(131), 131, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(131)), true),
                new HoldoutSet(Scenario.holdoutPrefix(132), 132, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(132)), true),
                new HoldoutSet(Scenario.holdoutPrefix(133), 133, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(133)), true),
                new HoldoutSet(Scenario.holdoutPrefix(134), 134, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(134)), true),
                new HoldoutSet(Scenario.holdoutPrefix(135), 135, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(135)), true),
                new HoldoutSet(Scenario.holdoutPrefix(136), 136, 48,
                        s -> s.blind() && s.id().startsWith(Scenario.holdoutPrefix(136)), true));
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
