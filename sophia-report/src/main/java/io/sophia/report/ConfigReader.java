package io.sophia.report;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sophia.core.Deployment;
import io.sophia.core.Expectations;
import io.sophia.core.Owner;
import io.sophia.core.Secrets;
import io.sophia.core.Service;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.InputTree;
import io.sophia.diagnosis.InputTree.Entry;
import io.sophia.diagnosis.InputTree.ListNode;
import io.sophia.diagnosis.InputTree.MapNode;
import io.sophia.diagnosis.InputTree.Node;
import io.sophia.diagnosis.InputTree.Scalar;
import io.sophia.probes.HttpProbe;
import io.sophia.report.ConfigDocument.ExpectDoc;
import io.sophia.report.ConfigDocument.FlyDoc;
import io.sophia.report.ConfigDocument.GitHubDoc;
import io.sophia.report.ConfigDocument.HttpDoc;
import io.sophia.report.ConfigDocument.ProbeDoc;
import io.sophia.report.ConfigDocument.ServiceDoc;
import io.sophia.report.ConfigValues.Key;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a deployment description ({@link DeploymentConfig}) and collects every problem with its line and key.
 * {@link InputTree} parses (the line-aware reader: syntax, duplicate keys, depth, size); Jackson databind binds
 * the document to {@link ConfigDocument}'s records ({@link ConfigValues}); this class checks what the types
 * cannot say — ranges, ids and the references between them — and builds the public records.
 *
 * <p>Why Jackson binds the parsed tree and not the text: a problem found after binding (a duplicate id, a
 * missing key, a {@code dependsOn} naming no service) needs the line of its key, and Jackson's own tree forgets
 * locations; so every problem is recorded by its key path, and the path finds its line in the tree.
 */
final class ConfigReader {

    /** Config files are small; anything larger is a mistake (a log or a binary passed by accident). */
    static final long MAX_BYTES = 1 << 20;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private final Path path;
    private final Problems problems;

    private ConfigReader(Path path, Problems problems) {
        this.path = path;
        this.problems = problems;
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
        String name = file.toString();
        if (root.isEmpty()) {
            throw InputException.of(name, 0, "", "the file is empty; expected a mapping with `services`");
        }
        if (!(root.get() instanceof MapNode)) {
            // the file is not a config at all (a credentials file, say): never echo its content
            Node n = root.get();
            throw InputException.of(name, n.line(), "", "expected a mapping (key: value), got "
                    + (n instanceof Scalar ? "text" : n.describe()));
        }
        Problems problems = new Problems(name, root.get());
        JsonNode tree = problems.json(root.get(), Key.ROOT);
        ConfigDocument doc = null;
        try {
            doc = ConfigValues.bind(tree, problems);
        } catch (JsonMappingException e) {
            // a problem the handler could not take: named by its path; Jackson's message may quote the value
            Key key = Key.of(e.getPath());
            Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            problems.atValue(key, (target == null ? "cannot be read" : ConfigValues.expected(target)) + ", got "
                    + problems.shown(key));
        } catch (IOException e) {
            problems.atValue(Key.ROOT, "cannot be read: " + e.getClass().getSimpleName());
        }
        DeploymentConfig config = doc == null ? null : new ConfigReader(file, problems).config(doc);
        problems.throwIfAny();
        return Objects.requireNonNull(config);
    }

    // ---------------------------------------------------------------- sections

    private DeploymentConfig config(ConfigDocument doc) {
        Key deploymentKey = Key.ROOT.child("deployment");
        String name = text(deploymentKey, doc.deployment());
        if (problems.absent(deploymentKey)) {
            problems.atValue(deploymentKey, "missing; name the deployment (deployment: my-app)");
        }
        Map<String, DeploymentConfig.HttpSettings> http = new LinkedHashMap<>();
        List<Service> services = services(doc.services(), http);
        DeploymentConfig.GitHub github = doc.pipeline() == null ? null : github(doc.pipeline().github());
        DeploymentConfig.Fly fly = doc.platform() == null ? null : fly(doc.platform().fly(), services);
        DeploymentConfig.ProbeSettings probe = probe(doc.probe());
        GatePolicy gate = doc.gate() == null ? GatePolicy.defaults() : doc.gate();
        List<Path> rules = rules(doc.rules());
        DeploymentConfig.Alerts alerts = alerts(doc.alerts());
        if (problems.any() || name == null) {
            return null;
        }
        return new DeploymentConfig(Optional.of(path), new Deployment(name, services), github, fly, probe, gate,
                rules, http, alerts);
    }

