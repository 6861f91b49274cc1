package io.sophia.report;

import io.sophia.core.Deployment;
import io.sophia.core.Expectations;
import io.sophia.core.Owner;
import io.sophia.core.Secrets;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.InputTree;
import io.sophia.diagnosis.InputTree.Entry;
import io.sophia.diagnosis.InputTree.ListNode;
import io.sophia.diagnosis.InputTree.MapNode;
import io.sophia.diagnosis.InputTree.Node;
import io.sophia.diagnosis.InputTree.Scalar;
import io.sophia.diagnosis.InputTree.ScalarKind;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deployment description ({@link DeploymentConfig}) and collects every problem with its line and key.
 * Parsing is {@link InputTree}'s; this class validates and binds.
 */
final class ConfigReader {

    /** Config files are small; anything larger is a mistake (a log or a binary passed by accident). */
    static final long MAX_BYTES = 1 << 20;

    // "alerts" (sophia watch's webhooks) is read by the CLI (io.sophia.examples.cli.AlertsConfig); here it is let through
    static final Set<String> TOP = Set.of("deployment", "services", "pipeline", "platform", "probe", "gate",
            "rules", "alerts");
    static final Set<String> SERVICE = Set.of("id", "name", "url", "kind", "capability", "critical",
            "dependsOn", "expect", "http", "owner");
    static final Set<String> HTTP = Set.of("headers", "tokenEnv", "trustStore", "trustStorePasswordEnv",
            "clientCertificate", "clientCertificatePasswordEnv", "redirects", "proxy");
    static final Set<String> OWNER = Set.of("team", "contact");
    static final Set<String> EXPECT = Set.of("statusCodes", "maxLatency", "jsonField", "jsonEquals",
            "minCertificateDays", "versionField", "versionHeader", "healthPath");
    static final Set<String> PIPELINE = Set.of("github");
    static final Set<String> GITHUB = Set.of("apiUrl", "repository", "runId", "workflow", "branch",
            "tokenEnv", "maxLogBytes", "allAttempts");
    static final Set<String> PLATFORM = Set.of("fly");
    static final Set<String> FLY = Set.of("apiUrl", "tokenEnv", "apps");
    static final Set<String> PROBE = Set.of("timeout", "retries", "maxConcurrent", "budget");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern SIZE = Pattern.compile("(?i)(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(b|kb|kib|mb|mib|gb|gib)?");
    private static final long MIN_LOG_BYTES = 1L << 10;
    private static final long MAX_LOG_BYTES = 64L << 30;

    private final String file;
    private final Path path;
    private final List<InputException.Problem> problems = new ArrayList<>();
    /** The {@code http} sections of services, by service id. */
    private final Map<String, DeploymentConfig.HttpSettings> httpSettings = new LinkedHashMap<>();

    private ConfigReader(Path path) {
        this.path = path;
        this.file = path.toString();
    }

    /** Reads and validates {@code file}; see {@link DeploymentConfig#load(Path)}. */
    static DeploymentConfig load(Path file) {
        Optional<Node> root = InputTree.read(file, InputTree.Format.of(file.toString()), MAX_BYTES);
        return bind(root, file);
    }

    /** Validates {@code text} named {@code file}; see {@link DeploymentConfig#parse(String, Path)}. */
    static DeploymentConfig parse(String text, Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return bind(InputTree.parse(text, file.toString(), InputTree.Format.of(name)), file);
    }

    private static DeploymentConfig bind(Optional<Node> root, Path file) {
        ConfigReader parser = new ConfigReader(file);
        if (root.isEmpty()) {
            throw InputException.of(parser.file, 0, "", "the file is empty; expected a mapping with `services`");
        }
        DeploymentConfig config = parser.root(root.get());
        if (!parser.problems.isEmpty() || config == null) {
            parser.problems.sort(java.util.Comparator.comparingInt(InputException.Problem::line));
            throw new InputException(parser.problems);
        }
        return config;
    }

    // ---------------------------------------------------------------- sections

