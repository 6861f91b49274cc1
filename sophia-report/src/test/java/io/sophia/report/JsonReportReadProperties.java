package io.sophia.report;

import io.sophia.core.testing.HostileJson;
import io.sophia.core.Assessment;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.json read back from disk may have been truncated, edited or written by something else:
 * whatever it holds, {@link JsonReport#read(String)} answers with an assessment or a
 * {@link ReportFormatException}, never another exception and never a hang.
 */
class JsonReportReadProperties {

    private static final String VALID = JsonReport.render(ReferenceScenario.assessment());

    @Provide
    Arbitrary<String> reports() {
        return HostileJson.variantsOf(VALID);
    }

    @Property(tries = 200)
    void anyTextIsAReportOrATypedError(@ForAll("reports") String text) {
        // a generous bound: the point is that nothing loops, not how fast it parses
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try {
                Assessment a = JsonReport.read(text);
                assertTrue(a.services() != null);
            } catch (ReportFormatException expected) {
                assertTrue(expected.getMessage() != null && expected.getMessage().length() < 2_000,
                        "the error message is bounded");
            }
        });
    }
}