    private List<Service> services(List<ServiceDoc> docs, Map<String, DeploymentConfig.HttpSettings> http) {
        Key at = Key.ROOT.child("services");
        if (problems.absent(at)) {
            problems.atValue(at, "missing; list the services to probe");
            return List.of();
        }
        if (docs == null) {
            return List.of(); // reported while binding
        }
        if (docs.isEmpty()) {
            problems.atValue(at, "empty; list at least one service");
        }
        List<Service> services = new ArrayList<>();
        Map<String, Key> ids = new LinkedHashMap<>();
        Map<String, List<String>> graph = new LinkedHashMap<>();
        List<Runnable> dependsChecks = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ServiceDoc s = docs.get(i);
            Key sk = at.at(i);
            if (s == null) {
                continue; // reported while binding
            }
            String id = id(sk.child("id"), s.id(), ids);
            ServiceKind kind = s.kind() == null ? ServiceKind.HTTP : s.kind();
            String urlText = required(sk.child("url"), s.url());
            URI url = urlText == null ? null : serviceUrl(sk.child("url"), urlText, kind);
            List<String> dependsOn = dependsOn(sk.child("dependsOn"), s.dependsOn(), id, ids, dependsChecks);
            String name = text(sk.child("name"), s.name());
            String capability = text(sk.child("capability"), s.capability());
            Expectations expect = s.expect() == null ? Expectations.DEFAULT : expect(sk.child("expect"), s.expect());
            DeploymentConfig.HttpSettings httpSettings = s.http() == null ? null : http(sk.child("http"), s.http());
            if (id != null && httpSettings != null) {
                http.put(id, httpSettings);
            }
            Owner owner = s.owner() == null ? null : owner(sk.child("owner"), s.owner());
            if (id != null && url != null) {
                services.add(Service.builder(id, url).name(name).kind(kind).capability(capability)
                        .critical(Boolean.TRUE.equals(s.critical())).dependsOn(dependsOn).expect(expect)
                        .owner(owner).build());
                graph.put(id, dependsOn);
            }
        }
        dependsChecks.forEach(Runnable::run);
        if (!problems.any()) {
            cycle(graph).ifPresent(c -> problems.atKey(at, "dependsOn forms a cycle: " + c));
        }
        return services;
    }

    /** A service's id: the pattern of ids, unique in the file (null when not). */
    private String id(Key key, String value, Map<String, Key> ids) {
        String id = required(key, value);
        if (id != null && !ID.matcher(id).matches()) {
            problems.atKey(key, "expected letters, digits, '.', '_' or '-' (at most 63), got " + ConfigValues.show(id));
            return null;
        }
        Key first = id == null ? null : ids.putIfAbsent(id, key);
        if (first != null) {
            problems.atKey(key, "duplicate id '" + id + "' (first defined at line " + problems.keyLine(first) + ")");
            return null;
        }
        return id;
    }

    /** A service's {@code dependsOn}; each id is checked once every service's id is known ({@code checks}). */
    private List<String> dependsOn(Key at, List<String> given, String self, Map<String, Key> ids, List<Runnable> checks) {
        List<String> dependsOn = new ArrayList<>();
        for (int j = 0; given != null && j < given.size(); j++) {
            Key key = at.at(j);
            String dep = text(key, given.get(j));
            if (dep == null) {
                continue;
            }
            dependsOn.add(dep);
            checks.add(() -> {
                if (!ids.containsKey(dep)) {
                    problems.atValue(key, "'" + dep + "' is not the id of a service" + suggestion(dep, ids.keySet()));
                } else if (dep.equals(self)) {
                    problems.atValue(key, "a service cannot depend on itself");
                }
            });
        }
        return dependsOn;
    }

    /** {@code owner: payments} (the team alone) or {@code owner: {team: payments, contact: "#payments-oncall"}}. */
    private Owner owner(Key at, ConfigDocument.OwnerDoc o) {
        Key teamKey = at.child("team");
        // the team alone is the owner's text, not a team key of its own
        String team = o.team() != null ? text(teamKey, o.team()) : required(teamKey, null);
        String contact = text(at.child("contact"), o.contact());
        return team == null ? null : new Owner(team, contact);
    }

    /** A service's {@code http} section; files are resolved against the config file's directory. */
    private DeploymentConfig.HttpSettings http(Key at, HttpDoc h) {
        Map<String, String> headers = headers(at, h.headers() == null ? Map.of() : h.headers());
        HttpProbe.Redirects redirects = HttpProbe.Redirects.NONE;
        int maxRedirects = 0;
        Key rk = at.child("redirects");
        String r = text(rk, h.redirects());
        if (r != null && r.matches("\\d{1,9}")) {
            Long max = range(rk, Long.parseLong(r), 0, 20);
            if (max != null && max > 0) {
                redirects = HttpProbe.Redirects.ANY;
                maxRedirects = max.intValue();
            }
        } else if ("same-host".equals(r)) {
            redirects = HttpProbe.Redirects.SAME_HOST;
            maxRedirects = 5;
        } else if (r != null && !"none".equals(r)) {
            problems.atValue(rk, "expected none, same-host or a number from 0 to 20, got " + ConfigValues.show(r));
        }
        String proxy = text(at.child("proxy"), h.proxy());
        if (proxy != null && !proxy.equals("env") && !proxy.equals("none")) {
            problems.atKey(at.child("proxy"), "expected env (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) or none, got "
                    + ConfigValues.show(proxy));
        }
        return new DeploymentConfig.HttpSettings(headers, envName(at.child("tokenEnv"), h.tokenEnv()),
                file(at.child("trustStore"), h.trustStore(), "file not found: "),
                envName(at.child("trustStorePasswordEnv"), h.trustStorePasswordEnv()),
                file(at.child("clientCertificate"), h.clientCertificate(), "file not found: "),
                envName(at.child("clientCertificatePasswordEnv"), h.clientCertificatePasswordEnv()),
                redirects, maxRedirects, !"none".equals(proxy));
    }

    /** {@code headers: {Name: value}}: one line each, and no credential (that belongs in tokenEnv). */
    private Map<String, String> headers(Key at, Map<String, String> given) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            Key key = at.child("headers").child(e.getKey());
            String value = text(key, e.getValue());
            if (value == null) {
                continue;
            }
            if (looksSecret(value)) {
                // a credential in the file would be in every copy of it: it belongs in tokenEnv
                problems.atKey(key, "looks like a credential; put it in an environment variable and name it in "
                        + at.child("tokenEnv"));
                continue;
            }
            try {
                HttpProbe.Options.custom().header(e.getKey(), value);
                headers.put(e.getKey(), value);
            } catch (IllegalArgumentException ex) {
                problems.atKey(key, String.valueOf(ex.getMessage()));
            }
        }
        return headers;
    }

    private Expectations expect(Key at, ExpectDoc e) {
        List<Integer> codes = new ArrayList<>();
        List<Long> given = e.statusCodes() == null ? List.of() : e.statusCodes();
        for (int j = 0; j < given.size(); j++) {
            Long code = range(at.child("statusCodes").at(j), given.get(j), 100, 599);
            if (code != null) {
                codes.add(code.intValue());
            }
        }
        boolean field = !problems.absent(at.child("jsonField"));
        if (field != !problems.absent(at.child("jsonEquals"))) {
            problems.atValue(at.child(field ? "jsonEquals" : "jsonField"), "missing; jsonField and jsonEquals go together");
        }
        String jsonField = pointer(at.child("jsonField"), e.jsonField());
        String jsonEquals = text(at.child("jsonEquals"), e.jsonEquals());
        Long days = range(at.child("minCertificateDays"), e.minCertificateDays(), 0, 3650);
        String healthPath = text(at.child("healthPath"), e.healthPath());
        if (healthPath != null && !healthPath.startsWith("/")) {
            problems.atKey(at.child("healthPath"), "expected a path starting with '/', got " + ConfigValues.show(healthPath));
            healthPath = null;
        }
        return Expectations.builder().statusCodes(codes).maxLatency(e.maxLatency()).jsonField(jsonField, jsonEquals)
                .minCertificateDays(days == null ? null : days.intValue())
                .versionField(pointer(at.child("versionField"), e.versionField()))
                .versionHeader(text(at.child("versionHeader"), e.versionHeader())).healthPath(healthPath).build();
    }

    private DeploymentConfig.GitHub github(GitHubDoc g) {
        if (g == null) {
            return null;
        }
        Key at = Key.ROOT.child("pipeline").child("github");
        URI api = g.apiUrl() == null ? DeploymentConfig.GITHUB_API : apiUrl(at.child("apiUrl"), g.apiUrl());
        String repository = required(at.child("repository"), g.repository());
        if (repository != null && !REPOSITORY.matcher(repository).matches()) {
            problems.atKey(at.child("repository"), "expected owner/name, got " + ConfigValues.show(repository));
            repository = null;
        }
        Long runId = range(at.child("runId"), g.runId(), 1, Long.MAX_VALUE);
        String workflow = text(at.child("workflow"), g.workflow());
        String branch = text(at.child("branch"), g.branch());
        String tokenEnv = envName(at.child("tokenEnv"), g.tokenEnv());
        boolean hasRun = !problems.absent(at.child("runId"));
        boolean hasWorkflow = !problems.absent(at.child("workflow"));
        if (!hasRun && !hasWorkflow) {
            problems.atValue(at.child("runId"), "missing; give runId, or workflow (and branch) for the latest run");
        } else if (hasRun && hasWorkflow) {
            problems.atKey(at.child("workflow"), "give either runId or workflow, not both");
        }
        if (!problems.absent(at.child("branch")) && !hasWorkflow) {
            problems.atKey(at.child("branch"), "branch needs workflow (it selects the latest run)");
        }
        if (repository == null) {
            return null; // reported above
        }
        return new DeploymentConfig.GitHub(api, repository, runId, workflow, branch, tokenEnv, g.maxLogBytes(),
                Boolean.TRUE.equals(g.allAttempts()));
    }

    private DeploymentConfig.Fly fly(FlyDoc f, List<Service> services) {
        if (f == null) {
            return null;
        }
        Key at = Key.ROOT.child("platform").child("fly");
        URI api = f.apiUrl() == null ? DeploymentConfig.FLY_API : apiUrl(at.child("apiUrl"), f.apiUrl());
        String tokenEnv = envName(at.child("tokenEnv"), f.tokenEnv());
        Map<String, String> apps = new LinkedHashMap<>();
        Set<String> ids = new java.util.LinkedHashSet<>();
        services.forEach(s -> ids.add(s.id()));
        if (problems.absent(at.child("apps"))) {
            problems.atValue(at.child("apps"), "missing; map service ids to Fly app names");
        } else if (f.apps() != null) {
            // with broken services the id list is incomplete: an unknown app would be a false alarm
            boolean servicesRead = problems.none(k -> k.startsWith("services"));
            for (Map.Entry<String, String> a : f.apps().entrySet()) {
                Key key = at.child("apps").child(a.getKey());
                String app = text(key, a.getValue());
                if (!ids.contains(a.getKey()) && servicesRead) {
                    problems.atKey(key, "'" + a.getKey() + "' is not the id of a service" + suggestion(a.getKey(), ids));
                } else if (app != null) {
                    apps.put(a.getKey(), app);
                }
            }
        }
        return new DeploymentConfig.Fly(api, tokenEnv, apps);
    }

    private DeploymentConfig.ProbeSettings probe(ProbeDoc p) {
        DeploymentConfig.ProbeSettings d = DeploymentConfig.ProbeSettings.DEFAULTS;
        if (p == null) {
            return d;
        }
        Key at = Key.ROOT.child("probe");
        Duration timeout = p.timeout() == null ? d.timeout() : p.timeout();
        Long retries = range(at.child("retries"), p.retries(), 0, 10);
        Long max = range(at.child("maxConcurrent"), p.maxConcurrent(), 1, 65_536);
        Duration budget = p.budget();
        if (budget != null && budget.compareTo(timeout) < 0) {
            // a probe starts only while nine tenths of its timeout are left: a shorter budget would probe nothing
            problems.atKey(at.child("budget"), "must be at least probe.timeout (" + timeout.toMillis() + " ms), was "
                    + budget.toMillis() + " ms");
            budget = null;
        }
        return new DeploymentConfig.ProbeSettings(timeout, retries == null ? d.retries() : retries.intValue(),
                max == null ? d.maxConcurrent() : max.intValue(), budget);
    }

    private List<Path> rules(List<String> given) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            Path resolved = file(Key.ROOT.child("rules").at(i), given.get(i), "rule file not found: ");
            if (resolved != null) {
                out.add(resolved);
            }
        }
        return out;
    }

    /** A file named in the config, resolved against the config's directory; it must exist (its content is never read here). */
    private Path file(Key key, String value, String notFound) {
        String p = text(key, value);
        if (p == null) {
            return null;
        }
        Path base = path.toAbsolutePath().getParent();
        Path resolved;
        try {
            resolved = base == null ? Path.of(p) : base.resolve(p);
        } catch (java.nio.file.InvalidPathException ex) {
            problems.atValue(key, "not a valid path: " + ConfigValues.show(p));
            return null;
        }
        if (!Files.isRegularFile(resolved)) {
            problems.atValue(key, notFound + resolved);
            return null;
        }
        return resolved;
    }

    private DeploymentConfig.Alerts alerts(ConfigDocument.AlertsDoc a) {
        if (a == null || a.webhooks() == null) {
            return DeploymentConfig.Alerts.NONE;
        }
        return new DeploymentConfig.Alerts(a.webhooks().stream().filter(Objects::nonNull).toList());
    }

    // ---------------------------------------------------------------- typed values

    /** A value the key must have: "missing" when the key is absent; null (reported while binding) when unusable. */
    private String required(Key key, String value) {
        if (problems.absent(key)) {
            problems.atValue(key, "missing");
            return null;
        }
        return text(key, value);
    }

    /** A non-blank text, or null (absent, or reported). */
    private String text(Key key, String value) {
        if (value != null && value.isBlank()) {
            problems.atValue(key, "expected a non-empty text");
            return null;
        }
        return value;
    }

    private Long range(Key key, Long value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            problems.atValue(key, "expected a whole number from " + min
                    + (max == Long.MAX_VALUE ? " up" : " to " + max) + ", got " + value);
            return null;
        }
        return value;
    }

    private URI serviceUrl(Key key, String text, ServiceKind kind) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null) {
                problems.atKey(key, "expected an absolute url with a host, got " + ConfigValues.show(text));
                return null;
            }
            if (uri.getUserInfo() != null) {
                problems.atKey(key, "credentials in the url are not allowed; use an environment variable");
                return null;
            }
            if (!validPort(uri)) {
                problems.atKey(key, "port " + uri.getPort() + " is outside 1-65535");
                return null;
            }
            if (kind == ServiceKind.TCP) {
                if (!scheme.equals("tcp") || uri.getPort() < 0) {
                    problems.atKey(key, "a tcp service needs tcp://host:port, got " + ConfigValues.show(text));
                    return null;
                }
            } else if (!scheme.equals("http") && !scheme.equals("https")) {
                problems.atKey(key, "expected an http:// or https:// url, got " + ConfigValues.show(text));
                return null;
            }
            return uri;
        } catch (URISyntaxException ex) {
            problems.atKey(key, "not a valid url: " + ConfigValues.show(text));
            return null;
        }
    }

    /** No port (the scheme's default) or one from 1 to 65535. */
    private static boolean validPort(URI uri) {
        return uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65535;
    }

    private URI apiUrl(Key key, String text) {
        if (text(key, text) == null) {
            return null;
        }
        Optional<URI> uri = httpUrl(text);
        if (uri.isPresent() && uri.get().getUserInfo() == null) {
            if (!validPort(uri.get())) {
                problems.atKey(key, "port " + uri.get().getPort() + " is outside 1-65535");
                return null;
            }
            return uri.get();
        }
        problems.atKey(key, "expected an http:// or https:// url without credentials, got " + ConfigValues.show(text));
        return null;
    }

    /** An absolute http or https URL with a host. */
    static Optional<URI> httpUrl(String text) {
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? Optional.of(u)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The name of an environment variable, not a pasted token. */
    static boolean isEnvName(String text) {
        return ENV_NAME.matcher(text).matches() && !looksSecret(text);
    }

    private String envName(Key key, String text) {
        if (text(key, text) != null && !isEnvName(text)) {
            problems.atKey(key, "expected the name of an environment variable (like GITHUB_TOKEN), got "
                    + ConfigValues.show(text));
            return null;
        }
        return text;
    }

    /** JSON pointer; a dotted path ({@code data.version}) is accepted and converted. */
    private String pointer(Key key, String value) {
        String text = text(key, value);
        if (text == null || text.startsWith("/")) {
            return text;
        }
        String t = text.startsWith("$.") ? text.substring(2) : text;
        return "/" + t.replace("~", "~0").replace("/", "~1").replace('.', '/');
    }

    // ---------------------------------------------------------------- problems

    /**
     * Every problem of one file, each named by its key path; the line comes from the parsed tree: the key's own
     * line for a problem with the key, the value's line for a value that cannot be used, the enclosing mapping's
     * line for a missing key.
     */
    static final class Problems {
        private final String file;
        private final Node root;
        private final List<InputException.Problem> list = new ArrayList<>();

        Problems(String file, Node root) {
            this.file = file;
            this.root = root;
        }

        /** {@return the collector a binding runs with} */
        static Problems of(DeserializationContext ctxt) {
            return (Problems) ctxt.getAttribute(Problems.class);
        }

        void atKey(Key key, String message) {
            list.add(new InputException.Problem(file, keyLine(key), key.toString(), message));
        }

        void atValue(Key key, String message) {
            list.add(new InputException.Problem(file, find(key).node().line(), key.toString(), message));
        }

        boolean any() {
            return !list.isEmpty();
        }

        boolean none(java.util.function.Predicate<String> key) {
            return list.stream().map(InputException.Problem::key).noneMatch(key);
        }

        /** {@return true when the file does not have this key (a key with an empty value is there)} */
        boolean absent(Key key) {
            return !find(key).exact();
        }

        /** {@return the value at {@code key} as the file wrote it, for "got ..." (never a secret)} */
        String shown(Key key) {
            Located at = find(key);
            Node n = at.exact() ? at.node() : null;
            return n == null ? "nothing" : n.describe();
        }

        int keyLine(Key key) {
            Located at = find(key);
            return at.exact() && at.keyLine() > 0 ? at.keyLine() : at.node().line();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                list.sort(Comparator.comparingInt(InputException.Problem::line));
                throw new InputException(list);
            }
        }

        private record Located(Node node, int keyLine, boolean exact) {
        }

        /** The node at {@code key}, or the deepest node on its way when the key is absent. */
        private Located find(Key key) {
            Node n = root;
            int keyLine = 0;
            for (Object segment : key.segments()) {
                Node next = null;
                if (segment instanceof String name && n instanceof MapNode m) {
                    Optional<Entry> e = m.get(name);
                    if (e.isPresent()) {
                        next = e.get().value();
                        keyLine = e.get().line();
                    }
                } else if (segment instanceof Integer i && n instanceof ListNode l && i < l.items().size()) {
                    next = l.items().get(i);
                    keyLine = next.line();
                }
                if (next == null) {
                    return new Located(n, 0, false);
                }
                n = next;
            }
            return new Located(n, keyLine, true);
        }

        /** Jackson's tree of the document; a key without a value is a problem here (then bound as absent). */
        JsonNode json(Node node, Key key) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            if (node instanceof MapNode m) {
                ObjectNode o = f.objectNode();
                m.entries().forEach(e -> o.set(e.key(), json(e.value(), key.child(e.key()))));
                return o;
            }
            if (node instanceof ListNode l) {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < l.items().size(); i++) {
                    a.add(json(l.items().get(i), key.at(i)));
                }
                return a;
            }
            Scalar s = (Scalar) node;
            return switch (s.kind()) {
                case NULL -> {
                    atValue(key, "expected a value, got nothing");
                    yield f.nullNode();
                }
                case BOOLEAN -> f.booleanNode(s.isTrue());
                case INTEGER -> f.numberNode(new BigInteger(s.text()));
                case DECIMAL -> f.numberNode(new java.math.BigDecimal(s.text()));
                case STRING -> f.textNode(s.text());
            };
        }
    }

    /** A known token shape or a random-looking run: the one set of patterns in {@link Secrets}. */
    static boolean looksSecret(String value) {
        return Secrets.looksLikeSecret(value);
    }

    /** {@code (did you mean 'x'?)} for the nearest known name, when it is near enough. */
    static String suggestion(String got, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = LevenshteinDistance.getDefaultInstance().apply(got.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, got.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static Optional<String> cycle(Map<String, List<String>> graph) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : graph.keySet()) {
            Optional<String> c = visit(start, graph, state, new ArrayDeque<>());
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
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
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
