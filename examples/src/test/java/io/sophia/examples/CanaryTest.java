package io.sophia.examples;

import io.sophia.core.testing.RefusedPort;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sophia.report.JsonReport;
import io.sophia.report.ReportFiles;
import io.sophia.report.ReportFormatException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary tokens of every known shape — GitHub ({@code ghp_}, {@code gho_}, {@code ghs_},
 * {@code github_pat_}), Fly ({@code FlyV1 fm2_…}), Bearer, AWS, Slack, Stripe, JWT, a generic
 * {@code *_TOKEN=} assignment, a URL password and the value of a token variable of no known
 * shape, a service's bearer token ({@code services[].http.tokenEnv}, also pasted over two lines) and
 * alert webhook URLs (written in the config with a credential in path, query or user info, or held in a
 * {@code urlEnv} variable) — are pushed through every output path: the four report files, the command
 * line's stdout and stderr (the CLI runs in-process with redirected streams), log records (the root
 * logger's, so OkHttp's too), exception messages, config and rule-file errors, webhook delivery
 * warnings. No 12-character piece of any of them may appear anywhere, and no terminal control
 * sequence from a remote string reaches stdout. A bearer token goes to its service's host only, not
 * to the host a redirect leads to.
 *
 * <p>The tokens are assembled at run time (they are fakes; a scanner should not flag this file).
 */
@DisplayName("Canary tokens never come out, whatever path they take")
@Isolated("it raises the JVM-wide logger levels and captures the root logger, which other classes log through")
class CanaryTest {

    private static final String ALNUM = "Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zXc";

    static final String GHP = "ghp" + "_" + ALNUM + "Vb6N";
    static final String GHO = "gho" + "_" + "N6bV" + new StringBuilder(ALNUM).reverse();
    static final String GHS = "ghs" + "_" + "M3nB5vC7xZ9lK2jH4gF6dS8aP1oI0uY7";
    static final String PAT = "github" + "_pat_" + "11AB2CD3E0" + ALNUM + "_" + ALNUM + "x9Y8z7W6v5";
    static final String FLY = "fm2" + "_" + "lJPECAAAAAAAAMx0bHV1ZGVkLWtleS1jYW5hcnkxMjM0NTY3ODk" + "," + "fm2" + "_"
            + "lJPETm90QWZ0ZXIgMjAzMC0wMS0wMVQwMDowMDowMFo";
    static final String BEARER = "Zm9vYmFyYmF6MTIzNDU2Nzg5MGFiY2RlZmNhbmFyeQ";
    static final String AWS = "AKIA" + "Q3EGRTX7YCNZ2WLM";
    static final String SLACK = "xoxb" + "-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String STRIPE = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dcCanary";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9" + "." + "eyJzdWIiOiJjYW5hcnktdXNlciIsImlhdCI6MTcwMDAwMDAwMH0" + "."
            + "c2lnbmF0dXJlLWNhbmFyeS0xMjM0NTY3ODk";
    static final String GENERIC = "q7Wm2Kx9Lp4Rt8Zn3Vb6Hc1";
    static final String URL_PASSWORD = "Pa55w0rd-Canary-9X7qLm";
    /** The value of a token variable: no known shape, masked because the config names the variable. */
    static final String ENV_TOKEN = "canary-unshaped-" + "Zr4Tq8Wn2Kp6Hs0Vd";
    static final String FLY_ENV_TOKEN = "FlyV1 " + FLY;
    /** A service's bearer token ({@code services[].http.tokenEnv}): no known shape either. */
    static final String SVC_TOKEN = "svc-bearer-" + "Hq3Zt7Nw1Xc5Vb9Lm2Kp";
    /** The two lines of a token variable pasted with a line break: refused, and neither line may come out. */
    static final String MULTI_LINE_1 = "multi-line-" + "Pw8Rn3Jd6Ts1Yq4";
    static final String MULTI_LINE_2 = "second-line-" + "Gf2Mk7Lc9Bx5";
    /** The credential of a Slack-like incoming webhook written in the config: the last segment of its path. */
    static final String HOOK_PATH_TOKEN = "hK8sW3dF6gJ1lZ4xC7vB2nM5";
    /** A webhook credential passed as a query parameter. */
    static final String HOOK_QUERY_TOKEN = "qT5rE8wY2uI6oP9aS3dF";
    /** The credential in the path of a webhook URL held in an environment variable ({@code urlEnv}). */
    static final String HOOK_ENV_TOKEN = "eN7vH2kR9tW4pL6mQ1xZ";

    /** Two lines of the material of a private key: neither looks like a key alone. */
    static final String KEY_LINE_1 = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" + "canaryKeyLine";
    static final String KEY_LINE_2 = "MIIEpAIBAAKCAQEAsecondLineOfKeyMaterial" + "XyZqwertyuiopasdf";

    /** Every secret, as it would appear in text. */
    static final List<String> SECRETS = List.of(GHP, GHO, GHS, PAT, FLY, BEARER, AWS, SLACK, STRIPE, JWT, GENERIC,
            URL_PASSWORD, ENV_TOKEN, SVC_TOKEN, MULTI_LINE_1, MULTI_LINE_2, HOOK_PATH_TOKEN, HOOK_QUERY_TOKEN,
            HOOK_ENV_TOKEN, KEY_LINE_1, KEY_LINE_2);

