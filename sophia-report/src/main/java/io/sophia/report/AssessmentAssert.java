package io.sophia.report;

import io.sophia.core.Assessment;
import io.sophia.core.GateDecision;
import io.sophia.core.RankedCause;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.report.internal.Formats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fluent assertions on an {@link Assessment} for a host's unit tests, in AssertJ's style but
 * without any dependency: a failed assertion throws a plain {@link AssertionError} whose message
 * explains itself and ends with the short Markdown summary of the assessment.
 *
 * <pre>{@code
 * AssessmentAssert.assertThat(assessment)
 *         .serviceIsUp("mcp-repo")
 *         .topCauseIs("build.dockerfile")
 *         .causeProbabilityAbove("build.dockerfile", 0.5)
 *         .hasAnomaly("stale-version-serving")
 *         .gateIs(GateDecision.Verdict.BLOCKED);
 * }</pre>
 *
 * <p>A failure reads like: {@code Expecting service dashboard to be UP but was DOWN: connection refused}.
 *
 * <p>Stability: public API; new assertions may be added.
 */
public final class AssessmentAssert {

    private final Assessment actual;

    private AssessmentAssert(Assessment actual) {
        this.actual = actual;
    }

    /**
     * Starts assertions on {@code assessment}.
     *
     * @param assessment the assessment to check
     * @return the assertions
     */
    public static AssessmentAssert assertThat(Assessment assessment) {
        if (assessment == null) {
            throw new AssertionError("Expecting an assessment but was null");
        }
        return new AssessmentAssert(assessment);
    }

    /**
     * The service {@code id} is UP.
     *
     * @param id a service id
     * @return this, for chained assertions
     */
    public AssessmentAssert serviceIsUp(String id) {
        return serviceHasStatus(id, Status.UP);
    }

    /**
     * The service {@code id} has {@code status}.
     *
     * @param id a service id
     * @param status the expected status
     * @return this, for chained assertions
     */
    public AssessmentAssert serviceHasStatus(String id, Status status) {
        Objects.requireNonNull(status, "status");
        ServiceHealth s = service(id, "to be " + status);
        if (s.status() != status) {
            fail("Expecting service " + id + " to be " + status + " but was " + s.status()
                    + (s.failure() == null ? "" : ": " + s.failure()));
        }
        return this;
    }

    /**
     * Every service marked critical is UP.
     *
     * @return this, for chained assertions
     */
    public AssessmentAssert allCriticalServicesUp() {
        List<ServiceHealth> notUp = actual.services().stream()
                .filter(s -> s.critical() && s.status() != Status.UP).toList();
        if (!notUp.isEmpty()) {
            fail("Expecting all critical services to be UP but " + notUp.size() + (notUp.size() == 1 ? " was" : " were")
                    + " not:\n" + notUp.stream().map(s -> "  " + s.id() + " " + s.status()
                    + (s.failure() == null ? "" : ": " + s.failure())).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /**
     * The gate has {@code status}.
     *
     * @param status the expected status
     * @return this, for chained assertions
     */
    public AssessmentAssert gateIs(GateDecision.Verdict status) {
        Objects.requireNonNull(status, "status");
        GateDecision g = actual.gate();
        if (g.status() != status) {
            List<String> notPassed = g.criteria().stream().filter(c -> c.outcome() != GateDecision.Outcome.PASS)
                    .map(c -> c.id() + " " + c.outcome() + " (" + Formats.orDash(c.value()) + ")").toList();
            fail("Expecting gate to be " + status + " but was " + g.status()
                    + (notPassed.isEmpty() ? "" : "; criteria not passed: " + String.join(", ", notPassed)));
        }
        return this;
    }

    /**
     * The gate is OPEN.
     *
     * @return this, for chained assertions
     */
    public AssessmentAssert gateIsOpen() {
        return gateIs(GateDecision.Verdict.OPEN);
    }

    /**
     * The most probable cause has id {@code causeId}.
     *
     * @param causeId a cause id ({@code build.dockerfile})
     * @return this, for chained assertions
     */
    public AssessmentAssert topCauseIs(String causeId) {
        Optional<RankedCause> top = actual.topCause();
        if (top.isEmpty()) {
            fail("Expecting top cause to be " + causeId + " but no cause was ranked");
        } else if (!top.get().id().value().equals(causeId)) {
            fail("Expecting top cause to be " + causeId + " but was " + describe(top.get())
                    + rankOf(causeId).map(r -> "; " + causeId + " ranked " + r).orElse("; " + causeId + " was not ranked"));
        }
        return this;
    }

    /**
     * The cause {@code causeId} is ranked with a probability strictly above {@code probability}.
     *
     * @param causeId a cause id ({@code build.dockerfile})
     * @param probability the bound, between 0 and 1
     * @return this, for chained assertions
     */
    public AssessmentAssert causeProbabilityAbove(String causeId, double probability) {
        Optional<RankedCause> c = actual.causes().stream().filter(x -> x.id().value().equals(causeId)).findFirst();
        if (c.isEmpty()) {
            fail("Expecting cause " + causeId + " to have a probability above " + probability
                    + " but it was not ranked (ranked: " + ranked() + ")");
        } else if (!(c.get().probability() > probability)) {
            fail("Expecting cause " + causeId + " to have a probability above " + probability + " but was "
                    + Formats.decimal(c.get().probability(), 4));
        }
        return this;
    }

    /**
     * Some anomaly has kind {@code kind}.
     *
     * @param kind an anomaly kind ({@code stale-version-serving})
     * @return this, for chained assertions
     */
    public AssessmentAssert hasAnomaly(String kind) {
        if (actual.anomalies().stream().noneMatch(x -> Objects.equals(x.kind(), kind))) {
            fail("Expecting an anomaly of kind " + kind + " but found "
                    + (actual.anomalies().isEmpty() ? "none"
                    : actual.anomalies().stream().map(x -> x.kind() + (x.serviceId() == null ? "" : " on " + x.serviceId()))
                    .collect(Collectors.joining(", "))));
        }
        return this;
    }

    /**
     * No cause was ranked (nothing failing needed explaining).
     *
     * @return this, for chained assertions
     */
    public AssessmentAssert hasNoCauses() {
        if (!actual.causes().isEmpty()) {
            fail("Expecting no causes but found " + actual.causes().size() + ": " + ranked());
        }
        return this;
    }

    /** {@return the assessment under test} */
    public Assessment actual() {
        return actual;
    }

    private ServiceHealth service(String id, String expectation) {
        return actual.service(id).orElseThrow(() -> error("Expecting service " + id + " " + expectation
                + " but the assessment has no such service (services: "
                + actual.services().stream().map(ServiceHealth::id).collect(Collectors.joining(", ")) + ")"));
    }

    private Optional<Integer> rankOf(String causeId) {
        for (int i = 0; i < actual.causes().size(); i++) {
            if (actual.causes().get(i).id().value().equals(causeId)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private String ranked() {
        return actual.causes().isEmpty() ? "none"
                : actual.causes().stream().map(AssessmentAssert::describe).collect(Collectors.joining(", "));
    }

    private static String describe(RankedCause c) {
        return c.id().value() + " (" + Formats.percent(c.probability()) + ")";
    }

    private void fail(String message) {
        throw error(message);
    }

    private AssertionError error(String message) {
        Redaction r = Redaction.patterns();
        return new AssertionError(r.apply(message) + "\n\n--- assessment ---\n" + MarkdownReport.summary(actual, r));
    }
}
