package io.sophia.diagnosis.calibration;

import io.sophia.core.CauseId;
import io.sophia.core.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labeled corpus is big enough, covers every cause, and keeps an honest holdout part. */
class ScenarioCorpusTest {

    private static List<Scenario> corpus;

    @BeforeAll
    static void load() throws IOException {
        corpus = ScenarioLoader.builtInCorpus(true);
    }

    @Test
    void the_corpus_has_at_least_48_scenarios_with_distinct_ids() {
        assertTrue(corpus.size() >= 48, "only " + corpus.size() + " scenarios");
        assertEquals(corpus.size(), corpus.stream().map(Scenario::id).distinct().count());
    }

    @Test
    void every_cause_other_than_unknown_has_at_least_two_scenarios_and_unknown_has_some() {
        Map<CauseId, Long> perCause = corpus.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        for (CauseId c : CauseId.BUILT_IN) {
            long n = perCause.getOrDefault(c, 0L);
            assertTrue(n >= 2, c + " has " + n + " scenarios; per cause: " + perCause);
        }
    }

    @Test
    void at_least_a_quarter_of_the_corpus_is_holdout_and_it_spans_most_causes() {
        List<Scenario> holdout = corpus.stream().filter(Scenario::holdout).toList();
        assertTrue(holdout.size() >= 14, "holdout has " + holdout.size());
        assertTrue(holdout.size() * 4 >= corpus.size(), holdout.size() + " of " + corpus.size() + " is below 25%");
        Set<CauseId> covered = holdout.stream().map(Scenario::cause).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(covered.size() >= 15, "holdout covers only " + covered);
    }

