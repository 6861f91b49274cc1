package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.HtmlRenderer;

import java.util.List;
import java.util.Objects;

/**
 * Renders an assessment as one self-contained HTML page: inline CSS and inline SVG charts
 * (service status donut, cause probabilities, job timeline with steps, HTTP timing phases), no
 * JavaScript and no external resource; a Content-Security-Policy meta tag forbids both, as a
 * second line of defence behind the escaping.
 *
 * <p>Every string passes through a {@link Redaction} (by default {@link Redaction#patterns()})
 * and is HTML-escaped. Same assessment, same bytes.
 *
 * <p>Stability: public API.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /**
     * {@return the page}
     *
     * @param assessment the assessment
     */
    public static String render(Assessment assessment) {
        return render(assessment, List.of(), Redaction.patterns());
    }

    /**
     * {@return the page with a redaction that also knows secret values}
     *
     * @param assessment the assessment
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, Redaction redaction) {
        return render(assessment, List.of(), redaction);
    }

    /**
     * {@return the page, listing {@code artifacts} (file names), with {@code redaction}}
     *
     * @param assessment the assessment
     * @param artifacts file names of the artifacts written beside the report, listed in it
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, List<String> artifacts, Redaction redaction) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(redaction, "redaction");
        return HtmlRenderer.render(redaction.apply(assessment), redaction.applyEach(artifacts));
    }
}
