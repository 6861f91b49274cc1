package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A declared service is read as a datastore, cache, broker or secret store from its declaration alone (port, URL
 * scheme, a store word as a whole token of its id, name or host), and an application otherwise: the php-fpm upstream
 * of nginx on port 9000 (PHP-FPM's and ClickHouse's port both) and a backend whose host has "store" inside a word stay
 * applications.
 */
class DatastoresTest {

    /** A TCP service declared at {@code url}; the other Datastores tests of this package declare theirs so too. */
    static Service tcp(String id, String url) {
        return Service.builder(id, url).kind(ServiceKind.TCP).build();
    }

    @Test
    void storesAreReadFromTheirPortSchemeOrAStoreWord() {
        assertTrue(Datastores.isDatastore(tcp("primary", "tcp://10.0.3.12:5432")));
        assertTrue(Datastores.isDatastore(tcp("sessions", "tcp://10.0.3.12:6379")));
        assertTrue(Datastores.isDatastore(Service.http("cache", "redis://cache.internal:7000")));
        assertTrue(Datastores.isDatastore(tcp("orders-db", "tcp://10.0.3.12:7001")));
        assertTrue(Datastores.isDatastore(tcp("mongodb1", "tcp://10.0.3.12:7001")));
        assertTrue(Datastores.isDatastore(tcp("users", "tcp://userdb.internal:7001")));
        assertTrue(Datastores.isDatastore(Service.http("vault", "https://vault.example.com/v1/sys/health")));
    }

    @Test
    void anIdentityProviderDeclaredByItsDiscoveryDocumentIsCalledNotFronted() {
        assertTrue(Datastores.isDatastore(Service.http("identity",
                "https://id.quickapp-demo.com/.well-known/openid-configuration")));
        assertTrue(Datastores.isDatastore(Service.http("keycloak",
                "https://sso.example.com/realms/shop/.well-known/openid-configuration")));
        assertTrue(Datastores.isDatastore(Service.http("idp", "https://login.example.com/.well-known/jwks.json")));
        assertFalse(Datastores.isDatastore(Service.http("identity", "https://id.example.com/healthz")));
        assertFalse(Datastores.isDatastore(Service.http("web", "https://example.com/.well-known/security.txt")));
    }

    @Test
    void theCloudsManagedStoresAndBrokersAreStores() {
        // a Cosmos DB account's host carries no store word (p104-16); Pub/Sub by its service name (p104-18)
        assertTrue(Datastores.isDatastore(Service.http("orders-store", "https://shop-orders.documents.azure.com:443/")));
        assertTrue(Datastores.isDatastore(Service.http("events", "https://pubsub.googleapis.com/")));
        assertTrue(Datastores.isDatastore(Service.http("jobs", "https://sqs.us-east-1.amazonaws.com/123456789012/jobs")));
        assertTrue(Datastores.isDatastore(tcp("reports", "tcp://reports.c1abc2.eu-west-1.rds.amazonaws.com:7001")));
        assertFalse(Datastores.isDatastore(Service.http("docs", "https://docs.example.com/documents/azure")));
    }

    @Test
    void applicationsBehindAFrontAreNotStores() {
        assertFalse(Datastores.isDatastore(tcp("php-fpm", "tcp://127.0.0.1:9000")));
        assertFalse(Datastores.isDatastore(tcp("backend", "tcp://127.0.0.1:8000")));
        assertFalse(Datastores.isDatastore(Service.http("api", "https://api.cornerstore.example/health")));
        assertFalse(Datastores.isDatastore(Service.http("auth-service", "https://auth.example.com/healthz")));
        assertFalse(Datastores.isDatastore(null));
    }
}