    /** Text carrying every token in its usual context, with terminal control sequences around. */
    static String carrier() {
        return "\u001b]0;pwned-title\u0007\u001b[2J push failed: " + GHP + " " + GHO + " token " + GHS + " " + PAT
                + " Authorization: FlyV1 " + FLY + " Bearer " + BEARER + " aws " + AWS + " slack " + SLACK
                + " stripe " + STRIPE + " jwt " + JWT + " DEPLOY_TOKEN=" + GENERIC + " https://deploy:" + URL_PASSWORD
                + "@registry.example.test/v2 echoed " + ENV_TOKEN + " \u001b[31mred\u001b[0m"
                // what a terminal does not show, glued to a token or inside it: the terminal shows the token whole
                + " glued \u001b[1m" + AWS + "\u001b[0m split " + GHS.substring(0, 10) + "\u001b[0m" + GHS.substring(10)
                + " zero-width " + SLACK.substring(0, 14) + "\u200b" + SLACK.substring(14)
                // look-alikes a terminal, a browser or a model reads as the token: full-width, tag characters, %5F
                + " wide " + fullWidth(STRIPE) + " tagged " + tags(JWT) + " encoded " + GHO.replace("_", "%5F")
                // shown as nothing, though no format character: a variation selector cuts the token in two
                + " selector " + PAT.substring(0, 12) + "\uFE0F" + PAT.substring(12);
    }

