package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-h161, each in its tool's own words: its round on the
 * consumed sets h161- (stateful apps on Fly.io) and h162- (GitHub Actions platform features in deploy pipelines). A setup
 * action's tool download stopped by the GitHub API's rate limit while it looks up a release
 * (fastly/compute-actions#20) or after a tool-cache miss (actions/setup-python#1232); apt's "Unable to connect to
 * deb.debian.org:http: [IP: ...]" (apt methods/connect.cc, getredash/redash#5065); Docker Hub's "unauthenticated pull
 * rate limit" inside a JSON message (apache/incubator-kie-issues#2351); flyctl's "* These volumes' hosts could not be
 * reached." (superfly/flyctl internal/command/volumes/volumes.go); actions/deploy-pages' "Failed to create deployment
 * (status: 503)" (its src/internal/deployment.js; ept/crdt-website#55); LiteFS's lease held by another cluster's ID
 * (superfly/litefs store.go, superfly/litefs-example#11) and its Consul URL left empty (superfly/litefs
 * cmd/litefs/mount_linux.go); flyctl's postgres attach to an app that has the variable already (superfly/flyctl
 * internal/command/postgres/attach.go, superfly/fly-pr-review-apps#45); LiteFS unable to open a database of its store
 * at mount (superfly/litefs#172). And five readings: a cancelled job whose test suite had already ended with failures
 * is the tests' failure (ci.cancelled's cancelled-after-tests-failed), a Statuspage update rendered "Investigating - ..."
 * is an open incident (platform.outage's status-page-open-incident), a datastore's own critical check is no failing
 * health check of the app that depends on it (app.healthcheck-failing's check-of-a-datastore-depended-on), a running
 * machine whose own record names a setting says why its check fails (running-machine-says-why), and a run queued ten
 * minutes or more with no job started is a run no runner took (ci.runner's run-queued-without-a-runner). A status page
 * named with the request's method ("GET https://status.auth0.com/...") is still the page of the dependency at its domain
 * (dependency.down's status-page-of-a-dependency, p126-23). Each test fails before its change.
 */
class HundredEightyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("github.release-lookup-rate-limited", "build.dependency-fetch"),
            Map.entry("tool-cache.miss-then-rate-limited", "build.dependency-fetch"),
            Map.entry("apt.unable-to-connect-mirror", "build.dependency-fetch"),
            Map.entry("dockerhub.unauthenticated-pull-rate-limit", "registry.unavailable"),
            Map.entry("fly.hosts-could-not-be-reached", "platform.outage"),
            Map.entry("deploy-pages.create-deployment-5xx", "platform.outage"),
            Map.entry("litefs.lease-initialized-with-different-id", "config.invalid"),
            Map.entry("litefs.consul-url-unset", "config.missing-secret"),
            Map.entry("fly.pg-attach-secret-exists", "config.invalid"),
            Map.entry("litefs.cannot-open-store", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("github.release-lookup-rate-limited", "Error: Unable to fetch the requested release (latest): API rate limit exceeded for 20.39.47.73. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)");
        ROUND.readsNot("github.release-lookup-rate-limited", "Unexpected error encountered: API rate limit exceeded for installation ID 12770951.");
        ROUND.reads("tool-cache.miss-then-rate-limited", "  GraalPy version 24.1 was not found in the local cache\nError: API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID 5841:12068:2A62DF:B7984D:68F7A08C and timestamp 2025-10-21 15:02:36 UTC.");
        ROUND.readsNot("tool-cache.miss-then-rate-limited", "  GraalPy version 24.1 was not found in the local cache\nAttempting to download 24.1...");
        ROUND.reads("apt.unable-to-connect-mirror", "#7 2.712 E: Failed to fetch http://deb.debian.org/debian/pool/main/m/mariadb-10.3/libmariadb-dev-compat_10.3.22-0+deb10u1_amd64.deb  Unable to connect to deb.debian.org:http: [IP: 151.101.154.133 80]");
        ROUND.readsNot("apt.unable-to-connect-mirror", "Unable to connect to db:5432: Connection refused");
        ROUND.reads("dockerhub.unauthenticated-pull-rate-limit", "Error during callback: com.github.dockerjava.api.exception.InternalServerErrorException: Status 500: {\"message\":\"toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit\"}");
        ROUND.readsNot("dockerhub.unauthenticated-pull-rate-limit", "Pulling docker image: postgres:16-alpine. Please be patient; this may take some time but only needs to be done once.");
        ROUND.reads("fly.hosts-could-not-be-reached", "* These volumes' hosts could not be reached.");
        ROUND.readsNot("fly.hosts-could-not-be-reached", "Error: failed to launch VM: insufficient resources to create new machine with existing volume 'vol_XXXXXXXXXXX'");
        ROUND.reads("deploy-pages.create-deployment-5xx", "Error: Failed to create deployment (status: 503) with build version 9e83b17. Request ID 05C1:2F4A:8B12E0:11A04C7:69391D2E Responded with: Service Unavailable");
        ROUND.readsNot("deploy-pages.create-deployment-5xx", "Error: Failed to create deployment (status: 404) with build version 9e83b17. Ensure GitHub Pages has been enabled: https://github.com/wordsmith/crdt-website/settings/pages");
        ROUND.reads("litefs.lease-initialized-with-different-id", "level=INFO msg=\"cannot connect, \\\"consul\\\" lease already initialized with different ID: LFSC7F2A91D04B6E3C55\"");
        ROUND.readsNot("litefs.lease-initialized-with-different-id", "cannot fetch cluster ID from \"consul\" lease, retrying: context deadline exceeded");
        ROUND.reads("litefs.consul-url-unset", "initializing consul: key=litefs/notes-staging url= hostname=1781e2c5a7d438 advertise-url=http://1781e2c5a7d438.vm.notes-staging-birkett.internal:20202");
        ROUND.reads("fly.pg-attach-secret-exists", "Error: consumer app \"fly-pr-preview-example\" already contains a secret named DATABASE_URL");
        ROUND.readsNot("fly.pg-attach-secret-exists", "Error: database user \"fly-pr-preview-example\" already exists. Please specify a new database user via --database-user");
        ROUND.reads("litefs.cannot-open-store", "ERROR: cannot open store: open databases: open database(\"sqlite.db\"): init from database header: invalid sqlite database file: 00000000000000000000000000000000 <> 53514c69746520666f726d");
        ROUND.readsNot("litefs.cannot-open-store", "replica disconnected, retrying: connect to primary: invalid response: code=503 ('http://74f65a0d5b2e18.vm.blog-kestrel.internal:20202')");
        ROUND.readsNot("litefs.consul-url-unset", "initializing consul: key=fonts/primary url=https://:<token>@consul-fra-3.fly-shared.net/fonts-hazelmere-6r85yq/ hostname=5683d02e9f1a48 advertise-url=http://5683d02e9f1a48.vm.fonts-hazelmere.internal:20202");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios only lines of the indications' own causes. Three
     * read words no labelled CI log carries, only a machine's events or a look at the platform (flyctl's volumes list,
     * LiteFS's exit and lease lines): the walk reads CI logs, so they are left out of it (on the labelled scenarios those
     * words occur in h161-03, h161-06, h161-11 and h161-35 alone, each of its indication's cause).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("fly.hosts-could-not-be-reached", "litefs.cannot-open-store",
                "litefs.lease-initialized-with-different-id")).staysInItsCauses();
    }

    /** Each fixed h161- miss now led by its label (unknown or another cause led before). */
    @Test
    void theStatefulFlyMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h161-03-config-invalid-litefs-consul-lease-initialized-with-different-id-after-static-switch", "config.invalid"),
                Map.entry("h161-05-dependency-down-postgres-flex-primary-quarantined-zombie-lock-api-writes-fail", "dependency.down"),
                Map.entry("h161-29-config-invalid-pr-review-app-postgres-attach-targets-main-app-database-url-exists", "config.invalid"),
                Map.entry("h161-43-ci-test-failure-sqlite-concurrency-test-fails-then-hangs-run-cancelled-by-hand", "ci.test-failure"),
                Map.entry("h161-06-app-crash-on-boot-litefs-cannot-open-store-invalid-sqlite-database-file-new-deploy", "app.crash-on-boot"),
                Map.entry("h161-22-registry-unavailable-testcontainers-postgres-pull-toomanyrequests-tests-red", "registry.unavailable"),
                Map.entry("h161-35-platform-outage-litefs-primary-host-unreachable-scale-reuses-dead-host-volume", "platform.outage"),
                Map.entry("h161-37-config-missing-secret-litefs-fly-consul-url-unset-staging-app-lease-localhost-8500", "config.missing-secret"),
                Map.entry("h161-38-build-dependency-fetch-apt-fuse3-sqlite3-unable-to-connect-deb-debian-org", "build.dependency-fetch")));
    }

    /** Each fixed h162- miss now led by its label (unknown led at 0.49 to 0.51 before). */
    @Test
    void theActionsPlatformMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("h162-20-build-dependency-fetch-fastly-setup-api-rate-limit-exceeded-runner-ip", "build.dependency-fetch"),
                Map.entry("h162-21-build-dependency-fetch-setup-python-graalpy-download-api-rate-limit-installation", "build.dependency-fetch"),
                Map.entry("h162-38-platform-outage-github-actions-incident-pages-deploy-fails-rerun-stays-queued", "platform.outage"),
                Map.entry("p126-23-dependency-down-auth0-authorize-500-vendor-incident-dashboard", "dependency.down"),
                Map.entry("h162-45-ci-runner-pages-deploy-queued-no-runner-assigned-three-dispatches", "ci.runner")));
    }
}
