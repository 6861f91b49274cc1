package io.sophia.core;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One service of a deployment.
 *
 * @param id         stable identifier, used in reports and as the key of every observation
 * @param name       human name ("MCP Research")
 * @param url        where the service answers; for {@link ServiceKind#TCP} a {@code tcp://host:port} URI
 * @param kind       how it is probed
 * @param capability what users lose when it is down ("Research capabilities")
 * @param critical   a critical service that is not UP blocks the gate
 * @param dependsOn  ids of services this one needs
 * @param expect     what counts as healthy
 */
public record Service(
        String id,
        String name,
        URI url,
        ServiceKind kind,
        String capability,
        boolean critical,
        List<String> dependsOn,
        Expectations expect) {

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param id         stable identifier, used in reports and as the key of every observation
     * @param name       human name ("MCP Research")
     * @param url        where the service answers; for {@link ServiceKind#TCP} a {@code tcp://host:port} URI
     * @param kind       how it is probed
     * @param capability what users lose when it is down ("Research capabilities")
     * @param critical   a critical service that is not UP blocks the gate
     * @param dependsOn  ids of services this one needs
     * @param expect     what counts as healthy
     */
    public Service {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
        kind = Objects.requireNonNullElse(kind, ServiceKind.HTTP);
        capability = capability == null || capability.isBlank() ? name : capability;
        dependsOn = List.copyOf(Objects.requireNonNullElse(dependsOn, List.of()));
        expect = Objects.requireNonNullElse(expect, Expectations.DEFAULT);
    }

    /**
     * {@return a non-critical HTTP service with default expectations}
     *
     * @param id the service id
     * @param url the url probed
     */
    public static Service http(String id, String url) {
        return new Service(id, id, URI.create(url), ServiceKind.HTTP, null, false, List.of(), null);
    }
}
