package io.sophia.diagnosis.calibration;

import io.sophia.core.Source;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.LogAnalyzer;
import io.sophia.core.Observation;
import io.sophia.core.Observation.CiAnnotation;
import io.sophia.core.Observation.CiJob;
import io.sophia.core.Observation.CiLogRead;
import io.sophia.core.Observation.CiRun;
import io.sophia.core.Observation.CiStep;
import io.sophia.core.Observation.ConditionCheck;
import io.sophia.core.Observation.DnsResolution;
import io.sophia.core.Observation.HttpCheck;
import io.sophia.core.Observation.LogFinding;
import io.sophia.core.Observation.MachineCheck;
import io.sophia.core.Observation.MachineEvent;
import io.sophia.core.Observation.McpHandshake;
import io.sophia.core.Observation.PlatformMachine;
import io.sophia.core.Observation.ProbeFailure;
import io.sophia.core.Observation.TcpConnect;
import io.sophia.core.Observation.TlsHandshake;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the scenario files of the calibration corpus (format: {@code scenarios/README.md}) and turns each
 * into the observations the probes would have produced, shaped as the real probes shape them (an HTTP
 * answer the expectations reject gives an {@code HttpCheck}, a failed {@code [STATUS]} condition and an
 * {@code UNEXPECTED_STATUS} failure, as {@code HttpProbe} does).
 *
 * <p>Raw job logs are run through the given {@link LogAnalyzer} (the real {@code LogScanner.builtIn()} in
 * the evaluation), so the corpus measures log analysis and inference together. Unknown keys are an error:
 * a typo must not silently drop evidence.
 */
public final class ScenarioLoader {

    /** The assessment clock when a scenario gives none. */
    public static final Instant DEFAULT_AT = Instant.parse("2025-08-23T14:12:55Z");

    private static final Set<String> TOP_KEYS = Set.of("id", "title", "cause", "rationale", "holdout", "origin", "at",
            // family: the tool and origin of the text (grouping key for cross-validation); source: its URL
            "family", "source", "deployment", "services", "ci", "api");
    private static final Set<String> SERVICE_KEYS = Set.of("id", "name", "url", "kind", "capability", "critical",
            "dependsOn", "app", "http", "mcp", "tcp", "dns", "tls", "conditions", "machines");
    private static final Set<String> HTTP_KEYS = Set.of("status", "latencyMs", "body", "contentType", "version",
            "failure", "detail", "attempts");
    private static final Set<String> FAILURE_KEYS = Set.of("failure", "latencyMs", "detail", "attempts", "status");
    private static final Set<String> MCP_KEYS = Set.of("protocol", "era", "server", "serverVersion", "tools",
            "capabilities", "latencyMs");
    private static final Set<String> TCP_KEYS = Set.of("latencyMs", "failure", "detail", "attempts");
    private static final Set<String> DNS_KEYS = Set.of("addresses", "latencyMs", "failure", "detail", "attempts");
    private static final Set<String> TLS_KEYS = Set.of("daysToExpiry", "hostnameMatches", "selfSigned", "trusted",
            "subject", "issuer", "protocol", "cipher", "chainLength", "failure", "detail", "latencyMs", "attempts");
    private static final Set<String> CONDITION_KEYS = Set.of("condition", "passed", "actual");
    private static final Set<String> MACHINE_KEYS = Set.of("id", "name", "state", "stuck", "region", "image",
            "hostStatus", "checks", "events");
    private static final Set<String> CHECK_KEYS = Set.of("name", "status", "output");
    private static final Set<String> EVENT_KEYS = Set.of("type", "status", "source", "exitCode", "oomKilled", "detail",
            "agoSec");
    private static final Set<String> CI_KEYS = Set.of("repository", "run", "jobs");
    private static final Set<String> RUN_KEYS = Set.of("id", "workflow", "conclusion", "status", "headSha", "branch",
            "event", "durationSec", "attempt", "endedAgoSec");
    private static final Set<String> JOB_KEYS = Set.of("name", "service", "conclusion", "durationSec", "runner",
            "labels", "steps", "log", "findings", "annotations", "attempt");
    private static final Set<String> STEP_KEYS = Set.of("name", "conclusion", "durationSec");
    private static final Set<String> FINDING_KEYS = Set.of("indication", "cause", "line", "step", "lineNumber",
            "score", "context");
    private static final Set<String> ANNOTATION_KEYS = Set.of("level", "title", "message", "path", "line");
    private static final Set<String> API_KEYS = Set.of("source", "service", "target", "kind", "status", "detail",
            "latencyMs", "attempts");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final LogAnalyzer analyzer;

