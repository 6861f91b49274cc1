package io.sophia.diagnosis.internal.logs;

import io.sophia.diagnosis.IndicationSet;
import io.sophia.diagnosis.LogScanner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan reuses a digit-blind pattern's answer for a line of the same shape (its digits 1 to 9 other): added in session 32
 * after a 100 MB log of one retried message with other numbers in each line ({@code ##[error]Error: connect ETIMEDOUT
 * 10.0.3.7:443 ...}) took six minutes where grep took a fifth of a second. The answer may be reused only when no pattern
 * of the indication tells one digit from another.
 */
class DigitBlindPatternsTest {

    @Test
    void onlyAPatternThatTellsNoDigitOneToNineApartIsDigitBlind() {
        assertTrue(ScanEngine.digitBlind("connect ETIMEDOUT"));
        assertTrue(ScanEngine.digitBlind("(?i)exit (code|status) \\d+"));
        assertTrue(ScanEngine.digitBlind("\\d{3} [A-Z]\\w{2,} x{1,}"));
        assertTrue(ScanEngine.digitBlind("[*-:]+ [^a-z] \\{"));
        assertTrue(ScanEngine.digitBlind("[]x]+ and [^]y]"));
        assertFalse(ScanEngine.digitBlind("exit code 137"));
        assertTrue(ScanEngine.digitBlind("[0-9]+"));
        assertFalse(ScanEngine.digitBlind("[{5}]"), "a digit inside a class");
        assertFalse(ScanEngine.digitBlind("x{5"), "a brace no repetition closes is a literal, and so is its digit");
        assertFalse(ScanEngine.digitBlind("\\x35"), "a character named by its number");
        assertFalse(ScanEngine.digitBlind("\\x{35}"));
        assertFalse(ScanEngine.digitBlind("\\{3\\}"), "an escaped brace: the 3 is a literal");
        assertFalse(ScanEngine.digitBlind("[]5]"), "a ']' first in a class does not end it");
        assertFalse(ScanEngine.digitBlind("\\0"));
        // a zero is kept apart from the other digits: a literal 0 and the ranges 0-9 and 1-9 tell none of 1-9 apart
        assertTrue(ScanEngine.digitBlind("(?i)^\\s*[1-9]\\d* (failing|failed) 0 skipped"));
        assertTrue(ScanEngine.digitBlind("\\b[A-Z][A-Z0-9]*_[A-GI-Z0-9_]{1,3}[[:alpha:]]"));
        assertFalse(ScanEngine.digitBlind("\\b50[0234]\\b"));
        assertFalse(ScanEngine.digitBlind("repo1?\\.maven"));
        assertFalse(ScanEngine.digitBlind("[02]"));
        assertFalse(ScanEngine.digitBlind("[!-0]"), "a range that ends at a digit other than 9");
        assertFalse(ScanEngine.digitBlind("[2-9]"));
        // RE2 reads a count with a leading zero as text, not as a repetition: its digits are literals (found in
        // session 33 by the random test below with other seeds)
        assertFalse(ScanEngine.digitBlind("{09}"));
        assertFalse(ScanEngine.digitBlind("x{1,05}"));
        assertTrue(ScanEngine.digitBlind("x{0,5}"), "a count of zero is a repetition count");
        assertTrue(ScanEngine.digitBlind("x{0}"));
        assertFalse(ScanEngine.digitBlind("[a-z"), "a class that does not end");
    }

