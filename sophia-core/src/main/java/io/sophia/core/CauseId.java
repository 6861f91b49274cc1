package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * The id of a root cause. The built-in ids are a contract (DESIGN.md): they are added, never
 * renamed. Rule files may define more ids; any non-blank dotted lower-case name is accepted.
 */
public record CauseId(String value) implements Comparable<CauseId> {

    /** {@code build.dockerfile}: the Dockerfile build failed. */
    public static final CauseId BUILD_DOCKERFILE = new CauseId("build.dockerfile");
    /** {@code build.dependency-fetch}: a dependency download failed during the build. */
    public static final CauseId BUILD_DEPENDENCY_FETCH = new CauseId("build.dependency-fetch");
    /** {@code registry.auth}: the image registry denied access. */
    public static final CauseId REGISTRY_AUTH = new CauseId("registry.auth");
    /** {@code registry.unavailable}: the image registry is unreachable or throttling. */
    public static final CauseId REGISTRY_UNAVAILABLE = new CauseId("registry.unavailable");
    /** {@code image.not-found}: the image or tag to deploy does not exist. */
    public static final CauseId IMAGE_NOT_FOUND = new CauseId("image.not-found");
    /** {@code platform.quota}: a platform quota or billing limit was hit. */
    public static final CauseId PLATFORM_QUOTA = new CauseId("platform.quota");
    /** {@code platform.capacity}: the platform has no capacity in the region. */
    public static final CauseId PLATFORM_CAPACITY = new CauseId("platform.capacity");
    /** {@code platform.outage}: the hosting platform has an outage. */
    public static final CauseId PLATFORM_OUTAGE = new CauseId("platform.outage");
    /** {@code auth.deploy-token}: the deploy token is missing, invalid or expired. */
    public static final CauseId AUTH_DEPLOY_TOKEN = new CauseId("auth.deploy-token");
    /** {@code config.missing-secret}: a secret or environment variable is missing. */
    public static final CauseId CONFIG_MISSING_SECRET = new CauseId("config.missing-secret");
    /** {@code config.invalid}: the app or platform configuration is invalid. */
    public static final CauseId CONFIG_INVALID = new CauseId("config.invalid");
    /** {@code app.crash-on-boot}: the app crashes on boot. */
    public static final CauseId APP_CRASH_ON_BOOT = new CauseId("app.crash-on-boot");
    /** {@code app.oom}: the app was killed for memory. */
    public static final CauseId APP_OOM = new CauseId("app.oom");
    /** {@code app.healthcheck-failing}: the app runs but its health check fails. */
    public static final CauseId APP_HEALTHCHECK_FAILING = new CauseId("app.healthcheck-failing");
    /** {@code network.dns}: a service name does not resolve. */
    public static final CauseId NETWORK_DNS = new CauseId("network.dns");
    /** {@code tls.certificate}: a TLS certificate problem. */
    public static final CauseId TLS_CERTIFICATE = new CauseId("tls.certificate");
    /** {@code dependency.down}: a service it depends on is down. */
    public static final CauseId DEPENDENCY_DOWN = new CauseId("dependency.down");
    /** {@code ci.cancelled}: the workflow or a job was cancelled. */
    public static final CauseId CI_CANCELLED = new CauseId("ci.cancelled");
    /** {@code ci.test-failure}: tests failed. */
    public static final CauseId CI_TEST_FAILURE = new CauseId("ci.test-failure");
    /** {@code ci.timeout}: a CI job timed out. */
    public static final CauseId CI_TIMEOUT = new CauseId("ci.timeout");
    /** {@code ci.runner}: the CI runner failed. */
    public static final CauseId CI_RUNNER = new CauseId("ci.runner");
    /** {@code unknown}: the explicit hypothesis that absorbs failures no known cause explains. */
    public static final CauseId UNKNOWN = new CauseId("unknown");

    /** The built-in vocabulary of DESIGN.md, in its order. */
    public static final List<CauseId> BUILT_IN = List.of(
            BUILD_DOCKERFILE, BUILD_DEPENDENCY_FETCH, REGISTRY_AUTH, REGISTRY_UNAVAILABLE, IMAGE_NOT_FOUND,
            PLATFORM_QUOTA, PLATFORM_CAPACITY, PLATFORM_OUTAGE, AUTH_DEPLOY_TOKEN, CONFIG_MISSING_SECRET,
            CONFIG_INVALID, APP_CRASH_ON_BOOT, APP_OOM, APP_HEALTHCHECK_FAILING, NETWORK_DNS, TLS_CERTIFICATE,
            DEPENDENCY_DOWN, CI_CANCELLED, CI_TEST_FAILURE, CI_TIMEOUT, CI_RUNNER, UNKNOWN);

    /**
     * Canonical constructor: rejects invalid components.
     *
     * @param value as {@link #value()}
     */
    public CauseId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("cause id '" + value + "' is not a dotted lower-case name");
        }
    }

    /**
     * The id {@code value}; throws {@link IllegalArgumentException} unless it is a dotted lower-case name.
     *
     * @param value a dotted lower-case name ({@code build.dockerfile})
     * @return the id
     */
    public static CauseId of(String value) {
        return new CauseId(value);
    }

    @Override
    public int compareTo(CauseId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
