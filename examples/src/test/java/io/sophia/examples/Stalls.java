package io.sophia.examples;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lets an end-to-end run against loopback stand-ins hold on a machine that stalls (a CI host with noisy
 * neighbours, a GC pause), while staying quick where it does not.
 *
 * <p>Such a run probes services that answer at once beside one that hangs until the probe's timeout, so
 * the timeout is the run's length: a timeout of tens of seconds on every run would make the suite slow.
 * A run therefore goes first with a short timeout; when its result shows a timeout where an answer was
 * due (what a machine that stalled for longer than the timeout does to a healthy service), it is run
 * again with {@link #PATIENT}, far above what any answer needs, and that run decides. A genuine fault
 * (a service that does not answer) fails the patient run too.
 */
public final class Stalls {

    /** The timeout of the run that decides: a hang guard no stall of a working machine reaches. */
    public static final Duration PATIENT = Duration.ofSeconds(30);

    /** The failure kinds a deadline gives, in report.json's spelling. */
    static final Set<String> TIMEOUT_KINDS = Set.of("CONNECT_TIMEOUT", "READ_TIMEOUT", "DEADLINE_EXCEEDED",
            "NOT_PROBED", "DNS_TIMEOUT");

    private Stalls() {
    }

    /**
     * Runs {@code attempt} with {@code quick}, and again with {@link #PATIENT} when the first result timed out early.
     *
     * @param attempt       one run with the given probe timeout
     * @param quick         the timeout of the first run
     * @param timedOutEarly true of a result that shows a timeout where an answer was due
     * @return the first result when it did not time out early, else the patient run's
     */
    public static <T> T patiently(Function<Duration, T> attempt, Duration quick, Predicate<? super T> timedOutEarly) {
        T first = attempt.apply(quick);
        if (!timedOutEarly.test(first)) {
            return first;
        }
        System.err.println("a run with a " + quick.toMillis() + " ms timeout timed out where an answer was due "
                + "(a stalled machine?); again with " + PATIENT.toSeconds() + " s");
        return attempt.apply(PATIENT);
    }

    /**
     * {@link #timedOutEarly(JsonNode, Set)} of the report.json file {@code report}; false when there is none to judge
     * (missing or unreadable: the test's own assertions say why).
     *
     * @param report  a report.json file
     * @param hanging ids of the services that accept a connection and never answer
     * @return whether the run timed out before an answer that was due
     */
    public static boolean timedOutEarly(java.nio.file.Path report, Set<String> hanging) {
        try {
            return timedOutEarly(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    java.nio.file.Files.readString(report)), hanging);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * True when a report.json holds a failure that only a deadline gives on a service that answers (any but
     * {@code hanging}; the CI and platform probes included), or a connect timeout or an unprobed service among
     * {@code hanging}, whose connection is accepted at once.
     *
     * @param report  a report.json
     * @param hanging ids of the services that accept a connection and never answer
     * @return whether the run timed out before an answer that was due
     */
    public static boolean timedOutEarly(JsonNode report, Set<String> hanging) {
        for (JsonNode o : report.path("observations")) {
            if (!"probe-failure".equals(o.path("type").asText())) {
                continue;
            }
            String kind = o.path("kind").asText();
            boolean hangs = hanging.contains(o.path("serviceId").asText(""));
            if (hangs ? kind.equals("CONNECT_TIMEOUT") || kind.equals("NOT_PROBED") : TIMEOUT_KINDS.contains(kind)) {
                return true;
            }
        }
        return false;
    }
}
