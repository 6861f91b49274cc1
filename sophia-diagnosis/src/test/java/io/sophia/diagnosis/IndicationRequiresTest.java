package io.sophia.diagnosis;

import io.sophia.core.CauseId;
import io.sophia.diagnosis.calibration.Scenario;
import io.sophia.diagnosis.calibration.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An indication's second prefilter ({@link Indication#requires()}): a line is tried against its patterns only when it
 * also holds one of those strings. Added in session 31 after a 448 MB log of npm's download lines
 * ({@code npm http fetch GET 200 https://registry.npmjs.org/...}) scanned at a few thousand lines a second: every line
 * named a package host, so fetch.package-host-network's pattern (a host, then a network error) ran on each.
 */
class IndicationRequiresTest {

    private static final String RULES = """
            indications:
              - id: demo.host-then-error
                cause: build.dependency-fetch
                literals: ['registry.example']
                requires: ['timeout', 'refused']
                pattern: 'registry\\.example.*(timeout|refused)'
                weight: 0.8
            """;

    @Test
    void aLineIsReadOnlyWithBothPrefilters() throws IOException {
        IndicationSet set = IndicationSet.parse(RULES, "rules.yaml");
        assertEquals(List.of("timeout", "refused"), set.indications().get(0).requires());
        LogScanner scanner = LogScanner.of(set);
        assertEquals(1, scanner.analyze(null, new StringReader("GET https://registry.example/x: i/o timeout\n")).size());
        assertEquals(List.of(), scanner.analyze(null, new StringReader("GET https://registry.example/x 200 OK\n")));
    }

    @Test
    void aRuleFileWithoutRequiresReadsAsBefore() {
        Indication old = new Indication("x.y", CauseId.of("build.dependency-fetch"), List.of("a"), List.of("a"), 0.5,
                null, 0, "d");
        assertEquals(List.of(), old.requires());
    }

    @Test
    void anEmptyRequiredStringIsAnErrorNamingItsLine() {
        InputException e = assertThrows(InputException.class,
                () -> IndicationSet.parse(RULES.replace("['timeout', 'refused']", "['timeout', '']"), "rules.yaml"));
        assertTrue(e.getMessage().contains("rules.yaml") && e.getMessage().contains("requires"), e.getMessage());
    }

    /**
     * The built-in second prefilters lose no line: no line of the shared corpus (build logs included) or of a labelled
     * scenario file (blind sets left out, read as raw text) holds an indication's literal, matches one of its
     * patterns and lacks every string of its second prefilter. The patterns are tried here with
     * {@link java.util.regex.Pattern} (the same syntax for these; a backtracking engine is fast on such lines, where
     * RE2/J's NFA took a minute of this test on two cores), on each line as read, stripped of its indentation and of a
     * leading timestamp, as the scanner sees a runner's line.
     */
    @Test
    void theBuiltInSecondPrefiltersLoseNoLine() throws IOException {
        List<Indication> with = IndicationSet.builtIn().indications().stream()
                .filter(i -> !i.requires().isEmpty()).toList();
        assertTrue(with.size() >= 4, "indications with a second prefilter: " + with.size());
        List<List<java.util.regex.Pattern>> oracles = with.stream().map(i -> i.patterns().stream()
                .map(java.util.regex.Pattern::compile).toList()).toList();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(LogScannerTest.corpus())) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> list = Files.list(ScenarioLoader.corpusDirectory())) {
            list.filter(p -> p.toString().endsWith(".yaml") && !Scenario.isBlind(p.getFileName().toString()))
                    .forEach(files::add);
        }
        assertTrue(files.size() > 10_000, "files read: " + files.size());
        // the literals of each indication (tag k) and of its second prefilter (tag size + k), in one automaton as the
        // scanner has them
        List<String> literals = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        for (int k = 0; k < with.size(); k++) {
            for (String l : with.get(k).literals()) {
                literals.add(l);
                tags.add(k);
            }
            for (String r : with.get(k).requires()) {
                literals.add(r);
                tags.add(with.size() + k);
            }
        }
        var automaton = new io.sophia.diagnosis.internal.logs.LiteralMatcher(literals,
                tags.stream().mapToInt(Integer::intValue).toArray());
        int[] seen = new int[2 * with.size()];
        int[] found = new int[2 * with.size()];
        int stamp = 0;
        List<String> lost = new ArrayList<>();
        int[] matched = new int[1];
        for (Path f : files) {
            String[] lines = Fleet.SharedCorpus.text(f).split("\n", -1);
            for (int n = 0; n < lines.length; n++) {
                char[] chars = lines[n].toCharArray();
                int hits = automaton.find(chars, 0, chars.length, seen, ++stamp, found);
                for (int h = 0; h < hits; h++) {
                    int k = found[h];
                    if (k >= with.size() || !matches(oracles.get(k), lines[n])) {
                        continue;
                    }
                    matched[0]++;
                    if (seen[with.size() + k] != stamp) {
                        lost.add(f.getFileName() + ":" + (n + 1) + " " + with.get(k).id() + ": " + lines[n].strip());
                    }
                }
            }
        }
        assertEquals(List.of(), lost);
        assertTrue(matched[0] > 50, "lines the patterns match: " + matched[0]);
    }

    private static final java.util.regex.Pattern TIMESTAMP = java.util.regex.Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+Z ");

    private static boolean matches(List<java.util.regex.Pattern> patterns, String line) {
        String stripped = line.strip();
        String bare = TIMESTAMP.matcher(stripped).replaceFirst("");
        for (java.util.regex.Pattern p : patterns) {
            if (p.matcher(line).find() || p.matcher(stripped).find() || p.matcher(bare).find()) {
                return true;
            }
        }
        return false;
    }
}