    @Test
    void the_tuning_part_covers_every_cause_too() {
        Set<CauseId> covered = corpus.stream().filter(s -> !s.holdout()).map(Scenario::cause)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), covered);
    }

    @Test
    void every_scenario_has_a_rationale_and_something_failing_or_a_label_of_unknown() {
        for (Scenario s : corpus) {
            assertFalse(s.rationale().isBlank(), s.id());
            boolean failing = s.observations().stream().anyMatch(o -> o instanceof Observation.ProbeFailure
                    || o instanceof Observation.CiRun r && !"success".equals(r.conclusion())
                    // a job that failed in a run a re-run turned green (p49-26: the first attempt's runner lost)
                    || o instanceof Observation.CiJob j && "failure".equals(j.conclusion())
                    || o instanceof Observation.ConditionCheck c && !c.passed()
                    || o instanceof Observation.PlatformMachine m && !"started".equals(m.state())
                    // a started machine every health check of which is critical (p158-35: a busy Celery worker failing
                    // its ping), which ServiceStates counts DEGRADED for a service with no probe of its own
                    || o instanceof Observation.PlatformMachine m && !m.checks().isEmpty()
                            && m.checks().stream().allMatch(c -> "critical".equals(c.status()))
                    // a started machine restarted after an out-of-memory kill (p173-25), DEGRADED in ServiceStates
                    || o instanceof Observation.PlatformMachine m && m.events().stream()
                            .anyMatch(e -> Boolean.TRUE.equals(e.oomKilled()))
                    // an accepted answer whose body reports a failure in specific words (p173-34), DEGRADED too
                    || o instanceof Observation.HttpCheck h && h.bodyExcerpt() != null
                            && h.bodyExcerpt().matches("(?s).*\"(lastError|state)\"\\s*:\\s*\"(failed|[^\"]*Exception).*")
                    // a handshake whose certificate clients refuse: not trusted (p109-13: an expired intermediate), for
                    // another host, or expired
                    || o instanceof Observation.TlsHandshake t && (!t.trusted() || !t.hostnameMatches()
                            || t.daysToExpiry() < 0)
                    // a green job whose log names a specific failure of something it watches (h45-09: watchtower on the
                    // host unable to pull the tag the pipeline pushed, the service still up on the old image)
                    || o instanceof Observation.LogFinding f && f.causeId() != null && !CauseId.UNKNOWN.equals(f.causeId())
                            && f.score() >= io.sophia.diagnosis.internal.reasoning.Knowledge.LINE_READ_SCORE);
            assertTrue(failing || s.cause().equals(CauseId.UNKNOWN), s.id() + " has nothing failing");
        }
    }

    @Test
    void holdout_files_are_frozen_and_none_was_moved_to_the_tuning_part() throws Exception {
        assertFrozen("HOLDOUT.sha256", corpus.stream().filter(s -> s.holdoutSet() == 1).toList());
    }

    @Test
    void the_blind_second_holdout_files_are_frozen_too() throws Exception {
        // h2- files that were flipped to holdout: false drop out of "actual" and fail the membership check
        assertFrozen("HOLDOUT-2.sha256", corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(2)))
                .filter(Scenario::holdout).toList());
    }

    @Test
    void the_blind_second_holdout_has_24_scenarios_over_at_least_18_causes_with_at_most_two_each() {
        List<Scenario> second = corpus.stream().filter(s -> s.holdoutSet() == 2).toList();
        assertEquals(24, second.size(), "holdout-2 has " + second.size());
        Map<CauseId, Long> perCause = second.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertTrue(perCause.size() >= 18, "holdout-2 covers only " + perCause.keySet());
        assertTrue(perCause.values().stream().allMatch(n -> n <= 2), "more than two per cause: " + perCause);
        assertTrue(corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(2))).allMatch(Scenario::holdout),
                "an h2- file is not holdout");
    }

    @Test
    void the_blind_third_holdout_files_are_frozen_too() throws Exception {
        // h3- files that were flipped to holdout: false drop out of "actual" and fail the membership check
        assertFrozen("HOLDOUT-3.sha256", corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(3)))
                .filter(Scenario::holdout).toList());
    }

    @Test
    void the_blind_third_holdout_has_24_scenarios_covering_all_22_causes() {
        List<Scenario> third = corpus.stream().filter(s -> s.holdoutSet() == 3).toList();
        assertEquals(24, third.size(), "holdout-3 has " + third.size());
        Map<CauseId, Long> perCause = third.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), perCause.keySet(), "holdout-3 covers only " + perCause.keySet());
        assertTrue(perCause.values().stream().allMatch(n -> n <= 2), "more than two per cause: " + perCause);
        assertTrue(corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(3))).allMatch(Scenario::holdout),
                "an h3- file is not holdout");
    }

    @Test
    void the_consumed_fourth_holdout_files_are_frozen_too() throws Exception {
        // h4- files that were flipped to holdout: false drop out of "actual" and fail the membership check
        assertFrozen("HOLDOUT-4.sha256", corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(4)))
                .filter(Scenario::holdout).toList());
    }

    @Test
    void the_consumed_fourth_holdout_has_44_scenarios_every_cause_exactly_twice_from_at_least_12_families() {
        List<Scenario> fourth = corpus.stream().filter(s -> s.holdoutSet() == 4).toList();
        assertEquals(44, fourth.size(), "holdout-4 has " + fourth.size());
        Map<CauseId, Long> perCause = fourth.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), perCause.keySet(), "holdout-4 covers only " + perCause.keySet());
        assertTrue(perCause.values().stream().allMatch(n -> n == 2), "not exactly two per cause: " + perCause);
        assertTrue(corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(4))).allMatch(Scenario::holdout),
                "an h4- file is not holdout");
        // every h4- file names the origin of its text; grouped cross-validation needs varied families
        Set<String> families = new TreeSet<>();
        for (Scenario s : fourth) {
            String text = read(s.file());
            String family = topLevelValue(text, "family");
            assertFalse(family.isBlank(), s.id() + " has no family");
            assertFalse(topLevelValue(text, "source").isBlank(), s.id() + " has no source");
            families.add(family);
        }
        assertTrue(families.size() >= 12, "holdout-4 has only " + families.size() + " families: " + families);
    }

    @Test
    void the_consumed_fifth_holdout_files_are_frozen_too() throws Exception {
        // h5- files that were flipped to holdout: false drop out of "actual" and fail the membership check
        assertFrozen("HOLDOUT-5.sha256", corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(5)))
                .filter(Scenario::holdout).toList());
    }

    @Test
    void the_consumed_fifth_holdout_has_44_scenarios_every_cause_at_least_twice_from_at_least_12_families() {
        List<Scenario> fifth = corpus.stream().filter(s -> s.holdoutSet() == 5).toList();
        assertTrue(fifth.size() >= 44, "holdout-5 has " + fifth.size());
        Map<CauseId, Long> perCause = fifth.stream()
                .collect(Collectors.groupingBy(Scenario::cause, TreeMap::new, Collectors.counting()));
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), perCause.keySet(), "holdout-5 covers only " + perCause.keySet());
        assertTrue(perCause.values().stream().allMatch(n -> n >= 2), "holdout-5 per cause " + perCause);
        assertTrue(corpus.stream().filter(s -> s.id().startsWith(Scenario.holdoutPrefix(5))).allMatch(Scenario::holdout),
                "an h5- file is not holdout");
        // scored blind once (2026-12-03), then consumed: tuning data, frozen as the record of what was written blind
        assertTrue(fifth.stream().noneMatch(Scenario::blind), "an h5- file is still blind");
        Set<String> families = new TreeSet<>();
        for (Scenario s : fifth) {
            String text = read(s.file());
            String family = topLevelValue(text, "family");
            assertFalse(family.isBlank(), s.id() + " has no family");
            assertFalse(topLevelValue(text, "source").isBlank(), s.id() + " has no source");
            families.add(family);
        }
        assertTrue(families.size() >= 12, "holdout-5 has only " + families.size() + " families: " + families);
    }

    @Test
    void the_second_public_text_tuning_set_names_family_and_source_and_covers_every_cause() {
        List<Scenario> p2 = corpus.stream().filter(s -> s.id().startsWith("p2-")).toList();
        assertTrue(p2.size() >= 50, "p2 has " + p2.size());
        assertTrue(p2.stream().noneMatch(Scenario::holdout), "a p2- file is holdout");
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), p2.stream().map(Scenario::cause)
                .collect(Collectors.toCollection(TreeSet::new)), "p2 causes");
        for (Scenario s : p2) {
            String text = read(s.file());
            assertFalse(topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(topLevelValue(text, "source").isBlank(), s.id() + " has no source");
        }
    }

    @Test
    void the_third_public_text_tuning_set_names_family_and_source_and_covers_every_cause() {
        List<Scenario> p3 = corpus.stream().filter(s -> s.id().startsWith("p3-")).toList();
        assertTrue(p3.size() >= 40, "p3 has " + p3.size());
        assertTrue(p3.stream().noneMatch(Scenario::holdout), "a p3- file is holdout");
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), p3.stream().map(Scenario::cause)
                .collect(Collectors.toCollection(TreeSet::new)), "p3 causes");
        for (Scenario s : p3) {
            String text = read(s.file());
            assertFalse(topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(topLevelValue(text, "source").isBlank(), s.id() + " has no source");
        }
    }

    @Test
    void the_fourth_public_text_tuning_set_names_family_and_source_and_shares_no_source_with_another_file() {
        List<Scenario> p4 = corpus.stream().filter(s -> s.id().startsWith("p4-")).toList();
        assertTrue(p4.size() >= 15, "p4 has " + p4.size());
        assertTrue(p4.stream().noneMatch(Scenario::holdout), "a p4- file is holdout");
        Set<String> otherSources = corpus.stream().filter(s -> !s.id().startsWith("p4-")).map(Scenario::source)
                .filter(src -> !src.isBlank()).collect(Collectors.toSet());
        Set<String> families = new TreeSet<>();
        for (Scenario s : p4) {
            String text = read(s.file());
            assertFalse(topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(s.source().isBlank(), s.id() + " has no source");
            // written to check that rules generalise beyond the wording they were written from
            assertFalse(otherSources.contains(s.source()), s.id() + " quotes a source another file already uses");
            families.add(s.family());
        }
        assertTrue(families.size() >= 10, "p4 families " + families);
    }

    @Test
    void the_fifth_public_text_tuning_set_covers_every_cause_and_shares_no_source_with_another_file() {
        assertTrue(publicTextSet("p5-", 40).size() >= 25, "p5 families");
    }

    @Test
    void the_sixth_public_text_tuning_set_covers_every_cause_and_shares_no_source_with_another_file() {
        assertTrue(publicTextSet("p6-", 25).size() >= 20, "p6 families");
    }

    @Test
    void the_seventh_public_text_tuning_set_covers_every_cause_and_shares_no_source_with_another_file() {
        assertTrue(publicTextSet("p7-", 40).size() >= 35, "p7 families");
    }

    @Test
    void the_eighth_public_text_tuning_set_covers_every_cause_and_shares_no_source_with_another_file() {
        assertTrue(publicTextSet("p8-", 45).size() >= 35, "p8 families");
    }

    @Test
    void the_ninth_public_text_tuning_set_covers_every_cause_shares_no_source_and_spreads_over_families() {
        assertTrue(publicTextSet("p9-", 45).size() >= 40, "p9 families");
        Map<String, Long> perFamily = corpus.stream().filter(s -> s.id().startsWith("p9-"))
                .collect(Collectors.groupingBy(Scenario::family, TreeMap::new, Collectors.counting()));
        assertTrue(perFamily.values().stream().allMatch(n -> n <= 4), "p9 families over 4 files: " + perFamily);
    }

    @Test
    void the_tenth_public_text_tuning_set_covers_every_cause_shares_no_source_and_spreads_over_families() {
        assertTrue(publicTextSet("p10-", 35).size() >= 30, "p10 families");
        Map<String, Long> perFamily = corpus.stream().filter(s -> s.id().startsWith("p10-"))
                .collect(Collectors.groupingBy(Scenario::family, TreeMap::new, Collectors.counting()));
        assertTrue(perFamily.values().stream().allMatch(n -> n <= 4), "p10 families over 4 files: " + perFamily);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"p11-", "p12-", "p13-", "p14-", "p15-", "p22-", "p23-", "p24-", "p25-"})
    void the_eleventh_to_thirteenth_public_text_tuning_sets_cover_every_cause_and_share_no_source(String prefix) {
        // one family per file in both: 44 files, 44 families
        assertTrue(publicTextSet(prefix, 40).size() >= 40, prefix + " families");
    }

    /**
     * Checks a tuning set written from public failure text before any rule was tuned for it: at least {@code minSize}
     * files, none holdout, every cause, each naming its family, origin and a source no other file quotes (one source,
     * one file, so that its on-arrival score measures generalisation). Returns its families.
     */
    private static Set<String> publicTextSet(String prefix, int minSize) {
        List<Scenario> set = corpus.stream().filter(s -> s.id().startsWith(prefix)).toList();
        assertTrue(set.size() >= minSize, prefix + " has " + set.size());
        assertTrue(set.stream().noneMatch(Scenario::holdout), "a " + prefix + " file is holdout");
        assertEquals(new TreeSet<>(CauseId.BUILT_IN), set.stream().map(Scenario::cause)
                .collect(Collectors.toCollection(TreeSet::new)), prefix + " causes");
        Set<String> otherSources = corpus.stream().filter(s -> !s.id().startsWith(prefix)).map(Scenario::source)
                .filter(src -> !src.isBlank()).collect(Collectors.toSet());
        Set<String> ownSources = new TreeSet<>();
        Set<String> families = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        for (Scenario s : set) {
            String text = read(s.file());
            assertFalse(topLevelValue(text, "family").isBlank(), s.id() + " has no family");
            assertFalse(topLevelValue(text, "origin").isBlank(), s.id() + " has no origin");
            assertFalse(s.source().isBlank(), s.id() + " has no source");
            if (otherSources.contains(s.source())) {
                shared.add(s.id());
            }
            assertTrue(ownSources.add(s.source()), s.id() + " quotes a source another " + prefix + " file uses");
            families.add(s.family());
        }
        assertEquals(Set.of(), shared, prefix + " files quoting a source another file already uses");
        return families;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The value of a top-level {@code key: value} line, unquoted; blank when absent. */
    static String topLevelValue(String yaml, String key) {
        return yaml.lines().filter(l -> l.startsWith(key + ":")).findFirst()
                .map(l -> l.substring(key.length() + 1).trim().replaceAll("^'|'$", "")).orElse("");
    }

    static void assertFrozen(String listFile, List<Scenario> holdout) throws Exception {
        Path dir = ScenarioLoader.corpusDirectory();
        Map<String, String> frozen = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve(listFile))) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+", 2);
                frozen.put(parts[1], parts[0]);
            }
        }
        Map<String, String> actual = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Scenario s : holdout) {
            actual.put(s.file().getFileName().toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(s.file()))));
        }
        assertEquals(frozen.keySet(), actual.keySet(), listFile + ": the holdout part changed membership (see scenarios/README.md)");
        for (var e : actual.entrySet()) {
            assertEquals(frozen.get(e.getKey()), e.getValue(), e.getKey()
                    + " changed: holdout files are frozen; see scenarios/README.md before updating " + listFile);
        }
    }

    @Test
    void the_reference_scenario_is_in_the_corpus_with_its_six_services_and_its_label() {
        Scenario ref = corpus.stream().filter(s -> s.id().equals("01-reference-seed")).findFirst().orElseThrow();
        assertEquals(6, ref.deployment().services().size());
        assertEquals(CauseId.BUILD_DOCKERFILE, ref.cause());
        assertFalse(ref.holdout(), "the reference scenario is the one everybody tunes on");
    }
}
