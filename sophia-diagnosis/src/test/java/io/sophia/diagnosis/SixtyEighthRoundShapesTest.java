package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-ninth session's rule writer rules29c, each in its tool's own words: its round on p137-
 * (JVM services) and p138- (Python builds) (issue 9 of the session). A pull of a Bitnami image from Docker Hub refused
 * ("requested access to the resource is denied", "pull access denied", "insufficient_scope" after a bare or docker.io/
 * bitnami/ name: the repository or tag was withdrawn, image.not-found); the Oracle JDBC driver's "IO Error: Unknown host
 * specified" (network.dns); the JVM's UnsupportedClassVersionError in its Java 9+ and its older words (a release built
 * for a newer Java, app.crash-on-boot); pip's and pipenv's "THESE PACKAGES DO NOT MATCH THE HASHES FROM ..." and uv's
 * "Hash mismatch for `pkg==v`" (build.dependency-fetch); uv's "Request failed after N retries in N.Ns"
 * (build.dependency-fetch); pgjdbc's and pg8000's "server requested ... authentication, but no password was provided"
 * (config.missing-secret); a JVM framework's datasource URL naming the loopback ("quarkus.datasource.reactive.url=
 * postgresql://localhost:5432/orders", "spring.datasource.url=jdbc:...//localhost", config.invalid). Each is tested on
 * its source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment
 * quotes or its scenario shows and a line of another cause that shares its words); each reads no line of the shared
 * corpus and, on the labelled scenarios, only lines of its own cause.
 *
 * <p>rules29c also narrowed registry.server-error (an earlier round's indication, pinned here with its cause): the
 * status of a mirror inside containers/image's "(Mirrors also failed: [MIRROR-REF: ...: received unexpected HTTP
 * status: 500 Internal Server Error]): PRIMARY-REF: ..." is no longer read; the primary registry's error after "])"
 * decides (p138-37: Docker Hub's refusal of a withdrawn Bitnami tag). A primary's own 5xx after a mirror's is still read.
 */
class SixtyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules29c (p137-: JVM services, p138-: Python builds)
            Map.entry("config.datasource-url-loopback-generic", "config.invalid"),
            Map.entry("image.bitnami-withdrawn-refused", "image.not-found"),
            Map.entry("jvm.unsupported-class-version", "app.crash-on-boot"),
            Map.entry("oracle-jdbc.unknown-host", "network.dns"),
            Map.entry("pgjdbc.no-password-provided", "config.missing-secret"),
            Map.entry("pip.hash-mismatch", "build.dependency-fetch"),
            Map.entry("uv.request-failed-after-retries", "build.dependency-fetch"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    private static final String MIRROR_500_PRIMARY_DENIED = "initializing source docker://bitnami/bitnami-shell:11-debian-11-r69: (Mirrors also failed: [registry-mirror.facility.example/bitnami/bitnami-shell:11-debian-11-r69: reading manifest 11-debian-11-r69 in registry-mirror.facility.example/bitnami/bitnami-shell: received unexpected HTTP status: 500 Internal Server Error]): docker.io/bitnami/bitnami-shell:11-debian-11-r69: reading manifest 11-debian-11-r69 in docker.io/bitnami/bitnami-shell: requested access to the resource is denied";

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules29c (p137-, p138-)
        ROUND.reads("config.datasource-url-loopback-generic", "7:quarkus.datasource.reactive.url=postgresql://localhost:5432/orders");
        ROUND.readsNot("config.datasource-url-loopback-generic", "7:quarkus.datasource.reactive.url=postgresql://orders-db:5432/orders");
        // Spring Boot's property and its environment form, Micronaut's, Quarkus's JDBC URL with a user
        ROUND.reads("config.datasource-url-loopback-generic", "spring.datasource.url=jdbc:postgresql://localhost:5432/app");
        ROUND.reads("config.datasource-url-loopback-generic", "SPRING_DATASOURCE_URL=jdbc:mysql://127.0.0.1:3306/app");
        ROUND.reads("config.datasource-url-loopback-generic", "datasources.default.url=jdbc:postgresql://localhost:5432/db");
        ROUND.reads("config.datasource-url-loopback-generic", "quarkus.datasource.jdbc.url=jdbc:postgresql://orders@127.0.0.1:5432/orders");
        ROUND.readsNot("config.datasource-url-loopback-generic", "2026-11-29T10:36:02 Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder 'SPRING_DATASOURCE_URL' in value \"${SPRING_DATASOURCE_URL}\""); // config.unexpanded-placeholder (p137-16)
        ROUND.readsNot("config.datasource-url-loopback-generic", "Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured."); // spring.datasource-url-missing (p137-18)
        // the refusal that follows the loopback is not the setting itself (read by none)
        ROUND.readsNot("config.datasource-url-loopback-generic", "Caused by: java.net.ConnectException: Connection refused: localhost/127.0.0.1:5432");

        ROUND.reads("image.bitnami-withdrawn-refused", "  Warning  Failed  2m (x12 over 30m)  kubelet  Failed to pull image \"docker.io/bitnami/bitnami-shell:11-debian-11-r69\": " + MIRROR_500_PRIMARY_DENIED);
        ROUND.readsNot("image.bitnami-withdrawn-refused", "Error response from daemon: pull access denied for harbor.corp.example/bitnami/redis, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"); // registry.denied (a private registry's copy)
        // p139-19's kubelet line (bitnami/containers#82512) and the Docker daemon's on a bare name
        ROUND.reads("image.bitnami-withdrawn-refused", "  Warning  Failed     12m (x6 over 41m)   kubelet  Failed to pull image \"docker.io/bitnami/kafka-exporter:1.7.0-debian-11-r134\": failed to pull and unpack image \"docker.io/bitnami/kafka-exporter:1.7.0-debian-11-r134\": failed to resolve reference \"docker.io/bitnami/kafka-exporter:1.7.0-debian-11-r134\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed");
        ROUND.reads("image.bitnami-withdrawn-refused", "Error response from daemon: pull access denied for bitnami/kafka-exporter, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
        ROUND.readsNot("image.bitnami-withdrawn-refused", "denied: requested access to the resource is denied"); // registry.denied (a push's refusal)
        // the withdrawn tags' new home is not Bitnami's withdrawn repository
        ROUND.readsNot("image.bitnami-withdrawn-refused", "Failed to pull image \"docker.io/bitnamilegacy/redis:7.2\": failed to pull and unpack image \"docker.io/bitnamilegacy/redis:7.2\": failed to resolve reference \"docker.io/bitnamilegacy/redis:7.2\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"); // registry.insufficient-scope, image.repository-does-not-exist

        ROUND.reads("jvm.unsupported-class-version", "java.lang.UnsupportedClassVersionError: org/cloudfoundry/identity/uaa/ratelimiting/RateLimitingFilter has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0 (unable to load class [org.cloudfoundry.identity.uaa.ratelimiting.RateLimitingFilter])");
        ROUND.readsNot("jvm.unsupported-class-version", "[INFO] Compiling 42 source files with javac [debug release 17] to target/classes");
        // p137-19's, p137-21's (Fly, nested in Spring's BeanCreationException) and the pre-Java 9 words
        ROUND.reads("jvm.unsupported-class-version", "                java.lang.UnsupportedClassVersionError: org/springframework/boot/web/servlet/support/SpringBootServletInitializer has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0");
        ROUND.reads("jvm.unsupported-class-version", "2026-11-30T15:10:44Z app[918561e4b27d83] arn [info] Caused by: org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'feedProviderConfigFile' defined in file [/app/classes/org/entur/lamassu/config/feedprovider/FeedProviderConfigFile.class]: Initialization of bean failed; nested exception is java.lang.UnsupportedClassVersionError: org/entur/gbfs/v2_3/gbfs/GBFSFeedName has been compiled by a more recent version of the Java Runtime (class file version 61.0), this version of the Java Runtime only recognizes class file versions up to 55.0");
        ROUND.reads("jvm.unsupported-class-version", "Exception in thread \"main\" java.lang.UnsupportedClassVersionError: com/example/App : Unsupported major.minor version 52.0");
        ROUND.readsNot("jvm.unsupported-class-version", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project app: Fatal error compiling: error: invalid target release: 17 -> [Help 1]"); // maven.build-failure (the build's JDK, not the runtime's)
        // javac reading a dependency built for a newer Java: a build's error (read by none)
        ROUND.readsNot("jvm.unsupported-class-version", "    class file has wrong version 61.0, should be 55.0");

        ROUND.reads("oracle-jdbc.unknown-host", "java.sql.SQLRecoverableException: IO Error: Unknown host specified");
        ROUND.readsNot("oracle-jdbc.unknown-host", "java.sql.SQLRecoverableException: IO Error: The Network Adapter could not establish the connection");
        // p137-15's line (oracle-samples/oracle-db-examples#151, a trailing space), and a runner-timestamped cause line
        ROUND.reads("oracle-jdbc.unknown-host", "        java.sql.SQLRecoverableException: IO Error: Unknown host specified ");
        ROUND.reads("oracle-jdbc.unknown-host", "2026-11-28T03:12:09.4410000Z Caused by: java.sql.SQLRecoverableException: IO Error: Unknown host specified");
        ROUND.readsNot("oracle-jdbc.unknown-host", "java.sql.SQLException: Listener refused the connection with the following error: ORA-12514, TNS:listener does not currently know of service requested in connect descriptor"); // exception.line (a wrong service name)
        // a TNS alias missing from tnsnames.ora: a setting, not the resolver (read by none)
        ROUND.readsNot("oracle-jdbc.unknown-host", "ORA-12154: TNS:could not resolve the connect identifier specified");
        // rules29f: the driver's own cause under the SQLRecoverableException (HostnameNamingAdapter.resolve's), bare and
        // tab-indented; the driver's other NetException (a malformed URL) is not the resolver's
        ROUND.reads("oracle-jdbc.unknown-host", "Caused by: oracle.net.ns.NetException: Unknown host specified ");
        ROUND.reads("oracle-jdbc.unknown-host", "\tCaused by: oracle.net.ns.NetException: Unknown host specified");
        ROUND.readsNot("oracle-jdbc.unknown-host", "Caused by: oracle.net.ns.NetException: Invalid connection string format, a valid format is: \"host:port:sid\" ");

        ROUND.reads("pgjdbc.no-password-provided", "09:17:00 WARN [io.ag.pool]] (agroal-11) Datasource '<default>': The server requested password-based authentication, but no password was provided.");
        ROUND.readsNot("pgjdbc.no-password-provided", "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"rane\"");
        // p137-17's Hibernate line (quarkusio/quarkus#18797), pgjdbc's SCRAM wording, pg8000's
        ROUND.reads("pgjdbc.no-password-provided", "09:17:00 WARN [or.hi.en.jd.en.in.JdbcEnvironmentInitiator]] (main) HHH000342: Could not obtain connection to query metadata: org.postgresql.util.PSQLException: The server requested password-based authentication, but no password was provided.");
        ROUND.reads("pgjdbc.no-password-provided", "org.postgresql.util.PSQLException: The server requested SCRAM-based authentication, but no password was provided.");
        ROUND.reads("pgjdbc.no-password-provided", "pg8000.exceptions.InterfaceError: server requesting MD5 password authentication, but no password was provided");
        ROUND.readsNot("pgjdbc.no-password-provided", "org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"orders\""); // postgres.password-refused (config.invalid)
        ROUND.readsNot("pgjdbc.no-password-provided", "org.postgresql.util.PSQLException: The authentication type 10 is not supported. Check that you have configured the pg_hba.conf file to include the client's IP address or subnet, and that it is using an authentication scheme supported by the driver."); // exception.line (a driver too old for SCRAM)

        ROUND.reads("pip.hash-mismatch", "#11 102.6 ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.");
        ROUND.readsNot("pip.hash-mismatch", "ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements. Here is a list of those requirements along with the hashes their downloaded archives actually had.");
        // p138-23's line (The-Vibe-Company/quivr#565), pipenv's, uv's (its cause chain, bare and runner-timestamped)
        ROUND.reads("pip.hash-mismatch", "#0 67.56 ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.");
        ROUND.reads("pip.hash-mismatch", "ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM Pipfile.lock!");
        ROUND.reads("pip.hash-mismatch", "  ╰─▶ Hash mismatch for `idna==3.6`");
        ROUND.reads("pip.hash-mismatch", "2026-12-01T10:11:12.1234567Z   Caused by: Hash mismatch for `torch==2.1.0`");
        ROUND.readsNot("pip.hash-mismatch", "#7 2.263 ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:"); // generic.error-word (p138-25, build.dockerfile)
        ROUND.readsNot("pip.hash-mismatch", "error: fetched object hash mismatch for `src/lib.rs`"); // rust.error (a program's own check)
        // rules29f: uv's cause chain behind BuildKit's step prefix (a `RUN uv sync` in a Dockerfile), its Python download's
        ROUND.reads("pip.hash-mismatch", "#9 12.30   ╰─▶ Hash mismatch for `idna==3.6`");
        ROUND.reads("pip.hash-mismatch", "#12 4.1   Caused by: Hash mismatch for `hatchling==1.22.4`");
        ROUND.reads("pip.hash-mismatch", "error: Hash mismatch for `cpython-3.12.3-linux-x86_64-gnu`");
        ROUND.readsNot("pip.hash-mismatch", "#9 12.30 error: fetched object hash mismatch for `src/lib.rs`"); // a program's own check behind the prefix

        ROUND.reads("uv.request-failed-after-retries", "  Caused by: Request failed after 3 retries in 8.3s");
        ROUND.readsNot("uv.request-failed-after-retries", "RuntimeError: Request failed after 3 retries");
        // p138-20's line (speakeasy-api/gram#5206) and uv's tree under BuildKit's prefix
        ROUND.reads("uv.request-failed-after-retries", "          Caused by: Request failed after 3 retries in 8.3s");
        ROUND.reads("uv.request-failed-after-retries", "#8 93.08   ├─▶ Request failed after 3 retries in 62.4s");
        ROUND.readsNot("uv.request-failed-after-retries", "AxiosError: Request failed with status code 502"); // exception.line (an API's answer to the app)
        ROUND.readsNot("uv.request-failed-after-retries", "[2026-12-01 10:11:12] ERROR webhook: Request failed after 5 retries: 503 Service Unavailable"); // generic.failed-word (an app's own retry loop)
        // rules29f: older uv's words without the duration (p138-21's line, mvilanova/intervals-mcp-server#23), in its
        // cause chain, behind BuildKit's prefix or not, and its top-level "error: "; still not after an app's own words
        ROUND.reads("uv.request-failed-after-retries", "#8 93.08   ├─▶ Request failed after 3 retries");
        ROUND.reads("uv.request-failed-after-retries", "  Caused by: Request failed after 1 retry");
        ROUND.reads("uv.request-failed-after-retries", "error: Request failed after 3 retries");
        ROUND.readsNot("uv.request-failed-after-retries", "Error: API request failed after 3 retries"); // an app's own retry loop

        // registry.server-error, narrowed by rules29c: a mirror's 500 is not read when the primary registry answered
        ROUND.readsNot("registry.server-error", MIRROR_500_PRIMARY_DENIED); // image.bitnami-withdrawn-refused
        ROUND.readsNot("registry.server-error", "initializing source docker://acme/app:1.4: (Mirrors also failed: [mirror.corp.example/acme/app:1.4: reading manifest 1.4 in mirror.corp.example/acme/app: received unexpected HTTP status: 502 Bad Gateway]): docker.io/acme/app:1.4: reading manifest 1.4 in docker.io/acme/app: manifest unknown"); // image.manifest-unknown
        ROUND.reads("registry.server-error", "registry.unavailable", "received unexpected HTTP status: 503 Service Unavailable");
        // the primary's own 5xx after a mirror's, one registry's without mirrors, and a status closing a bracket at the end
        ROUND.reads("registry.server-error", "registry.unavailable", "initializing source docker://bitnami/bitnami-shell:11-debian-11-r69: (Mirrors also failed: [registry-mirror.facility.example/bitnami/bitnami-shell:11-debian-11-r69: reading manifest 11-debian-11-r69 in registry-mirror.facility.example/bitnami/bitnami-shell: received unexpected HTTP status: 500 Internal Server Error]): docker.io/bitnami/bitnami-shell:11-debian-11-r69: reading manifest 11-debian-11-r69 in docker.io/bitnami/bitnami-shell: received unexpected HTTP status: 503 Service Unavailable");
        ROUND.reads("registry.server-error", "registry.unavailable", "Error: initializing source docker://quay.io/acme/app:1.4: reading manifest 1.4 in quay.io/acme/app: received unexpected HTTP status: 502 Bad Gateway");
        ROUND.reads("registry.server-error", "registry.unavailable", "Failed to pull image \"registry.example/app:1\": rpc error: code = Unknown desc = [registry.example/app:1: received unexpected HTTP status: 500 Internal Server Error]");
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