    private DeploymentConfig root(Node node) {
        MapNode root = map(node, "");
        if (root == null) {
            return null;
        }
        keys(root, "", TOP);
        String name = root.get("deployment").map(e -> string(e, "deployment")).orElse(null);
        if (root.get("deployment").isEmpty()) {
            problem(root.line(), "deployment", "missing; name the deployment (deployment: my-app)");
        }
        List<Service> services = services(root);
        DeploymentConfig.GitHub github = pipeline(root);
        DeploymentConfig.Fly fly = platform(root, services);
        DeploymentConfig.ProbeSettings probe = probe(root);
        Map<String, Object> gate = Map.of();
        int gateLine = 0;
        Optional<Entry> gateEntry = root.get("gate");
        if (gateEntry.isPresent()) {
            gateLine = gateEntry.get().line();
            MapNode g = map(gateEntry.get().value(), "gate");
            if (g != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> plain = (Map<String, Object>) InputTree.toPlain(g);
                gate = plain;
                try {
                    // validated now, so that an impossible threshold is a config error before any probing
                    io.sophia.diagnosis.GatePolicy.fromMap(plain);
                } catch (IllegalArgumentException ex) {
                    problem(gateLine, "gate", String.valueOf(ex.getMessage()));
                }
            }
        }
        List<Path> rules = rules(root);
        if (!problems.isEmpty() || name == null) {
            return null;
        }
        return new DeploymentConfig(Optional.of(path), new Deployment(name, services), github, fly,
                probe, gate, gateLine, rules, httpSettings);
    }

