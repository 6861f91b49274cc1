package io.sophia.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.GatePolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The config file as written, bound by Jackson: one record per section, one component per key, so that
 * adding a key is adding a component (and a line to {@code config.schema.json}; {@code ConfigSchemaKeysTest}
 * holds the two in step). A component is null when its key is absent. Values whose grammar is Sophia's
 * own (durations, sizes, service kinds, the gate section, webhooks) are read by {@link ConfigValues};
 * {@link ConfigReader} checks what a type cannot say (ranges, references between keys) and builds the
 * public {@link DeploymentConfig}.
 */
record ConfigDocument(String deployment, List<ServiceDoc> services, PipelineDoc pipeline, PlatformDoc platform,
                      ProbeDoc probe, GatePolicy gate,
                      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                      @JsonDeserialize(contentUsing = ConfigValues.ScalarText.class) List<String> rules,
                      AlertsDoc alerts) {

    /** One item of {@code services}. */
    record ServiceDoc(String id, String name, String url, ServiceKind kind, String capability, Boolean critical,
                      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                      @JsonDeserialize(contentUsing = ConfigValues.ScalarText.class) List<String> dependsOn,
                      ExpectDoc expect, HttpDoc http,
                      @JsonDeserialize(using = ConfigValues.OwnerValue.class) OwnerDoc owner) {
    }

    /** {@code services[].owner}: {@code {team, contact}}, or the team alone ({@code owner: payments}). */
    record OwnerDoc(String team, String contact) {
    }

    /** {@code services[].http}: what the service's HTTP checks send and trust. */
    record HttpDoc(@JsonDeserialize(contentUsing = ConfigValues.ScalarText.class) Map<String, String> headers,
                   String tokenEnv, String trustStore, String trustStorePasswordEnv, String clientCertificate,
                   String clientCertificatePasswordEnv,
                   @JsonDeserialize(using = ConfigValues.ScalarText.class) String redirects,
                   @JsonDeserialize(using = ConfigValues.ScalarText.class) String proxy) {
    }

    /** {@code services[].expect}. */
    record ExpectDoc(@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Long> statusCodes,
                     Duration maxLatency, String jsonField,
                     @JsonDeserialize(using = ConfigValues.ScalarText.class) String jsonEquals, Long minCertificateDays,
                     String versionField, String versionHeader, String healthPath) {
    }

    /** {@code pipeline}. */
    record PipelineDoc(GitHubDoc github) {
    }

    /** {@code pipeline.github}. */
    record GitHubDoc(String apiUrl, String repository, Long runId,
                     @JsonDeserialize(using = ConfigValues.ScalarText.class) String workflow, String branch, String tokenEnv,
                     @JsonDeserialize(using = ConfigValues.ByteSize.class) Long maxLogBytes, Boolean allAttempts) {
    }

    /** {@code platform}. */
    record PlatformDoc(FlyDoc fly) {
    }

    /** {@code platform.fly}; {@code apps} keeps the file's order. */
    record FlyDoc(String apiUrl, String tokenEnv, Map<String, String> apps) {
    }

    /** {@code probe}. */
    record ProbeDoc(Duration timeout, Long retries, Long maxConcurrent, Duration budget) {
    }

    /** {@code alerts}. */
    record AlertsDoc(List<DeploymentConfig.Webhook> webhooks) {
    }
}
