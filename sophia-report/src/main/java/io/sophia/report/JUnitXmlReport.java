package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.JUnitXmlRenderer;

import java.util.Objects;

/**
 * Renders an assessment as JUnit XML, so a CI system shows the deployment's health next to its
 * tests: {@code <testsuites>} with a suite {@code sophia.services} (one test case per service,
 * failed when the service is not UP, with the failure and the most probable cause) and a suite
 * {@code sophia.gate} (one test case per gate criterion, failed when the criterion failed; a
 * WARN passes and says so in {@code system-out}).
 *
 * <p>Every string passes through a {@link Redaction}; characters XML 1.0 forbids (control
 * characters, unpaired surrogates) are removed. Same assessment, same bytes.
 *
 * <p>Stability: public API.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    /**
     * {@return the XML document}
     *
     * @param assessment the assessment
     */
    public static String render(Assessment assessment) {
        return render(assessment, Redaction.patterns());
    }

    /**
     * {@return the XML document with a redaction that also knows secret values}
     *
     * @param assessment the assessment
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, Redaction redaction) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(redaction, "redaction");
        return JUnitXmlRenderer.render(redaction.apply(assessment));
    }
}
