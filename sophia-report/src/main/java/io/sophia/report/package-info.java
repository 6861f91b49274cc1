/**
 * The library's front door and Sophia's reports.
 *
 * <ul>
 * <li>{@link io.sophia.report.Sophia} — what {@code sophia check --config} does, as one call or a
 *     builder for hosts that configure in code; {@link io.sophia.report.DeploymentConfig} — the YAML/JSON
 *     config (JSON Schema {@code io/sophia/report/config.schema.json}); {@link io.sophia.report.ProbePlan}
 *     — the probes, executor, diagnosis and redaction of one check.</li>
 * <li>{@link io.sophia.report.MarkdownReport} (readable as a GitHub step summary),
 *     {@link io.sophia.report.JsonReport} (report.json, stable and versioned, with a JSON Schema, and
 *     read back), {@link io.sophia.report.HtmlReport} (one self-contained page with SVG charts),
 *     {@link io.sophia.report.JUnitXmlReport}, {@link io.sophia.report.ReportFiles} (all four into a
 *     directory), {@link io.sophia.report.Redaction} (secrets never reach a report) and
 *     {@link io.sophia.report.AssessmentAssert} (fluent assertions for a host's tests).</li>
 * </ul>
 *
 * <p>Why the facade lives here: it needs the probes, the diagnosis and the redaction; this is the one
 * library module that may see all three (examples → report → probes, diagnosis → core), so the arrows
 * stay one-way and sophia-core stays JDK-only. The config reader and the probe planner are
 * package-private classes beside the records they build ({@code ConfigReader} with the document records
 * Jackson binds, {@code ConfigDocument}, and their value readers, {@code ConfigValues}; {@code Planner}),
 * so that {@code .internal} never imports this package for them.
 *
 * <p>Every renderer is a pure function of the assessment: the same assessment renders to the
 * same bytes. Stability: the types in this package are the public API; {@code .internal} is not.
 * Depends on sophia-core, sophia-probes, sophia-diagnosis, jackson-databind and commons-text.
 */
package io.sophia.report;
