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
 * </ul>
 *
 * <p>Everything under {@code .internal} may change without notice. Stability of the public types is
 * stated on each.
 */
package io.sophia.diagnosis;