    /**
     * Every built-in indication called digit-blind answers alike for each line of indication-cases.tsv (the line it must
     * match and its near miss) and the same line with every digit replaced: the reuse never changes what a scan finds.
     */
    @Test
    void everyBuiltInDigitBlindIndicationAnswersAlikeForLinesOfOneShape() throws IOException {
        IndicationSet set = IndicationSet.builtIn();
        ScanEngine engine = new ScanEngine(set.indications().stream()
                .map(i -> new ScanEngine.Sign(i.id(), i.causeId(), i.literals(), i.patterns(), i.weight(),
                        i.followedBy(), i.window(), i.requires())).toList());
        List<String> lines = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/io/sophia/diagnosis/indication-cases.tsv"))) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!row.startsWith("#")) {
                    String[] cells = row.split("\t");
                    for (int k = 1; k < cells.length; k++) {
                        lines.add(cells[k]);
                    }
                }
            }
        }
        assertTrue(lines.size() > 2_000, "the table's lines: " + lines.size());
        int blind = 0;
        int compared = 0;
        for (ScanEngine.Compiled c : engine.compiled) {
            if (!c.digitBlind()) {
                continue;
            }
            blind++;
            for (String line : lines) {
                if (!holdsALiteral(c, line)) {
                    continue; // a scan tries a pattern only on a line that holds one of its literals
                }
                for (int shift = 1; shift <= 8; shift += 3) {
                    String other = otherDigits(line, shift);
                    if (!other.equals(line)) {
                        compared++;
                        assertEquals(c.matches(line), c.matches(other), c.indication().id() + ": " + line);
                    }
                }
            }
        }
        assertTrue(blind > 1_000, "most indications are digit-blind: " + blind);
        assertTrue(compared > 2_000, "pairs compared: " + compared);
    }

    /** A digit pattern is tried on each line: "exit code 137" after "exit code 136", one shape, still matches. */
    @Test
    void aPatternThatTellsDigitsApartIsTriedOnEveryLine() throws IOException {
        IndicationSet set = IndicationSet.parse("""
                indications:
                  - id: demo.killed
                    cause: app.oom
                    literals: ['exit code']
                    pattern: 'exit code 137'
                    weight: 0.8
                  - id: demo.timeout
                    cause: dependency.down
                    literals: ['ETIMEDOUT']
                    pattern: 'connect ETIMEDOUT \\d+\\.\\d+'
                    weight: 0.8
                """, "rules.yaml");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            log.append("worker ").append(i).append(": exit code 13").append(i % 8).append('\n');
            log.append("Error: connect ETIMEDOUT 10.0.").append(i).append(".9:443\n");
        }
        var findings = LogScanner.of(set).analyze(null, new StringReader(log.toString()));
        var killed = findings.stream().filter(f -> f.indicationId().equals("demo.killed")).toList();
        assertFalse(killed.isEmpty(), "exit code 137 after exit codes 130 to 136 of the same shape: " + findings);
        assertTrue(killed.stream().allMatch(f -> f.line().endsWith("exit code 137")), killed.toString());
        assertTrue(findings.stream().anyMatch(f -> f.indicationId().equals("demo.timeout")), findings.toString());
    }

    /**
     * RE2's {@code \\Q...\\E} quotes its text: a brace or bracket in it is a literal, and so is every digit in it
     * ("retry {3}" is not "retry {2}"). Found in review: the classifier read {@code {3}} as a repetition count and
     * {@code [1-9]} as a class, so the line of one shape that matched later was answered from the cache.
     */
    @Test
    void aDigitQuotedByQAndEIsALiteral() throws IOException {
        assertFalse(ScanEngine.digitBlind("\\Qretry {3}\\E"));
        assertFalse(ScanEngine.digitBlind("\\Q[1-9]\\E"));
        assertFalse(ScanEngine.digitBlind("x\\Q{0}\\E 5"));
        assertTrue(ScanEngine.digitBlind("\\Q{0} [0]\\E \\d{3}"), "a quoted zero, then a repetition count");
        assertFalse(ScanEngine.digitBlind("\\Q[0-9]\\E"), "a quoted 9 is a literal 9");
        IndicationSet set = IndicationSet.parse("""
                indications:
                  - id: demo.third-retry
                    cause: dependency.down
                    literals: ['retry {']
                    pattern: '\\Qretry {3}\\E'
                    weight: 0.8
                """, "rules.yaml");
        var findings = LogScanner.of(set).analyze(null, new StringReader("retry {2}\nretry {3}\n"));
        assertTrue(findings.stream().anyMatch(f -> f.indicationId().equals("demo.third-retry")),
                "retry {3} after retry {2}, one shape: " + findings);
    }

    /**
     * Patterns put together at random from RE2's pieces that touch digits (classes, ranges, POSIX and Unicode classes,
     * repetitions, escapes, quoting, flags): each one the classifier calls digit-blind answers alike for a line and
     * the line with its digits 1 to 9 changed, the lines being random or the pattern's own text (so that it matches).
     * Seeded, so a failure repeats; it found {@code \\Q...\\E} in review.
     */
    @Test
    void randomDigitBlindPatternsAnswerAlikeForLinesOfOneShape() {
        String[] pieces = {"1", "2", "0", "9", "5", "a", "A", "[", "]", "^", "-", "{", "}", ",", "\\", "d", "D", "x",
                "Q", "E", "p", "N", "b", "(", ")", "?", "i", ":", "*", "+", "|", ".", "w", "s", "[:digit:]",
                "[:alpha:]", "{2}", "{1,3}", "\\d", "\\b", "\\pN", "\\p{Nd}", "\\Q", "\\E", "(?i)", "0-9", "1-9",
                "$", "k", "K", "\\x{39}", "\\101", "[^"};
        String alphabet = "0123456789aAbkK ]-[{},:.\\_";
        java.util.Random random = new java.util.Random(32);
        int blind = 0;
        for (int it = 0; it < 300_000; it++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String regex = b.toString();
            if (!ScanEngine.digitBlind(regex)) {
                continue;
            }
            com.google.re2j.Pattern p;
            try {
                p = com.google.re2j.Pattern.compile(regex);
            } catch (com.google.re2j.PatternSyntaxException e) {
                continue;
            }
            blind++;
            for (int t = 0; t < 12; t++) {
                StringBuilder line = new StringBuilder();
                for (int k = random.nextInt(8); k > 0; k--) {
                    line.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String a = t % 3 == 0 ? regex.replace("\\", "") : t % 3 == 1 ? regex : line.toString();
                String other = otherDigits(a, 1 + random.nextInt(8));
                assertEquals(p.matcher(a).find(), p.matcher(other).find(), regex + " on '" + a + "' and '" + other + "'");
            }
        }
        assertTrue(blind > 50_000, "digit-blind patterns tried: " + blind);
    }

    private static boolean holdsALiteral(ScanEngine.Compiled c, String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        return c.indication().literals().stream().anyMatch(l -> lower.contains(l.toLowerCase(java.util.Locale.ROOT)));
    }

    private static String otherDigits(String line, int shift) {
        char[] c = line.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '1' && c[i] <= '9') {
                c[i] = (char) ('1' + (c[i] - '1' + shift) % 9); // a zero stays: shapes keep it apart
            }
        }
        return new String(c);
    }
}
