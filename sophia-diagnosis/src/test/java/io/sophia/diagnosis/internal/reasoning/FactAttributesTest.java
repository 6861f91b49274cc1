package io.sophia.diagnosis.internal.reasoning;

import io.sophia.diagnosis.IndicationSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attributes the facts derive from text: a log line names one of the deployment's own hosts only as a whole host name,
 * never inside a longer one; a health check's output quotes the class of the HTTP status it got, if any.
 */
class FactAttributesTest {

    private static final Set<String> HOSTS = Set.of("api.fly.dev", "10.0.9.4");

    @Test
    void a_whole_host_name_is_named_with_a_port_a_path_or_at_the_end_of_a_sentence() {
        assertTrue(Facts.namesHost("curl: (7) Failed to connect to api.fly.dev port 443 after 3 ms", HOSTS));
        assertTrue(Facts.namesHost("GET https://API.fly.dev/health failed", HOSTS));
        assertTrue(Facts.namesHost("could not connect to 10.0.9.4:8000", HOSTS));
        assertTrue(Facts.namesHost("Failed to connect to api.fly.dev.", HOSTS));
    }

    @Test
    void a_host_inside_a_longer_name_or_no_host_at_all_is_not_named() {
        assertFalse(Facts.namesHost("Failed to connect to myapi.fly.dev port 443", HOSTS));
        assertFalse(Facts.namesHost("Failed to connect to eu.api.fly.dev port 443", HOSTS));
        assertFalse(Facts.namesHost("Failed to connect to api.fly.dev.example.com port 443", HOSTS));
        assertFalse(Facts.namesHost("could not connect to 10.0.9.41:8000", HOSTS));
        assertFalse(Facts.namesHost(null, HOSTS));
        assertFalse(Facts.namesHost("Failed to connect to api.fly.dev", Set.of()));
    }

    @Test
    void a_health_checks_output_quotes_the_class_of_the_status_it_got_or_none() {
        // Fly's check output as quoted in the corpus (h4-34, h4-28, h8-41 scenarios)
        assertEquals("5xx", Facts.answered("HTTP GET http://172.19.8.2:8080/actuator/health: 503 Service Unavailable"));
        assertEquals("4xx", Facts.answered("HTTP GET http://172.19.4.170:8000/healthz: 400 Bad Request Output: \"<h1>Bad"));
        assertEquals("none", Facts.answered("connect: connection refused"));
        assertEquals("none", Facts.answered("Get \"http://172.19.6.42:3000/up\": context deadline exceeded"));
        assertEquals("none", Facts.answered("listening on port 5000 of 172.19.6.42"));
        assertEquals("none", Facts.answered(null));
    }

    /** The built-in log indications, as the engine reads them. */
    private static List<Knowledge.CompiledIndication> indications() {
        return IndicationSet.builtIn().indications().stream()
                .map(i -> new Knowledge.CompiledIndication(i.id(), i.causeId().value(), i.patterns(), i.weight()))
                .toList();
    }

    @Test
    void a_store_is_depended_on_when_another_service_names_it_and_an_identity_provider_or_an_app_never_is() {
        java.util.Map<String, io.sophia.core.Service> fleet = new java.util.HashMap<>();
        for (io.sophia.core.Service s : List.of(
                io.sophia.core.Service.builder("api", "https://api.example.com/").dependsOn("db", "idp", "web").build(),
                io.sophia.core.Service.builder("db", "tcp://db.internal:5432").build(),
                io.sophia.core.Service.builder("cache", "tcp://cache.internal:6379").dependsOn("cache").build(),
                io.sophia.core.Service.builder("queue", "tcp://queue.internal:5672").build(),
                io.sophia.core.Service.builder("idp", "https://auth.example.com/.well-known/openid-configuration")
                        .build(),
                io.sophia.core.Service.builder("web", "https://web.example.com/").build())) {
            fleet.put(s.id(), s);
        }
        // db: a store api names; cache names only itself, queue no one; idp is an identity provider, web an app; a
        // dependsOn naming no declared service adds nothing
        assertEquals(Set.of("db"), Facts.storesDependedOn(fleet));
    }

