package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-fifth session's rule writers rules25d and rules25g, each in its tool's own words:
 * rules25d's round on p122- (message brokers and queues: the Kafka Java client's unresolvable bootstrap servers, its
 * SASL/PLAIN username or password refused, a topic refused by the broker's ACLs, a Helm values password left empty,
 * Google Cloud's "Insufficient tokens for quota", Celery pointed at RabbitMQ's management port 15672, sbt's "Tests
 * unsuccessful", franz-go refused at the loopback address a broker advertises); and rules25g's on p125- (load
 * balancers, health checks and gateways: HAProxy's server DOWN on a Layer4 timeout or Layer7 verdict, psql given a
 * command-line option as its role, ECS's "Essential container in task exited" with its exit code on the next line, a
 * provider's status text that its customers may have experienced issues, Azure's edge "Our services aren't available
 * right now" page, Terraform destroying the firewall rule that admits health checks, a reverse proxy refused at the
 * IPv6 loopback). The ECS next-line shape was written twice (rules25g's
 * ecs.essential-container-exited-code-next-line, the same cause and two-line shape as rules25e's
 * ecs.essential-container-exited-then-code, which the full scanner preferred on the same lines): the later id was
 * removed, and its lines are checked against the one kept; the status text and the edge page are read in probe
 * answers (ANSWER_ROUND). Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause (or a consequence of that scenario's cause, named with its reason).
 */
class FiftyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules25d (p122-: message brokers and queues)
            Map.entry("kafka-java.bootstrap-unresolvable", "network.dns"),
            Map.entry("kafka.sasl-plain-credentials-refused", "config.invalid"),
            Map.entry("kafka.topic-authorization-failed", "config.invalid"),
            Map.entry("config.password-value-empty", "config.missing-secret"),
            Map.entry("gcp.insufficient-tokens-for-quota", "platform.quota"),
            Map.entry("amqp.management-port-in-url", "config.invalid"),
            Map.entry("sbt.tests-unsuccessful", "ci.test-failure"),
            Map.entry("kafka.metadata-dial-loopback-refused", "config.invalid"),
            // rules25g (p125-: load balancers, health checks and gateways)
            Map.entry("haproxy.server-down-check", "app.healthcheck-failing"),
            Map.entry("postgres.role-named-like-option", "config.missing-secret"),
            Map.entry("terraform.health-check-firewall-destroyed", "config.invalid"),
            Map.entry("proxy.upstream-ipv6-loopback-refused", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * Read in probe answers, which no labelled scenario's log holds (rules25g's Azure status text in p125-38's API
     * observation, Azure's edge page in p125-39's and p81-04's answer bodies): checked against the shared corpus only.
     */
    private static final ShapeRound ANSWER_ROUND = new ShapeRound(Map.of(
            "provider.status-customers-may-experience", "platform.outage",
            "azure.edge-services-unavailable-page", "platform.outage"));

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules25d (p122-: message brokers and queues)
        ROUND.reads("kafka-java.bootstrap-unresolvable", "Caused by: org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers");
        ROUND.readsNot("kafka-java.bootstrap-unresolvable", "Caused by: org.apache.kafka.common.config.ConfigException: Invalid url in bootstrap.servers: kafka");
        ROUND.reads("kafka-java.bootstrap-unresolvable", "[main] WARN org.apache.kafka.clients.ClientUtils - Couldn't resolve server broker:9092 from bootstrap.servers as DNS resolution failed for broker");
        ROUND.readsNot("kafka-java.bootstrap-unresolvable", "[2026-11-25 10:41:27,925] WARN [Producer clientId=console-producer] Bootstrap broker broker.kelpmart.internal:9092 (id: -1 rack: null) disconnected (org.apache.kafka.clients.NetworkClient)");
        ROUND.reads("kafka.sasl-plain-credentials-refused", "org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed: Invalid username or password");
        ROUND.readsNot("kafka.sasl-plain-credentials-refused", "org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256");
        ROUND.reads("kafka.sasl-plain-credentials-refused", "[2026-11-25 10:41:27,923] ERROR [Producer clientId=console-producer] Connection to node -1 (broker.kelpmart.internal/10.40.2.14:9092) failed authentication due to: Authentication failed: Invalid username or password (org.apache.kafka.clients.NetworkClient)");
        ROUND.readsNot("kafka.sasl-plain-credentials-refused", "[2026-12-04 16:37:08,801] ERROR [Producer clientId=console-producer] Connection to node -1 (kafka.data.svc.cluster.local/10.244.1.6:9092) failed authentication due to: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256 (org.apache.kafka.clients.NetworkClient)"); // broker.credentials-refused
        ROUND.reads("kafka.topic-authorization-failed", "org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [shipments-v25]");
        ROUND.readsNot("kafka.topic-authorization-failed", "org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: shipment-consumer");
        ROUND.reads("kafka.topic-authorization-failed", "[2026-11-18 09:51:14,700] WARN [Consumer clientId=shipment-consumer-1, groupId=shipment-consumer] The metadata response from the cluster reported a recoverable issue with correlation id 2 : {shipments-v25=TOPIC_AUTHORIZATION_FAILED} (org.apache.kafka.clients.NetworkClient)");
        ROUND.readsNot("kafka.topic-authorization-failed", "#15 ERROR: server message: insufficient_scope: authorization failed");
        ROUND.reads("config.password-value-empty", "    passwords: \"\"");
        ROUND.readsNot("config.password-value-empty", "    passwords: \"ingest-secret\"");
        ROUND.reads("config.password-value-empty", "passwords: \"\"");
        ROUND.readsNot("config.password-value-empty", "FLY_API_TOKEN: ");
        ROUND.reads("gcp.insufficient-tokens-for-quota", "io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: Insufficient tokens for quota 'administrator' and limit 'CLIENT_PROJECT-100s' of service 'pubsub.googleapis.com'");
        ROUND.readsNot("gcp.insufficient-tokens-for-quota", "io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: The zone does not have enough resources available");
        ROUND.reads("gcp.insufficient-tokens-for-quota", "Exception in thread \"main\" com.google.api.gax.rpc.ResourceExhaustedException: io.grpc.StatusRuntimeException: RESOURCE_EXHAUSTED: Insufficient tokens for quota 'administrator' and limit 'CLIENT_PROJECT-100s' of service 'pubsub.googleapis.com' for consumer 'project_number:778812340011'.");
        ROUND.readsNot("gcp.insufficient-tokens-for-quota", "ERROR: Job failed: Failed to start the VM, launcher-202606192008301129984421, used for launching because of status code: RESOURCE_EXHAUSTED, reason: One or more operations had an error: 'operation-1781924911436-630cad2eb70b1-13691487-5f5d03c2': [ZONE_RESOURCE_POOL_EXHAUSTED] 'The zone 'projects/meridian-data-prod/zones/us-central1-f' does not have enough resources available to fulfill the request.  Try a different zone, or try again later.'..");
        ROUND.reads("amqp.management-port-in-url", "[2026-11-22 17:02:11,402: ERROR/MainProcess] consumer: Cannot connect to amqp://[REDACTED]@rabbitmq:15672//: timed out.");
        ROUND.readsNot("amqp.management-port-in-url", "[2026-11-22 17:02:11,402: ERROR/MainProcess] consumer: Cannot connect to amqp://[REDACTED]@rabbitmq:5672//: timed out.");
        ROUND.reads("amqp.management-port-in-url", "worker-1  | [2026-11-22 17:02:17,418: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:15672//: timed out.");
        ROUND.readsNot("amqp.management-port-in-url", "[2022-05-19 13:35:08,731: ERROR/MainProcess] consumer: Cannot connect to amqp://admin:**@queue:5672//: [Errno 111] Connection refused.");
        ROUND.reads("sbt.tests-unsuccessful", "[error] (tests / Test / test) sbt.TestsFailedException: Tests unsuccessful");
        ROUND.readsNot("sbt.tests-unsuccessful", "[error] (Compile / compileIncremental) Compilation failed");
        ROUND.reads("sbt.tests-unsuccessful", "[error] (finagle-exp / Test / test) sbt.TestsFailedException: Tests unsuccessful");
        ROUND.readsNot("sbt.tests-unsuccessful", "[error] (finagle-exp / Test / compileIncremental) Compilation failed");
        ROUND.reads("kafka.metadata-dial-loopback-refused", "unable to request metadata: unable to dial: dial tcp 127.0.0.1:9093: connect: connection refused");
        ROUND.readsNot("kafka.metadata-dial-loopback-refused", "unable to request metadata: unable to dial: dial tcp 10.0.4.7:9093: connect: connection refused");
        ROUND.reads("kafka.metadata-dial-loopback-refused", "        unable to request metadata: unable to dial: dial tcp 127.0.0.1:9093: connect: connection refused");
        ROUND.readsNot("kafka.metadata-dial-loopback-refused", "2026-12-03T17:24:25.0000000Z level=INFO msg=\"proxy: cannot connect to target\" err=\"dial tcp 127.0.0.1:8081: connect: connection refused\"");
        // rules25g (p125-: load balancers, health checks and gateways)
        ROUND.reads("haproxy.server-down-check", "[WARNING] 314/080312 (8) : Server node-backend/server-a is DOWN, reason: Layer4 timeout, check duration: 10001ms. 1 active and 0 backup servers left.");
        ROUND.readsNot("haproxy.server-down-check", "[WARNING] 314/080312 (8) : Server node-backend/server-a is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms.");
        ROUND.reads("haproxy.server-down-check", "Apr  3 14:22:00 sw-infrarunbook-01 haproxy[2847]: Server web-backend/web-01 is DOWN, reason: Layer7 wrong status, code: 404, info: \"Not Found\", check duration: 3ms. 1 active and 0 backup servers left.");
        ROUND.readsNot("haproxy.server-down-check", "Nov 29 16:36:09 scanner-pi haproxy[611]: Server scanner/srv1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.");
        ROUND.reads("postgres.role-named-like-option", "psql: FATAL:  role \"--port=5432\" does not exist");
        ROUND.readsNot("postgres.role-named-like-option", "psql: FATAL:  role \"postgres\" does not exist");
        ROUND.reads("postgres.role-named-like-option", "FATAL:  role \"--port=5432\" does not exist");
        ROUND.readsNot("postgres.role-named-like-option", "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) FATAL:  role \"postgres\" does not exist"); // postgres.role-does-not-exist
        // ECS's stopped reason with its code on the next line (p125-03): the one kept of the two ids written for it
        ROUND.reads("ecs.essential-container-exited-then-code", "app.crash-on-boot", "    \"Essential container in task exited\",\n    1");
        ROUND.readsNot("ecs.essential-container-exited-then-code", "    \"Essential container in task exited\",\n    0");
        ROUND.reads("ecs.essential-container-exited-then-code", "app.crash-on-boot", "            \"Essential container in task exited\",\n            1");
        ROUND.readsNot("ecs.essential-container-exited-then-code", "(service builder-server) task 6c1e0f2a8d3b4e7f9a0b1c2d3e4f5a6b stopped: Essential container in task exited");
        ANSWER_ROUND.reads("provider.status-customers-may-experience", "Azure Front Door - Connectivity issues: Starting at approximately 16:00 UTC, customers and Microsoft services that leverage Azure Front Door (AFD) may have experienced issues resulting in latencies, timeouts and errors.");
        ANSWER_ROUND.readsNot("provider.status-customers-may-experience", "Your DigitalOcean account has a warning status. You may experience limitations.");
        ANSWER_ROUND.reads("provider.status-customers-may-experience", "Starting at approximately 16:00 UTC, customers and Microsoft services that leverage Azure Front Door (AFD) may have experienced issues resulting in latencies, timeouts and errors. We have confirmed that an inadvertent configuration change as the trigger event for this issue.");
        ANSWER_ROUND.readsNot("provider.status-customers-may-experience", "[ERROR] Failed to execute goal io.fabric8:fabric8-maven-plugin:3.5.41:deploy (default-cli) on project ssldemo: Execution default-cli of goal io.fabric8:fabric8-maven-plugin:3.5.41:deploy failed: Failure executing: GET at: https://api.dev-cluster.example.com/. Message: Unauthorized! Token may have expired! Please log-in again. Unauthorized. -> [Help 1]");
        ANSWER_ROUND.reads("azure.edge-services-unavailable-page", "<h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p>");
        ANSWER_ROUND.readsNot("azure.edge-services-unavailable-page", "Service Unavailable: the server is temporarily unable to service your request.");
        ANSWER_ROUND.reads("azure.edge-services-unavailable-page", "Our services aren't available right now. We're working to restore all services as soon as possible.");
        ANSWER_ROUND.readsNot("azure.edge-services-unavailable-page", "Warning  FailedScheduling  3m (x5 over 10m12s)  default-scheduler  0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.");
        ROUND.reads("terraform.health-check-firewall-destroyed", "module.network.google_compute_firewall.allow_lb_health_checks: Destruction complete after 11s");
        ROUND.readsNot("terraform.health-check-firewall-destroyed", "module.network.google_compute_firewall.allow_internal: Creation complete after 12s [id=projects/garden-prod/global/firewalls/allow-internal]");
        ROUND.reads("terraform.health-check-firewall-destroyed", "module.network.google_compute_firewall.allow_lb_health_checks: Destroying... [id=projects/garden-prod/global/firewalls/allow-lb-health-checks]");
        ROUND.readsNot("terraform.health-check-firewall-destroyed", "digitalocean_droplet.forest: Destruction complete after 22s");
        ROUND.reads("proxy.upstream-ipv6-loopback-refused", "{\"level\":\"error\",\"logger\":\"http.log.error\",\"msg\":\"dial tcp [::1]:8765: connect: connection refused\",\"status\":502}");
        ROUND.readsNot("proxy.upstream-ipv6-loopback-refused", "{\"level\":\"error\",\"logger\":\"http.log.error\",\"msg\":\"dial tcp 127.0.0.1:8765: connect: connection refused\",\"status\":502}");
        ROUND.reads("proxy.upstream-ipv6-loopback-refused", "{\"level\":\"error\",\"ts\":1764066614.0312,\"logger\":\"http.log.error\",\"msg\":\"dial tcp [::1]:8765: connect: connection refused\",\"request\":{\"remote_ip\":\"203.0.113.50\",\"proto\":\"HTTP/1.1\",\"method\":\"GET\",\"host\":\"edge.example-quant.app\",\"uri\":\"/ws\"},\"duration\":0.0006,\"status\":502,\"err_id\":\"h7p1c4n9z\",\"err_trace\":\"reverseproxy.statusError (reverseproxy.go:1269)\"}");
        ROUND.readsNot("proxy.upstream-ipv6-loopback-refused", "#9 0.412 go: golang.org/x/net@v0.30.0: Get \"https://goproxy.io/golang.org/x/net/@v/v0.30.0.info\": dial tcp: lookup goproxy.io on [::1]:53: read udp [::1]:44385->[::1]:53: read: connection refused");
    }

    /**
     * No corpus line is read by the round but sbt's verdict in four failed builds of the corpus whose tests failed. On
     * the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        Fleet.assertNewShapesStayInTheirCause(CAUSE_OF, List.of(
                        // p122-35, p99-35: CI test suites of Kafka example stacks whose broker container had exited or
                        // never came up inside the test environment; its compose name no longer resolves, so the test
                        // client's "Couldn't resolve server broker:9092 ..." (and p122-35's "No resolvable bootstrap
                        // urls") is the failing test run's own consequence, no deployed name at fault
                        "p122-35- kafka-java.bootstrap-unresolvable",
                        "p99-35- kafka-java.bootstrap-unresolvable"),
                // sbt.tests-unsuccessful reads the corpus logs' own failure: each is a failed build whose test tasks
                // failed ("2 of 17 test tasks failed:", "Failed tests: com.twitter.finagle.exp.ConcurrencyEndToEndTest")
                List.of("BuildFailureReason/Scala/scala@scala.xml:243 sbt.tests-unsuccessful",
                        "scala@scala/failed/567060744.log:5140 sbt.tests-unsuccessful",
                        "twitter@finagle/failed/566723155.log:1799 sbt.tests-unsuccessful",
                        "twitter@finagle/failed/566247562.log:1799 sbt.tests-unsuccessful"));
        assertEquals(List.of(), Fleet.corpusLinesReadBy(ANSWER_ROUND.causeOf().keySet()));
    }
}