    /** {@code s} in full-width forms (U+FF01–U+FF5E). */
    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return b.toString();
    }

    /** {@code s} in invisible tag characters (U+E0020–U+E007E). */
    static String tags(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.appendCodePoint(0xE0000 + c));
        return b.toString();
    }

    /**
     * {@code s} as a program reads it back: tag characters, their JSON escapes ({@code \\udb40\\udc67}) and their
     * {@code [U+E0067]} display as ASCII, full-width and other compatibility forms folded (NFKC), {@code %XX} decoded.
     */
    static String readBack(String s) {
        String t = java.util.regex.Pattern.compile("\\[U\\+E00([2-7][0-9A-F])]|\\\\udb40\\\\udc([2-7][0-9a-f])")
                .matcher(s).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1) != null ? m.group(1)
                        : m.group(2), 16)).replace("\\", "\\\\").replace("$", "\\$"));
        t = t.codePoints().map(c -> c >= 0xE0020 && c <= 0xE007E ? c - 0xE0000 : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFKC);
        return java.util.regex.Pattern.compile("%([2-7][0-9A-Fa-f])").matcher(t)
                .replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)).replace("\\", "\\\\")
                        .replace("$", "\\$"));
    }

    /**
     * {@link #carrier()} without the value of no known shape, for a config that does not name its variable (a value
     * of no known shape can only be masked when the config says it is a secret).
     */
    static String shapedCarrier() {
        return carrier().replace(" echoed " + ENV_TOKEN, "");
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(new SimpleFormatter().format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger sophiaLogger = Logger.getLogger("io.sophia");
    private final Logger okhttpLogger = Logger.getLogger("okhttp3");
    private final Logger rootLogger = Logger.getLogger("");
    private Level levelBefore;
    private Level okhttpLevelBefore;

    @BeforeEach
    void start() throws IOException {
        levelBefore = sophiaLogger.getLevel();
        sophiaLogger.setLevel(Level.ALL);
        okhttpLevelBefore = okhttpLogger.getLevel();
        okhttpLogger.setLevel(Level.ALL);
        // the root logger's handler sees Sophia's records and those of the libraries it uses (OkHttp's)
        rootLogger.addHandler(capture);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        rootLogger.removeHandler(capture);
        sophiaLogger.setLevel(levelBefore);
        okhttpLogger.setLevel(okhttpLevelBefore);
    }

    private String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A service, a GitHub API and a Fly Machines API on loopback, every answer full of canaries. */
    private void answer(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            String c = json(carrier());
            String long1 = "x ".repeat(996) + GHP; // a quote limit of 2,000 characters falls inside the token
            if (path.startsWith("/svc")) {
                // a JSON body keeps its escape sequences escaped (the six characters \u001b): the excerpt quotes them so
                send(ex, 503, "text/plain", "{\"error\": \"" + json(carrier()) + "\"}\n" + carrier() + "\n" + "y".repeat(150)
                        + " " + ENV_TOKEN + " " + carrier());
            } else if (path.endsWith("/actions/runs/42")) {
                send(ex, 200, "application/json", "{\"id\":42,\"name\":\"Deploy " + c + "\",\"head_branch\":\"" + c
                        + "\",\"head_sha\":\"" + GHP + "\",\"event\":\"push\",\"status\":\"completed\",\"conclusion\":\"failure\","
                        + "\"run_attempt\":1,\"html_url\":\"https://deploy:" + URL_PASSWORD + "@github.example.test/run\"}");
            } else if (path.endsWith("/actions/runs/42/jobs")) {
                send(ex, 200, "application/json", "{\"total_count\":1,\"jobs\":[{\"id\":7,\"run_id\":42,\"name\":\"deploy "
                        + c + "\",\"status\":\"completed\",\"conclusion\":\"failure\",\"runner_name\":\"" + c
                        + "\",\"labels\":[\"" + c + "\"],\"steps\":[{\"number\":1,\"name\":\"Push " + c
                        + "\",\"status\":\"completed\",\"conclusion\":\"failure\"}]}]}");
            } else if (path.endsWith("/check-runs/7/annotations")) {
                send(ex, 200, "application/json", "[{\"annotation_level\":\"failure\",\"title\":\"" + c
                        + "\",\"message\":\"" + c + "\",\"path\":\".github\",\"start_line\":1}]");
            } else if (path.endsWith("/actions/jobs/7/logs")) {
                send(ex, 200, "text/plain", "2026-01-02T03:00:00.0000000Z ##[group]Run docker push\n"
                        + "ERROR: failed to push: unauthorized: authentication required " + carrier() + "\n"
                        + "ERROR: failed to solve: " + long1 + "\n"
                        + "Error: the token " + auth + " was rejected\n"
                        + "##[error]Process completed with exit code 1.\n");
            } else if (path.contains("/machines")) {
                send(ex, 401, "application/json", "{\"error\":\"token " + json(auth) + " invalid; " + c + "\"}");
            } else {
                send(ex, 404, "application/json", "{\"message\":\"Not Found " + c + "\"}");
            }
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                b.append('\\').append(ch);
            } else if (ch < 0x20) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static CliRun cli(Function<String, String> env, String... args) {
        return CliRun.of(CLOCK, env, args);
    }

    private final Function<String, String> env = Map.of("CANARY_GH", ENV_TOKEN, "CANARY_FLY", FLY_ENV_TOKEN)::get;

    /** Every place a piece of a secret was found, as "where: piece". */
    private static List<String> leaks(Map<String, String> outputs) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> o : outputs.entrySet()) {
            String read = o.getValue() + "\n" + readBack(o.getValue());
            for (String secret : SECRETS) {
                for (int i = 0; i + 12 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 12);
                    if (read.contains(piece)) {
                        found.add(o.getKey() + ": '" + piece + "'");
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static void assertNoLeak(Map<String, String> outputs) {
        List<String> leaks = leaks(outputs);
        assertTrue(leaks.isEmpty(), () -> "leaked: " + leaks);
    }

    @Test
    @DisplayName("a check whose every remote answer is full of tokens prints and writes none of them")
    void check() throws Exception {
        Path config = Files.writeString(tmp.resolve("deploy.yaml"), """
                deployment: canary
                services:
                  - id: api
                    url: http://127.0.0.1:%d/svc/health
                    critical: true
                pipeline:
                  github: {apiUrl: "%s", repository: acme/shop, runId: 42, tokenEnv: CANARY_GH}
                platform:
                  fly: {apiUrl: "%s", tokenEnv: CANARY_FLY, apps: {api: shop-api}}
                probe: {timeout: 30s, retries: 0}
                """.formatted(server.getAddress().getPort(), root(), root()));
        Path out = tmp.resolve("out");

        CliRun r = cli(env, "check", "--config", config.toString(), "--out", out.toString());

        assertEquals(2, r.exit(), r.err());
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("stdout", r.out());
        outputs.put("stderr", r.err());
        for (String name : ReportFiles.FILE_NAMES) {
            outputs.put(name, Files.readString(out.resolve(name)));
        }
        outputs.put("logs", String.join("\n", logs));
        assertNoLeak(outputs);
        // the canaries did travel: the report quotes the log line they were masked in
        assertTrue(outputs.get("report.json").contains("[REDACTED]"), "nothing was masked: the canaries never arrived");
        assertTrue(outputs.get("report.json").contains("failed to push"), "the log line is quoted");
        assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b") || r.out().contains("\u0007"),
                "a control sequence reached the terminal: " + r.out());
    }

    @Test
    @DisplayName("config errors, rule-file errors and a credentials file named as config echo no token")
    void errorPaths() throws Exception {
        Path creds = Files.writeString(tmp.resolve(".git-credentials"), "https://deploy:" + GHP + "@github.com\n"
                + "DEPLOY_TOKEN=" + GENERIC + "\naws_secret_access_key = " + AWS + "\n" + carrier() + "\n");
        Path withRules = Files.writeString(tmp.resolve("rules.yaml"), """
                deployment: canary
                services:
                  - id: api
                    url: http://127.0.0.1:9/
                rules: [.git-credentials]
                """);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), """
                deployment: canary
                services:
                  - id: "%s"
                    url: "https://deploy:%s@api.example.test:99999999/x"
                    critical: "%s"
                pipeline:
                  github: {repository: "%s", runId: "%s", tokenEnv: "%s"}
                probe: {timeout: "%s"}
                """.formatted(SLACK, URL_PASSWORD, STRIPE, PAT, JWT, BEARER, GHS));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Path config : List.of(creds, withRules, bad)) {
            CliRun r = cli(env, "check", "--config", config.toString(), "--out", tmp.resolve("o").toString());
            assertEquals(64, r.exit(), r.err());
            assertTrue(r.err().contains(config.getFileName().toString()) || r.err().contains(".git-credentials"), r.err());
            outputs.put(config.getFileName() + " stdout", r.out());
            outputs.put(config.getFileName() + " stderr", r.err());
        }
        // a token given on the command line by mistake
        for (String token : List.of(GHP, "--out=" + FLY_ENV_TOKEN, AWS)) {
            CliRun r = cli(env, token.startsWith("--") ? new String[] {"check", token} : new String[] {token});
            assertEquals(64, r.exit(), r.err());
            outputs.put("argument " + token.substring(0, 3) + " stderr", r.err());
        }
        // an output directory that is a file: exit 73, naming the directory only
        Path file = Files.writeString(tmp.resolve("not-a-dir"), carrier());
        Path ok = Files.writeString(tmp.resolve("ok.yaml"), RefusedPort.in("deployment: canary\nservices:\n  - id: api\n"
                + "    url: http://127.0.0.1:9/\n"));
        CliRun r = cli(env, "check", "--config", ok.toString(), "--out", file.toString());
        assertEquals(73, r.exit(), r.err());
        assertTrue(r.err().contains("not-a-dir"), r.err());
        assertEquals(carrier(), Files.readString(file), "what was there is untouched");
        outputs.put("73 stderr", r.err());
        outputs.put("logs", String.join("\n", logs));
        assertNoLeak(outputs);
    }

    @Test
    @DisplayName("a report.json with tokens where they do not belong fails with a message free of them")
    void reportReaderErrors() {
        List<String> messages = new ArrayList<>();
        for (String json : List.of("{\"schemaVersion\": \"" + json(carrier()) + "\"}", carrier(),
                "{\"schemaVersion\":\"1.0\",\"deployment\":\"x\",\"observations\":[{\"type\":\"" + json(carrier()) + "\"}]}",
                "{\"" + GHP + "\": " + AWS + "}")) {
            ReportFormatException e = assertThrows(ReportFormatException.class, () -> JsonReport.read(json));
            messages.add(e.getMessage());
        }
        assertNoLeak(Map.of("ReportFormatException", String.join("\n", messages)));
    }

    /** A loopback server on its own port, answering every request with {@code handler}. */
    private static HttpServer serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", handler);
        s.start();
        return s;
    }

    /** Every output of a command-line run: its streams, the report files written, the log records so far. */
    private Map<String, String> outputs(String label, CliRun r, Path out) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(label + " stdout", r.out());
        outputs.put(label + " stderr", r.err());
        for (String name : ReportFiles.FILE_NAMES) {
            Path file = out.resolve(name);
            if (Files.exists(file)) {
                outputs.put(label + " " + name, Files.readString(file));
            }
        }
        outputs.put(label + " logs", String.join("\n", logs));
        return outputs;
    }

    @Test
    @DisplayName("a service's bearer token goes to its own host only, a multi-line one is refused unsent, neither comes out")
    void serviceBearerToken() throws Exception {
        List<String> atService = new CopyOnWriteArrayList<>();
        List<String> atMovedFrom = new CopyOnWriteArrayList<>();
        List<String> atOtherHost = new CopyOnWriteArrayList<>();
        List<String> pasted = new CopyOnWriteArrayList<>();
        // the service echoes the Authorization header it got, in its body and in the version header
        server.createContext("/tok", ex -> {
            try (ex) {
                String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
                atService.add(auth);
                ex.getResponseHeaders().add("X-Version", "v1 " + auth);
                send(ex, 503, "text/plain", "rejected " + auth + "\n" + shapedCarrier());
            }
        });
        HttpServer other = serve(ex -> {
            try (ex) {
                String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
                atOtherHost.add(auth);
                send(ex, 503, "text/plain", "landed with " + auth + " at " + ex.getRequestURI());
            }
        });
        // another host: same loopback, another name, so the probe sees a change of host
        server.createContext("/moved", ex -> {
            try (ex) {
                atMovedFrom.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                ex.getResponseHeaders().add("Location", "http://localhost:" + other.getAddress().getPort() + "/landing");
                ex.sendResponseHeaders(302, -1);
            }
        });
        server.createContext("/pasted", ex -> {
            try (ex) {
                pasted.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                send(ex, 200, "text/plain", "ok");
            }
        });
        int port = server.getAddress().getPort();
        Path config = Files.writeString(tmp.resolve("tokens.yaml"), """
                deployment: canary
                services:
                  - id: api
                    url: http://127.0.0.1:%d/tok/health
                    critical: true
                    expect: {versionHeader: X-Version}
                    http: {tokenEnv: CANARY_SVC}
                  - id: moved
                    url: http://127.0.0.1:%d/moved
                    http: {tokenEnv: CANARY_SVC, redirects: 3}
                  - id: pasted
                    url: http://127.0.0.1:%d/pasted
                    http: {tokenEnv: CANARY_MULTI}
                probe: {timeout: 30s, retries: 0}
                """.formatted(port, port, port));
        Path out = tmp.resolve("out");
        Function<String, String> tokens = Map.of("CANARY_SVC", SVC_TOKEN,
                "CANARY_MULTI", MULTI_LINE_1 + "\n" + MULTI_LINE_2)::get;
        CliRun r;
        try {
            r = cli(tokens, "check", "--config", config.toString(), "--out", out.toString());
        } finally {
            other.stop(0);
        }

        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("Bearer " + SVC_TOKEN), atService, "the service got its token");
        assertEquals(List.of("Bearer " + SVC_TOKEN), atMovedFrom, "the first hop is the service's own host");
        assertEquals(List.of("null"), atOtherHost, "the redirect was followed, without the token");
        assertEquals(List.of(), pasted, "a multi-line token is refused before any request");
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("CANARY_MULTI") && json.contains("more than one line"),
                "the refusal names the variable: " + json);
        assertTrue(json.contains("[REDACTED]"), "the echoed token arrived and was masked");
        Map<String, String> outputs = outputs("check", r, out);

        // the token written as a header instead of named by tokenEnv: refused, named by its key only
        Path inHeader = Files.writeString(tmp.resolve("header.yaml"), """
                deployment: canary
                services:
                  - id: api
                    url: http://127.0.0.1:%d/tok/health
                    http: {headers: {Authorization: "Bearer %s", X-Api-Key: "%s", X-Two: "%s"}}
                """.formatted(port, SVC_TOKEN, SVC_TOKEN, MULTI_LINE_1 + "\\n" + MULTI_LINE_2));
        CliRun h = cli(tokens, "check", "--config", inHeader.toString(), "--out", tmp.resolve("h").toString());
        assertEquals(64, h.exit(), h.err());
        assertTrue(h.err().contains("headers"), h.err());
        outputs.putAll(outputs("header", h, tmp.resolve("h")));
        assertNoLeak(outputs);
    }

    @Test
    @DisplayName("webhook URLs, in the config or in a variable, come out in no warning, stream, report or error")
    void webhookUrls() throws Exception {
        java.util.concurrent.atomic.AtomicInteger rounds = new java.util.concurrent.atomic.AtomicInteger();
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<String> elsewhere = new CopyOnWriteArrayList<>();
        // UP in the first round, DOWN after: a transition, so every webhook gets alerts
        server.createContext("/flip", ex -> {
            try (ex) {
                boolean first = rounds.getAndIncrement() == 0;
                send(ex, first ? 200 : 503, "text/plain", first ? "ok" : shapedCarrier());
            }
        });
        HttpServer other = serve(ex -> {
            try (ex) {
                elsewhere.add(ex.getRequestURI().toString());
                send(ex, 200, "text/plain", "ok");
            }
        });
        // the webhook in the config answers 404 with its own URL in the body; the one in the variable moved
        server.createContext("/services", ex -> {
            try (ex) {
                delivered.add("config");
                ex.getRequestBody().readAllBytes();
                send(ex, 404, "text/plain", "no hook at " + ex.getRequestURI() + " " + shapedCarrier());
            }
        });
        server.createContext("/hook", ex -> {
            try (ex) {
                delivered.add("env");
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().add("Location", "http://localhost:" + other.getAddress().getPort() + "/stolen"
                        + ex.getRequestURI());
                ex.sendResponseHeaders(302, -1);
            }
        });
        int port = server.getAddress().getPort();
        String inline = "http://hook:" + URL_PASSWORD + "@127.0.0.1:" + port + "/services/T0CANARY/B0CANARY/"
                + HOOK_PATH_TOKEN + "?token=" + HOOK_QUERY_TOKEN;
        String yaml = """
                deployment: canary
                services:
                  - id: api
                    url: http://127.0.0.1:%d/flip
                    critical: true
                probe: {timeout: 30s, retries: 0}
                alerts:
                  webhooks:
                    - "%s"
                    - {urlEnv: CANARY_HOOK}
                """;
        Path config = Files.writeString(tmp.resolve("alerts.yaml"), yaml.formatted(port, inline));
        Path out = tmp.resolve("watch");
        String hookUrl = "http://127.0.0.1:" + port + "/hook/" + HOOK_ENV_TOKEN;
        Map<String, String> outputs = new LinkedHashMap<>();
        CliRun r;
        try {
            r = cli(Map.of("CANARY_HOOK", hookUrl)::get, "watch", "--config", config.toString(), "--out",
                    out.toString(), "--interval", "1ms", "--count", "2");
        } finally {
            other.stop(0);
        }
        assertEquals(2, r.exit(), r.err());
        assertTrue(delivered.contains("config") && delivered.contains("env"), "alerts were posted: " + delivered);
        assertEquals(List.of(), elsewhere, "a webhook's redirect is not followed");
        assertTrue(r.err().contains("webhook 1 (127.0.0.1) not delivered after 1 attempt: HTTP 404"), r.err());
        assertTrue(r.err().contains("webhook 2 (127.0.0.1) not delivered after 1 attempt: HTTP 302"), r.err());
        outputs.putAll(outputs("watch", r, out));

        // a variable that holds no URL, or a URL and a second line: named, never shown
        for (String bad : List.of("not a url " + HOOK_ENV_TOKEN, hookUrl + "\n" + MULTI_LINE_2)) {
            Function<String, String> badEnv = Map.of("CANARY_HOOK", bad)::get;
            CliRun b = cli(badEnv, "watch", "--config", config.toString(), "--out", out.toString(), "--count", "1");
            assertEquals(64, b.exit(), b.err());
            assertTrue(b.err().contains("CANARY_HOOK"), b.err());
            outputs.putAll(outputs("bad variable " + outputs.size(), b, tmp.resolve("none")));
            // the library's own error, before any stream could mask it
            io.sophia.diagnosis.InputException e = assertThrows(io.sophia.diagnosis.InputException.class,
                    () -> io.sophia.report.DeploymentConfig.load(config).webhookUrls(badEnv));
            assertTrue(e.getMessage().contains("CANARY_HOOK"), e.getMessage());
            assertTrue(e.getMessage().contains(bad.contains("\n") ? "more than one line" : "does not hold an http"),
                    e.getMessage());
            outputs.put("InputException " + outputs.size(), e.getMessage());
        }
        // a webhook in the config that is not an http(s) URL
        Path ftp = Files.writeString(tmp.resolve("ftp.yaml"), yaml.formatted(port,
                "ftp://hook:" + URL_PASSWORD + "@hooks.example.test/" + HOOK_PATH_TOKEN + "?token=" + HOOK_QUERY_TOKEN));
        CliRun f = cli(Map.of("CANARY_HOOK", hookUrl)::get, "watch", "--config", ftp.toString(), "--out", out.toString());
        assertEquals(64, f.exit(), f.err());
        assertTrue(f.err().contains("alerts.webhooks[0]"), f.err());
        outputs.putAll(outputs("ftp", f, tmp.resolve("none")));
        assertNoLeak(outputs);
    }

    @Test
    @DisplayName("a webhook that drops every connection is warned about by host, not by URL")
    void webhookDeliveryFailure() throws Exception {
        try (java.net.ServerSocket dropper = new java.net.ServerSocket(0, 16, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                while (!dropper.isClosed()) {
                    try (java.net.Socket s = dropper.accept()) {
                        s.setSoLinger(true, 0); // a reset, not an answer
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "canary-dropper");
            accept.setDaemon(true);
            accept.start();
            java.net.URI hook = java.net.URI.create("http://hook:" + URL_PASSWORD + "@127.0.0.1:" + dropper.getLocalPort()
                    + "/services/T0CANARY/B0CANARY/" + HOOK_PATH_TOKEN + "?token=" + HOOK_QUERY_TOKEN);
            List<String> warnings = new CopyOnWriteArrayList<>();
            io.sophia.core.Deployment d = new io.sophia.core.Deployment("canary", List.of(
                    io.sophia.core.Service.builder("api", "http://api.canary.test/").critical().build()));
            try (io.sophia.report.WebhookAlerts alerts = new io.sophia.report.WebhookAlerts("canary", List.of(hook),
                    warnings::add, java.time.Duration.ofMillis(1), java.time.Duration.ofSeconds(60))) {
                alerts.onRound(round(d, true)).get(120, java.util.concurrent.TimeUnit.SECONDS);
                alerts.onRound(round(d, false)).get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertFalse(warnings.isEmpty(), "the delivery failed");
            assertTrue(warnings.stream().allMatch(w -> w.startsWith("alert to webhook 1 (127.0.0.1) not delivered after 4 attempts")),
                    warnings::toString);
            assertNoLeak(Map.of("warnings", String.join("\n", warnings), "logs", String.join("\n", logs)));
        }
    }

    /** An assessment of {@code d} whose one service is UP, or DOWN with a failure text full of canaries. */
    private static io.sophia.core.Assessment round(io.sophia.core.Deployment d, boolean up) {
        io.sophia.core.Observation o = up
                ? io.sophia.core.Observation.HttpCheck.builder("api", io.sophia.core.Source.HTTP, "http://api.canary.test/", 200)
                        .latency(java.time.Duration.ofMillis(5)).body("ok", "text/plain").build()
                : new io.sophia.core.Observation.ProbeFailure("api", io.sophia.core.Source.HTTP, "http://api.canary.test/",
                io.sophia.core.FailureKind.CONNECTION_REFUSED, "refused", null, java.time.Duration.ofMillis(5), 1);
        return io.sophia.diagnosis.Diagnosis.ofDefaults().diagnose(d, List.of(o), CLOCK.instant());
    }

    /** {@code token} placed so that a cut at {@code limit} characters keeps its first 14. */
    private static String across(int limit, String token) {
        return "p ".repeat(limit).substring(0, limit - 15) + " " + token + " after it";
    }

    @Test
    @DisplayName("tokens where a body, a context line or a step name is cut, and a key printed a line at a time, come out in no piece")
    void tokensAtCutPoints() throws Exception {
        // each service answers with a token across the 2 KiB cap of the body excerpt; the last echoes its own token
        List<String> atTheCap = List.of(GHP, AWS, SLACK, JWT, STRIPE);
        StringBuilder services = new StringBuilder();
        int port = server.getAddress().getPort();
        for (int i = 0; i <= atTheCap.size(); i++) {
            String body = across(2048, i < atTheCap.size() ? atTheCap.get(i) : SVC_TOKEN);
            server.createContext("/cut" + i, ex -> {
                try (ex) {
                    send(ex, 503, "text/plain", body);
                }
            });
            services.append("  - id: cut").append(i).append("\n    url: http://127.0.0.1:").append(port).append("/cut")
                    .append(i).append(i < atTheCap.size() ? "\n" : "\n    http: {tokenEnv: CANARY_SVC}\n");
        }
        Path config = Files.writeString(tmp.resolve("cut.yaml"), "deployment: canary\nservices:\n" + services
                + "probe: {timeout: 30s, retries: 0}\n");
        Path out = tmp.resolve("cut");
        CliRun r = cli(Map.of("CANARY_SVC", SVC_TOKEN)::get, "check", "--config", config.toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.err()); // no service is critical: WARN
        assertTrue(Files.readString(out.resolve("report.json")).contains("p p p p"), "the bodies arrived");
        Map<String, String> outputs = outputs("check", r, out);

        // a log: context lines over 500 characters, a $ command over 200, and a key printed by `cat key.pem`
        String tokens = (GHP + " ").repeat(4);
        Path log = Files.writeString(tmp.resolve("cut.log"), String.join("\n",
                "$ " + tokens + "p".repeat(200 - tokens.length() - 15) + " " + GHP + " more",
                across(500, GHP), across(500, AWS), across(500, JWT),
                "ERROR: failed to push: unauthorized: authentication required",
                "-----BEGIN PRIVATE KEY-----", KEY_LINE_1, KEY_LINE_2, "-----END PRIVATE KEY-----",
                "ERROR: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2", ""));
        Path logOut = tmp.resolve("log");
        CliRun e = cli(env, "explain", "--log", log.toString(), "--out", logOut.toString());
        assertEquals(2, e.exit(), e.err());
        assertTrue(Files.readString(logOut.resolve("report.md")).contains("failed to push"), "the log was read");
        outputs.putAll(outputs("explain", e, logOut));
        assertNoLeak(outputs);
    }

    /** The value of a credential header written in the config ({@code X-Api-Key}): no known shape. */
    static final String HEADER_KEY = "hdrkey-" + "Lp0Ok9Ij8Uh7Yg6Tf5Rd";
    /** Shapes of other providers, and a person's password and session cookie of plain words. */
    static final List<String> OTHER_SHAPES = List.of("sk-" + "proj-Xy7Wv6Ut5Sr4Qp3On2Ml1Kj0Ih9Gf8Ed7Cb6",
            "sk-" + "ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0", "fo1" + "_Hq3Zt7Nw1Xc5Vb9Lm2KpZz8Yy7",
            "AIza" + "SyA1234567890abcdefghijklmnopqrstu");
    static final String WORDS_PASSWORD = "correcthorse" + "batterystaple";
    static final String WORDS_SESSION = "sessionofplain" + "lowercasewords";
    /** A passphrase of words, unquoted. */
    static final String WORDS_PHRASE = "correct horse " + "battery staple";

    @Test
    @DisplayName("tokens Sophia knows by value come out in no piece: echoed cut short, percent-encoded, JSON-escaped, across the cap")
    void knownTokensInPiecesAndEncodings() throws Exception {
        // the service echoes pieces of the two tokens it was sent (its bearer token, an X-Api-Key written in the
        // config), in the forms a server writes them: cut short with an ellipsis, percent-encoded, JSON-escaped;
        // and tokens of other providers' shapes; the last of each placed across the 2 KiB cap of the body excerpt
        String svcJson = SVC_TOKEN.replace("-", "\\u002d");
        String echoes = "invalid key " + HEADER_KEY.substring(0, 14) + "… for " + SVC_TOKEN.substring(0, 13) + "..."
                + " tail " + SVC_TOKEN.substring(SVC_TOKEN.length() - 12) + " url ?k="
                + java.net.URLEncoder.encode(SVC_TOKEN, StandardCharsets.UTF_8).replace("-", "%2D") + " json \"" + svcJson
                + "\" " + String.join(" ", OTHER_SHAPES) + " password=" + WORDS_PASSWORD + " Cookie: sid=" + WORDS_SESSION
                + "; Path=/; HttpOnly config: passphrase: " + WORDS_PHRASE;
        List<String> secrets = new ArrayList<>(List.of(HEADER_KEY, SVC_TOKEN, WORDS_PASSWORD, WORDS_SESSION, WORDS_PHRASE));
        secrets.addAll(OTHER_SHAPES);
        int port = server.getAddress().getPort();
        StringBuilder services = new StringBuilder();
        for (int i = 0; i < secrets.size(); i++) {
            String body = echoes + "\n" + across(2048 - echoes.length() - 1, secrets.get(i));
            server.createContext("/known" + i, ex -> {
                try (ex) {
                    ex.getResponseHeaders().add("X-Version", HEADER_KEY.substring(0, 15) + "…");
                    send(ex, 503, "text/plain", body);
                }
            });
            services.append("  - id: known").append(i).append("\n    url: http://127.0.0.1:").append(port)
                    .append("/known").append(i).append("\n    expect: {versionHeader: X-Version}\n")
                    .append("    http: {tokenEnv: CANARY_SVC, headers: {X-Api-Key: \"").append(HEADER_KEY).append("\"}}\n");
        }
        Path config = Files.writeString(tmp.resolve("known.yaml"), "deployment: canary\nservices:\n" + services
                + "probe: {timeout: 30s, retries: 0}\n");
        Path out = tmp.resolve("known");

        CliRun r = cli(Map.of("CANARY_SVC", SVC_TOKEN)::get, "check", "--config", config.toString(), "--out", out.toString());

        assertEquals(1, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("report.json")).contains("invalid key [REDACTED]"), "the echoes arrived");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> o : outputs("check", r, out).entrySet()) {
            for (String secret : secrets) {
                for (int i = 0; i + 12 <= secret.length(); i++) {
                    if (o.getValue().contains(secret.substring(i, i + 12))) {
                        found.add(o.getKey() + ": '" + secret.substring(i, i + 12) + "'");
                        break;
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "leaked: " + found);
    }

    /** {@code text} as a fixed-width program prints it: a line break every {@code width} characters, inside words too. */
    private static String wrapped(String text, int width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i += width) {
            b.append(text, i, Math.min(text.length(), i + width)).append('\n');
        }
        return b.toString();
    }

    /** The shaped tokens with their usual words (no escape sequences), wrapped at two widths: each token is cut. */
    private static String wrappedCarrier() {
        String plain = io.sophia.core.RemoteText.forTerminal(shapedCarrier()).strip();
        return wrapped(plain, 37) + "---\n" + wrapped(plain, 52);
    }

    @Test
    @DisplayName("tokens a fixed-width program wrapped onto the next line come out in no piece, from every kind of remote text")
    void tokensWrappedOntoTheNextLine() throws Exception {
        String text = wrappedCarrier();
        String j = json(text);
        server.createContext("/wrap", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if (path.equals("/wrap/svc")) {
                    send(ex, 503, "text/plain", text);
                } else if (path.equals("/wrap/mcp")) {
                    send(ex, 200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,"
                            + "\"message\":\"" + j + "\"}}");
                } else if (path.endsWith("/actions/runs/43")) {
                    send(ex, 200, "application/json", "{\"id\":43,\"name\":\"Deploy\",\"head_branch\":\"main\","
                            + "\"head_sha\":\"abc\",\"event\":\"push\",\"status\":\"completed\","
                            + "\"conclusion\":\"cancelled\",\"run_attempt\":1}");
                } else if (path.endsWith("/actions/runs/43/jobs")) {
                    send(ex, 200, "application/json", "{\"total_count\":1,\"jobs\":[{\"id\":8,\"run_id\":43,"
                            + "\"name\":\"deploy\",\"status\":\"completed\",\"conclusion\":\"cancelled\","
                            + "\"steps\":[{\"number\":1,\"name\":\"Push " + j + "\",\"status\":\"completed\","
                            + "\"conclusion\":\"cancelled\"}]}]}");
                } else if (path.endsWith("/check-runs/8/annotations")) {
                    send(ex, 200, "application/json", "[{\"annotation_level\":\"failure\",\"title\":\"push\","
                            + "\"message\":\"" + j + "\",\"path\":\".github\",\"start_line\":1}]");
                } else if (path.endsWith("/check-runs/8")) {
                    send(ex, 200, "application/json", "{\"id\":8,\"output\":{\"title\":\"Deploy failed\","
                            + "\"summary\":\"" + j + "\",\"text\":\"" + j + "\"}}");
                } else if (path.endsWith("/actions/jobs/8/logs")) {
                    send(ex, 200, "text/plain", "ERROR: failed to push: unauthorized: authentication required\n" + text
                            + "##[error]The operation was canceled.\n");
                } else if (path.endsWith("/machines")) {
                    send(ex, 200, "application/json", "[{\"id\":\"m1\",\"name\":\"m1\",\"state\":\"started\","
                            + "\"checks\":[{\"name\":\"http\",\"status\":\"critical\",\"output\":\"" + j + "\"}],"
                            + "\"events\":[{\"type\":\"launch\",\"status\":\"failed\",\"source\":\"flyd\","
                            + "\"timestamp\":1698719600000,\"request\":{\"error\":\"" + j + "\"}}]}]");
                } else {
                    send(ex, 404, "application/json", "{\"message\":\"Not Found\"}");
                }
            }
        });
        int port = server.getAddress().getPort();
        Path config = Files.writeString(tmp.resolve("wrap.yaml"), """
                deployment: canary
                services:
                  - id: web
                    url: http://127.0.0.1:%d/wrap/svc
                    critical: true
                  - id: tools
                    kind: mcp
                    url: http://127.0.0.1:%d/wrap/mcp
                pipeline:
                  github: {apiUrl: "%s/wrap/gh", repository: acme/shop, runId: 43}
                platform:
                  fly: {apiUrl: "%s/wrap/fly", apps: {web: shop-web}}
                probe: {timeout: 30s, retries: 0}
                """.formatted(port, port, root(), root()));
        Path out = tmp.resolve("wrap");
        Path summary = tmp.resolve("step-summary.md");
        Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());

        CliRun r = cli(actions::get, "check", "--config", config.toString(), "--out", out.toString());

        assertEquals(2, r.exit(), r.err());
        Map<String, String> outputs = outputs("check", r, out);
        outputs.put("step summary", Files.exists(summary) ? Files.readString(summary) : "");
        String json = outputs.get("check report.json");
        assertTrue(json.contains("Push ") && json.contains("failed to push"), "the run and its log arrived: " + json);
        assertTrue(json.contains("critical") && json.contains("JSON-RPC error"), "the machine and the MCP error arrived");
        assertNoLeak(outputs);
    }

    @Test
    @DisplayName("the canary finder itself finds a planted token")
    void theFinderFindsAPlantedToken() {
        assertFalse(leaks(Map.of("planted", "x " + STRIPE.substring(3, 17) + " y")).isEmpty());
        assertTrue(leaks(Map.of("clean", "[REDACTED] and 12-char-long-text")).isEmpty());
        // and one a program reads back: full-width, tag characters shown as [U+E0067] or escaped, percent-encoded
        for (String planted : List.of(fullWidth(STRIPE.substring(3, 17)), io.sophia.core.RemoteText.visible(tags(JWT.substring(2, 16))),
                "\\udb40\\udc" + Integer.toHexString(JWT.charAt(0)) + tags(JWT.substring(1, 14)), GHO.replace("_", "%5F"))) {
            assertFalse(leaks(Map.of("planted", "x " + planted + " y")).isEmpty(), planted);
        }
    }
}
