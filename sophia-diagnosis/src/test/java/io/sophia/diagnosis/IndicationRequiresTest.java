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
        Indication none = new Indication("x.y", CauseId.of("build.dependency-fetch"), List.of("a"), List.of("a"), 0.5,
                null, 0, "d", null);
        assertEquals(List.of(), none.requires());
        assertEquals(List.of(), Indication.of("x.y", CauseId.of("build.dependency-fetch"), "a", "a", 0.5, "d")
                .requires());
        assertEquals(List.of(), IndicationSet.parse(RULES.replace("    requires: ['timeout', 'refused']\n", ""),
                "rules.yaml").indications().get(0).requires());
    }

    @Test
    void anEmptyRequiredStringIsAnErrorNamingItsLine() {
        InputException e = assertThrows(InputException.class,
                () -> IndicationSet.parse(RULES.replace("['timeout', 'refused']", "['timeout', '']"), "rules.yaml"));
        assertTrue(e.getMessage().contains("rules.yaml") && e.getMessage().contains("requires"), e.getMessage());
    }

    /**
     * The filter is applied, by each indication's own tag, in a set of several and in built-ins combined with a rule
     * file ({@link IndicationSet#with}): a required list that leaves out a word the pattern reads makes the scanner
     * skip a line the pattern matches (the first test cannot tell: its other line matches no pattern at all), and a
     * multi-line indication opens its window only on a line with a required string.
     */
    @Test
    void theSecondPrefilterIsAppliedByItsIndicationsTag() throws IOException {
        String rules = """
                indications:
                  - id: demo.plain
                    cause: build.dependency-fetch
                    literals: ['alpha-word']
                    pattern: 'alpha-word'
                  - id: demo.host-then-error
                    cause: build.dependency-fetch
                    literals: ['registry.example']
                    requires: ['timeout']
                    pattern: 'registry\\.example.*(timeout|refused)'
                    weight: 0.8
                  - id: demo.window
                    cause: build.dependency-fetch
                    literals: ['mirror.example']
                    requires: ['slow']
                    pattern: 'mirror\\.example.*(slow|down)'
                    followedBy: 'giving up'
                    window: 2
                """;
        IndicationSet own = IndicationSet.parse(rules, "rules.yaml");
        for (IndicationSet set : List.of(own, IndicationSet.builtIn().with(own))) {
            LogScanner scanner = LogScanner.of(set);
            assertEquals(List.of("demo.host-then-error"), ids(scanner, "GET https://registry.example/x: i/o timeout"));
            // the pattern matches, the required list does not hold 'refused': the line is not tried
            assertEquals(List.of(), ids(scanner, "GET https://registry.example/x: connection refused"));
            assertEquals(List.of("demo.plain"), ids(scanner, "alpha-word and registry.example: refused"));
            assertEquals(List.of("demo.window"), ids(scanner, "mirror.example is slow\ngiving up"));
            assertEquals(List.of(), ids(scanner, "mirror.example is down\ngiving up"));
        }
    }

    private static List<String> ids(LogScanner scanner, String log) throws IOException {
        return scanner.analyze(null, new StringReader(log + "\n")).stream()
                .map(io.sophia.core.Observation.LogFinding::indicationId)
                .filter(id -> id.startsWith("demo.")).sorted().toList();
    }

    /**
     * The built-in second prefilters lose no line: no line of the shared corpus (build logs included) or of a labelled
     * scenario file (blind sets left out, read as raw text) holds an indication's literal, matches one of its
     * patterns and lacks every string of its second prefilter. Each line is read as the scanner reads it (its YAML
     * indentation taken off, then {@link io.sophia.diagnosis.internal.logs.LineReader}: no timestamp, whose 7-digit
     * fraction often holds a "500" or a "503", no escape sequence, only the last segment of a carriage return); the
     * patterns are tried with {@link java.util.regex.Pattern} made to read as RE2 does ({@link #oracle}: a
     * backtracking engine is fast on such lines, where RE2/J's NFA took a minute of this test on two cores).
     */
    @Test
    void theBuiltInSecondPrefiltersLoseNoLine() throws IOException {
        List<Indication> with = IndicationSet.builtIn().indications().stream()
                .filter(i -> !i.requires().isEmpty()).toList();
        assertTrue(with.size() >= 4, "indications with a second prefilter: " + with.size());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(LogScannerTest.corpus())) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> list = Files.list(ScenarioLoader.corpusDirectory())) {
            list.filter(p -> p.toString().endsWith(".yaml") && !Scenario.isBlind(p.getFileName().toString()))
                    .forEach(files::add);
        }
        assertTrue(files.size() > 10_000, "files read: " + files.size());
        Lost lost = new Lost(with);
        for (Path f : files) {
            lost.read(f.getFileName().toString(), Fleet.SharedCorpus.text(f));
        }
        assertEquals(List.of(), lost.lines);
        assertTrue(lost.matched > 50, "lines the patterns match: " + lost.matched);
    }

    /**
     * The oracle sees what the scanner sees (review 31: it ran its automaton on the raw line, so a GitHub timestamp's
     * fraction "…15.5003456Z" passed for a required "500" the scanner never sees, and tried Java's regex as Java reads
     * it, whose '.' stops at U+2028 and whose \b is Unicode's in Java 17): a line a mutated prefilter loses is named
     * though its timestamp holds the one required string left, and one RE2 matches across U+2028.
     */
    @Test
    void theOracleNamesALineLostBehindItsTimestamp() {
        Indication host = IndicationSet.builtIn().indications().stream()
                .filter(i -> i.id().equals("fetch.package-host-network")).findFirst().orElseThrow();
        Indication mutated = new Indication(host.id(), host.causeId(), host.literals(), host.patterns(), host.weight(),
                null, 0, host.description(), List.of("500", "502", "503", "504"));
        Lost lost = new Lost(List.of(mutated));
        lost.read("run.log", "2024-03-12T09:41:15.5003456Z npm ERR! request to https://registry.npmjs.org/left-pad"
                + " failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org\n"
                + "  GET https://registry.npmjs.org/x \u2028 ECONNRESET\n");
        assertEquals(2, lost.lines.size(), lost.lines.toString());
        assertEquals(2, lost.matched);
    }

    /** Lines that a pattern of {@code with} matches and its second prefilter would not let through. */
    private static final class Lost {
        private final List<Indication> with;
        private final List<List<java.util.regex.Pattern>> oracles;
        private final io.sophia.diagnosis.internal.logs.LiteralMatcher automaton;
        private final int[] seen;
        private final int[] found;
        private int stamp;
        final List<String> lines = new ArrayList<>();
        int matched;

        Lost(List<Indication> with) {
            this.with = with;
            this.oracles = with.stream().map(i -> i.patterns().stream().map(IndicationRequiresTest::oracle).toList())
                    .toList();
            // the literals of each indication (tag k) and of its second prefilter (tag size + k), in one automaton as
            // the scanner has them
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
            automaton = new io.sophia.diagnosis.internal.logs.LiteralMatcher(literals,
                    tags.stream().mapToInt(Integer::intValue).toArray());
            seen = new int[2 * with.size()];
            found = new int[2 * with.size()];
        }

        void read(String name, String text) {
            // a scenario's log is a YAML block scalar: its indentation is not the log's (no pattern here reads it)
            StringBuilder unindented = new StringBuilder(text.length());
            for (String raw : text.split("\n", -1)) {
                int i = 0;
                while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                    i++;
                }
                unindented.append(raw, i, raw.length()).append('\n');
            }
            var reader = new io.sophia.diagnosis.internal.logs.LineReader(new StringReader(unindented.toString()),
                    io.sophia.diagnosis.internal.logs.LogScan.Options.DEFAULTS.maxLineChars());
            try {
                while (reader.next()) {
                    int hits = automaton.find(reader.buffer(), reader.start(), reader.end(), seen, ++stamp, found);
                    String line = null;
                    for (int h = 0; h < hits; h++) {
                        int k = found[h];
                        if (k >= with.size()) {
                            continue;
                        }
                        line = line == null ? reader.text() : line;
                        if (!matches(oracles.get(k), line)) {
                            continue;
                        }
                        matched++;
                        if (seen[with.size() + k] != stamp) {
                            lines.add(name + ":" + reader.lineNumber() + " " + with.get(k).id() + ": " + line);
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** ASCII's word boundary, as RE2's \b (Java 17's counts any Unicode letter or digit as a word character). */
    private static final String ASCII_BOUNDARY = "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))";

    /**
     * {@code pattern} for {@link java.util.regex.Pattern}, read as RE2/J reads it on a line: '.' matches any character
     * but a newline (DOTALL: a line holds none, and RE2's '.' crosses U+2028, U+0085 and a lone CR), (?i) folds as
     * Unicode's simple case folding does (UNICODE_CASE: U+212A KELVIN SIGN is a 'k'), \b is ASCII's.
     */
    static java.util.regex.Pattern oracle(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length() + 64);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char d = pattern.charAt(++i);
                if (d == 'b') {
                    b.append(ASCII_BOUNDARY);
                } else {
                    b.append(c).append(d);
                }
            } else {
                b.append(c);
            }
        }
        return java.util.regex.Pattern.compile(b.toString(),
                java.util.regex.Pattern.DOTALL | java.util.regex.Pattern.UNICODE_CASE);
    }

    private static boolean matches(List<java.util.regex.Pattern> patterns, String line) {
        for (java.util.regex.Pattern p : patterns) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
