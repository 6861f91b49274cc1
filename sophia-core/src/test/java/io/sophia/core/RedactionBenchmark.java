package io.sophia.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Time of {@link Secrets#redact} on a mixed log of 1, 2, 4 and 8 MB redacted line by line (and of 1 and 2 MB as
 * one text) (corpus build-log lines with, every 40 lines,
 * a line carrying tokens of the known shapes, a password, a cookie, a JSON escape, a colour code, a percent-encoded
 * URL, full-width and tag-character text), and on hostile texts of 1 MB made for the patterns (long runs of a rule's
 * key and separators with no value, long words after a password key, cookie pairs without end). A program, not a
 * test: its figures depend on the machine. Growth is read from the ratios (8 MB / 1 MB close to 8 is linear).
 *
 * <pre>
 * mvn -B -q -pl sophia-core test-compile
 * java -cp sophia-core/target/classes:sophia-core/target/test-classes io.sophia.core.RedactionBenchmark [corpus dir]
 * </pre>
 */
public final class RedactionBenchmark {

    private RedactionBenchmark() {
    }

    /**
     * Builds the logs, redacts each (after a warm-up) and prints seconds and MB/s.
     *
     * @param args the corpus directory (default {@code ../shared/corpus})
     * @throws IOException when the corpus cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        List<String> lines = corpusLines(corpus.resolve("build-logs/LogChunks-subset/tool/samples"));
        Secrets secrets = Secrets.of(List.of("canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd", "p@ss w~rd!*(x)"));
        String eight = mixed(lines, 8 << 20);
        byLine(secrets, eight.substring(0, cutAtLine(eight, 2 << 20))); // warm-up, not counted
        for (int mb : new int[] {1, 2, 4, 8}) {
            String log = eight.substring(0, cutAtLine(eight, mb << 20));
            long start = System.nanoTime();
            long out = byLine(secrets, log);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-36s %6.3f s  %6.1f MB/s  (%d chars in, %d out)%n",
                    "mixed " + mb + " MB, line by line", s, log.length() / 1e6 / s, log.length(), out);
        }
        for (int mb : new int[] {1, 2}) {
            time("mixed " + mb + " MB as one text", secrets, eight.substring(0, cutAtLine(eight, mb << 20)));
        }
        int mb1 = 1 << 20;
        time("1 MB of 'password: a '", secrets, "password: a ".repeat(mb1 / 12));
        time("1 MB of 'password: '", secrets, "password: ".repeat(mb1 / 10));
        time("1 MB of one word after password=", secrets, "password=" + "a b ".repeat(mb1 / 4));
        time("1 MB of 'Set-Cookie: a=b; '", secrets, "Set-Cookie: " + "a=b; ".repeat(mb1 / 5));
        time("1 MB of 'Cookie: Expires=x, '", secrets, "Cookie: " + "Expires=x, ".repeat(mb1 / 11));
        time("1 MB of 'sk-'", secrets, "sk-".repeat(mb1 / 3));
        time("1 MB of 'sk-a-'", secrets, "sk-" + "a-".repeat(mb1 / 2));
        time("1 MB of '%41'", secrets, "%41".repeat(mb1 / 3));
        time("1 MB of full-width", secrets, "\uFF47\uFF48\uFF50\uFF3F".repeat(mb1 / 4));
        time("1 MB of tag characters", secrets, "\uDB40\uDC67\uDB40\uDC68".repeat(mb1 / 4));
    }

    /** Redacts each line alone, as the renderers redact a field and the log scanner a line; returns chars out. */
    private static long byLine(Secrets secrets, String log) {
        long out = 0;
        for (int from = 0, nl; from < log.length(); from = nl + 1) {
            nl = log.indexOf('\n', from);
            nl = nl < 0 ? log.length() : nl;
            out += secrets.redact(log.substring(from, nl)).length();
        }
        return out;
    }

    private static void time(String label, Secrets secrets, String text) {
        long start = System.nanoTime();
        String out = secrets.redact(text);
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-36s %6.3f s  %6.1f MB/s  (%d chars in, %d out)%n", label, s,
                text.length() / 1e6 / s, text.length(), out.length());
    }

    private static int cutAtLine(String text, int at) {
        int nl = text.indexOf('\n', at);
        return nl < 0 ? text.length() : nl + 1;
    }

    private static List<String> corpusLines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.addAll(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList());
                if (out.size() > 200_000) {
                    break;
                }
            }
        }
        return out;
    }

    /** Corpus lines up to {@code size} characters, with a line of secrets and odd encodings every 40 lines. */
    private static String mixed(List<String> lines, int size) {
        String[] extra = {
            "push failed: ghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N AKIA" + "Q3EGRTX7YCNZ2WLM sk-prod-db-01",
            "Set-Cookie: sid=Zm9vYmFy" + "YmF6MTIzNDU2; Path=/; HttpOnly; SameSite=Lax from upstream",
            "config error: password: correct horse battery staple, line 4",
            "{\"msg\":\"token\\u003dghp_" + "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXcVb6N\\n\"} \u001b[31mred\u001b[0m",
            "GET /cb?next=https%3A%2F%2Fexample.test%2Fx%3Fa%3D1 200 p%40ss%20w~rd!*(x)",
            "\uFF47\uFF48\uFF50\uFF3F\uFF21\uFF11\uFF42\uFF12\uFF23\uFF13\uFF44\uFF14\uFF25\uFF15\uFF46\uFF16 wide",
        };
        StringBuilder b = new StringBuilder(size + 4096);
        for (int i = 0; b.length() < size; i++) {
            b.append(lines.get(i % lines.size())).append('\n');
            if (i % 40 == 39) {
                b.append(extra[(i / 40) % extra.length]).append('\n');
            }
        }
        return b.toString();
    }
}
