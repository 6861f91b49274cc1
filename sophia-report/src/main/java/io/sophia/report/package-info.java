/**
 * Sophia's reports: {@link io.sophia.report.MarkdownReport} (readable as a GitHub step summary),
 * {@link io.sophia.report.JsonReport} (report.json, stable and versioned, with a JSON Schema, and
 * read back), {@link io.sophia.report.HtmlReport} (one self-contained page with SVG charts),
 * {@link io.sophia.report.JUnitXmlReport}, {@link io.sophia.report.ReportFiles} (all four into a
 * directory), {@link io.sophia.report.Redaction} (secrets never reach a report) and
 * {@link io.sophia.report.AssessmentAssert} (fluent assertions for a host's tests).
 *
 * <p>Every renderer is a pure function of the assessment: the same assessment renders to the
 * same bytes. Stability: the types in this package are the public API; {@code .internal} is not.
 * Depends on sophia-core, jackson-databind and commons-text.
 */
package io.sophia.report;
