package io.sophia.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sophia.core.Assessment;
import io.sophia.core.Observation;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Source;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP version a check used ({@link HttpCheck#protocol()}) in every format: report.json writes it when known and
 * reads it back, and omits it when not (a report of observations without it keeps its bytes); the Markdown timing
 * table gets a Protocol column and the HTML timing chart names it after each total.
 */
@DisplayName("The negotiated HTTP version in the reports")
class HttpProtocolReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpCheck check(String id, String protocol) {
        return new HttpCheck(id, Source.HTTP, "https://" + id + ".example.test/health", 200, Duration.ofMillis(42),
                "{}", "application/json", null, new Observation.Timing(Duration.ofMillis(2), Duration.ofMillis(3),
                Duration.ofMillis(9), Duration.ofMillis(20), Duration.ofMillis(8)), protocol);
    }

    /** The healthy scenario with its two checks replaced: api over HTTP/2, web with {@code webProtocol}. */
    private static Assessment withProtocols(String webProtocol) {
        Assessment a = ReferenceScenario.healthy();
        List<Observation> obs = new ArrayList<>();
        obs.add(check("api", "h2"));
        obs.add(check("web", webProtocol));
        return new Assessment(a.schemaVersion(), a.deployment(), a.generatedAt(), a.services(), obs, a.causes(),
                a.anomalies(), a.impact(), a.actions(), a.gate(), a.probing());
    }

    private static JsonNode httpCheck(String json, String serviceId) throws Exception {
        for (JsonNode o : JSON.readTree(json).get("observations")) {
            if (o.get("type").asText().equals("http-check") && o.get("serviceId").asText().equals(serviceId)) {
                return o;
            }
        }
        throw new AssertionError("no http-check of " + serviceId + " in " + json);
    }

    @Test
    @DisplayName("report.json writes the protocol when known, omits it when not, conforms to its schema and reads back")
    void json() throws Exception {
        String json = JsonReport.render(withProtocols(null));

        assertEquals("h2", httpCheck(json, "api").get("protocol").asText());
        assertFalse(httpCheck(json, "web").has("protocol"), "unknown: not written, as in reports before it existed");
        assertEquals(List.of(), SchemaCheck.violations(JsonReport.schema(), json));
        Assessment back = JsonReport.read(json);
        List<HttpCheck> checks = back.observations(HttpCheck.class);
        assertEquals("h2", checks.get(0).protocol());
        assertNull(checks.get(1).protocol());
        assertEquals(json, JsonReport.render(back), "reads back to the same bytes");
    }

    @Test
    @DisplayName("the Markdown timing table has a Protocol column when a check knows its protocol, and none otherwise")
    void markdown() {
        String md = MarkdownReport.render(withProtocols("http/1.1"));

        assertTrue(md.contains("| Service | Protocol | DNS | Connect | TLS | First byte | Transfer | Total |"), md);
        assertTrue(md.contains("| `api` | HTTP/2 | 2 ms |"), md);
        assertTrue(md.contains("| `web` | HTTP/1.1 | 2 ms |"), md);
        String without = MarkdownReport.render(replaceAll(withProtocols("h2"), null));
        assertTrue(without.contains("| Service | DNS | Connect |"), without);
        assertFalse(without.contains("Protocol"), without);
    }

    @Test
    @DisplayName("the HTML timing chart names the protocol after each total; a hostile one is escaped")
    void html() {
        String html = HtmlReport.render(withProtocols("<b>h9</b>"));

        assertTrue(html.contains("· HTTP/2</text>"), html);
        assertTrue(html.contains("· &lt;b&gt;h9&lt;/b&gt;</text>"), "escaped: " + html);
        assertFalse(html.contains("<b>h9"), html);
    }

    /** {@code a} with every check's protocol set to {@code protocol}. */
    private static Assessment replaceAll(Assessment a, String protocol) {
        List<Observation> obs = a.observations().stream().map(o -> o instanceof HttpCheck h
                ? (Observation) check(h.serviceId(), protocol) : o).toList();
        return new Assessment(a.schemaVersion(), a.deployment(), a.generatedAt(), a.services(), obs, a.causes(),
                a.anomalies(), a.impact(), a.actions(), a.gate(), a.probing());
    }
}