    private List<Service> services(MapNode root) {
        Optional<Entry> e = root.get("services");
        if (e.isEmpty()) {
            problem(root.line(), "services", "missing; list the services to probe");
            return List.of();
        }
        ListNode list = list(e.get().value(), "services");
        if (list == null) {
            return List.of();
        }
        if (list.items().isEmpty()) {
            problem(list.line(), "services", "empty; list at least one service");
        }
        List<Service> services = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        List<Runnable> dependsChecks = new ArrayList<>();
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < list.items().size(); i++) {
            String at = "services[" + i + "]";
            MapNode s = map(list.items().get(i), at);
            if (s == null) {
                continue;
            }
            keys(s, at, SERVICE);
            String id = required(s, at, "id").map(x -> string(x, at + ".id")).orElse(null);
            if (id != null && !ID.matcher(id).matches()) {
                problem(s.get("id").get().line(), at + ".id",
                        "expected letters, digits, '.', '_' or '-' (at most 63), got " + show(id));
                id = null;
            }
            if (id != null) {
                Integer first = idLines.putIfAbsent(id, s.get("id").get().line());
                if (first != null) {
                    problem(s.get("id").get().line(), at + ".id",
                            "duplicate id '" + id + "' (first defined at line " + first + ")");
                    id = null;
                }
            }
            ServiceKind kind = s.get("kind").map(x -> kind(x, at + ".kind")).orElse(ServiceKind.HTTP);
            URI url = required(s, at, "url").map(x -> url(x, at + ".url", kind)).orElse(null);
            String name = s.get("name").map(x -> string(x, at + ".name")).orElse(null);
            String capability = s.get("capability").map(x -> string(x, at + ".capability")).orElse(null);
            boolean critical = s.get("critical").map(x -> bool(x, at + ".critical")).orElse(false);
            List<String> dependsOn = new ArrayList<>();
            Optional<Entry> deps = s.get("dependsOn");
            if (deps.isPresent()) {
                ListNode dl = listOrSingle(deps.get().value(), at + ".dependsOn");
                if (dl != null) {
                    for (int j = 0; j < dl.items().size(); j++) {
                        String key = at + ".dependsOn[" + j + "]";
                        Node dn = dl.items().get(j);
                        String dep = scalarString(dn, key);
                        if (dep != null) {
                            dependsOn.add(dep);
                            final String self = id;
                            dependsChecks.add(() -> {
                                if (!idLines.containsKey(dep)) {
                                    problem(dn.line(), key, "'" + dep + "' is not the id of a service"
                                            + suggestion(dep, idLines.keySet()));
                                } else if (dep.equals(self)) {
                                    problem(dn.line(), key, "a service cannot depend on itself");
                                }
                            });
                        }
                    }
                }
            }
            Expectations expect = s.get("expect").map(x -> expect(x, at + ".expect")).orElse(Expectations.DEFAULT);
            DeploymentConfig.HttpSettings http = s.get("http").map(x -> http(x, at + ".http")).orElse(null);
            if (id != null && http != null) {
                httpSettings.put(id, http);
            }
            Owner owner = s.get("owner").map(x -> owner(x, at + ".owner")).orElse(null);
            if (id != null && url != null) {
                services.add(Service.builder(id, url).name(name).kind(kind).capability(capability).critical(critical)
                        .dependsOn(dependsOn).expect(expect).owner(owner).build());
                graph.put(id, dependsOn);
            }
        }
        dependsChecks.forEach(Runnable::run);
        if (problems.isEmpty()) {
            cycle(graph).ifPresent(c -> problem(e.get().line(), "services", "dependsOn forms a cycle: " + c));
        }
        return services;
    }

    /** A service's {@code http} section; files are resolved against the config file's directory. */
    private DeploymentConfig.HttpSettings http(Entry e, String at) {
        MapNode m = map(e.value(), at);
        if (m == null) {
            return null;
        }
        keys(m, at, HTTP);
        Map<String, String> headers = m.get("headers").map(x -> headers(x, at)).orElse(Map.of());
        String tokenEnv = m.get("tokenEnv").map(x -> envName(x, at + ".tokenEnv")).orElse(null);
        Path trustStore = m.get("trustStore").map(x -> file(x, at + ".trustStore")).orElse(null);
        String trustPass = m.get("trustStorePasswordEnv").map(x -> envName(x, at + ".trustStorePasswordEnv")).orElse(null);
        Path client = m.get("clientCertificate").map(x -> file(x, at + ".clientCertificate")).orElse(null);
        String clientPass = m.get("clientCertificatePasswordEnv")
                .map(x -> envName(x, at + ".clientCertificatePasswordEnv")).orElse(null);
        Redirects redirects = m.get("redirects").map(x -> redirects(x, at)).orElse(Redirects.NONE);
        boolean proxyFromEnv = true;
        Optional<Entry> pe = m.get("proxy");
        if (pe.isPresent()) {
            String text = scalarString(pe.get().value(), at + ".proxy");
            if ("none".equals(text)) {
                proxyFromEnv = false;
            } else if (text != null && !"env".equals(text)) {
                problem(pe.get().line(), at + ".proxy", "expected env (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) or none, got "
                        + show(text));
            }
        }
        return new DeploymentConfig.HttpSettings(headers, tokenEnv, trustStore, trustPass, client, clientPass,
                redirects.policy(), redirects.max(), proxyFromEnv);
    }

    /** A redirect policy and its limit, as read. */
    private record Redirects(io.sophia.probes.HttpProbe.Redirects policy, int max) {
        static final Redirects NONE = new Redirects(io.sophia.probes.HttpProbe.Redirects.NONE, 0);
    }

    /** {@code redirects: none | same-host | N}: the policy and its limit. */
    private Redirects redirects(Entry re, String at) {
        Node n = re.value();
        if (n instanceof Scalar sc && sc.kind() == ScalarKind.INTEGER) {
            Long max = integer(n, at + ".redirects", 0, 20);
            return max == null || max == 0 ? Redirects.NONE
                    : new Redirects(io.sophia.probes.HttpProbe.Redirects.ANY, max.intValue());
        }
        String text = scalarString(n, at + ".redirects");
        if ("same-host".equals(text)) {
            return new Redirects(io.sophia.probes.HttpProbe.Redirects.SAME_HOST, 5);
        }
        if (text != null && !"none".equals(text)) {
            problem(n.line(), at + ".redirects", "expected none, same-host or a number from 0 to 20, got " + show(text));
        }
        return Redirects.NONE;
    }

    /** {@code headers: {Name: value}}: one line each, and no credential (that belongs in tokenEnv). */
    private Map<String, String> headers(Entry x, String at) {
        Map<String, String> headers = new LinkedHashMap<>();
        MapNode h = map(x.value(), at + ".headers");
        if (h == null) {
            return headers;
        }
        for (Entry he : h.entries()) {
            String key = at + ".headers." + he.key();
            String value = scalarString(he.value(), key);
            if (value == null) {
                continue;
            }
            if (looksSecret(value)) {
                // a credential in the file would be in every copy of it: it belongs in tokenEnv
                problem(he.line(), key, "looks like a credential; put it in an environment variable and name it"
                        + " in " + at + ".tokenEnv");
                continue;
            }
            try {
                io.sophia.probes.HttpProbe.Options.custom().header(he.key(), value);
                headers.put(he.key(), value);
            } catch (IllegalArgumentException ex) {
                problem(he.line(), key, String.valueOf(ex.getMessage()));
            }
        }
        return headers;
    }

    /** A file named in the config, resolved against the config's directory; it must exist (its content is never shown). */
    private Path file(Entry e, String key) {
        String p = string(e, key);
        if (p == null) {
            return null;
        }
        Path base = path.toAbsolutePath().getParent();
        Path resolved;
        try {
            resolved = base == null ? Path.of(p) : base.resolve(p);
        } catch (java.nio.file.InvalidPathException ex) {
            problem(e.line(), key, "not a valid path: " + show(p));
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            problem(e.line(), key, "file not found: " + resolved);
            return null;
        }
        return resolved;
    }

    /** {@code owner: payments} (the team alone) or {@code owner: {team: payments, contact: "#payments-oncall"}}. */
    private Owner owner(Entry e, String at) {
        if (e.value() instanceof Scalar sc && sc.kind() == ScalarKind.STRING && !sc.text().isBlank()) {
            return Owner.of(sc.text());
        }
        if (!(e.value() instanceof MapNode m)) {
            problem(e.line(), at, "expected a team name or {team, contact}, got " + shown(e.value()));
            return null;
        }
        keys(m, at, OWNER);
        String team = required(m, at, "team").map(x -> string(x, at + ".team")).orElse(null);
        String contact = m.get("contact").map(x -> string(x, at + ".contact")).orElse(null);
        return team == null ? null : new Owner(team, contact);
    }

    private Expectations expect(Entry e, String at) {
        MapNode m = map(e.value(), at);
        if (m == null) {
            return Expectations.DEFAULT;
        }
        keys(m, at, EXPECT);
        List<Integer> codes = new ArrayList<>();
        m.get("statusCodes").ifPresent(x -> {
            ListNode l = listOrSingle(x.value(), at + ".statusCodes");
            if (l != null) {
                for (int j = 0; j < l.items().size(); j++) {
                    Long code = integer(l.items().get(j), at + ".statusCodes[" + j + "]", 100, 599);
                    if (code != null) {
                        codes.add(code.intValue());
                    }
                }
            }
        });
        Duration maxLatency = m.get("maxLatency").map(x -> duration(x, at + ".maxLatency")).orElse(null);
        String jsonField = m.get("jsonField").map(x -> pointer(x, at + ".jsonField")).orElse(null);
        String jsonEquals = m.get("jsonEquals").map(x -> scalarString(x.value(), at + ".jsonEquals")).orElse(null);
        if (m.get("jsonField").isPresent() != m.get("jsonEquals").isPresent()) {
            String missing = m.get("jsonField").isEmpty() ? "jsonField" : "jsonEquals";
            problem(m.line(), at + "." + missing, "missing; jsonField and jsonEquals go together");
        }
        Integer minDays = m.get("minCertificateDays")
                .map(x -> integer(x.value(), at + ".minCertificateDays", 0, 3650))
                .map(Long::intValue).orElse(null);
        String versionField = m.get("versionField").map(x -> pointer(x, at + ".versionField")).orElse(null);
        String versionHeader = m.get("versionHeader").map(x -> string(x, at + ".versionHeader")).orElse(null);
        String healthPath = m.get("healthPath").map(x -> {
            String p = string(x, at + ".healthPath");
            if (p != null && !p.startsWith("/")) {
                problem(x.line(), at + ".healthPath", "expected a path starting with '/', got " + show(p));
                return null;
            }
            return p;
        }).orElse(null);
        return Expectations.builder().statusCodes(codes).maxLatency(maxLatency).jsonField(jsonField, jsonEquals)
                .minCertificateDays(minDays).versionField(versionField).versionHeader(versionHeader)
                .healthPath(healthPath).build();
    }

    private DeploymentConfig.GitHub pipeline(MapNode root) {
        String at = "pipeline.github";
        MapNode g = subsection(root, "pipeline", PIPELINE, "github", GITHUB);
        if (g == null) {
            return null;
        }
        URI api = g.get("apiUrl").map(x -> apiUrl(x, at + ".apiUrl")).orElse(DeploymentConfig.GITHUB_API);
        String repository = required(g, at, "repository").map(x -> {
            String r = string(x, at + ".repository");
            if (r != null && !REPOSITORY.matcher(r).matches()) {
                problem(x.line(), at + ".repository", "expected owner/name, got " + show(r));
                return null;
            }
            return r;
        }).orElse(null);
        Long runId = g.get("runId").map(x -> integer(x.value(), at + ".runId", 1, Long.MAX_VALUE)).orElse(null);
        String workflow = g.get("workflow").map(x -> scalarString(x.value(), at + ".workflow")).orElse(null);
        String branch = g.get("branch").map(x -> string(x, at + ".branch")).orElse(null);
        String tokenEnv = g.get("tokenEnv").map(x -> envName(x, at + ".tokenEnv")).orElse(null);
        if (g.get("runId").isEmpty() && g.get("workflow").isEmpty()) {
            problem(g.line(), at + ".runId", "missing; give runId, or workflow (and branch) for the latest run");
        } else if (g.get("runId").isPresent() && g.get("workflow").isPresent()) {
            problem(g.get("workflow").get().line(), at + ".workflow",
                    "give either runId or workflow, not both");
        }
        if (g.get("branch").isPresent() && g.get("workflow").isEmpty()) {
            problem(g.get("branch").get().line(), at + ".branch", "branch needs workflow (it selects the latest run)");
        }
        Long maxLogBytes = g.get("maxLogBytes").map(x -> size(x, at + ".maxLogBytes")).orElse(null);
        boolean allAttempts = g.get("allAttempts").map(x -> bool(x, at + ".allAttempts")).orElse(false);
        if (repository == null) {
            return null; // reported above
        }
        return new DeploymentConfig.GitHub(api, repository, runId, workflow, branch, tokenEnv, maxLogBytes,
                allAttempts);
    }

    private DeploymentConfig.Fly platform(MapNode root, List<Service> services) {
        String at = "platform.fly";
        MapNode f = subsection(root, "platform", PLATFORM, "fly", FLY);
        if (f == null) {
            return null;
        }
        URI api = f.get("apiUrl").map(x -> apiUrl(x, at + ".apiUrl")).orElse(DeploymentConfig.FLY_API);
        String tokenEnv = f.get("tokenEnv").map(x -> envName(x, at + ".tokenEnv")).orElse(null);
        Map<String, String> apps = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        services.forEach(s -> ids.add(s.id()));
        Optional<Entry> ae = f.get("apps");
        if (ae.isEmpty()) {
            problem(f.line(), at + ".apps", "missing; map service ids to Fly app names");
        } else {
            MapNode am = map(ae.get().value(), at + ".apps");
            if (am != null) {
                for (Entry a : am.entries()) {
                    String key = at + ".apps." + a.key();
                    String app = string(a, key);
                    // with broken services the id list is incomplete: an unknown app would be a false alarm
                    if (!ids.contains(a.key()) && problems.stream().noneMatch(pr -> pr.key().startsWith("services"))) {
                        problem(a.line(), key, "'" + a.key() + "' is not the id of a service" + suggestion(a.key(), ids));
                    } else if (app != null) {
                        apps.put(a.key(), app);
                    }
                }
            }
        }
        return new DeploymentConfig.Fly(api, tokenEnv, apps);
    }

    /**
     * The mapping at {@code section.sub} with the keys of both levels checked; null when either level is
     * absent or not a mapping (the latter reported).
     */
    private MapNode subsection(MapNode root, String section, Set<String> sectionKeys, String sub,
                               Set<String> subKeys) {
        Optional<Entry> se = root.get(section);
        if (se.isEmpty()) {
            return null;
        }
        MapNode s = map(se.get().value(), section);
        if (s == null) {
            return null;
        }
        keys(s, section, sectionKeys);
        Optional<Entry> ue = s.get(sub);
        if (ue.isEmpty()) {
            return null;
        }
        String at = section + "." + sub;
        MapNode u = map(ue.get().value(), at);
        if (u == null) {
            return null;
        }
        keys(u, at, subKeys);
        return u;
    }

    private DeploymentConfig.ProbeSettings probe(MapNode root) {
        DeploymentConfig.ProbeSettings d = DeploymentConfig.ProbeSettings.DEFAULTS;
        Optional<Entry> pe = root.get("probe");
        if (pe.isEmpty()) {
            return d;
        }
        MapNode p = map(pe.get().value(), "probe");
        if (p == null) {
            return d;
        }
        keys(p, "probe", PROBE);
        Duration timeout = p.get("timeout").map(x -> duration(x, "probe.timeout")).orElse(d.timeout());
        Long retries = p.get("retries").map(x -> integer(x.value(), "probe.retries", 0, 10)).orElse((long) d.retries());
        Long max = p.get("maxConcurrent").map(x -> integer(x.value(), "probe.maxConcurrent", 1, 65_536))
                .orElse((long) d.maxConcurrent());
        Duration t = timeout == null ? d.timeout() : timeout;
        Duration budget = p.get("budget").map(x -> {
            Duration b = duration(x, "probe.budget");
            if (b != null && b.compareTo(t) < 0) {
                // a probe starts only while nine tenths of its timeout are left: a shorter budget would probe nothing
                problem(x.line(), "probe.budget", "must be at least probe.timeout (" + t.toMillis() + " ms), was "
                        + b.toMillis() + " ms");
                return null;
            }
            return b;
        }).orElse(null);
        return new DeploymentConfig.ProbeSettings(t, retries == null ? d.retries() : retries.intValue(),
                max == null ? d.maxConcurrent() : max.intValue(), budget);
    }

    private List<Path> rules(MapNode root) {
        Optional<Entry> re = root.get("rules");
        if (re.isEmpty()) {
            return List.of();
        }
        ListNode l = listOrSingle(re.get().value(), "rules");
        if (l == null) {
            return List.of();
        }
        Path base = path.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            String key = "rules[" + i + "]";
            String p = scalarString(l.items().get(i), key);
            if (p == null) {
                continue;
            }
            Path resolved;
            try {
                resolved = base == null ? Path.of(p) : base.resolve(p);
            } catch (java.nio.file.InvalidPathException ex) {
                problem(l.items().get(i).line(), key, "not a valid path: " + show(p));
                continue;
            }
            if (!Files.isRegularFile(resolved)) {
                problem(l.items().get(i).line(), key, "rule file not found: " + resolved);
                continue;
            }
            out.add(resolved);
        }
        return out;
    }

    // ---------------------------------------------------------------- typed values

    private MapNode map(Node node, String key) {
        if (node instanceof MapNode m) {
            return m;
        }
        // at the top, the file is not a config at all (a credentials file, say): never echo its content
        problem(node.line(), key.isEmpty() ? "" : key, "expected a mapping (key: value), got "
                + (key.isEmpty() ? node.describe().startsWith("'") ? "text" : node.describe() : shown(node)));
        return null;
    }

    private ListNode list(Node node, String key) {
        if (node instanceof ListNode l) {
            return l;
        }
        problem(node.line(), key, "expected a list, got " + shown(node));
        return null;
    }

    /** A list, or a single scalar read as a one-item list ({@code dependsOn: mcp-context}). */
    private ListNode listOrSingle(Node node, String key) {
        if (node instanceof ListNode l) {
            return l;
        }
        if (node instanceof Scalar s && s.kind() != ScalarKind.NULL) {
            return new ListNode(s.line(), List.of(s));
        }
        problem(node.line(), key, "expected a list, got " + shown(node));
        return null;
    }

    private Optional<Entry> required(MapNode m, String at, String key) {
        Optional<Entry> e = m.get(key);
        if (e.isEmpty()) {
            problem(m.line(), at + "." + key, "missing");
        }
        return e;
    }

    private String string(Entry e, String key) {
        Node n = e.value();
        if (n instanceof Scalar s && s.kind() == ScalarKind.STRING) {
            if (s.text().isBlank()) {
                problem(n.line(), key, "expected a non-empty text");
                return null;
            }
            return s.text();
        }
        problem(n.line(), key, "expected a text, got " + shown(n));
        return null;
    }

    /** Any non-null scalar as text (a workflow may be an id, a jsonEquals may be a number). */
    private String scalarString(Node n, String key) {
        if (n instanceof Scalar s && s.kind() != ScalarKind.NULL && !s.text().isBlank()) {
            return s.text();
        }
        problem(n.line(), key, "expected a text, got " + shown(n));
        return null;
    }

    private Boolean bool(Entry e, String key) {
        Node n = e.value();
        if (n instanceof Scalar s && s.kind() == ScalarKind.BOOLEAN) {
            return s.isTrue();
        }
        problem(n.line(), key, "expected true or false, got " + shown(n));
        return false;
    }

    private Long integer(Node n, String key, long min, long max) {
        if (n instanceof Scalar s && s.kind() == ScalarKind.INTEGER) {
            try {
                long v = Long.parseLong(s.text());
                if (v < min || v > max) {
                    problem(n.line(), key, "expected a whole number from " + min
                            + (max == Long.MAX_VALUE ? " up" : " to " + max) + ", got " + v);
                    return null;
                }
                return v;
            } catch (NumberFormatException ex) {
                problem(n.line(), key, "number too large: " + show(s.text()));
                return null;
            }
        }
        if (n instanceof Scalar s && s.kind() == ScalarKind.STRING && s.text().matches("\\d{1,18}")) {
            return integer(new Scalar(s.line(), ScalarKind.INTEGER, s.text()), key, min, max);
        }
        problem(n.line(), key, "expected a whole number, got " + shown(n));
        return null;
    }

    /** A byte size: a whole number of bytes, or a number with B, KB/MB/GB (powers of 1000) or KiB/MiB/GiB (of 1024). */
    private Long size(Entry e, String key) {
        Node n = e.value();
        if (n instanceof Scalar s && (s.kind() == ScalarKind.INTEGER || s.kind() == ScalarKind.STRING)) {
            Matcher m = SIZE.matcher(s.text().strip());
            if (m.matches()) {
                String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
                long factor = switch (unit) {
                    case "kb" -> 1_000L;
                    case "kib" -> 1L << 10;
                    case "mb" -> 1_000_000L;
                    case "mib" -> 1L << 20;
                    case "gb" -> 1_000_000_000L;
                    case "gib" -> 1L << 30;
                    default -> 1L;
                };
                BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
                if (bytes.compareTo(BigDecimal.valueOf(MIN_LOG_BYTES)) < 0
                        || bytes.compareTo(BigDecimal.valueOf(MAX_LOG_BYTES)) > 0) {
                    problem(n.line(), key, "expected a size from 1KiB to 64GiB, got " + show(s.text()));
                    return null;
                }
                return bytes.longValue();
            }
        }
        problem(n.line(), key, "expected a size like 64MiB, 512KB or a number of bytes, got " + shown(n));
        return null;
    }

    private Duration duration(Entry e, String key) {
        Node n = e.value();
        if (n instanceof Scalar s && s.kind() == ScalarKind.STRING) {
            Optional<Duration> d = InputTree.parseDuration(s.text());
            if (d.isPresent() && !d.get().isNegative() && !d.get().isZero()) {
                if (d.get().compareTo(Duration.ofHours(24)) > 0) {
                    problem(n.line(), key, "expected at most 24h, got " + show(s.text()));
                    return null;
                }
                return d.get();
            }
        }
        problem(n.line(), key, "expected a positive duration like 300ms, 2s or 1m, got " + shown(n));
        return null;
    }

    private ServiceKind kind(Entry e, String key) {
        Node n = e.value();
        if (n instanceof Scalar s && s.kind() == ScalarKind.STRING) {
            try {
                return ServiceKind.parse(s.text());
            } catch (IllegalArgumentException ex) {
                // fall through to the message
            }
        }
        problem(n.line(), key, "expected http, mcp or tcp, got " + shown(n));
        return ServiceKind.HTTP;
    }

    private URI url(Entry e, String key, ServiceKind kind) {
        String text = string(e, key);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null) {
                problem(e.line(), key, "expected an absolute url with a host, got " + show(text));
                return null;
            }
            if (uri.getUserInfo() != null) {
                problem(e.line(), key, "credentials in the url are not allowed; use an environment variable");
                return null;
            }
            if (!validPort(uri)) {
                problem(e.line(), key, "port " + uri.getPort() + " is outside 1-65535");
                return null;
            }
            if (kind == ServiceKind.TCP) {
                if (!scheme.equals("tcp") || uri.getPort() < 0) {
                    problem(e.line(), key, "a tcp service needs tcp://host:port, got " + show(text));
                    return null;
                }
            } else if (!scheme.equals("http") && !scheme.equals("https")) {
                problem(e.line(), key, "expected an http:// or https:// url, got " + show(text));
                return null;
            }
            return uri;
        } catch (URISyntaxException ex) {
            problem(e.line(), key, "not a valid url: " + show(text));
            return null;
        }
    }

    /** No port (the scheme's default) or one from 1 to 65535. */
    private static boolean validPort(URI uri) {
        return uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535;
    }

    private URI apiUrl(Entry e, String key) {
        String text = string(e, key);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                if (!validPort(uri)) {
                    problem(e.line(), key, "port " + uri.getPort() + " is outside 1-65535");
                    return null;
                }
                return uri;
            }
        } catch (URISyntaxException ex) {
            // reported below
        }
        problem(e.line(), key, "expected an http:// or https:// url without credentials, got " + show(text));
        return null;
    }

    private String envName(Entry e, String key) {
        String text = string(e, key);
        if (text != null && (!ENV_NAME.matcher(text).matches() || looksSecret(text))) {
            problem(e.line(), key, "expected the name of an environment variable (like GITHUB_TOKEN), got "
                    + show(text));
            return null;
        }
        return text;
    }

    /** JSON pointer; a dotted path ({@code data.version}) is accepted and converted. */
    private String pointer(Entry e, String key) {
        String text = string(e, key);
        if (text == null) {
            return null;
        }
        if (text.startsWith("/")) {
            return text;
        }
        String t = text.startsWith("$.") ? text.substring(2) : text;
        return "/" + t.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }

    // ---------------------------------------------------------------- checks and messages

    private void keys(MapNode m, String at, Set<String> allowed) {
        for (Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                String key = at.isEmpty() ? e.key() : at + "." + e.key();
                problem(e.line(), key, "unknown key" + suggestion(e.key(), allowed)
                        + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private void problem(int line, String key, String message) {
        problems.add(new InputException.Problem(file, line, key, message));
    }

    private static String shown(Node n) {
        if (n instanceof Scalar s && s.kind() != ScalarKind.NULL) {
            return show(s.text());
        }
        return n.describe();
    }

    /** Quotes a value for a message, unless it looks like a secret. */
    static String show(String value) {
        if (looksSecret(value.strip())) {
            return "a value that looks like a secret (not shown)";
        }
        String oneLine = value.replaceAll("[\\r\\n\\t]+", " ");
        // redacted before the cut, and the cut never ends inside a word
        return "'" + Secrets.patterns().cut(oneLine, 60) + "'";
    }

    /** A known token shape or a random-looking run: the one set of patterns in {@link Secrets}. */
    static boolean looksSecret(String value) {
        return Secrets.looksLikeSecret(value);
    }

    private static String suggestion(String got, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(got.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, got.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Optional<String> cycle(Map<String, List<String>> graph) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : graph.keySet()) {
            Deque<String> stack = new ArrayDeque<>();
            Optional<String> c = visit(start, graph, state, stack);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> visit(String node, Map<String, List<String>> graph, Map<String, Integer> state,
                                          Deque<String> stack) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<String> path = new ArrayList<>(stack);
            java.util.Collections.reverse(path);
            int from = path.indexOf(node);
            List<String> loop = new ArrayList<>(path.subList(from, path.size()));
            loop.add(node);
            return Optional.of(String.join(" -> ", loop));
        }
        state.put(node, 1);
        stack.push(node);
        for (String dep : graph.getOrDefault(node, List.of())) {
            Optional<String> c = visit(dep, graph, state, stack);
            if (c.isPresent()) {
                return c;
            }
        }
        stack.pop();
        state.put(node, 2);
        return Optional.empty();
    }
}
