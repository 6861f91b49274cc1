package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-ninth session's rule writer rules39-p179, each in its tool's own words: its round on
 * p179- (gRPC, WebSocket and HTTP/2 services and how they are checked). A gRPC call that reached its server over HTTP/1.x
 * (a balancer in between without HTTP/2), grpc-java finding no h2 by ALPN at the endpoint it was given, a WebSocket
 * handshake that arrives without its Upgrade header (the proxy in front drops it), a gRPC channel given a URL as its
 * target (its scheme resolved as a host: a setting, not DNS), gRPC refusing the certificate chain or key it was given,
 * protobuf refusing a duplicate definition at import (the process stops at start) and a k6 test script that throws.
 * Each indication is tested on its source's words and a near miss (the first pair is indication-cases.tsv's row); the
 * round reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause. Envoy's "reset
 * reason: protocol error" is left unread: alone it is p179-39's, labelled unknown (h2/h1 settings, TLS or the backend).
 */
class HundredTwentySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules39-p179 (p179-: gRPC, WebSocket and HTTP/2 services)
            Map.entry("grpc.request-downgraded-to-http1", "config.invalid"),
            Map.entry("grpc-java.alpn-no-compatible-protocol", "config.invalid"),
            Map.entry("websocket.upgrade-header-dropped", "config.invalid"),
            Map.entry("grpc.target-with-url-scheme", "config.invalid"),
            Map.entry("grpc-core.invalid-cert-material", "tls.certificate"),
            Map.entry("protobuf.duplicate-definition-at-import", "app.crash-on-boot"),
            Map.entry("k6.script-exception", "ci.test-failure"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("grpc.request-downgraded-to-http1", "10.0.3.17 - - \"POST /etcdserverpb.Auth/Authenticate HTTP/1.1\" 502 0 \"-\" \"grpc-go/1.8.0\"");
        ROUND.readsNot("grpc.request-downgraded-to-http1", "10.0.3.17 - - \"POST /hero.HeroService/FindMany HTTP/1.1\" 200 0 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\""); // grpc-web, HTTP/1.1 by design
        ROUND.reads("grpc.request-downgraded-to-http1", "172.31.4.9 - - [09/Dec/2026:12:20:01 +0000] \"POST /helloworld.Greeter/SayHello HTTP/1.1\" 415 0 \"-\" \"grpc-java-netty/1.68.2\"");
        ROUND.readsNot("grpc.request-downgraded-to-http1", "172.31.4.9 - - [09/Dec/2026:12:20:01 +0000] \"POST /helloworld.Greeter/SayHello HTTP/2.0\" 502 0 \"-\" \"grpc-go/1.62.0\""); // HTTP/2 reached it: the backend's answer
        ROUND.reads("grpc-java.alpn-no-compatible-protocol", "io.grpc.StatusRuntimeException: UNAVAILABLE: Failed ALPN negotiation: Unable to find compatible protocol");
        ROUND.readsNot("grpc-java.alpn-no-compatible-protocol", "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused"); // dependency.down's
        ROUND.reads("grpc-java.alpn-no-compatible-protocol", "com.google.api.gax.rpc.UnavailableException: io.grpc.StatusRuntimeException: UNAVAILABLE: Failed ALPN negotiation: Unable to find compatible protocol Channel Pipeline: [HttpProxyHandler$HttpClientCodecWrapper#0, HttpProxyHandler#0, SslHandler#0]");
        ROUND.readsNot("grpc-java.alpn-no-compatible-protocol", "javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target"); // tls.certificate's
        ROUND.reads("websocket.upgrade-header-dropped", "2018-11-15 17:06:46,187 [http-nio-0.0.0.0-8080-exec-9] ERROR o.s.w.s.s.s.DefaultHandshakeHandler - Handshake failed due to invalid Upgrade header: null");
        ROUND.readsNot("websocket.upgrade-header-dropped", "WARN o.s.w.s.s.s.DefaultHandshakeHandler : Handshake failed due to unsupported WebSocket version: 8. Supported versions: [13]");
        ROUND.reads("websocket.upgrade-header-dropped", "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header");
        ROUND.readsNot("websocket.upgrade-header-dropped", "websocket: request origin not allowed by Upgrader.CheckOrigin"); // the app's own origin check
        ROUND.reads("grpc.target-with-url-scheme", "details = \"DNS resolution failed for https://nnxx.com/: C-ares status is not ARES_SUCCESS qtype=AAAA name=https is_balancer=0: Domain name not found\"");
        ROUND.readsNot("grpc.target-with-url-scheme", "details = \"DNS resolution failed for feature-store:50051: C-ares status is not ARES_SUCCESS qtype=A name=feature-store is_balancer=0: Domain name not found\""); // network.dns's
        ROUND.reads("grpc.target-with-url-scheme", "details = \"DNS resolution failed for service: http://foo.somehost.com\"");
        ROUND.readsNot("grpc.target-with-url-scheme", "14 UNAVAILABLE: DNS resolution failed for service: orders.prod.svc.cluster.local:50051");
        ROUND.reads("grpc-core.invalid-cert-material", "E0117 15:38:06.860268 9783 ssl_transport_security.cc:621] Invalid cert chain file.");
        ROUND.readsNot("grpc-core.invalid-cert-material", "E0117 15:38:06.860268 9783 ssl_transport_security.cc:1245] Handshake failed with fatal error SSL_ERROR_SSL: error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED.");
        ROUND.reads("grpc-core.invalid-cert-material", "E1209 security_connector.cc:1108] Handshaker factory creation failed with TSI_INVALID_ARGUMENT.");
        ROUND.readsNot("grpc-core.invalid-cert-material", "E1209 server_secure_chttp2.cc:83] {\"description\":\"No address added out of total 1 resolved\"}"); // the port, not the certificate
        ROUND.reads("protobuf.duplicate-definition-at-import", "TypeError: Couldn't build proto file into descriptor pool! Invalid proto descriptor for file \"b.proto\": Message1: \"Message1\" is already defined in file \"a.proto\".");
        ROUND.readsNot("protobuf.duplicate-definition-at-import", "TypeError: Descriptors cannot be created directly. If this call came from a _pb2.py file, your generated code is out of date and must be regenerated with protoc >= 3.19.0.");
        ROUND.reads("protobuf.duplicate-definition-at-import", "panic: proto: file \"error.proto\" is already registered");
        ROUND.readsNot("protobuf.duplicate-definition-at-import", "Error: Plugin \"ping\" is already registered"); // another registry's words
        ROUND.reads("k6.script-exception", "ERRO[0001] GoError: can't convert method info: proto: file \"pkg.MessageA.SortOrder.proto\" has a name conflict over pkg.SORT_ORDER_UNSPECIFIED");
        ROUND.readsNot("k6.script-exception", "ERRO[0060] thresholds on metrics 'http_req_duration' have been crossed"); // the load, not the script
        ROUND.reads("k6.script-exception", "\tat default (file:///home/runner/work/listings/listings/tests/grpc-smoke.js:12:14(8))  executor=per-vu-iterations scenario=default");
        ROUND.readsNot("k6.script-exception", "     ✗ status is 200  executor=per-vu-iterations scenario=default");
    }

    /**
     * No corpus line is read by the round. Only k6's shape reads a labelled scenario's log (p179-34); the others' sources
     * carry the words in a look at a host (a probe's detail, p179-07, -08, -10, -13, -18, -27) or a machine's exit
     * (p179-24), which the probe-detail and exit-detail rules read (tested below).
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("grpc.request-downgraded-to-http1", "grpc-java.alpn-no-compatible-protocol",
                "websocket.upgrade-header-dropped", "grpc.target-with-url-scheme", "grpc-core.invalid-cert-material",
                "protobuf.duplicate-definition-at-import")).staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }

    /** A look at a host that quotes these words names the cause; each source is now diagnosed so. */
    @Test
    void aLookAtTheHostNamesTheCause() throws IOException {
        for (String[] c : new String[][] {
                {"p179-07-config-invalid-nghttpx-behind-alb-backend-gets-http11", "config.invalid"},
                {"p179-08-config-invalid-spring-grpc-client-failed-alpn-http1-endpoint", "config.invalid"},
                {"p179-13-config-invalid-grpc-python-target-with-https-scheme", "config.invalid"},
                {"p179-18-tls-certificate-grpc-cpp-secure-server-invalid-cert-chain-file", "tls.certificate"},
                {"p179-27-app-crash-on-boot-python-reflection-client-descriptor-pool-already-defined", "app.crash-on-boot"}}) {
            Assessment a = Fleet.scenario(c[0]);
            assertTrue(Fleet.weighs(a, c[1] + "/probe-detail-indication"), c[0] + ": " + a.causes());
            assertEquals(c[1], a.causes().get(0).id().value(), c[0] + ": " + a.causes());
        }
    }

    /**
     * One refused readiness check, once, as the container of a service that answers started (p179-37, labelled unknown)
     * is startup noise, no failing check.
     */
    @Test
    void oneReadinessFailureAtStartIsNoFailingCheck() throws IOException {
        Assessment once = Fleet.scenario("p179-37-unknown-knative-grpc-one-failed-health-check-at-start");
        assertTrue(Fleet.weighs(once, "app.healthcheck-failing/one-readiness-failure-at-start"), once.causes().toString());
        assertTrue(once.causes().stream().noneMatch(c -> c.id().value().equals("app.healthcheck-failing")
                && c.probability() > 0.5), once.causes().toString());
    }
}
