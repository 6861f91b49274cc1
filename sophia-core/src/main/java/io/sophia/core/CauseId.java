package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * The id of a root cause. The built-in ids are a contract (DESIGN.md): they are added, never
 * renamed. Rule files may define more ids; any non-blank dotted lower-case name is accepted.
 */
public record CauseId(String value) implements Comparable<CauseId> {

    public static final CauseId BUILD_DOCKERFILE = new CauseId("build.dockerfile");
    public static final CauseId BUILD_DEPENDENCY_FETCH = new CauseId("build.dependency-fetch");
    public static final CauseId REGISTRY_AUTH = new CauseId("registry.auth");
    public static final CauseId REGISTRY_UNAVAILABLE = new CauseId("registry.unavailable");
    public static final CauseId IMAGE_NOT_FOUND = new CauseId("image.not-found");
    public static final CauseId PLATFORM_QUOTA = new CauseId("platform.quota");
    public static final CauseId PLATFORM_CAPACITY = new CauseId("platform.capacity");
    public static final CauseId PLATFORM_OUTAGE = new CauseId("platform.outage");
    public static final CauseId AUTH_DEPLOY_TOKEN = new CauseId("auth.deploy-token");
    public static final CauseId CONFIG_MISSING_SECRET = new CauseId("config.missing-secret");
    public static final CauseId CONFIG_INVALID = new CauseId("config.invalid");
    public static final CauseId APP_CRASH_ON_BOOT = new CauseId("app.crash-on-boot");
    public static final CauseId APP_OOM = new CauseId("app.oom");
    public static final CauseId APP_HEALTHCHECK_FAILING = new CauseId("app.healthcheck-failing");
    public static final CauseId NETWORK_DNS = new CauseId("network.dns");
    public static final CauseId TLS_CERTIFICATE = new CauseId("tls.certificate");
    public static final CauseId DEPENDENCY_DOWN = new CauseId("dependency.down");
    public static final CauseId CI_CANCELLED = new CauseId("ci.cancelled");
    public static final CauseId CI_TEST_FAILURE = new CauseId("ci.test-failure");
    public static final CauseId CI_TIMEOUT = new CauseId("ci.timeout");
    public static final CauseId CI_RUNNER = new CauseId("ci.runner");
    public static final CauseId UNKNOWN = new CauseId("unknown");

    /** The built-in vocabulary of DESIGN.md, in its order. */
    public static final List<CauseId> BUILT_IN = List.of(
            BUILD_DOCKERFILE, BUILD_DEPENDENCY_FETCH, REGISTRY_AUTH, REGISTRY_UNAVAILABLE, IMAGE_NOT_FOUND,
            PLATFORM_QUOTA, PLATFORM_CAPACITY, PLATFORM_OUTAGE, AUTH_DEPLOY_TOKEN, CONFIG_MISSING_SECRET,
            CONFIG_INVALID, APP_CRASH_ON_BOOT, APP_OOM, APP_HEALTHCHECK_FAILING, NETWORK_DNS, TLS_CERTIFICATE,
            DEPENDENCY_DOWN, CI_CANCELLED, CI_TEST_FAILURE, CI_TIMEOUT, CI_RUNNER, UNKNOWN);

    public CauseId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
            throw new IllegalArgumentException("cause id '" + value + "' is not a dotted lower-case name");
        }
    }

    /** The id {@code value}; throws {@link IllegalArgumentException} unless it is a dotted lower-case name. */
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
