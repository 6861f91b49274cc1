package io.sophia.report;

import io.sophia.core.Assessment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints the size of each rendered report and the mean time to render it for the reference
 * scenario with platform observations. A program, not a test (figures vary by machine and load):
 * <pre>
 * mvn -q -pl sophia-report -am test-compile
 * mvn -q -pl sophia-report dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp sophia-core/target/classes:sophia-report/target/classes:sophia-report/target/test-classes:$(cat /tmp/cp.txt) \
 *      io.sophia.report.ReportBenchmark 500
 * </pre>
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        Assessment a = ReferenceScenario.withPlatform();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        List<Object[]> renderers = List.of(
                new Object[]{"report.md", (Function<Assessment, String>) MarkdownReport::render},
                new Object[]{"report.json", (Function<Assessment, String>) JsonReport::render},
                new Object[]{"report.html", (Function<Assessment, String>) HtmlReport::render},
                new Object[]{"junit.xml", (Function<Assessment, String>) JUnitXmlReport::render},
                new Object[]{"read(report.json)", (Function<Assessment, String>) x -> JsonReport.read(JsonReport.render(x)).deployment()});
        for (Object[] r : renderers) {
            @SuppressWarnings("unchecked")
            Function<Assessment, String> f = (Function<Assessment, String>) r[1];
            for (int i = 0; i < rounds; i++) {
                f.apply(a); // warm-up
            }
            long start = System.nanoTime();
            String out = "";
            for (int i = 0; i < rounds; i++) {
                out = f.apply(a);
            }
            double ms = (System.nanoTime() - start) / 1e6 / rounds;
            System.out.printf(Locale.ROOT, "%-18s %8d bytes  %7.3f ms per render%n", r[0],
                    out.getBytes(StandardCharsets.UTF_8).length, ms);
        }
    }
}
