package io.sophia.core;

import java.net.URI;
import java.util.ArrayList;
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
 * @param owner      who to call when it fails, or null when the config names nobody
 */
public record Service(
        String id,
        String name,
        URI url,
        ServiceKind kind,
        String capability,
        boolean critical,
        List<String> dependsOn,
        Expectations expect,
        Owner owner) {

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
     * @param owner      who to call when it fails, or null when the config names nobody
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
        return builder(id, url).build();
    }

    /**
     * {@return a builder for a service at {@code url} (an {@code http(s)://} URL, or {@code tcp://host:port} with
     * {@link Builder#kind(ServiceKind) kind(TCP)}); defaults: HTTP, not critical, no dependencies, {@link
     * Expectations#DEFAULT}, name and capability the id}
     *
     * <pre>{@code
     * Service api = Service.builder("api", "https://api.example.com/").critical().dependsOn("db").build();
     * }</pre>
     *
     * @param id the service id
     * @param url the url probed
     */
    public static Builder builder(String id, String url) {
        return new Builder(id, URI.create(url));
    }

    /**
     * {@return like {@link #builder(String, String)} with a URI}
     *
     * @param id the service id
     * @param url the url probed
     */
    public static Builder builder(String id, URI url) {
        return new Builder(id, url);
    }

    /** Optional parts of a {@link Service}; every setter returns this builder. */
    public static final class Builder {
        private final String id;
        private final URI url;
        private String name;
        private ServiceKind kind = ServiceKind.HTTP;
        private String capability;
        private boolean critical;
        private final List<String> dependsOn = new ArrayList<>();
        private Expectations expect = Expectations.DEFAULT;
        private Owner owner;

        private Builder(String id, URI url) {
            this.id = Objects.requireNonNull(id, "id");
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * Human name ("MCP Research"); default the id.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * How it is probed; default HTTP.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(ServiceKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * What users lose when it is down; default the name.
         *
         * @param capability the capability
         * @return this builder
         */
        public Builder capability(String capability) {
            this.capability = capability;
            return this;
        }

        /**
         * Marks the service critical: when it is not UP the gate blocks.
         *
         * @return this builder
         */
        public Builder critical() {
            return critical(true);
        }

        /**
         * Whether the service is critical.
         *
         * @param critical the critical
         * @return this builder
         */
        public Builder critical(boolean critical) {
            this.critical = critical;
            return this;
        }

        /**
         * Adds ids of services this one needs.
         *
         * @param ids the ids
         * @return this builder
         */
        public Builder dependsOn(String... ids) {
            dependsOn.addAll(List.of(ids));
            return this;
        }

        /**
         * Adds ids of services this one needs.
         *
         * @param ids the ids
         * @return this builder
         */
        public Builder dependsOn(List<String> ids) {
            dependsOn.addAll(ids);
            return this;
        }

        /**
         * What counts as healthy; default {@link Expectations#DEFAULT}.
         *
         * @param expect the expect
         * @return this builder
         */
        public Builder expect(Expectations expect) {
            this.expect = Objects.requireNonNull(expect, "expect");
            return this;
        }

        /**
         * Who to call when it fails; default nobody.
         *
         * @param team    the owning team ("payments")
         * @param contact how to reach them ("#payments-oncall"), or null
         * @return this builder
         */
        public Builder owner(String team, String contact) {
            return owner(new Owner(team, contact));
        }

        /**
         * Who to call when it fails; default nobody.
         *
         * @param owner the owner, or null for nobody
         * @return this builder
         */
        public Builder owner(Owner owner) {
            this.owner = owner;
            return this;
        }

        /** {@return the service} */
        public Service build() {
            return new Service(id, name, url, kind, capability, critical, dependsOn, expect, owner);
        }
    }
}
