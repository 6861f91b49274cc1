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

    /**
     * {@return a builder starting from {@link #DEFAULT}: {@code
     * Expectations.builder().statusCodes(200).maxLatency(Duration.ofMillis(300)).healthPath("/health").build()}}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Optional parts of {@link Expectations}; every setter returns this builder. */
    public static final class Builder {
        private final List<Integer> statusCodes = new java.util.ArrayList<>();
        private Duration maxLatency;
        private String jsonField;
        private String jsonEquals;
        private Integer minCertificateDays;
        private String versionField;
        private String versionHeader;
        private String healthPath;

        private Builder() {
        }

        /**
         * Adds accepted status codes (none: any 2xx or 3xx).
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder statusCodes(int... codes) {
            for (int c : codes) {
                statusCodes.add(c);
            }
            return this;
        }

        /**
         * Adds accepted status codes (none: any 2xx or 3xx).
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder statusCodes(List<Integer> codes) {
            statusCodes.addAll(codes);
            return this;
        }

        /**
         * Slower answers make the service DEGRADED.
         *
         * @param maxLatency the max latency
         * @return this builder
         */
        public Builder maxLatency(Duration maxLatency) {
            this.maxLatency = maxLatency;
            return this;
        }

        /**
         * The JSON field (a pointer, {@code /status}) that must have the text value {@code equals}.
         *
         * @param pointer the pointer
         * @param equals the equals
         * @return this builder
         */
        public Builder jsonField(String pointer, String equals) {
            this.jsonField = pointer;
            this.jsonEquals = equals;
            return this;
        }

        /**
         * Fewer days to certificate expiry make the service DEGRADED.
         *
         * @param days the days
         * @return this builder
         */
        public Builder minCertificateDays(Integer days) {
            this.minCertificateDays = days;
            return this;
        }

        /**
         * JSON pointer of the deployed version in the health answer.
         *
         * @param pointer the pointer
         * @return this builder
         */
        public Builder versionField(String pointer) {
            this.versionField = pointer;
            return this;
        }

        /**
         * Response header that carries the deployed version.
         *
         * @param header the header
         * @return this builder
         */
        public Builder versionHeader(String header) {
            this.versionHeader = header;
            return this;
        }

        /**
         * Path appended to the service url for the check.
         *
         * @param path the path
         * @return this builder
         */
        public Builder healthPath(String path) {
            this.healthPath = path;
            return this;
        }

        /** {@return the expectations} */
        public Expectations build() {
            return new Expectations(statusCodes, maxLatency, jsonField, jsonEquals, minCertificateDays, versionField,
                    versionHeader, healthPath);
        }
    }
}