    @Test
    void a_health_checks_output_names_a_dns_failure_in_the_words_of_the_dns_log_indications() {
        List<Knowledge.CompiledIndication> builtIn = indications();
        assertTrue(Facts.namesDnsFailure("stock: lookup stock-svc.internal on [fdaa::3]:53: server misbehaving", builtIn));
        assertTrue(Facts.namesDnsFailure("dial tcp: lookup db on 127.0.0.11:53: no such host", builtIn));
        // musl (Alpine), Erlang and libpq: wording the check's own list had drifted from (Name does not resolve was only
        // read in a log line)
        assertTrue(Facts.namesDnsFailure("Error -2 connecting to redis:6379. Name does not resolve.", builtIn));
        assertTrue(Facts.namesDnsFailure("tcp connect (db.internal:5432): non-existing domain - :nxdomain", builtIn));
        assertTrue(Facts.namesDnsFailure("could not translate host name \"db\" to address: Name does not resolve",
                builtIn));
        assertFalse(Facts.namesDnsFailure("HTTP GET http://172.19.8.2:8080/health: 503 Service Unavailable", builtIn));
        assertFalse(Facts.namesDnsFailure(null, builtIn));
        // the words are the indications': without those of network.dns, nothing reads as a DNS failure
        List<Knowledge.CompiledIndication> others = builtIn.stream().filter(i -> !i.causeId().equals("network.dns")).toList();
        assertFalse(Facts.namesDnsFailure("dial tcp: lookup db on 127.0.0.11:53: no such host", others));
    }

    @Test
    void a_check_output_of_thousands_of_capitalised_words_is_read_on_a_small_stack() throws InterruptedException {
        // a reason phrase of unbounded words recursed once per word: StackOverflowError on a 1 MB stack (review of the
        // sixth session); 4,000 characters is what answered() reads of an output
        String hostile = " 503" + " Ab".repeat(1333) + "1";
        String[] got = new String[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                got[0] = Facts.answered(hostile);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(30_000);
        assertEquals(null, thrown[0], () -> "threw " + thrown[0]);
        assertEquals("5xx", got[0]);
        assertEquals("none", Facts.answered(" 503" + " ab".repeat(1333)));
    }

    @Test
    void a_lambda_report_is_at_its_memory_limit_only_when_the_used_memory_reaches_the_size() {
        String report = "REPORT RequestId: 16f8d3a2-26fc-11e8-bca6-73dbc61c39e7\tDuration: 24792.85 ms\tBilled Duration: "
                + "24800 ms\tMemory Size: %s MB\tMax Memory Used: %s MB";
        assertTrue(Facts.memoryAtLimit(report.formatted("128", "129")));
        assertTrue(Facts.memoryAtLimit(report.formatted("6000", "6000")));
        assertTrue(Facts.memoryAtLimit(report.formatted("10240", "10240") + "\tInit Duration: 206.72 ms"));
        assertFalse(Facts.memoryAtLimit(report.formatted("128", "31")));
        assertFalse(Facts.memoryAtLimit(report.formatted("1024", "1023")));
        // numbers no Lambda prints (beyond six digits) are not compared, and never overflow
        assertFalse(Facts.memoryAtLimit(report.formatted("1", "99999999999999999999")));
        assertFalse(Facts.memoryAtLimit(report.formatted("99999999999999999999", "99999999999999999999")));
        // a field missing, another unit, or the two in another order: not a REPORT the attribute reads
        assertFalse(Facts.memoryAtLimit("REPORT RequestId: 1 Duration: 2 ms Max Memory Used: 129 MB"));
        assertFalse(Facts.memoryAtLimit("REPORT RequestId: 1 Duration: 2 ms Memory Size: 128 MB"));
        assertFalse(Facts.memoryAtLimit(report.formatted("128", "129").replace("129 MB", "129 GB")));
        assertFalse(Facts.memoryAtLimit("Max Memory Used: 129 MB Memory Size: 128 MB"));
        assertFalse(Facts.memoryAtLimit(null));
    }
}
