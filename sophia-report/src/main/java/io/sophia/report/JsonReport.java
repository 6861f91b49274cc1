package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.report.internal.JsonCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Renders an assessment as report.json and reads it back.
 *
 * <p>The top-level fields are those DESIGN.md fixes, in this order: {@code schemaVersion},
 * {@code deployment}, {@code generatedAt}, {@code services[]}, {@code pipeline} (the CI run and
 * its jobs with steps, or null when no CI was observed), {@code diagnosis.causes[]} with their
 * {@code evidence[]}, {@code anomalies[]}, {@code impact}, {@code actions[]}, {@code gate} with
 * its {@code criteria[]}, and {@code observations[]} (every observation with a {@code type}
 * discriminator, so every number can be traced to what was seen). The JSON Schema (draft
 * 2020-12) is {@link #schema()}, the resource {@code io/sophia/report/report.schema.json}.
 *
 * <p>Output is byte-identical for the same assessment: fixed field order, two-space
 * indentation, {@code \n} line ends, probabilities and weights rounded half-even to 4 decimals
 * (probabilities adjusted so their sum never exceeds 1), durations in milliseconds, instants
 * in ISO-8601. {@code render(read(render(a)))} equals {@code render(a)}.
 *
 * <p>Every string passes through a {@link Redaction} (by default {@link Redaction#patterns()}).
 *
 * <p>Stability: public API; the JSON format is versioned by {@link Assessment#SCHEMA_VERSION}.
 */
public final class JsonReport {

    /** Class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/io/sophia/report/report.schema.json";

    private JsonReport() {
    }

    /**
     * {@return report.json for {@code assessment}}
     *
     * @param assessment the assessment
     */
    public static String render(Assessment assessment) {
        return render(assessment, Redaction.patterns());
    }

    /**
     * {@return report.json with a redaction that also knows secret values}
     *
     * @param assessment the assessment
     * @param redaction the redaction applied to every text (see {@link Redaction})
     */
    public static String render(Assessment assessment, Redaction redaction) {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(redaction, "redaction");
        return JsonCodec.write(redaction.apply(assessment));
    }

    /**
     * Parses report.json back into an assessment (the derived {@code pipeline} section is
     * rebuilt from the observations, not read). Following the schema's versioning rule, a report
     * of any 1.x version reads: fields this version does not know are ignored and observations of
     * a type it does not know are skipped; a report of another major version is refused.
     *
     *
     * @param json the text of a report.json
     * @return the assessment
     * @throws ReportFormatException when {@code json} is not a report, naming the JSON path
     */
    public static Assessment read(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return JsonCodec.read(json);
        } catch (JsonCodec.FormatError e) {
            // not chained: the codec's message is unmasked, ReportFormatException masks it
            throw new ReportFormatException(e.getMessage());
        }
    }

    /** {@return the JSON Schema (draft 2020-12) of report.json} */
    public static String schema() {
        try (InputStream in = JsonReport.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
