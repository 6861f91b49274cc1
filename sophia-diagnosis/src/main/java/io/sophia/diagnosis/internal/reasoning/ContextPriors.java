package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How often each cause was the root of a failure in a given context, counted on the labelled corpus: which kinds of
 * things failed (a run's conclusion, the class of the step that failed, a probe's failure kind, a machine's state and
 * exit, a generic log line's indication), not what any line says. It orders and shares out the probability that the
 * evidence leaves to the causes no evidence names at all: with nothing specific observed, {@code unknown} leads as
 * before, and the runners-up are the causes that failures of this kind most often turned out to be (a deploy step that
 * failed without a readable error: the configuration or the token, not a Dockerfile), where they used to follow the
 * priors. Behind a cause with evidence, most of what {@code unknown} held ("something else") goes to them too: the
 * something else is most likely what failures of this kind turned out to be. It never moves a cause to the lead, nor
 * changes a cause with evidence, nor {@code unknown} where it leads.
 *
 * <p>The model is a naive-Bayes lift averaged over the context's features (so that features that come together, as a
 * failed job and its failed run do, count once): score(c) = ln P(c) + 2 x the mean over features f of
 * ln(P(c | f) / P(c)), each probability smoothed towards the base rate; the shares are proportional to exp(score). The counts ship as
 * {@code context-priors.tsv} beside the knowledge base; the calibration's cross-validation counts them on the
 * training folds only.
 */
public final class ContextPriors {

    /**
     * The weight of the mean lift against the base rate: 2 (cross-validated top-3 0.9475 with 2, 0.9472 with 1, 0.9480
     * with 4, 0.9473 for the plain naive-Bayes sum, on the thirty-fifth session's corpus; Brier the same to 0.0005).
     */
    static final double LIFT_WEIGHT = 2;

    /**
     * The share of {@code unknown}'s probability that goes to the causes without evidence when a cause with evidence
     * leads: 0.75 (cross-validated Brier 0.163 with none, 0.159 with 0.25, 0.156 with 0.5, 0.154 with 0.75, 0.158 with
     * all of it; top-3 0.949, 0.949, 0.949, 0.950 and 0.948; top-1 and ECE the same, on the thirty-sixth session's
     * corpus, n = 12,504).
     */
    static final double UNKNOWN_SHARE = 0.75;

    /** At most this many causes without evidence are listed for a failure's context. */
    public static final int LISTED = 2;

    /** Features seen fewer times than this are not used: a handful of scenarios is no frequency. */
    public static final int MIN_FEATURE_COUNT = 5;

    private static final String RESOURCE = "/io/sophia/diagnosis/context-priors.tsv";
    private static final int FEATURE_MAX = 60;
    private static volatile ContextPriors builtIn;

    private final int total;
    private final Map<CauseId, Integer> causeCounts;
    private final Map<String, Integer> featureCounts;
    private final Map<String, Map<CauseId, Integer>> joint;

    private ContextPriors(int total, Map<CauseId, Integer> causeCounts, Map<String, Integer> featureCounts,
                          Map<String, Map<CauseId, Integer>> joint) {
        this.total = total;
        this.causeCounts = causeCounts;
        this.featureCounts = featureCounts;
        this.joint = joint;
    }

    /** No counts: shares nothing out (the probabilities stand as the evidence left them). */
    public static ContextPriors none() {
        return new ContextPriors(0, Map.of(), Map.of(), Map.of());
    }

    /** The counts shipped with Sophia ({@code context-priors.tsv}); none when the resource is absent. */
    public static ContextPriors builtIn() {
        ContextPriors b = builtIn;
        if (b == null) {
            synchronized (ContextPriors.class) {
                b = builtIn;
                if (b == null) {
                    b = load();
                    builtIn = b;
                }
            }
        }
        return b;
    }

