/**
 * Sophia's vocabulary: the deployment being looked at ({@link io.sophia.core.Deployment},
 * {@link io.sophia.core.Service}), what probes saw ({@link io.sophia.core.Observation} and its
 * kinds), what the diagnosis concluded ({@link io.sophia.core.Assessment}) and the seams between
 * modules ({@link io.sophia.core.Probe}, {@link io.sophia.core.ProbeExecutor},
 * {@link io.sophia.core.Diagnoser}, {@link io.sophia.core.LogAnalyzer},
 * {@link io.sophia.core.Assessor}), and the two guards every module applies to what it prints or
 * stores: {@link io.sophia.core.Secrets} (the one redaction) and {@link io.sophia.core.RemoteText}
 * (bounds and terminal safety for remote text).
 *
 * <p>Stability: the types in this package are the public API. Record components may be added in a
 * minor version; none is removed or renamed before 1.0 without a deprecation. JDK only.
 */
package io.sophia.core;
