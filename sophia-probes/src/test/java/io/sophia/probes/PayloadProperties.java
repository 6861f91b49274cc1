package io.sophia.probes;

import io.sophia.core.testing.HostileJson;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.core.ProbeContext;
import io.sophia.core.Deployment;
import io.sophia.core.Observation;
import io.sophia.core.RemoteText;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub, Fly and MCP probes parse what a remote server sends; a broken or hostile server may
 * send anything. Fed malformed, truncated, deeply nested, type-confused and huge payloads by a
 * loopback server, every probe answers with observations (a typed failure among them), never an
 * exception and never a hang, and no observation stores an unbounded string.
 */
class PayloadProperties {

    private static final String REPO = "hub4j-test-org/GHWorkflowRunTest";
    private static final String RUN = FlyCorpus.read(
            "github-api/hub4j-recorded/GHWorkflowRunTest/wiremock/testCancelAndRerun/__files/8-r_h_g_actions_runs_686036126.json");
    private static final String JOBS = FlyCorpus.read(
            "github-api/hub4j-recorded/GHWorkflowRunTest/wiremock/testJobs/__files/11-r_h_g_actions_runs_719643947_jobs.json");
    private static final String MACHINES = FlyCorpus.read("fly-api/examples/list_resp.json");
    private static final String MCP_INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{\"tools\":{\"listChanged\":true}},\"serverInfo\":{\"name\":\"ts-server\",\"version\":\"0.9.1\"}}}";

    /** path prefix -> what the server answers there (content type, body). */
    private static final AtomicReference<Map<String, String[]>> ANSWERS = new AtomicReference<>(Map.of());
    private static HttpServer server;

    @BeforeContainer
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", PayloadProperties::answer);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "hostile-payloads");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    @AfterContainer
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String[] answer = ANSWERS.get().entrySet().stream().filter(e -> path.endsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(new String[] {"application/json", "{\"message\":\"Not Found\"}"});
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", answer[0]);
            ex.sendResponseHeaders(answer[1].equals("{\"message\":\"Not Found\"}") ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the probe gave up on a huge answer: fine
        }
    }

    private static URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void assertObservations(List<Observation> seen) {
        assertFalse(seen == null || seen.isEmpty(), "a probe always says something");
        for (Observation o : seen) {
            // records print every component: a bound on the whole keeps each string bounded
            assertTrue(o.toString().length() < 64 * RemoteText.MAX_TEXT, () -> o.getClass().getSimpleName() + " is unbounded");
            // OTHER is the backstop for a bug (an exception the probe did not expect): bad input is typed
            if (o instanceof Observation.ProbeFailure f) {
                assertTrue(f.kind() != io.sophia.core.FailureKind.OTHER, () -> "untyped failure: " + f.detail());
            }
        }
    }

    private static List<Observation> github() throws Exception {
        GitHubActionsConfig config = GitHubActionsConfig.custom().apiUrl(root()).repository(REPO).runId(686036126L)
                .tokenEnv("T").env(Map.of("T", "test-token-value-1")::get).timeout(Duration.ofSeconds(10))
                .readLogs(false).build();
        return GitHubActionsProbe.of(config, new Deployment("fleet", List.of()), (o, log) -> List.of()).run(ProbeContext.withTimeout(Duration.ofMinutes(1)));
    }

    @Provide
    Arbitrary<String> runs() {
        return HostileJson.variantsOf(RUN);
    }

    @Provide
    Arbitrary<String> jobs() {
        return HostileJson.variantsOf(JOBS);
    }

    @Provide
    Arbitrary<String> machines() {
        return HostileJson.variantsOf(MACHINES);
    }

    @Provide
    Arbitrary<String> mcp() {
        return HostileJson.variantsOf(MCP_INIT);
    }

    @Property(tries = 60)
    void aGitHubRunPayloadGivesObservations(@ForAll("runs") String run) {
        ANSWERS.set(Map.of("/actions/runs/686036126", new String[] {"application/json", run},
                "/jobs", new String[] {"application/json", JOBS}));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertObservations(github()));
    }

    @Property(tries = 60)
    void aGitHubJobsPayloadGivesObservations(@ForAll("jobs") String jobs) {
        ANSWERS.set(Map.of("/actions/runs/686036126", new String[] {"application/json", RUN},
                "/jobs", new String[] {"application/json", jobs}));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertObservations(github()));
    }

    @Property(tries = 60)
    void aFlyMachineListGivesObservations(@ForAll("machines") String machines) {
        ANSWERS.set(Map.of("/machines", new String[] {"application/json", machines}));
        FlyConfig config = FlyConfig.custom().apiUrl(root()).tokenEnv("FLY").env(Map.of("FLY", "fly-test-token-1")::get)
                .timeout(Duration.ofSeconds(10)).app("web", "fleet-web").build();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertObservations(FlyMachinesProbe.of(config, null).run(ProbeContext.withTimeout(Duration.ofMinutes(1)))));
    }

    @Property(tries = 60)
    void anMcpAnswerGivesObservations(@ForAll("mcp") String message, @ForAll boolean sse) {
        String[] answer = sse ? new String[] {"text/event-stream", "event: message\ndata: " + message + "\n\n"}
                : new String[] {"application/json", message};
        ANSWERS.set(Map.of("/mcp", answer));
        Service s = Service.builder("catalog", root().resolve("/mcp")).name("Catalog").kind(ServiceKind.MCP)
                .critical().build();
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertObservations(McpProbe.of(s, Duration.ofSeconds(5)).run(ProbeContext.withTimeout(Duration.ofMinutes(1)))));
    }
}
