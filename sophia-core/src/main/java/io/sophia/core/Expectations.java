package io.sophia.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service must show to count as UP, in the spirit of Gatus conditions
 * ({@code [STATUS] == 200}, {@code [RESPONSE_TIME] < 300}).
 *
 * @param statusCodes        accepted HTTP status codes; empty means any 2xx or 3xx
 * @param maxLatency         slower answers make the service DEGRADED; null means no limit
 * @param jsonField          a JSON pointer ({@code /status}) into the body that must equal {@code jsonEquals}; null for none
 * @param jsonEquals         expected text value of {@code jsonField}
 * @param minCertificateDays fewer days to certificate expiry makes the service DEGRADED; null for none
 * @param versionField       JSON pointer of the deployed version in the health answer; null for none
 * @param versionHeader      response header that carries the deployed version; null for none
 * @param healthPath         path appended to the service url for the check; null for the url itself
 */
public record Expectations(
        List<Integer> statusCodes,
        Duration maxLatency,
        String jsonField,
        String jsonEquals,
        Integer minCertificateDays,
        String versionField,
        String versionHeader,
        String healthPath) {

    /** No expectation beyond a 2xx/3xx answer. */
    public static final Expectations DEFAULT = new Expectations(List.of(), null, null, null, null, null, null, null);

    /**
     * Canonical constructor: copies the collections, so the record is immutable.
     *
     * @param statusCodes        accepted HTTP status codes; empty means any 2xx or 3xx
     * @param maxLatency         slower answers make the service DEGRADED; null means no limit
     * @param jsonField          a JSON pointer ({@code /status}) into the body that must equal {@code jsonEquals}; null
     *                           for none
     * @param jsonEquals         expected text value of {@code jsonField}
     * @param minCertificateDays fewer days to certificate expiry makes the service DEGRADED; null for none
     * @param versionField       JSON pointer of the deployed version in the health answer; null for none
     * @param versionHeader      response header that carries the deployed version; null for none
     * @param healthPath         path appended to the service url for the check; null for the url itself
     */
    public Expectations {
        statusCodes = List.copyOf(Objects.requireNonNullElse(statusCodes, List.of()));
    }

    /**
     * {@return true when {@code code} is accepted}
     *
     * @param code an HTTP status code
     */
    public boolean accepts(int code) {
        return statusCodes.isEmpty() ? code >= 200 && code < 400 : statusCodes.contains(code);
    }

    /** {@return {@link #maxLatency()}, empty when no latency bound is set} */
    public Optional<Duration> maxLatencyOpt() {
        return Optional.ofNullable(maxLatency);
    }
}