    private static ContextPriors load() {
        InputStream in = ContextPriors.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return none();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the table's lines: {@code total<TAB>n}, {@code cause<TAB>id<TAB>n}, {@code feature<TAB>f<TAB>n} and
     * {@code joint<TAB>f<TAB>id<TAB>n}; {@code #} lines are comments.
     */
    static ContextPriors parse(List<String> lines) {
        int total = 0;
        Map<CauseId, Integer> causes = new HashMap<>();
        Map<String, Integer> features = new HashMap<>();
        Map<String, Map<CauseId, Integer>> joint = new HashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            switch (f[0]) {
                case "total" -> total = Integer.parseInt(f[1]);
                case "cause" -> causes.put(CauseId.of(f[1]), Integer.parseInt(f[2]));
                case "feature" -> features.put(f[1], Integer.parseInt(f[2]));
                case "joint" -> joint.computeIfAbsent(f[1], k -> new HashMap<>()).put(CauseId.of(f[2]),
                        Integer.parseInt(f[3]));
                default -> throw new IllegalStateException("context-priors.tsv: unknown line kind " + f[0]);
            }
        }
        return new ContextPriors(total, causes, features, joint);
    }

    /**
     * Counts {@code examples} (each a context's features and the cause that was the root), keeping the features seen at
     * least {@link #MIN_FEATURE_COUNT} times.
     */
    public static ContextPriors count(Collection<Map.Entry<Set<String>, CauseId>> examples) {
        Map<String, Integer> all = new HashMap<>();
        for (Map.Entry<Set<String>, CauseId> e : examples) {
            for (String f : e.getKey()) {
                all.merge(f, 1, Integer::sum);
            }
        }
        Map<CauseId, Integer> causes = new HashMap<>();
        Map<String, Integer> features = new HashMap<>();
        Map<String, Map<CauseId, Integer>> joint = new HashMap<>();
        for (Map.Entry<Set<String>, CauseId> e : examples) {
            causes.merge(e.getValue(), 1, Integer::sum);
            for (String f : e.getKey()) {
                if (all.get(f) >= MIN_FEATURE_COUNT) {
                    features.merge(f, 1, Integer::sum);
                    joint.computeIfAbsent(f, k -> new HashMap<>()).merge(e.getValue(), 1, Integer::sum);
                }
            }
        }
        return new ContextPriors(examples.size(), causes, features, joint);
    }

    /** The table's lines, in a fixed order ({@link #parse} reads them back). */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>();
        out.add("# Sophia context priors: counts of root causes by the context of their failure (ContextPriors)");
        out.add("total\t" + total);
        new TreeMap<>(causeCounts.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> e.getKey().value(), Map.Entry::getValue))).forEach((c, n) -> out.add("cause\t" + c + "\t" + n));
        new TreeMap<>(featureCounts).forEach((f, n) -> out.add("feature\t" + f + "\t" + n));
        new TreeMap<>(joint).forEach((f, byCause) -> new TreeMap<>(byCause.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue)))
                .forEach((c, n) -> out.add("joint\t" + f + "\t" + c + "\t" + n)));
        return out;
    }

    /** True when there are no counts. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** The number of examples counted. */
    public int total() {
        return total;
    }

    /**
     * Shares out, in place, the probability of the causes without evidence for them ({@code free}; the last entry is
     * {@code unknown}, never free) in proportion to their context score; together they keep what they had, and when a
     * cause with evidence leads, {@link #UNKNOWN_SHARE} of {@code unknown}'s ({@code unknown} keeps at least
     * {@code unknownFloor}, the knowledge base's floor of it). What the evidence left each of them is not kept: it is
     * mostly the same "its checks came back empty" for all of them, and keeping it measured worse (cross-validated top-3
     * 0.9455 against 0.9472 without it). None may reach the leading hypothesis with evidence (or {@code unknown}): where
     * a share would, the new shares are blended with the old ones just enough to keep it below (the context then still
     * orders the causes it cannot lift), and {@code unknown} gives only the blended part. True when the context moved
     * them.
     */
    public boolean share(double[] p, List<CauseId> ids, boolean[] free, Set<String> context, double unknownFloor) {
        int u = p.length - 1;
        if (isEmpty() || context.isEmpty()) {
            return false;
        }
        double mass = 0;
        double lead = 0;
        int freeCount = 0;
        for (int i = 0; i <= u; i++) {
            if (i < u && free[i]) {
                mass += p[i];
                freeCount++;
            } else {
                lead = Math.max(lead, p[i]);
            }
        }
        // behind a cause with evidence, unknown's "something else" is most likely what failures of this kind were
        double transfer = p[u] < lead ? Math.min(UNKNOWN_SHARE * p[u], Math.max(0, p[u] - unknownFloor)) : 0;
        mass += transfer;
        if (freeCount < 2 || mass <= 0) {
            return false;
        }
        double[] weight = new double[u];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < u; i++) {
            if (free[i]) {
                weight[i] = score(ids.get(i), context);
                max = Math.max(max, weight[i]);
            }
        }
        double sum = 0;
        for (int i = 0; i < u; i++) {
            if (free[i]) {
                weight[i] = Math.exp(weight[i] - max);
                sum += weight[i];
            }
        }
        if (sum <= 0) {
            return false;
        }
        // below the leader by more than the report's rounding (4 decimals, down), so that no tie reorders them
        double bound = Math.max(0, lead - 2e-4);
        double blend = 1;
        double[] shares = new double[u];
        for (int i = 0; i < u; i++) {
            if (free[i]) {
                shares[i] = mass * weight[i] / sum;
                if (shares[i] > bound && shares[i] > p[i]) {
                    blend = Math.min(blend, Math.max(0, (bound - p[i]) / (shares[i] - p[i])));
                }
            }
        }
        for (int i = 0; i < u; i++) {
            if (free[i]) {
                p[i] = (1 - blend) * p[i] + blend * shares[i];
            }
        }
        p[u] -= blend * transfer;
        return blend > 0;
    }

    /**
     * The causes a report lists for the context (indices into {@code p}): of the {@code free} ones at or above
     * {@code floor}, the first {@link #LISTED} in the report's order (probability descending, then id).
     */
    public static Set<Integer> listed(double[] p, List<CauseId> ids, boolean[] free, double floor) {
        List<Integer> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < p.length - 1; i++) {
            if (free[i] && p[i] >= floor) {
                candidates.add(i);
            }
        }
        candidates.sort(java.util.Comparator.comparingDouble((Integer i) -> -p[i]).thenComparing(i -> ids.get(i).value()));
        return Set.copyOf(candidates.subList(0, Math.min(LISTED, candidates.size())));
    }

    private static final List<String> DESCRIBED = List.of("job.failedStep", "run.conclusion", "service.status",
            "probe.kind", "http.rejected", "machine.state", "machineEvent.exitKind", "machineCheck.status",
            "log.generic");

    /**
     * A few words on the context, for a reader: at most three of its features, in a fixed order, and only features the
     * table counted (values seen in the labelled corpus, so no remote word of this failure is repeated).
     */
    String describe(Set<String> context) {
        List<String> parts = new java.util.ArrayList<>();
        for (String key : DESCRIBED) {
            for (String f : context) {
                if (parts.size() < 3 && f.startsWith(key + "=") && featureCounts.containsKey(f)) {
                    String v = f.substring(key.length() + 1).replace('_', ' ');
                    parts.add(switch (key) {
                        case "job.failedStep" -> "a job that failed at a " + v + " step";
                        case "run.conclusion" -> "a run whose conclusion is " + v;
                        case "service.status" -> "a service " + v.toUpperCase(Locale.ROOT);
                        case "probe.kind" -> "a probe that got " + v.replace(':', ' ');
                        case "http.rejected" -> "HTTP " + v + " answers";
                        case "machine.state" -> "a machine " + v;
                        case "machineEvent.exitKind" -> "a machine exit (" + v + ")";
                        case "machineCheck.status" -> "a " + v + " health check";
                        default -> "a generic log line (" + v + ")";
                    });
                    break;
                }
            }
        }
        return parts.isEmpty() ? "the kinds of things that failed" : Words.list(parts);
    }

    /** ln P(c) + the mean over the known features of ln(P(c | f) / P(c)), add-one smoothed. */
    double score(CauseId cause, Set<String> context) {
        int classes = CauseId.BUILT_IN.size();
        double prior = (causeCounts.getOrDefault(cause, 0) + 1.0) / (total + classes);
        double lift = 0;
        int used = 0;
        for (String f : context) {
            Integer n = featureCounts.get(f);
            if (n == null) {
                continue;
            }
            int joint = this.joint.getOrDefault(f, Map.of()).getOrDefault(cause, 0);
            double given = (joint + prior * classes) / (n + classes);
            lift += Math.log(given / prior);
            used++;
        }
        return Math.log(prior) + (used == 0 ? 0 : LIFT_WEIGHT * lift / used);
    }

    /**
     * The context features of a diagnosis' facts: which kinds of things failed, in the facts' own terms (a step's name
     * only as its class: build, test, deploy, setup or other).
     */
    static Set<String> features(List<Fact> facts) {
        Set<String> out = new TreeSet<>();
        for (Fact f : facts) {
            Map<String, String> a = f.attrs();
            switch (f.type()) {
                case "run" -> add(out, "run.conclusion", a.get("conclusion"));
                case "job" -> {
                    String c = a.get("conclusion");
                    if (c != null && !c.isEmpty() && !"success".equals(c) && !"skipped".equals(c)) {
                        add(out, "job.conclusion", c);
                        String step = a.get("failedStep");
                        if (step != null && !step.isEmpty()) {
                            add(out, "job.failedStep", stepClass(step));
                        }
                    }
                }
                case "probe" -> {
                    add(out, "probe.kind", a.get("source") + ":" + a.get("kind"));
                    add(out, "probe.httpClass", a.get("httpClass"));
                }
                case "http" -> {
                    if ("false".equals(a.get("accepted"))) {
                        add(out, "http.rejected", a.get("httpClass"));
                    }
                }
                case "machine" -> {
                    add(out, "machine.state", a.get("state"));
                    add(out, "machine.hostStatus", a.get("hostStatus"));
                }
                case "machineEvent" -> {
                    add(out, "machineEvent.type", a.get("type"));
                    add(out, "machineEvent.exitKind", a.get("exitKind"));
                    if ("true".equals(a.get("oomKilled"))) {
                        add(out, "machineEvent.oomKilled", "true");
                    }
                }
                case "machineCheck" -> add(out, "machineCheck.status", a.get("status"));
                case "service" -> add(out, "service.status", a.get("status"));
                case "log" -> {
                    add(out, "log.cause", a.get("causeId"));
                    if (CauseId.UNKNOWN.value().equals(a.get("causeId"))) {
                        add(out, "log.generic", a.get("indication"));
                    }
                }
                case "annotation" -> add(out, "annotation.level", a.get("level"));
                case "change" -> add(out, "change.class", a.get("class"));
                default -> add(out, "fact", f.type());
            }
        }
        return out;
    }

    private static void add(Set<String> out, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        // remote words (a machine's state) become a bounded token of safe characters
        String v = UNSAFE.matcher(value.substring(0, Math.min(value.length(), 4 * FEATURE_MAX)).toLowerCase(Locale.ROOT))
                .replaceAll("_");
        out.add(key + "=" + (v.length() > FEATURE_MAX ? v.substring(0, FEATURE_MAX) : v));
    }

    // compiled once: a diagnosis adds a feature per fact, and the calibration diagnoses tens of thousands of times
    private static final java.util.regex.Pattern UNSAFE = java.util.regex.Pattern.compile("[^a-z0-9.:/-]+");
    private static final java.util.regex.Pattern TEST = java.util.regex.Pattern.compile(
            "\\b(test|tests|spec|specs|pytest|jest|rspec|vitest|e2e|lint|check|checks|verify|cypress|playwright)\\b");
    private static final java.util.regex.Pattern BUILD = java.util.regex.Pattern.compile(
            "\\b(build|docker|image|compile|bundle|assemble|package|buildx|make)\\b");
    private static final java.util.regex.Pattern DEPLOY = java.util.regex.Pattern.compile(
            "\\b(deploy|deployment|release|flyctl|fly|kubectl|helm|apply|rollout|push|publish|migrate|migrations|"
                    + "terraform|upload|promote)\\b");
    private static final java.util.regex.Pattern SETUP = java.util.regex.Pattern.compile(
            "\\b(set up|setup|checkout|cache|install|restore|login|configure|download)\\b");

    /** A step's class by the words of its name: test, build, deploy, setup or other (in that order of precedence). */
    static String stepClass(String name) {
        String n = name.substring(0, Math.min(name.length(), 200)).toLowerCase(Locale.ROOT);
        if (TEST.matcher(n).find()) {
            return "test";
        }
        if (BUILD.matcher(n).find()) {
            return "build";
        }
        if (DEPLOY.matcher(n).find()) {
            return "deploy";
        }
        if (SETUP.matcher(n).find()) {
            return "setup";
        }
        return "other";
    }
}
