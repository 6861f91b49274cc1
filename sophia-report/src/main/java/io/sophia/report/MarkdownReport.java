package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.MarkdownRenderer;

import java.util.List;
import java.util.Objects;

/**
 * Renders an assessment as GitHub-flavoured Markdown that an on-call engineer can forward as is
 * and that reads well as a GitHub Actions step summary: verdict, executive summary, key
 * metrics, service matrix, pipeline with jobs and steps, quoted log evidence, ranked causes with
 * their evidence, anomalies, impact, actions by priority, the gate, platform/MCP/TLS
 * observations when there are any, the artifacts written and a footer.
 *
 * <p>Every string of the assessment passes through a {@link Redaction} (by default
 * {@link Redaction#patterns()}) and is then escaped, so log lines, response bodies and names from
 * APIs cannot inject links, HTML, code spans or table cells. The output depends only on the
 * assessment: the same assessment gives the same bytes.
 *
 * <p>Stability: public API.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /**
     * {@return the full report}
     *
     * @param assessment the assessment
     */
    public static String render(Assessment assessment) {
        return render(assessment, List.of(), Redaction.patterns());
    }

    /**
     * {@return the full report, listing {@code artifacts} (file names) in its Artifacts section}
     *
     * @param assessment the assessment
     * @param artifacts file names of the artifacts written beside the report, listed in it
     */
    public static String render(Assessment assessment, List<String> artifacts) {
        return render(assessment, artifacts, Redaction.patterns());
    }

    /**
     * {@return the full report with a redaction that also knows secret values}
     *
     * @param assessment the assessment
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, Redaction redaction) {
        return render(assessment, List.of(), redaction);
    }

    /**
     * {@return the full report, listing {@code artifacts}, with {@code redaction}}
     *
     * @param assessment the assessment
     * @param artifacts file names of the artifacts written beside the report, listed in it
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, List<String> artifacts, Redaction redaction) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(redaction, "redaction");
        return MarkdownRenderer.render(redaction.apply(assessment), redaction.applyEach(artifacts));
    }

    /**
     * The short form for a terminal or an assertion message: title, verdict, executive
     * summary, one line per service and the top three causes.
     *
     * @param assessment the assessment
     * @return the Markdown text
     */
    public static String summary(Assessment assessment) {
        return summary(assessment, Redaction.patterns());
    }

    /**
     * The short form with {@code redaction}.
     *
     * @param assessment the assessment
     * @param redaction the redaction applied to every text (see {@link Redaction})
     * @return the Markdown text
     */
    public static String summary(Assessment assessment, Redaction redaction) {
        Objects.requireNonNull(assessment, "assessment");
        return MarkdownRenderer.summary(redaction.apply(assessment));
    }
}
