package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Service;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a declared service is a datastore, cache, broker, search engine, object store or secret store — what
 * applications call, as opposed to an application a proxy or another service forwards to.
 *
 * <p>A DOWN dependency of the first kind is the classic root of a chain (dependency.down was right 94% of the time it
 * was stated in the tuning corpus); a DOWN application behind a front (a proxy's upstream, a backend) is most often
 * down for a cause of its own, a crash, a setting, memory (38%). Read from the service's declaration only: its id,
 * name, URL scheme, host and port.
 *
 * <p>An identity provider declared by its OpenID Connect discovery document or its published keys (a URL path ending in
 * {@code /.well-known/openid-configuration}, {@code /.well-known/oauth-authorization-server} or {@code
 * /.well-known/jwks.json}) is what applications call too: the token validation of every API behind it reads that
 * document, and a DOWN one is the root of the chain (JwtBearer's "IDX20803: Unable to obtain configuration from"; in the
 * tuning corpus dependency.down in all 4 chains whose root was declared so and not only its certificate failing: p55-28,
 * p64-28, p105-04, p105-10). An auth service declared by its own health URL stays an application.
 */
final class Datastores {

    private Datastores() {
    }

    /**
     * Well-known listening ports of datastores, caches, brokers and secret stores. Left out, as applications' own
     * defaults too: 9000 (PHP-FPM's), 8123 (Home Assistant's as well as ClickHouse's HTTP), 9093 (Prometheus
     * Alertmanager's as well as a Kafka TLS listener's).
     */
    private static final Set<Integer> PORTS = Set.of(5432, 6432, 3306, 33060, 1433, 1521, 26257, 27017, 6379, 6380,
            26379, 11211, 9200, 9300, 9092, 19092, 29092, 2181, 5671, 5672, 4222, 9042, 8086, 2379, 8500, 8200,
            7687, 5984, 7700, 8108, 28015, 6333, 8983,
            // Redshift's default port (session 32, p149-18: tcp://ledger-dw.....redshift.amazonaws.com:5439, a paused
            // warehouse behind the finance dashboard)
            5439);

    private static final Set<String> SCHEMES = Set.of("postgres", "postgresql", "mysql", "mariadb", "redis", "rediss",
            "mongodb", "mongodb+srv", "amqp", "amqps", "kafka", "nats", "memcached", "jdbc", "sqlserver", "cassandra");

    /** Words of a store in an id, a name or a host, matched against whole tokens (see namesAStore: "es", "store"). */
    private static final Set<String> WORDS = Set.of("db", "database", "sql", "postgres", "postgresql", "pg", "pgbouncer",
            "pgpool", "mysql", "mariadb", "mssql", "oracle", "sqlite", "cockroach", "cockroachdb", "redis", "valkey",
            "keydb", "dragonfly", "memcached", "memcache", "cache", "mongo", "mongodb", "elasticsearch", "elastic",
            "opensearch", "es", "solr", "meilisearch", "meili", "typesense", "kafka", "zookeeper", "rabbitmq", "rabbit",
            "amqp", "mq", "broker", "queue", "nats", "cassandra", "scylla", "influxdb", "clickhouse", "etcd", "consul",
            "vault", "neo4j", "couchdb", "minio", "s3", "bucket", "storage", "store", "supabase", "planetscale",
            "neon", "upstash", "tigris", "dynamodb", "firestore", "cosmosdb", "sentinel", "qdrant", "rethinkdb",
            // the clouds' managed stores and brokers by their service names (session 22, p104-16: a Cosmos DB account
            // "cosmos" at shop-orders.documents.azure.com; p104-18: "pubsub" at pubsub.googleapis.com): what apps call
            "cosmos", "rds", "aurora", "elasticache", "memorystore", "cloudsql", "spanner", "bigtable", "pubsub", "sqs",
            "sns", "kinesis", "eventhub", "eventhubs", "servicebus", "keyvault", "secretsmanager", "blob",
            // the analytical warehouses (session 32, p149-: Redshift's hosts "<cluster>.<id>.<region>.redshift.amazonaws.com")
            "redshift", "snowflake", "bigquery");

    /** Host suffixes of managed stores whose host names carry no store word (Cosmos DB's account hosts). */
    private static final Set<String> HOST_SUFFIXES = Set.of(".documents.azure.com");

    /**
     * Words before "store" that make it a store: "session-store", "kv-store", "blob-store"; "store" alone or after
     * another word is as often a shop ("pet-store", "store-api", "online-store").
     */
    private static final Set<String> STORE_KINDS = Set.of("kv", "key", "value", "object", "objects", "blob", "session",
            "sessions", "event", "events", "vector", "feature", "features", "document", "doc", "docs", "file", "files",
            "data", "state", "secret", "secrets", "artifact", "artifacts");

    /** True when {@code service}'s declaration names a datastore, cache, broker or secret store. */
    static boolean isDatastore(Service service) {
        if (service == null) {
            return false;
        }
        URI url = service.url();
        if (url != null) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            String host = url.getHost();
            int port = url.getPort();
            if (SCHEMES.contains(scheme) || PORTS.contains(port)) {
                return true;
            }
            if (hostNamesAStore(host) || publishesIdentityMetadata(url.getPath())) {
                return true;
            }
            String lowerHost = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (HOST_SUFFIXES.stream().anyMatch(lowerHost::endsWith)) {
                return true;
            }
        }
        return namesAStore(service.id()) || namesAStore(service.name());
    }

    /** The metadata paths an OpenID Connect or OAuth 2.0 provider publishes (OpenID Connect Discovery, RFC 8414). */
    private static final java.util.regex.Pattern IDENTITY_METADATA = java.util.regex.Pattern.compile(
            "/\\.well-known/(openid-configuration|oauth-authorization-server|jwks\\.json)/?$");

    private static boolean publishesIdentityMetadata(String path) {
        return path != null && IDENTITY_METADATA.matcher(path.toLowerCase(Locale.ROOT)).find();
    }

    // an IP literal has no words ("2001:db8::10" is no database); nor has a host's top-level domain (".es" is Spain's,
    // ".store" a shop's); nor is "es" Elasticsearch in a host, where it is as often a language ("es.example.com": an
    // Elasticsearch host is read from its port, 9200)
    private static boolean hostNamesAStore(String host) {
        if (host == null || host.startsWith("[") || host.indexOf(':') >= 0) {
            return false;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int dot = name.lastIndexOf('.');
        return namesAStore(dot > 0 ? name.substring(0, dot) : name, false);
    }

    private static final java.util.regex.Pattern TRAILING_DIGITS = java.util.regex.Pattern.compile("\\d+$");

    private static boolean namesAStore(String text) {
        return namesAStore(text, true);
    }

    // "orders-db", "user_db", "redis1", "maindb", "mongodb-primary", "s3": a store word as a token, with or without
    // digits after it; a token of letters ending in "db" (not a random id such as "a9x4k2mzdb"); "store" only after a
    // kind of store
    private static boolean namesAStore(String text, boolean esMayBeElasticsearch) {
        if (text == null) {
            return false;
        }
        String previous = null;
        for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (token.isEmpty()) {
                continue;
            }
            String word = TRAILING_DIGITS.matcher(token).replaceFirst("");
            boolean stored = word.equals("es") ? esMayBeElasticsearch
                    : word.equals("store") ? previous != null && STORE_KINDS.contains(previous)
                    : WORDS.contains(token) || WORDS.contains(word)
                    || (word.length() > 2 && word.endsWith("db") && word.chars().allMatch(c -> c >= 'a' && c <= 'z'));
            if (stored) {
                return true;
            }
            previous = word;
        }
        return false;
    }
}