    private ScenarioLoader(LogAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * A loader that runs raw job logs through {@code analyzer}; with a null analyzer a scenario that has a
     * raw log is rejected (its evidence would be lost).
     */
    public static ScenarioLoader with(LogAnalyzer analyzer) {
        return new ScenarioLoader(analyzer);
    }

    /** The corpus shipped in the test resources ({@code src/test/resources/scenarios}). */
    public static Path corpusDirectory() {
        URL url = ScenarioLoader.class.getResource("/scenarios/README.md");
        if (url == null) {
            throw new IllegalStateException("scenarios/README.md is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every {@code *.yaml} file of {@code dir}, sorted by name, except the blind sets ({@link Scenario#BLIND_PREFIXES}
     * files): those are read only when the system property {@code sophia.scoreBlind} is {@code true}, by whoever
     * scores them once; nobody tuning the knowledge base may see them or their results.
     */
    public List<Scenario> loadAll(Path dir) throws IOException {
        return loadAll(dir, Boolean.getBoolean("sophia.scoreBlind"));
    }

    /** Every {@code *.yaml} file of {@code dir}, sorted by name; the blind sets only when {@code includeBlind}. */
    public List<Scenario> loadAll(Path dir, boolean includeBlind) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> includeBlind || !Scenario.isBlind(p.getFileName().toString()))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        // each file is read and its logs scanned on its own: in parallel, kept in name order
        try {
            return files.parallelStream().map(f -> {
                try {
                    return load(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Scenario> builtInCorpus;

    /**
     * The shipped corpus ({@link #corpusDirectory()}) read by the built-in log scanner, loaded once per test JVM: the
     * calibration, the corpus checks and every shape round ask their questions of the same scenarios, and neither the
     * files nor the rule files change while the tests run. The blind sets are in it only when {@code includeBlind}.
     */
    public static List<Scenario> builtInCorpus(boolean includeBlind) throws IOException {
        List<Scenario> all;
        synchronized (ScenarioLoader.class) {
            if (builtInCorpus == null) {
                builtInCorpus = List.copyOf(with(io.sophia.diagnosis.LogScanner.builtIn()).loadAll(corpusDirectory(), true));
            }
            all = builtInCorpus;
        }
        return includeBlind ? all : all.stream().filter(s -> !s.blind()).toList();
    }

    /** Reads one scenario file. */
    public Scenario load(Path file) throws IOException {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses {@code text} as the scenario file {@code file} (the name is used for the id check and messages). */
    public Scenario parse(Path file, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(file, "", "not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException(file, "", "expected a mapping at the top level");
        }
        return new Reader(file).scenario(new Node(root, ""));
    }

    /** A YAML node with its key path, so every error names the key. */
    private record Node(JsonNode json, String path) {

        boolean has(String key) {
            JsonNode v = json.get(key);
            return v != null && !v.isNull();
        }

        Node get(String key) {
            return new Node(json.get(key), path.isEmpty() ? key : path + "." + key);
        }

        List<Node> items() {
            List<Node> out = new ArrayList<>();
            if (json == null || json.isNull()) {
                return out;
            }
            if (json.isArray()) {
                for (int i = 0; i < json.size(); i++) {
                    out.add(new Node(json.get(i), path + "[" + i + "]"));
                }
            } else {
                out.add(this);
            }
            return out;
        }
    }

    private final class Reader {
        private final Path file;
        private Instant at = DEFAULT_AT;

        Reader(Path file) {
            this.file = file;
        }

        ScenarioException error(Node n, String problem) {
            return new ScenarioException(file, n.path(), problem);
        }

        void keys(Node n, Set<String> allowed) {
            if (!n.json().isObject()) {
                throw error(n, "expected a mapping, got " + n.json().getNodeType().name().toLowerCase(Locale.ROOT));
            }
            Iterator<String> names = n.json().fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!allowed.contains(k)) {
                    throw error(n.get(k), "unknown key (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }

        String text(Node n, String key, String dflt) {
            if (!n.has(key)) {
                return dflt;
            }
            JsonNode v = n.json().get(key);
            if (!v.isValueNode()) {
                throw error(n.get(key), "expected a text value");
            }
            return v.asText();
        }

        String required(Node n, String key) {
            String v = text(n, key, null);
            if (v == null || v.isBlank()) {
                throw error(n.get(key), "required");
            }
            return v;
        }

        long number(Node n, String key, long dflt) {
            if (!n.has(key)) {
                return dflt;
            }
            JsonNode v = n.json().get(key);
            if (!v.isIntegralNumber()) {
                throw error(n.get(key), "expected a whole number, got '" + v.asText() + "'");
            }
            return v.asLong();
        }

        Integer optInt(Node n, String key) {
            return n.has(key) ? (int) number(n, key, 0) : null;
        }

        double decimal(Node n, String key, double dflt) {
            if (!n.has(key)) {
                return dflt;
            }
            JsonNode v = n.json().get(key);
            if (!v.isNumber()) {
                throw error(n.get(key), "expected a number, got '" + v.asText() + "'");
            }
            return v.asDouble();
        }

        boolean bool(Node n, String key, boolean dflt) {
            if (!n.has(key)) {
                return dflt;
            }
            JsonNode v = n.json().get(key);
            if (!v.isBoolean()) {
                throw error(n.get(key), "expected true or false, got '" + v.asText() + "'");
            }
            return v.asBoolean();
        }

        Boolean optBool(Node n, String key) {
            return n.has(key) ? bool(n, key, false) : null;
        }

        List<String> strings(Node n, String key) {
            List<String> out = new ArrayList<>();
            if (!n.has(key)) {
                return out;
            }
            Node list = n.get(key);
            if (!list.json().isArray()) {
                throw error(list, "expected a list");
            }
            for (Node item : list.items()) {
                if (!item.json().isValueNode()) {
                    throw error(item, "expected a text value");
                }
                out.add(item.json().asText());
            }
            return out;
        }

        FailureKind failureKind(Node n, String key) {
            String v = required(n, key);
            try {
                return FailureKind.valueOf(v.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(n.get(key), "'" + v + "' is not a FailureKind (CONNECTION_REFUSED, READ_TIMEOUT, DNS_FAILURE, ...)");
            }
        }

        Duration millis(Node n, String key, long dflt) {
            return Duration.ofMillis(number(n, key, dflt));
        }

        Scenario scenario(Node root) {
            keys(root, TOP_KEYS);
            String id = required(root, "id");
            String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!id.equals(stem)) {
                throw error(root.get("id"), "'" + id + "' does not match the file name '" + stem + "'");
            }
            String causeText = required(root, "cause");
            CauseId cause;
            try {
                cause = CauseId.of(causeText);
            } catch (IllegalArgumentException e) {
                throw error(root.get("cause"), e.getMessage());
            }
            if (!CauseId.BUILT_IN.contains(cause)) {
                throw error(root.get("cause"), "'" + causeText + "' is not one of the 22 cause ids of DESIGN.md");
            }
            String rationale = required(root, "rationale");
            if (!root.has("holdout")) {
                throw error(root.get("holdout"), "required (true or false): every scenario belongs to one part");
            }
            boolean holdout = bool(root, "holdout", false);
            if (root.has("at")) {
                try {
                    at = Instant.parse(text(root, "at", null));
                } catch (DateTimeParseException e) {
                    throw error(root.get("at"), "not an ISO-8601 instant: " + e.getParsedString());
                }
            }
            if (!root.has("services")) {
                throw error(root.get("services"), "required: at least one service");
            }
            List<Service> services = new ArrayList<>();
            List<Observation> observations = new ArrayList<>();
            Map<String, String> apps = new java.util.LinkedHashMap<>();
            for (Node s : root.get("services").items()) {
                services.add(service(s, observations, apps));
            }
            Deployment deployment;
            try {
                deployment = new Deployment(text(root, "deployment", id), services);
            } catch (IllegalArgumentException e) {
                throw error(root.get("services"), e.getMessage());
            }
            if (root.has("ci")) {
                ci(root.get("ci"), deployment, observations);
            }
            for (Node a : root.get("api").items()) {
                observations.add(api(a, deployment));
            }
            return new Scenario(id, text(root, "title", id), cause, rationale, holdout, text(root, "origin", ""), file, at,
                    deployment, observations, text(root, "family", null), text(root, "source", ""));
        }

        Service service(Node s, List<Observation> out, Map<String, String> apps) {
            keys(s, SERVICE_KEYS);
            String id = required(s, "id");
            ServiceKind kind;
            try {
                kind = ServiceKind.parse(text(s, "kind", "http"));
            } catch (IllegalArgumentException e) {
                throw error(s.get("kind"), "expected http, mcp or tcp");
            }
            String dfltUrl = kind == ServiceKind.TCP ? "tcp://" + id + ".internal:5432" : "https://" + id + ".fly.dev";
            URI url;
            try {
                url = URI.create(text(s, "url", dfltUrl));
            } catch (IllegalArgumentException e) {
                throw error(s.get("url"), "not a URI: " + e.getMessage());
            }
            Service service = Service.builder(id, url).name(text(s, "name", id)).kind(kind)
                    .capability(text(s, "capability", null)).critical(bool(s, "critical", false))
                    .dependsOn(strings(s, "dependsOn")).build();
            String app = text(s, "app", id);
            apps.put(id, app);
            for (Node h : s.get("http").items()) {
                http(h, service, out);
            }
            for (Node m : s.get("mcp").items()) {
                keys(m, MCP_KEYS);
                List<String> caps = m.has("capabilities") ? strings(m, "capabilities") : List.of("tools");
                out.add(new McpHandshake(id, Source.MCP, required(m, "protocol"), text(m, "era", "handshake"),
                        text(m, "server", id), text(m, "serverVersion", "1.0.0"), caps, (int) number(m, "tools", 0),
                        millis(m, "latencyMs", 100)));
            }
            for (Node t : s.get("tcp").items()) {
                keys(t, TCP_KEYS);
                if (t.has("failure")) {
                    out.add(failure(t, id, "tcp", url.getHost() + ":" + port(url)));
                } else {
                    out.add(new TcpConnect(id, Source.TCP, url.getHost(), port(url), millis(t, "latencyMs", 5)));
                }
            }
            for (Node d : s.get("dns").items()) {
                keys(d, DNS_KEYS);
                if (d.has("failure")) {
                    out.add(failure(d, id, "dns", url.getHost()));
                } else {
                    out.add(new DnsResolution(id, Source.DNS, url.getHost(), strings(d, "addresses"), millis(d, "latencyMs", 12)));
                }
            }
            for (Node t : s.get("tls").items()) {
                keys(t, TLS_KEYS);
                if (t.has("failure")) {
                    out.add(failure(t, id, "tls", url.getHost() + ":" + port(url)));
                } else {
                    long days = number(t, "daysToExpiry", 60);
                    Instant notAfter = at.plus(Duration.ofDays(days));
                    // issued 90 days before it expires, as Let's Encrypt's are, but never after the scenario's time: a
                    // longer-lived certificate (daysToExpiry above 90) was read as not valid yet and its service DOWN
                    Instant notBefore = notAfter.minus(Duration.ofDays(90));
                    if (!notBefore.isBefore(at)) {
                        notBefore = at.minus(Duration.ofDays(1));
                    }
                    out.add(new TlsHandshake(id, Source.TLS, url.getHost(), port(url), text(t, "protocol", "TLSv1.3"),
                            text(t, "cipher", "TLS_AES_128_GCM_SHA256"), text(t, "subject", "CN=" + url.getHost()),
                            text(t, "issuer", "CN=R11,O=Let's Encrypt,C=US"), notBefore, notAfter,
                            days, bool(t, "hostnameMatches", true), bool(t, "selfSigned", false), bool(t, "trusted", true),
                            (int) number(t, "chainLength", 2)));
                }
            }
            for (Node c : s.get("conditions").items()) {
                keys(c, CONDITION_KEYS);
                out.add(new ConditionCheck(id, Source.HTTP, required(c, "condition"), bool(c, "passed", false), text(c, "actual", null)));
            }
            int i = 0;
            for (Node m : s.get("machines").items()) {
                out.add(machine(m, id, app, i++));
            }
            return service;
        }

        int port(URI url) {
            if (url.getPort() > 0) {
                return url.getPort();
            }
            return "http".equals(url.getScheme()) ? 80 : 443;
        }

        /** Shaped like HttpProbe's output: an answer, its [STATUS] condition, and a failure when rejected. */
        void http(Node h, Service service, List<Observation> out) {
            keys(h, HTTP_KEYS);
            String id = service.id();
            String target = service.url().toString();
            Duration latency = millis(h, "latencyMs", 100);
            if (h.has("status")) {
                int status = (int) number(h, "status", 200);
                if (h.has("failure") && failureKind(h, "failure") != FailureKind.UNEXPECTED_STATUS) {
                    throw error(h.get("failure"), "with a status only UNEXPECTED_STATUS makes sense");
                }
                String body = text(h, "body", null);
                out.add(HttpCheck.builder(id, Source.HTTP, target, status).latency(latency)
                        .body(body, text(h, "contentType", body != null && body.startsWith("{") ? "application/json" : "text/plain"))
                        .version(text(h, "version", null)).build());
                // an explicit failure with the status says the probe's expectations rejected it, whatever the default
                // [STATUS] < 400 would say: a probe that follows redirects and stops at its limit on a 301 loop
                // ("ERR_TOO_MANY_REDIRECTS", curl's "(47) Maximum (50) redirects followed"), or one that expects a 200
                boolean accepted = !h.has("failure") && service.expect().accepts(status);
                out.add(new ConditionCheck(id, Source.HTTP, "[STATUS] < 400", accepted, String.valueOf(status)));
                if (!accepted) {
                    out.add(new ProbeFailure(id, Source.HTTP, target, FailureKind.UNEXPECTED_STATUS,
                            text(h, "detail", "answered " + status + ", expected [STATUS] < 400"), status, latency,
                            (int) number(h, "attempts", 1)));
                }
            } else if (h.has("failure")) {
                FailureKind kind = failureKind(h, "failure");
                if (kind == FailureKind.UNEXPECTED_STATUS) {
                    throw error(h.get("status"), "required with failure UNEXPECTED_STATUS");
                }
                out.add(new ProbeFailure(id, Source.HTTP, target, kind, text(h, "detail", describe(kind)), null, latency,
                        (int) number(h, "attempts", kind.transientFailure() ? 2 : 1)));
            } else {
                throw error(h, "needs a status (an answer) or a failure kind");
            }
        }

        ProbeFailure failure(Node n, String serviceId, String source, String target) {
            FailureKind kind = failureKind(n, "failure");
            return new ProbeFailure(serviceId, Source.of(source), target, kind, text(n, "detail", describe(kind)), optInt(n, "status"),
                    millis(n, "latencyMs", 20), (int) number(n, "attempts", 1));
        }

        String describe(FailureKind kind) {
            return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        PlatformMachine machine(Node m, String serviceId, String app, int index) {
            keys(m, MACHINE_KEYS);
            List<MachineCheck> checks = new ArrayList<>();
            for (Node c : m.get("checks").items()) {
                keys(c, CHECK_KEYS);
                checks.add(new MachineCheck(required(c, "name"), required(c, "status"), text(c, "output", "")));
            }
            List<MachineEvent> events = new ArrayList<>();
            List<Node> evs = m.get("events").items();
            for (int i = 0; i < evs.size(); i++) {
                Node e = evs.get(i);
                keys(e, EVENT_KEYS);
                // events listed oldest first, one minute apart, ending a minute before the clock
                Instant ts = at.minusSeconds(number(e, "agoSec", 60L * (evs.size() - i)));
                events.add(new MachineEvent(required(e, "type"), text(e, "status", null), text(e, "source", "flyd"), ts,
                        optInt(e, "exitCode"), optBool(e, "oomKilled"), text(e, "detail", null)));
            }
            String machineId = text(m, "id", String.format(Locale.ROOT, "%014x", (long) (serviceId.hashCode() & 0xffffff) * 16 + index));
            return PlatformMachine.builder(serviceId, Source.FLY, app, machineId)
                    .name(text(m, "name", app + "-" + index)).state(required(m, "state"), bool(m, "stuck", false))
                    .region(text(m, "region", "ams"))
                    .imageRef(text(m, "image", "registry.fly.io/" + app + ":deployment-01J0000000"))
                    .hostStatus(text(m, "hostStatus", "ok")).checks(checks).events(events)
                    .updatedAt(at.minusSeconds(30)).build();
        }

        void ci(Node ci, Deployment deployment, List<Observation> out) {
            keys(ci, CI_KEYS);
            String repo = text(ci, "repository", "acme/fleet");
            Node run = ci.get("run");
            if (run.json() == null || run.json().isNull()) {
                throw error(run, "required when ci is given");
            }
            keys(run, RUN_KEYS);
            long runId = number(run, "id", 1);
            long runSeconds = number(run, "durationSec", 60);
            Instant updated = at.minusSeconds(number(run, "endedAgoSec", 0));
            Instant created = updated.minusSeconds(runSeconds);
            String conclusion = text(run, "conclusion", null);
            int attempt = (int) number(run, "attempt", 1);
            String status = text(run, "status", conclusion == null ? "in_progress" : "completed");
            out.add(new CiRun(null, Source.GITHUB, repo, runId, required(run, "workflow"), text(run, "branch", "main"),
                    text(run, "headSha", null), text(run, "event", "push"), status, conclusion, attempt, created, updated,
                    "https://github.com/" + repo + "/actions/runs/" + runId));
            List<Node> jobs = ci.get("jobs").items();
            for (int j = 0; j < jobs.size(); j++) {
                job(jobs.get(j), 1000L + j, runId, repo, created, runSeconds, deployment, out);
            }
        }

        void job(Node job, long jobId, long runId, String repo, Instant start, long runSeconds, Deployment deployment,
                 List<Observation> out) {
            keys(job, JOB_KEYS);
            String name = required(job, "name");
            String serviceId = text(job, "service", null);
            if (serviceId != null && deployment.service(serviceId).isEmpty()) {
                throw error(job.get("service"), "'" + serviceId + "' is not a service of the scenario");
            }
            String conclusion = text(job, "conclusion", null);
            long seconds = number(job, "durationSec", "skipped".equals(conclusion) ? 0 : runSeconds);
            Instant end = start.plusSeconds(seconds);
            List<Node> stepNodes = job.get("steps").items();
            // steps without their own duration share what the others leave of the job's
            long fixed = 0;
            int flexible = 0;
            List<String[]> raw = new ArrayList<>();
            List<Long> durations = new ArrayList<>();
            for (Node s : stepNodes) {
                String stepName;
                String stepConclusion;
                Long d = null;
                if (s.json().isObject() && s.json().size() == 1 && !s.has("name")) {
                    Map.Entry<String, JsonNode> e = s.json().fields().next();
                    stepName = e.getKey();
                    if (!e.getValue().isValueNode()) {
                        throw error(s.get(stepName), "expected 'step name: conclusion'");
                    }
                    stepConclusion = e.getValue().isNull() ? null : e.getValue().asText();
                } else {
                    keys(s, STEP_KEYS);
                    stepName = required(s, "name");
                    stepConclusion = text(s, "conclusion", null);
                    if (s.has("durationSec")) {
                        d = number(s, "durationSec", 0);
                    }
                }
                raw.add(new String[] {stepName, stepConclusion});
                durations.add(d);
                if (d == null) {
                    flexible++;
                } else {
                    fixed += d;
                }
            }
            long share = flexible == 0 ? 0 : Math.max(0, seconds - fixed) / flexible;
            List<CiStep> steps = new ArrayList<>();
            Instant t = start;
            for (int i = 0; i < raw.size(); i++) {
                long d = durations.get(i) == null ? share : durations.get(i);
                String sc = raw.get(i)[1];
                Instant s0 = t;
                Instant s1 = "skipped".equals(sc) ? s0 : s0.plusSeconds(d);
                steps.add(new CiStep(i + 1, raw.get(i)[0], sc == null ? "in_progress" : "completed", sc,
                        "skipped".equals(sc) ? null : s0, "skipped".equals(sc) ? null : s1));
                t = s1;
            }
            List<String> labels = job.has("labels") ? strings(job, "labels") : List.of("ubuntu-latest");
            out.add(new CiJob(serviceId, Source.GITHUB, runId, jobId, name, conclusion == null ? "in_progress" : "completed",
                    conclusion, (int) number(job, "attempt", 1), "skipped".equals(conclusion) ? null : start,
                    // as GitHub serves a job still queued or running: started, not completed
                    "skipped".equals(conclusion) || conclusion == null ? null : end,
                    text(job, "runner", "GitHub Actions " + (jobId % 50)),
                    labels, steps, "https://github.com/" + repo + "/actions/runs/" + runId + "/job/" + jobId));
            if (job.has("log")) {
                String log = text(job, "log", "");
                if (analyzer == null) {
                    throw error(job.get("log"), "a raw log needs a LogAnalyzer (the loader has none)");
                }
                out.add(new CiLogRead(serviceId, Source.GITHUB, jobId, log.getBytes(StandardCharsets.UTF_8).length,
                        log.lines().count(), false));
                try {
                    out.addAll(analyzer.analyze(new io.sophia.core.LogAnalyzer.LogOrigin(Source.GITHUB, serviceId, jobId, name, steps),
                            new StringReader(log)));
                } catch (IOException | RuntimeException e) {
                    throw new ScenarioException(file, job.get("log").path(), "the log analyzer failed: " + e, e);
                }
            }
            for (Node f : job.get("findings").items()) {
                keys(f, FINDING_KEYS);
                String causeText = required(f, "cause");
                try {
                    CauseId.of(causeText);
                } catch (IllegalArgumentException e) {
                    throw error(f.get("cause"), e.getMessage());
                }
                out.add(new LogFinding(serviceId, Source.GITHUB, jobId, name, text(f, "step", null), number(f, "lineNumber", 1),
                        required(f, "indication"), CauseId.of(causeText), required(f, "line"), strings(f, "context"),
                        decimal(f, "score", 1.0)));
            }
            for (Node a : job.get("annotations").items()) {
                keys(a, ANNOTATION_KEYS);
                out.add(new CiAnnotation(serviceId, Source.GITHUB, jobId, text(a, "level", "failure"), text(a, "title", name),
                        required(a, "message"), text(a, "path", ".github"), optInt(a, "line")));
            }
        }

        ProbeFailure api(Node a, Deployment deployment) {
            keys(a, API_KEYS);
            Source source;
            try {
                source = Source.of(required(a, "source"));
            } catch (IllegalArgumentException e) {
                throw error(a.get("source"), e.getMessage());
            }
            String serviceId = text(a, "service", null);
            if (serviceId != null && deployment.service(serviceId).isEmpty()) {
                throw error(a.get("service"), "'" + serviceId + "' is not a service of the scenario");
            }
            FailureKind kind = failureKind(a, "kind");
            return new ProbeFailure(serviceId, source, required(a, "target"), kind, text(a, "detail", describe(kind)),
                    optInt(a, "status"), millis(a, "latencyMs", 150), (int) number(a, "attempts", 1));
        }
    }

    @Override
    public String toString() {
        return "ScenarioLoader[" + Objects.toString(analyzer) + "]";
    }
}
