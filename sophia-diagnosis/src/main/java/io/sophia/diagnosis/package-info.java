/**
 * Sophia's diagnosis: why a deployment fails, with honest probabilities.
 *
 * <ul>
 * <li>{@link io.sophia.diagnosis.Diagnosis} — the {@link io.sophia.core.Diagnoser}: service status
 *     from all observations, ranked root causes with evidence for and against, anomalies, impact,
 *     actions and the gate. {@code Diagnosis.ofDefaults()} or {@code Diagnosis.builder()}.</li>
 * <li>{@link io.sophia.diagnosis.KnowledgeBase} — causes, priors, evidence rules and remedies; the
 *     built-in one is the resource {@code io/sophia/diagnosis/knowledge-base.yaml}; rule files
 *     (YAML/JSON) add or override without Java. Errors: {@link io.sophia.diagnosis.InputException}.</li>
 * <li>{@link io.sophia.diagnosis.GatePolicy} — go/no-go criteria, weights and key criteria.</li>
 * <li>{@link io.sophia.diagnosis.LogScanner} — the {@link io.sophia.core.LogAnalyzer} that turns CI logs
 *     into log findings with indications.</li>
 * <li>{@link io.sophia.diagnosis.InputTree} — the one line-aware reader of YAML/JSON input (rule files,
 *     indication files, and the report module's deployment config) and the one duration grammar;
 *     {@link io.sophia.diagnosis.InputException} — the one error type of that input, naming file, line
 *     and key.</li>
 * </ul>
 *
 * <p>Everything under {@code .internal} may change without notice. Stability of the public types is
 * stated on each.
 */
package io.sophia.diagnosis;
