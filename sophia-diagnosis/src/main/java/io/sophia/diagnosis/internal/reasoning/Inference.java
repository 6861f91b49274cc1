package io.sophia.diagnosis.internal.reasoning;

import com.google.re2j.Pattern;
import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Deployment;
import io.sophia.core.Evidence;
import io.sophia.core.RankedCause;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.diagnosis.internal.kb.RegexGuard;
import io.sophia.diagnosis.internal.kb.Template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bayesian scoring in log-odds.
 *
 * <p>Each cause starts at the log-odds of its prior. A rule whose facts match adds ln(LR), once per
 * rule, however many subjects (services, jobs, apps) it matched: with n subjects the contribution is
 * {@code ln(LR) * min(1 + bonus * ln(n), cap)} (defaults bonus 0.5, cap 2). Five services refusing
 * connections are one correlated observation seen five times, not five independent ones, so they
 * weigh 1.8 times one service, not 5 times.
 *
 * <p>A cause none of whose rules found support gains ln(silentLr) (default 0.15) when at least one
 * of its supporting rules looks at a kind of observation that was made (logs read, machines
 * listed …): the place its evidence would show came back empty. Where nothing of the kind was
 * observed (for a rule bound to one source, {@code match: {source: host}}, nothing of the kind from that source),
 * its prior stands.
 *
 * <p>The explicit {@code unknown} hypothesis starts at its own prior and gains ln(unexplainedLr)
 * (aggregated the same way) for the failing services no strong evidence explains. Probabilities are
 * {@code exp(L_i) / (sum_j exp(L_j) + exp(L_unknown))} over every cause of the knowledge base, so
 * causes without evidence keep their prior share and weak evidence cannot reach certainty.
 *
 * <p>Calibration: every evidence term above (rules, silence, unexplained failures) is multiplied by
 * {@code evidenceScale} before normalising, priors are not; {@code Evidence.weight} shows the unscaled term, the
 * strength the rule was written with. Afterwards {@code unknown} is raised to {@code unknownFloor} when below it,
 * the other causes shrinking in proportion.
 */
final class Inference {

    /** Fact types about what changed since the last good deploy: tie-breakers that never lift a cause's silence. */
    private static final Set<String> CHANGE_FACTS = Set.of("change", "releaseSplit");

    /**
     * The source a cause has when only wrapper log lines (a step's exit, BuildKit's "failed to solve" around a RUN
     * instruction) support it strongly: not an independent specific source, not nothing (see {@link #sourceCount}).
     */
    static final String WRAPPER_LINE = "wrapper line";

    /**
     * The number of independent specific sources in {@code sources}, or -1 when a wrapper line is all there is (its cap
     * lies between that of no source and that of one). A cause's sources hold {@link #WRAPPER_LINE} only alone.
     */
    static int sourceCount(Set<String> sources) {
        return sources.contains(WRAPPER_LINE) ? -1 : sources.size();
    }

    /** A rule contribution counts as strong from this ln(LR) on (LR 3). */
    static final double STRONG = Math.log(3);

    /**
     * A log finding scored this high is read at the exact level (the built-in rules weigh it fully): a tool's own error
     * line. Only such a line can be proven evidence; a general shape (weight 0.5) is read moderately and never is.
     */
    static final double EXACT_SCORE = 0.8;

    /** A log finding scored this high says what failed (the built-in rules weigh it at least moderately). */
    static final double INNER_SCORE = Knowledge.LINE_READ_SCORE;

    /**
     * Wrappers that say a wait ended, not why: the reason is printed after them as often as before, by the step that
     * describes what was waited for (a cloud SDK's "Waiter ServicesStable failed: Max attempts exceeded", then
     * "aws ecs describe-services" listing "unable to place a task ... Capacity is unavailable"; h35-04, h36-31), or
     * reads the logs of what did not start (Cloud Run's "The user-provided container failed to start and listen on the
     * port", then "gcloud logging read" printing the container's ClassNotFoundException; h36-24).
     */
    static final Set<String> WAIT_WRAPPERS = Set.of("waiter.gave-up", "container.port-not-listening");

    /**
     * Wrappers that end one step: only an error printed inside that step says why it ran out of time (h40-14: the poll
     * that printed "not found" until the limit). One an earlier step printed and went past (a warm-up "curl ... ||
     * true" whose host did not resolve) did not keep the step that hung from finishing.
     */
    static final Set<String> STEP_WRAPPERS = Set.of("actions.step-timeout");

    /** A cause with its evidence; {@code evidenceSum} is the sum of its evidence terms before {@code evidenceScale}. */
    record Scored(Knowledge.CompiledCause cause, CauseId id, String title, double prior, double evidenceSum,
                  List<Evidence> evidence, Map<String, String> whens, double probability, Set<String> sources,
                  Set<String> keys, boolean capped) {

        /** The evidence in direction {@code d} that counted (kept-but-explained evidence has weight 0). */
        List<Evidence> direction(Evidence.Direction d) {
            return evidence.stream().filter(e -> e.direction() == d && e.weight() > 0).toList();
        }

        double weight(Evidence.Direction d) {
            return evidence.stream().filter(e -> e.direction() == d).mapToDouble(Evidence::weight).sum();
        }
    }

    /** Evidence that counted for its cause: kept-but-explained evidence (weight 0) does not. */
    static boolean countsFor(Evidence e) {
        return e.direction() == Evidence.Direction.FOR && e.weight() > 0;
    }

    record Result(List<RankedCause> ranked, List<Scored> all, Set<String> explainedByDependency,
                  Map<String, Map<String, String>> varsByRule, Set<String> context) {

        /** Placeholder values of the strongest evidence for {@code cause}, for action templates. */
        Map<String, String> vars(RankedCause cause) {
            for (Evidence e : cause.evidence()) {
                if (e.direction() == Evidence.Direction.FOR && varsByRule.containsKey(e.ruleId())) {
                    Map<String, String> v = new HashMap<>(varsByRule.get(e.ruleId()));
                    v.put("services", Words.list(cause.serviceIds()));
                    if (!cause.serviceIds().isEmpty()) {
                        v.putIfAbsent("service", cause.serviceIds().get(0));
                    }
                    return v;
                }
            }
            Map<String, String> v = new HashMap<>();
            v.put("services", Words.list(cause.serviceIds()));
            return v;
        }
    }

    private Inference() {
    }

    static Result run(Knowledge kb, Deployment deployment, List<Fact> facts, Map<String, ServiceHealth> health,
                      boolean logsRead) {
        Run run = new Run(kb, deployment, facts, health, logsRead);
        List<Scored> scored = new ArrayList<>();
        for (Knowledge.CompiledCause cause : kb.causes()) {
            scored.add(run.score(cause));
        }
        run.attachKept(scored);
        Unexplained unknown = run.unexplained(scored);
        Set<String> context = ContextPriors.features(facts);
        List<Scored> withP = run.normalise(scored, unknown, context);
        Context ctx = new Context(run.explained, dependencyMap(run.services, health, run.explained),
                notDeployed(deployment, health, facts), differentErrors(facts),
                missingEvidence(run.observed, facts, unknown.services()));
        Result partial = new Result(List.of(), withP, run.explained, run.varsByRule, context);
        return new Result(rank(withP, kb.settings().floor(), run.order, ctx, partial,
                run.listedByContext), withP, run.explained, run.varsByRule, context);
    }

    /** The failing services no strong evidence explains, and what {@code unknown} gains from them. */
    private record Unexplained(List<String> services, double logOdds, List<Evidence> evidence) {
    }

    /** The rules of one cause with the facts each matched, and those matched only on explained services. */
    private record Matches(Map<Knowledge.CompiledRule, List<Fact>> matched, Map<Knowledge.CompiledRule, List<Fact>> explained) {
    }

    /** The evidence of one cause as its rules found it. */
    private record Weighed(double logOdds, List<Evidence> evidence, Map<String, String> whens, Set<String> sources,
                           Set<String> keys) {
    }

    /** One inference: what every cause's scoring reads, built once, and what it collects on the way. */
    private static final class Run {
        private final Knowledge kb;
        private final Knowledge.CompiledSettings settings;
        private final Deployment deployment;
        private final Map<String, ServiceHealth> health;
        private final Set<String> observed = new java.util.HashSet<>();
        private final Set<String> explained;
        private final Map<String, Integer> order = new HashMap<>();
        // services by id, built once: Deployment.service(id) scans the list
        private final Map<String, Service> services = new HashMap<>();
        private final Map<String, List<Fact>> byType = new LinkedHashMap<>();
        // symptoms of services explained by a DOWN dependency: kept, shown under dependency.down with weight 0
        private final List<Evidence> kept = new ArrayList<>();
        private final Map<String, Map<String, String>> varsByRule = new HashMap<>();
        // several rules share patterns and facts share lines: each (pattern, text) is matched once
        private final Map<String, Map<String, Boolean>> found = new HashMap<>();
        // a wrapper line is matched against its cause's other indications once per diagnosis, not once per rule
        private final Map<Fact, Boolean> specific = new java.util.IdentityHashMap<>();

        Run(Knowledge kb, Deployment deployment, List<Fact> facts, Map<String, ServiceHealth> health, boolean logsRead) {
            this.kb = kb;
            this.settings = kb.settings();
            this.deployment = deployment;
            this.health = health;
            for (Fact f : facts) {
                observed.add(f.type());
                byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
            }
            if (logsRead) {
                observed.add("log");
            }
            this.explained = explainedByDependency(deployment, health);
            for (int i = 0; i < deployment.services().size(); i++) {
                Service s = deployment.services().get(i);
                order.put(s.id(), i);
                services.put(s.id(), s);
            }
        }

        // per job, the specific log findings (not wrappers, at least moderately scored, of a named cause)
        private Map<String, List<Fact>> innerErrors;

        /**
         * The specific finding of another cause printed before the wrapper line {@code f} in the same job, or on its
         * line, or null: the innermost specific error is the cause, the wrapper only says which step failed. For a
         * waiter ({@link #WAIT_WRAPPERS}) a finding printed after it counts too, anywhere later in the job: the step
         * that describes what was waited for prints the reason after the wait ended.
         */
        Fact wrappedInner(Fact f) {
            if (innerErrors == null) {
                innerErrors = new HashMap<>();
                for (Fact g : byType.getOrDefault("log", List.of())) {
                    Double score = number(g.attrs().get("score"));
                    String c = g.attrs().getOrDefault("causeId", "");
                    if (score != null && score >= INNER_SCORE && !c.equals(CauseId.UNKNOWN.value())
                            && specific(g)) {
                        innerErrors.computeIfAbsent(g.attrs().getOrDefault("job", ""), k -> new ArrayList<>()).add(g);
                    }
                }
            }
            String indication = f.attrs().get("indication");
            if (indication == null || !settings.wrappers().contains(indication)) {
                return null;
            }
            List<Fact> inner = innerErrors.getOrDefault(f.attrs().getOrDefault("job", ""), List.of());
            if (inner.isEmpty() || specific(f)) {
                return null;
            }
            Double line = number(f.attrs().get("lineNumber"));
            String cause = f.attrs().getOrDefault("causeId", "");
            for (Fact g : inner) {
                Double l = number(g.attrs().get("lineNumber"));
                String innerCause = g.attrs().getOrDefault("causeId", "");
                // phase: a running app's failure printed inside an image build (a heap exhausted by RUN yarn build) is
                // the build's failure, so it does not take the build wrapper's place
                boolean runtimeInBuild = cause.equals(CauseId.BUILD_DOCKERFILE.value()) && innerCause.startsWith("app.");
                // printed before the wrapper, or, for an image build's wrapper, quoted by it on the same line ("failed
                // to fetch an image or build from source: error connecting to docker: Couldn't allocate volume, not
                // enough compute capacity left"). Two readings of another line are not one inside the other: flyctl's
                // "smoke checks ... failed: the app appears to be crashing" is one guess, whichever reading wins
                boolean quoted = cause.equals(CauseId.BUILD_DOCKERFILE.value()) && l != null && l.equals(line);
                boolean explainsWait = WAIT_WRAPPERS.contains(indication);
                if (STEP_WRAPPERS.contains(indication) && !java.util.Objects.equals(g.attrs().get("step"),
                        f.attrs().get("step"))) {
                    continue;
                }
                if (!innerCause.equals(cause) && !runtimeInBuild && l != null && line != null
                        && (l < line || quoted || explainsWait)) {
                    return g;
                }
            }
            return null;
        }

        Scored score(Knowledge.CompiledCause cause) {
            Matches matches = match(cause);
            // which subjects have a specific log line for this cause, whichever rule of a group ends up counting it
            Set<String> specificLogSubjects = specificLogSubjects(matches.matched());
            keepStrongestOfEachGroup(matches.matched());
            Weighed w = weigh(cause, matches.matched(), specificLogSubjects);
            keep(cause, matches.explained());
            double logOdds = w.logOdds();
            // what changed since the last good deploy breaks ties, it does not decide: a cause supported only by a
            // changed file or a new image is still one whose own evidence (logs, events) came back empty
            if (w.evidence().stream().noneMatch(e -> countsFor(e) && !CHANGE_FACTS.contains(w.whens().get(e.ruleId())))
                    && cause.rules().stream().anyMatch(r -> r.lr() > 1 && looked(r)
                            // an answer's body says something only when a service answers with words: one without
                            // them is no place where the cause's evidence came back empty, nor is an expectation's text
                            && !Knowledge.CARRIED_TEXT_RULE_IDS.contains(r.id()))) {
                // its rules looked where its evidence would show and found nothing: mild evidence against;
                // when that source was not observed at all, silence means nothing and the prior stands
                logOdds += Math.log(settings.silentLr());
            }
            return new Scored(cause, cause.id(), cause.title(), cause.prior(), logOdds, sortEvidence(w.evidence()),
                    w.whens(), 0, w.sources(), w.keys(), false);
        }

        /**
         * True when {@code rule} looked where its evidence would show: a fact of its type was observed and, for a rule
         * that reads one source's facts only ({@code match: {source: host}}: a host's build record, a platform API's
         * answer), one from that source. A refused service probe is no place where a host's record came back empty: a
         * rule that could not have matched it says nothing by its silence (session 39: ci.timeout's
         * host-build-record-timed-out, its only probe rule, weighed ci.timeout down under every service probe and
         * lifted a weak tie-breaker's cause above 0.5).
         */
        private boolean looked(Knowledge.CompiledRule rule) {
            if (!observed.contains(rule.when())) {
                return false;
            }
            List<String> sources = rule.match().get("source");
            if (sources == null || sources.isEmpty()) {
                return true;
            }
            return lookedAt.computeIfAbsent(rule.when() + " " + sources,
                    k -> byType.getOrDefault(rule.when(), List.of()).stream().anyMatch(f -> {
                        String v = f.attrs().get("source");
                        return v != null && sources.stream().anyMatch(v::equalsIgnoreCase);
                    }));
        }

        // per (fact type, sources) of a source-bound rule: whether a fact of that type came from one of the sources
        private final Map<String, Boolean> lookedAt = new HashMap<>();

        private Matches match(Knowledge.CompiledCause cause) {
            boolean isDependency = cause.id().equals(CauseId.DEPENDENCY_DOWN);
            Map<Knowledge.CompiledRule, List<Fact>> matchedByRule = new LinkedHashMap<>();
            Map<Knowledge.CompiledRule, List<Fact>> explainedByRule = new LinkedHashMap<>();
            for (Knowledge.CompiledRule rule : cause.rules()) {
                List<Fact> matched = new ArrayList<>();
                for (Fact f : byType.getOrDefault(rule.when(), List.of())) {
                    // an explained service's symptoms are its dependency's doing: they support no cause of its
                    // own, but what they rule out (lr < 1: "the platform API answered for it") still holds; they
                    // are kept and shown, with the reason they do not count
                    if (!isDependency && rule.lr() > 1 && f.runtime() && f.serviceId() != null
                            && explained.contains(f.serviceId()) && !readsUnresolvedDependency(cause, f)) {
                        if (matches(rule, f, found)) {
                            explainedByRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(f);
                        }
                        continue;
                    }
                    if (rule.lr() > 1 && !rule.weak() && f.type().equals("log") && wrappedInner(f) != null) {
                        continue;
                    }
                    if (matches(rule, f, found)) {
                        matched.add(f);
                    }
                }
                matchedByRule.put(rule, matched);
            }
            return new Matches(matchedByRule, explainedByRule);
        }

        /**
         * Issue 9, session 44 (r44-left, p197-31): true when {@code f}, on a service a DOWN dependency explains, is read
         * for {@code network.dns} and names that dependency, which is DOWN only because its own name does not resolve
         * (the fact's {@code namesUnresolvedDependency}): the dependency's DOWN is the name's failure, so the dependent's
         * "getaddrinfo ENOTFOUND photos_redis" is that failure's evidence, not a symptom of an outage it would explain.
         */
        private static boolean readsUnresolvedDependency(Knowledge.CompiledCause cause, Fact f) {
            return cause.id().equals(CauseId.NETWORK_DNS) && "true".equals(f.attrs().get("namesUnresolvedDependency"));
        }

        /** {@link #specificLog} of {@code f}, computed once per diagnosis. */
        private boolean specific(Fact f) {
            return specific.computeIfAbsent(f, x -> specificLog(x, settings.wrappers(), kb.indications()));
        }

        private Set<String> specificLogSubjects(Map<Knowledge.CompiledRule, List<Fact>> matchedByRule) {
            Set<String> out = new java.util.HashSet<>();
            for (Map.Entry<Knowledge.CompiledRule, List<Fact>> e : matchedByRule.entrySet()) {
                if (e.getKey().when().equals("log") && e.getKey().lr() > 1 && !e.getKey().weak()) {
                    for (Fact f : e.getValue()) {
                        if (specific(f)) {
                            out.add(f.subject());
                        }
                    }
                }
            }
            return out;
        }

        /** Each rule's contribution, once per rule, aggregated over the subjects it matched. */
        private Weighed weigh(Knowledge.CompiledCause cause, Map<Knowledge.CompiledRule, List<Fact>> matchedByRule,
                              Set<String> specificLogSubjects) {
            double logOdds = 0;
            List<Evidence> evidence = new ArrayList<>();
            Map<String, String> whens = new HashMap<>();
            Set<String> sources = new java.util.TreeSet<>();
            Set<String> keys = new java.util.TreeSet<>();
            boolean wrapped = false;
            for (Knowledge.CompiledRule rule : cause.rules()) {
                List<Fact> matched = matchedByRule.get(rule);
                Set<String> subjects = subjects(matched);
                int n = countsTenants(rule) ? tenants(rule, matched) : subjects.size();
                if (n == 0 || n < rule.minCount()) {
                    continue;
                }
                double contribution = Math.log(rule.lr()) * aggregation(n);
                logOdds += contribution;
                String key = cause.id() + "/" + rule.id();
                evidence.add(new Evidence(contribution > 0 ? Evidence.Direction.FOR : Evidence.Direction.AGAINST,
                        round(Math.abs(contribution)), render(rule, matched, subjects, order, varsByRule, key), key,
                        Inference.services(matched, order)));
                whens.put(key, rule.when());
                boolean specific = !rule.weak() && (!rule.when().equals("log") || matched.stream()
                        .anyMatch(f -> specificLogSubjects.contains(f.subject())));
                if (contribution >= STRONG - 1e-9 && specific) {
                    sources.add(sourceFamily(cause.id(), rule, matched));
                    keys.addAll(evidenceKeys(cause, rule, matched, specificLogSubjects));
                } else if (contribution >= STRONG - 1e-9 && !rule.weak() && rule.when().equals("log")) {
                    wrapped = true;
                }
            }
            if (sources.isEmpty() && wrapped) {
                sources.add(WRAPPER_LINE);
            }
            return new Weighed(logOdds, evidence, whens, sources, keys);
        }

        /**
         * What names the evidence a strong specific rule found, for {@code provenEvidence}: for a log rule, the
         * indication of each specific line of the cause's own indications read at the exact level (score at least
         * {@link #EXACT_SCORE}: a tool's own error, not a general shape, which is read moderately and stays unproven);
         * for the other kinds, the rule ({@code cause/rule}).
         */
        private Set<String> evidenceKeys(Knowledge.CompiledCause cause, Knowledge.CompiledRule rule, List<Fact> matched,
                                         Set<String> specificLogSubjects) {
            Set<String> out = new java.util.TreeSet<>();
            if (!rule.when().equals("log")) {
                out.add(cause.id() + "/" + rule.id());
                return out;
            }
            for (Fact f : matched) {
                String indication = f.attrs().get("indication");
                if (indication != null && cause.id().value().equals(f.attrs().get("causeId"))
                        && specificLogSubjects.contains(f.subject()) && score(f) >= EXACT_SCORE - 1e-9
                        && specific(f)) {
                    out.add(indication);
                }
            }
            return out;
        }

        private static double score(Fact f) {
            Double score = number(f.attrs().get("score"));
            return score == null ? 0 : score;
        }

        /** {@code min(1 + bonus * ln(n), cap)}: how much n subjects weigh against one. */
        private double aggregation(int n) {
            return Math.min(1 + settings.aggregationBonus() * Math.log(n), settings.aggregationCap());
        }

        /** Keeps, with weight 0 and the reason, what a cause's rules matched on services a DOWN dependency explains. */
        private void keep(Knowledge.CompiledCause cause, Map<Knowledge.CompiledRule, List<Fact>> explainedByRule) {
            for (Map.Entry<Knowledge.CompiledRule, List<Fact>> e : explainedByRule.entrySet()) {
                List<Fact> shown = e.getValue();
                Set<String> subjects = new LinkedHashSet<>();
                Set<String> depSet = new LinkedHashSet<>();
                for (Fact f : shown) {
                    subjects.add(f.subject());
                    depSet.addAll(downDependencies(services, health, List.of(f.serviceId())));
                }
                List<String> deps = new ArrayList<>(depSet);
                String key = cause.id() + "/" + e.getKey().id();
                String text = render(e.getKey(), shown, subjects, order, new HashMap<>(), key);
                List<String> on = Inference.services(shown, order);
                kept.add(new Evidence(Evidence.Direction.FOR, 0, text + " It would point to " + cause.id()
                        + "; not counted: " + Words.list(on) + " depends on " + Words.list(deps)
                        + ", which is DOWN, so this is expected whatever else is wrong.", key, on));
            }
        }

        /** Shows the kept evidence under {@code dependency.down}. */
        void attachKept(List<Scored> scored) {
            if (kept.isEmpty()) {
                return;
            }
            for (int i = 0; i < scored.size(); i++) {
                Scored s = scored.get(i);
                if (s.id().equals(CauseId.DEPENDENCY_DOWN)) {
                    List<Evidence> all = new ArrayList<>(s.evidence());
                    all.addAll(kept);
                    Map<String, String> whens = new HashMap<>(s.whens());
                    for (Evidence e : kept) {
                        whens.put(e.ruleId(), "kept");
                    }
                    scored.set(i, new Scored(s.cause(), s.id(), s.title(), s.prior(), s.evidenceSum(), all, whens,
                            s.probability(), s.sources(), s.keys(), s.capped()));
                }
            }
        }

        /** The explicit unknown: failing services that no strong evidence explains. */
        Unexplained unexplained(List<Scored> scored) {
            boolean deploymentWideStrong = false;
            Set<String> covered = new java.util.HashSet<>();
            for (Scored s : scored) {
                // weak signals (a step's name, an exit without text, "the deploy succeeded yet it is down") break ties,
                // they never decide alone: they do not explain a failing service away from unknown
                Set<String> weak = ruleKeys(s, Knowledge.CompiledRule::weak);
                Set<String> logRules = ruleKeys(s, r -> "log".equals(r.when()));
                boolean logTakenBack = logTakenBack(s, logRules, weak);
                for (Evidence e : s.evidence()) {
                    if (e.direction() == Evidence.Direction.FOR && e.weight() >= STRONG - 1e-9
                            && !weak.contains(e.ruleId()) && !(logTakenBack && logRules.contains(e.ruleId()))) {
                        if (e.serviceIds().isEmpty()) {
                            deploymentWideStrong = true;
                        }
                        covered.addAll(e.serviceIds());
                        if (chainRule(s.whens().get(e.ruleId()))) {
                            // dependency.down names the dependency as the root of the failure: it explains that too
                            covered.addAll(downDependencies(services, health, e.serviceIds()));
                        } else if (s.id().equals(CauseId.NETWORK_DNS)) {
                            // a dependent's words for its dependency's name not resolving (readsUnresolvedDependency)
                            // explain that dependency's DOWN, which is the name's failure
                            covered.addAll(downDependencies(services, health, e.serviceIds().stream()
                                    .filter(explained::contains).toList()));
                        }
                    }
                }
            }
            List<String> unexplained = new ArrayList<>();
            for (Service s : deployment.services()) {
                Status st = health.get(s.id()).status();
                if ((st == Status.DOWN || st == Status.DEGRADED) && !explained.contains(s.id())
                        && !covered.contains(s.id()) && !deploymentWideStrong) {
                    unexplained.add(s.id());
                }
            }
            return unknownTerm(unexplained, deploymentWideStrong || !covered.isEmpty());
        }

        /** The keys ({@code cause/rule}) of the cause's rules that {@code which} accepts. */
        private static Set<String> ruleKeys(Scored s, java.util.function.Predicate<Knowledge.CompiledRule> which) {
            Set<String> keys = new java.util.HashSet<>();
            if (s.cause() != null) {
                for (Knowledge.CompiledRule r : s.cause().rules()) {
                    if (which.test(r)) {
                        keys.add(s.id() + "/" + r.id());
                    }
                }
            }
            return keys;
        }

        /**
         * Issue 9, session 32 (rules32e): true when the strong readings of log lines for this cause are taken back by
         * its own log rules (an offset at least as heavy, written to say the line is not the cause's: a push
         * notification's error status read as a registry's, p148-31); such readings explain nothing, the cause's other
         * strong evidence still does.
         */
        private static boolean logTakenBack(Scored s, Set<String> logRules, Set<String> weak) {
            double logFor = 0;
            double logAgainst = 0;
            for (Evidence e : s.evidence()) {
                if (!logRules.contains(e.ruleId())) {
                    continue;
                }
                if (e.direction() == Evidence.Direction.AGAINST) {
                    logAgainst += e.weight();
                } else if (e.weight() >= STRONG - 1e-9 && !weak.contains(e.ruleId())) {
                    logFor += e.weight();
                }
            }
            return logFor > 0 && logAgainst >= logFor - 1e-9;
        }

        private Unexplained unknownTerm(List<String> unexplained, boolean anyStrong) {
            int n = unexplained.size() + (unexplained.isEmpty() && !anyStrong ? 1 : 0);
            if (n == 0) {
                return new Unexplained(unexplained, 0, List.of());
            }
            double c = Math.log(settings.unexplainedLr()) * aggregation(n);
            String text = unexplained.isEmpty()
                    ? "No rule of the knowledge base found strong evidence for any cause of this failure."
                    : unexplained.size() == 1
                    ? unexplained.get(0) + " is failing and no observation strongly explains why."
                    : unexplained.size() + " failing services (" + Words.list(unexplained) + ") are not explained by "
                    + "any strong evidence.";
            return new Unexplained(unexplained, c, List.of(new Evidence(c > 0 ? Evidence.Direction.FOR
                    : Evidence.Direction.AGAINST, round(Math.abs(c)), text, "unknown/unexplained", unexplained)));
        }

        /**
         * The causes without evidence that {@link #normalise} lists for the failure's context (empty unless the context
         * shared their probability; {@link ContextPriors#listed}).
         */
        private Set<CauseId> listedByContext = Set.of();

        /**
         * The causes and {@code unknown} with their probabilities, most probable first; the causes without evidence
         * share theirs by the failure's {@code context} ({@link ContextPriors}).
         */
        List<Scored> normalise(List<Scored> scored, Unexplained unknownTerm, Set<String> context) {
            int u = scored.size();
            double[] prior = new double[u + 1];
            double[] sums = new double[u + 1];
            int[] sourceCounts = new int[u + 1];
            List<Set<String>> keys = new ArrayList<>();
            for (int i = 0; i < u; i++) {
                prior[i] = scored.get(i).prior();
                sums[i] = scored.get(i).evidenceSum();
                sourceCounts[i] = sourceCount(scored.get(i).sources());
                keys.add(scored.get(i).keys());
            }
            keys.add(Set.of());
            prior[u] = settings.unknownPrior();
            sums[u] = unknownTerm.logOdds();
            double[] p = Calibration.probabilities(prior, sums, sourceCounts, keys, settings);
            List<CauseId> ids = new ArrayList<>();
            boolean[] free = new boolean[u + 1];
            for (int i = 0; i < u; i++) {
                ids.add(scored.get(i).id());
                free[i] = scored.get(i).evidence().stream().noneMatch(Inference::countsFor);
            }
            ids.add(CauseId.UNKNOWN);
            if (ContextPriors.builtIn().share(p, ids, free, context, settings.unknownFloor())) {
                listedByContext = ContextPriors.listed(p, ids, free, settings.floor()).stream().map(ids::get)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
            }
            List<Scored> withP = new ArrayList<>();
            for (int i = 0; i < u; i++) {
                Scored s = scored.get(i);
                double cap = settings.cap(sourceCount(s.sources()), s.keys());
                withP.add(new Scored(s.cause(), s.id(), s.title(), s.prior(), s.evidenceSum(), s.evidence(), s.whens(),
                        p[i], s.sources(), s.keys(), p[i] >= cap - 1e-12 && cap < 1));
            }
            withP.add(new Scored(null, CauseId.UNKNOWN, "Unknown cause", settings.unknownPrior(), unknownTerm.logOdds(),
                    unknownTerm.evidence(), Map.of("unknown/unexplained", "unknown"), p[u], Set.of(), Set.of(), false));
            withP.sort(Comparator.comparingDouble(Scored::probability).reversed().thenComparing(s -> s.id().value()));
            return withP;
        }
    }

    /**
     * Whether {@code rule} counts tenants rather than services: a probe rule that needs several subjects and whose
     * target pattern names a group {@code tenant} (several tenants at a provider failing at once). Two services of
     * one tenant are that tenant failing (two paths of one Supabase project both answering 521 are that project,
     * supabase discussion #48947), not the provider failing for several.
     */
    private static boolean countsTenants(Knowledge.CompiledRule rule) {
        String target = rule.pattern().get("target");
        return rule.minCount() > 1 && "probe".equals(rule.when()) && target != null && target.contains("(?P<tenant>");
    }

    /** The distinct tenants (the target's group {@code tenant}) of the facts; a fact without one counts as its subject. */
    private static int tenants(Knowledge.CompiledRule rule, List<Fact> facts) {
        Pattern p = RegexGuard.compile(rule.pattern().get("target")); // compiled once, as matches() compiled it
        Set<String> tenants = new java.util.HashSet<>();
        for (Fact f : facts) {
            String target = f.attrs().get("target");
            com.google.re2j.Matcher m = target == null ? null : p.matcher(target);
            String tenant = m != null && m.find() ? m.group("tenant") : null;
            tenants.add(tenant == null || tenant.isEmpty() ? "subject:" + f.subject()
                    : "tenant:" + tenant.toLowerCase(java.util.Locale.ROOT));
        }
        return tenants.size();
    }

    private static Set<String> subjects(List<Fact> facts) {
        Set<String> subjects = new LinkedHashSet<>();
        for (Fact f : facts) {
            subjects.add(f.subject());
        }
        return subjects;
    }

    /** Sentences on jobs that failed at the same step with different errors. */
    private static List<String> differentErrors(List<Fact> facts) {
        List<String> out = new ArrayList<>();
        for (Fact f : facts) {
            if (f.type().equals("commonStep") && "false".equals(f.attrs().get("sameError"))) {
                out.add(f.vars().get("jobs") + " failed at the same step \"" + f.attrs().get("step")
                        + "\" but with different errors, so each needs its own fix.");
            }
        }
        return out;
    }

    /**
     * What the report says beside the probabilities: services explained by a DOWN dependency (with
     * those dependencies), DOWN services whose deploy jobs were skipped or cancelled in a failed run,
     * and sentences on jobs that failed at the same step with different errors.
     */
    private record Context(Set<String> explained, Map<String, List<String>> dependencies, List<String> notDeployed,
                           List<String> differentErrors, List<String> missing) {
    }

    /**
     * What {@code unknown} says is missing and how to get it: the kinds of evidence that were not observed at all,
     * then the application's own output, which no probe reads.
     */
    static List<String> missingEvidence(Set<String> observed, List<Fact> facts, List<String> unexplained) {
        List<String> out = new ArrayList<>();
        boolean ci = observed.contains("run") || observed.contains("job");
        if (!ci) {
            out.add("No CI run was read: point Sophia at the run that deployed (sophia explain RUN_URL, or "
                    + "pipeline.github with repository and runId, or workflow and branch) so a failed build or deploy "
                    + "can be told from a failing app.");
        }
        if (!observed.contains("log")) {
            out.add("No CI log was read: read the failed job's log (gh run view RUN_ID --log-failed, or give Sophia a "
                    + "token that can read Actions logs); the error printed just before the step failed usually names "
                    + "the cause.");
        }
        if (!observed.contains("machine")) {
            out.add("No platform machines were listed: list them with their events and checks (fly machines list -a APP, "
                    + "fly status, or platform.fly in the config); exit codes, OOM kills and health checks tell a crash "
                    + "from a platform problem.");
        }
        String who = unexplained.isEmpty() ? "the failing services" : Words.list(unexplained);
        out.add("Read the application's own output around the failure for " + who + " (fly logs -a APP, or the "
                + "service's log): a stack trace, a missing setting or an out-of-memory kill there names the cause.");
        if (ci) {
            out.add("Compare with the last good deploy: what changed in the image, the configuration or the "
                    + "dependencies since then.");
        }
        return out;
    }

    /** Each explained service with the DOWN services it depends on directly. */
    private static Map<String, List<String>> dependencyMap(Map<String, Service> services, Map<String, ServiceHealth> health,
                                                           Set<String> explained) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String id : explained) {
            out.put(id, new ArrayList<>(downDependencies(services, health, List.of(id))));
        }
        return out;
    }

    /** DOWN services whose deploy jobs, in a run that failed, were all skipped or cancelled: their deploy never ran. */
    private static List<String> notDeployed(Deployment deployment, Map<String, ServiceHealth> health, List<Fact> facts) {
        boolean runFailed = facts.stream().anyMatch(f -> f.type().equals("run")
                && Facts.failedConclusion(f.attrs().get("conclusion")));
        Map<String, Boolean> stopped = new HashMap<>();
        for (Fact f : facts) {
            String svc = f.attrs().get("service");
            if (f.type().equals("job") && svc != null && !svc.isEmpty()) {
                String c = f.attrs().getOrDefault("conclusion", "");
                boolean s = c.equals("skipped") || c.equals("cancelled");
                stopped.merge(svc, s, Boolean::logicalAnd);
            }
        }
        List<String> out = new ArrayList<>();
        if (runFailed) {
            for (Service s : deployment.services()) {
                if (health.get(s.id()).status() == Status.DOWN && stopped.getOrDefault(s.id(), false)) {
                    out.add(s.id());
                }
            }
        }
        return out;
    }

    /** True when the cause rests on evidence from the CI run (its logs, jobs or steps): a cause that stopped the run. */
    private static boolean stoppedTheRun(Scored s) {
        if (s.id().equals(CauseId.UNKNOWN) || s.id().equals(CauseId.DEPENDENCY_DOWN)) {
            return false;
        }
        for (Evidence e : s.evidence()) {
            if (e.direction() == Evidence.Direction.FOR && e.weight() >= STRONG - 1e-9) {
                String when = s.whens().getOrDefault(e.ruleId(), "");
                if (Set.of("log", "job", "step", "commonStep", "annotation").contains(when)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Within a group of alternative rules, each subject counts only for the strongest rule that matched it. */
    private static void keepStrongestOfEachGroup(Map<Knowledge.CompiledRule, List<Fact>> matchedByRule) {
        Map<String, Map<String, Knowledge.CompiledRule>> best = new HashMap<>();
        for (Map.Entry<Knowledge.CompiledRule, List<Fact>> e : matchedByRule.entrySet()) {
            Knowledge.CompiledRule r = e.getKey();
            if (r.group() == null) {
                continue;
            }
            Map<String, Knowledge.CompiledRule> bySubject = best.computeIfAbsent(r.group(), k -> new HashMap<>());
            for (Fact f : e.getValue()) {
                bySubject.merge(f.subject(), r, (a, b) -> Math.abs(Math.log(b.lr())) > Math.abs(Math.log(a.lr())) ? b : a);
            }
        }
        for (Map.Entry<Knowledge.CompiledRule, List<Fact>> e : matchedByRule.entrySet()) {
            Knowledge.CompiledRule r = e.getKey();
            if (r.group() != null) {
                Map<String, Knowledge.CompiledRule> bySubject = best.get(r.group());
                e.setValue(e.getValue().stream().filter(f -> bySubject.get(f.subject()) == r).toList());
            }
        }
    }

    private static List<RankedCause> rank(List<Scored> all, double floor, Map<String, Integer> order, Context ctx,
                                          Result result, Set<CauseId> byContext) {
        List<Scored> reported = reported(all, floor, byContext);
        List<RankedCause> out = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            Scored s = reported.get(i);
            double p = Math.floor(s.probability() * 10000) / 10000; // rounding down keeps the sum <= 1
            Confidence conf = confidence(s, reported, i);
            // a set: a cause can name every service of a large fleet, and a list's contains made this quadratic
            Set<String> named = new LinkedHashSet<>();
            for (Evidence e : s.evidence()) {
                if (countsFor(e)) {
                    named.addAll(e.serviceIds());
                }
            }
            // attribution only, the probabilities stand: a CI cause that stopped the run also left the
            // services whose deploys were skipped or cancelled without a release
            List<String> stopped = new ArrayList<>();
            if (i == 0 && stoppedTheRun(s)) {
                for (String id : ctx.notDeployed()) {
                    if (named.add(id)) {
                        stopped.add(id);
                    }
                }
            }
            boolean dependencyReported = reported.stream().anyMatch(r -> r.id().equals(CauseId.DEPENDENCY_DOWN));
            String explanation = byContext.contains(s.id())
                    ? Explanations.listedForContext(s, ContextPriors.builtIn().describe(result.context()))
                    : i == 0
                    ? Explanations.top(s, conf, all, ctx.explained(), dependencyReported, ctx.dependencies(), stopped,
                    stoppedTheRun(s) ? ctx.differentErrors() : List.of())
                    : Explanations.other(s, conf, reported.get(0));
            List<String> services = new ArrayList<>(named);
            services.sort(Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
            if (s.capped()) {
                explanation = explanation + heldBecause(s, p);
            }
            List<String> next;
            if (s.id().equals(CauseId.UNKNOWN)) {
                next = ctx.missing();
            } else {
                RankedCause draft = new RankedCause(s.id(), s.title(), p, conf, explanation, s.evidence(), services);
                Map<String, String> vars = result.vars(draft);
                next = s.cause().nextChecks().stream().map(t -> Template.render(t, vars)).toList();
            }
            out.add(new RankedCause(s.id(), s.title(), p, conf, explanation, s.evidence(), services, next));
        }
        return out;
    }

    /**
     * The hypotheses a report lists, in order: those with evidence for them and {@code unknown}, at or above the floor,
     * and the causes without evidence that the failure's context ranked ({@code byContext}, {@link ContextPriors#listed}).
     * The other causes without evidence only carry their prior: they count in the normalisation, not in the report.
     */
    private static List<Scored> reported(List<Scored> all, double floor, Set<CauseId> byContext) {
        List<Scored> reported = new ArrayList<>();
        for (Scored s : all) {
            boolean hasFor = s.evidence().stream().anyMatch(Inference::countsFor);
            if (s.probability() >= floor && (hasFor || s.id().equals(CauseId.UNKNOWN) || byContext.contains(s.id()))) {
                reported.add(s);
            }
        }
        return reported;
    }

    private static Confidence confidence(Scored s, List<Scored> reported, int rank) {
        if (s.id().equals(CauseId.UNKNOWN)) {
            return Confidence.LOW;
        }
        double forW = 0;
        double againstW = 0;
        Set<String> families = new LinkedHashSet<>();
        int forRules = 0;
        for (int i = 0; i < s.evidence().size(); i++) {
            Evidence e = s.evidence().get(i);
            if (countsFor(e)) {
                forW += e.weight();
                forRules++;
            } else {
                againstW += e.weight();
            }
        }
        for (Evidence e : s.evidence()) {
            if (countsFor(e)) {
                families.add(family(e, s));
            }
        }
        double next = rank + 1 < reported.size() ? reported.get(rank + 1).probability() : 0;
        double margin = s.probability() - (rank == 0 ? next : reported.get(0).probability());
        // HIGH needs amount (weight), strength (probability, margin) and agreement (two kinds of source)
        if (s.probability() >= 0.6 && forW >= 3 && forRules >= 2 && families.size() >= 2 && againstW < forW / 3
                && margin >= 0.3) {
            return Confidence.HIGH;
        }
        if (s.probability() >= 0.3 && forW >= 1.5) {
            return Confidence.MEDIUM;
        }
        return Confidence.LOW;
    }

    private static String family(Evidence e, Scored s) {
        String when = s.whens().getOrDefault(e.ruleId(), "other");
        return switch (when) {
            case "job", "step", "commonStep", "cancelledAfterFailure", "run", "annotation" -> "ci";
            case "machine", "machineEvent", "machineCheck" -> "platform";
            case "probe", "http", "condition", "tls", "dns", "tcp", "mcp", "service" -> "probe";
            default -> when;
        };
    }

    /** Why a capped cause's number is not higher: honest confidence is bounded by independent evidence. */
    private static String heldBecause(Scored s, double p) {
        return " It is held at " + Words.percent(p) + " because it rests on "
                + (s.sources().isEmpty() ? "weak signals only (names, exit codes, generic lines)"
                : sourceCount(s.sources()) < 0 ? "a line that says which step failed, not why (no error printed before"
                + " it was recognised)"
                : Words.plural(sourceCount(s.sources()), "independent kind", "independent kinds") + " of evidence ("
                + String.join(", ", s.sources()) + ")")
                + "; another kind saying the same would raise it.";
    }

    /**
     * True when a log finding is a specific source: its indication is not a wrapper, or its line also says what
     * failed (a wrapper such as BuildKit's "failed to solve: process … did not complete successfully" that quotes
     * the failed instruction; the built-in indications of the same cause decide).
     */
    static boolean specificLog(Fact f, Set<String> wrappers, List<Knowledge.CompiledIndication> indications) {
        String indication = f.attrs().get("indication");
        if (indication == null || !wrappers.contains(indication)) {
            return true;
        }
        String line = f.attrs().getOrDefault("line", "");
        String cause = f.attrs().getOrDefault("causeId", "");
        for (Knowledge.CompiledIndication i : indications) {
            if (i.causeId().equals(cause) && !wrappers.contains(i.id()) && !i.id().equals(indication)) {
                for (String p : i.patterns()) {
                    if (RegexGuard.compile(p).matcher(line).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True for the fact types of a failing chain: a DOWN or a DEGRADED service whose dependency is DOWN. */
    private static boolean chainRule(String when) {
        return "dependency".equals(when) || "degradedDependency".equals(when);
    }

    // flyctl's lines that end its wait for the machines' health checks (indications/app.yaml); Set.of: never ask it of null
    private static final Set<String> FLY_CHECK_WAITS = Set.of("fly.health-check-timeout", "fly.health-watch-failed");

    /**
     * The source family of {@code rule} of {@code cause} that matched {@code matched}: that of
     * {@link #sourceFamily(io.sophia.core.CauseId, Knowledge.CompiledRule)}, but a log rule of
     * {@code app.healthcheck-failing} that matched only flyctl's lines ending its wait for the machines' health checks
     * ({@link #FLY_CHECK_WAITS}) is of the platform: flyctl reads the Machines API's check status, so its line and a
     * machine's critical check are one verdict printed twice (h52-21).
     */
    static String sourceFamily(io.sophia.core.CauseId cause, Knowledge.CompiledRule rule, List<Fact> matched) {
        if (io.sophia.core.CauseId.APP_HEALTHCHECK_FAILING.equals(cause) && "log".equals(rule.when()) && !matched.isEmpty()
                && matched.stream().allMatch(f -> f.attrs().get("indication") != null
                        && FLY_CHECK_WAITS.contains(f.attrs().get("indication")))) {
            return "platform";
        }
        // a line of a name that does not resolve, naming a service whose own name a probe found failing, is the same name
        // seen fail twice: one source with the probe (h77-37: the dependent's "lookup argocd-redis on 10.96.0.10:53: no
        // such host" and the probe's NXDOMAIN for argocd-redis stated network.dns at 0.97 for a dependency not deployed)
        if (io.sophia.core.CauseId.NETWORK_DNS.equals(cause) && "log".equals(rule.when()) && !matched.isEmpty()
                && matched.stream().allMatch(f -> "true".equals(f.attrs().get("namesFailingName")))) {
            return "probe";
        }
        // a dependent's bare "connection refused" (only the general shape read) is the dependency's refusal seen from the
        // dependent: one source with the topology's (the dependency's own probe refused), not a second one (p130-20: a
        // Service whose selector matches no pod refuses the probe and the migration alike; once the wording that tells
        // the two apart was unseen, the two views of one refusal stated dependency.down at 0.95)
        if (io.sophia.core.CauseId.DEPENDENCY_DOWN.equals(cause) && "log".equals(rule.when()) && !matched.isEmpty()
                && matched.stream().allMatch(f -> REFUSED_GENERIC.equals(f.attrs().get("indication")))) {
            return sourceFamily("dependency"); // the chain rules' family, so that the two count once
        }
        return sourceFamily(cause, rule);
    }

    private static final String REFUSED_GENERIC = "dependency.connection-refused-generic";

    /**
     * The source family of {@code rule} of {@code cause}: that of its fact type ({@link #sourceFamily(String)}), but
     * <ul>
     * <li>a rule reading the words of a machine's exit detail (the engine's or a knowledge-base pattern's) or of a
     *     service's error answer (the engine's) is of the log: they are the app's line carried by the platform or the
     *     answer, one source with the same words in a log;</li>
     * <li>a rule on a dependency failing on its certificate is of the TLS handshake that shows it;</li>
     * <li>a rule of {@code app.healthcheck-failing} on a machine's event, its detail too, is of the platform: a stop
     *     detail saying the health check failed is the platform's verdict its machine checks show;</li>
     * <li>for a run that timed out, the runner's line saying so ("has exceeded the maximum execution time") is the run's
     *     outcome printed, one event with the run's and the job's conclusion (p31-11: a job that waited on pods no node
     *     could take, stated at 0.97 as a time limit). A cancel's line the same: "The run was canceled by @alice."
     *     says who cancelled (CiStopReasonTest), which tells one kind of cancel from another, but it is the CI's record
     *     of the cancel the conclusion shows, not a second view of why the job stopped (h122-18: a person's cancel of a
     *     job that had waited three hours for a runner label the repository cannot get, stated a cancel at 0.95 once the
     *     queue's wording was unseen). So is every other line of {@code ci.cancelled} read in a log or an annotation
     *     (Jenkins' "Aborted by", Woodpecker's "Step canceled", a platform's deploy cancelled under the job): each
     *     records a cancel, which the cancel's other records do not confirm independently.</li>
     * </ul>
     */
    static String sourceFamily(io.sophia.core.CauseId cause, Knowledge.CompiledRule rule) {
        // a machine's event whose detail says its health check failed ("health check failed: context deadline exceeded",
        // "rolled back by flyctl after failed health checks") is the platform's verdict on that check, the one its
        // machineCheck facts show, not the app's own words: one source with them (h92-37: a dependency's stop detail and
        // its critical check, counted as two, stated app.healthcheck-failing at 0.95 for a scenario labelled
        // dependency.down, its dependents timing out behind it)
        if (io.sophia.core.CauseId.APP_HEALTHCHECK_FAILING.equals(cause) && "machineEvent".equals(rule.when())) {
            return "platform";
        }
        // a violated expectation's actual value is the same words a log or an answer shows (h20-30, p66-05: a check on
        // an answer's body, restating it): one source with them
        // a rule on an answer's body reads the same words as the answer's indication (p78-03: "manifest unknown" in one
        // 404 counted as two sources, 0.97): one source with it
        // a rule on a probe's detail reads the words the probe-detail rule reads of the same look (p195-25: ECS's "unable
        // to place a task. Reason: Capacity is unavailable" counted by api-capacity and by the indication reading it, two
        // sources, 0.95, beside a task that could not pull its deleted image): one source with them
        if (Knowledge.DETAIL_RULE_ID.equals(rule.id()) || Knowledge.CARRIED_TEXT_RULE_IDS.contains(rule.id())
                || ("machineEvent".equals(rule.when()) || "probe".equals(rule.when())) && rule.pattern().containsKey("detail")
                || "http".equals(rule.when()) && rule.pattern().containsKey("body")) {
            return "log";
        }
        // a dependency failing on its certificate is the same handshake its own TLS facts describe: one source
        // (a DEGRADED service's chain the same: one source with a DOWN one's, whichever family that takes)
        if (chainRule(rule.when()) && rule.match().getOrDefault("dependencyCertificateOnly", List.of()).contains("true")) {
            return "tls";
        }
        // a probe whose handshake failed on the certificate is the handshake the TLS facts describe ("x509: certificate
        // is valid for ingress.local, not HOST" and the certificate it names): one source with them, not two (p116-18,
        // p116-19, p116-20: a proxy's fallback certificate and the failed handshake stated tls.certificate at 0.97 while
        // the deploy named the configuration error that kept the real certificate from being issued)
        if ("probe".equals(rule.when()) && rule.match().getOrDefault("kind", List.of()).contains("TLS_FAILURE")) {
            return "tls";
        }
        String family = sourceFamily(rule.when());
        return "log".equals(family) && (io.sophia.core.CauseId.CI_TIMEOUT.equals(cause)
                || io.sophia.core.CauseId.CI_CANCELLED.equals(cause)) ? "ci" : family;
    }

    /**
     * The kind of source a fact type comes from: evidence from two of them is independent (a log line and a machine
     * event), two rules on the same log are not.
     */
    static String sourceFamily(String when) {
        return switch (when) {
            case "job", "step", "commonStep", "cancelledAfterFailure", "run" -> "ci";
            // a check-run annotation is a line of the job's log (the runner prints "##[error]<message>" and posts the
            // same message): it and a log finding are one source, not two
            case "annotation" -> "log";
            case "machine", "machineEvent", "machineCheck" -> "platform";
            case "probe", "http", "condition", "tcp", "mcp", "service" -> "probe";
            // a DEGRADED service's DOWN dependency is the same topology as a DOWN one's: one source with it (rules21c)
            case "degradedDependency" -> "dependency";
            default -> when;
        };
    }

    static boolean matches(Knowledge.CompiledRule rule, Fact f, Map<String, Map<String, Boolean>> found) {
        for (Map.Entry<String, List<String>> m : rule.match().entrySet()) {
            String v = f.attrs().get(m.getKey());
            if (v == null) {
                return false;
            }
            boolean any = false;
            for (String want : m.getValue()) {
                if (want.equalsIgnoreCase(v)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (Map.Entry<String, Double> b : rule.atLeast().entrySet()) {
            Double v = number(f.attrs().get(b.getKey()));
            if (v == null || v < b.getValue()) {
                return false;
            }
        }
        for (Map.Entry<String, Double> b : rule.atMost().entrySet()) {
            Double v = number(f.attrs().get(b.getKey()));
            if (v == null || v > b.getValue()) {
                return false;
            }
        }
        for (Map.Entry<String, String> p : rule.pattern().entrySet()) {
            String v = f.attrs().get(p.getKey());
            if (v == null) {
                return false;
            }
            Pattern pattern = RegexGuard.compile(p.getValue());
            String text = v.length() > 4000 ? v.substring(0, 4000) : v;
            boolean hit = found.computeIfAbsent(p.getValue(), k -> new HashMap<>())
                    .computeIfAbsent(text, t -> pattern.matcher(t).find());
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static String render(Knowledge.CompiledRule rule, List<Fact> matched, Set<String> subjects, Map<String, Integer> order,
                                 Map<String, Map<String, String>> varsByRule, String ruleKey) {
        Map<String, String> vars = new HashMap<>(matched.get(0).vars());
        List<String> services = services(matched, order);
        Set<String> jobSet = new LinkedHashSet<>();
        for (Fact f : matched) {
            String j = f.vars().get("job");
            if (j != null) {
                jobSet.add(j);
            }
        }
        List<String> jobs = new ArrayList<>(jobSet);
        vars.put("count", String.valueOf(subjects.size()));
        vars.put("services", Words.list(services));
        vars.put("subjects", Words.list(new ArrayList<>(subjects)));
        if (!vars.containsKey("jobs") || jobs.size() > 1) {
            vars.put("jobs", Words.list(jobs));
        }
        if (matched.stream().allMatch(f -> f.type().equals("log"))) {
            vars.put("failingLines", failingLines(matched));
        }
        varsByRule.put(ruleKey, vars);
        if (subjects.size() > 1 && rule.textMany() != null) {
            return Words.sentence(Template.render(rule.textMany(), vars));
        }
        String text = Words.sentence(Template.render(rule.text(), vars));
        if (subjects.size() > 1) {
            text = text + " The same holds for " + subjects.size() + " in all: " + Words.list(new ArrayList<>(subjects)) + ".";
        }
        return text;
    }

    /**
     * The failing line as a phrase for remedies; when the jobs failed with different errors, each
     * distinct error (up to 3) with its jobs. Facts come best first within a job, so each job's first counts.
     */
    private static String failingLines(List<Fact> logs) {
        Map<String, String> firstByJob = new LinkedHashMap<>();
        for (Fact f : logs) {
            firstByJob.putIfAbsent(f.vars().getOrDefault("job", f.subject()), f.vars().get("line"));
        }
        Set<String> distinct = new java.util.HashSet<>();
        for (String line : firstByJob.values()) {
            if (line != null) {
                distinct.add(Facts.normalised(line));
            }
        }
        if (distinct.size() <= 1) {
            return "the failing line was: \"" + logs.get(0).vars().getOrDefault("line", "") + "\"";
        }
        return "the jobs failed with " + distinct.size() + " different errors: "
                + Facts.distinctErrors(new ArrayList<>(firstByJob.values()), new ArrayList<>(firstByJob.keySet()));
    }

    private static List<String> services(List<Fact> matched, Map<String, Integer> order) {
        Set<String> seen = new LinkedHashSet<>();
        for (Fact f : matched) {
            if (f.serviceId() != null) {
                seen.add(f.serviceId());
            }
        }
        List<String> out = new ArrayList<>(seen);
        out.sort(Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        return out;
    }

    private static List<Evidence> sortEvidence(List<Evidence> evidence) {
        List<Evidence> out = new ArrayList<>(evidence);
        out.sort(Comparator.comparingDouble(Evidence::weight).reversed().thenComparing(Evidence::ruleId));
        return out;
    }

    /** DOWN services explained by a DOWN dependency that does not, in turn, depend on them. */
    static Set<String> explainedByDependency(Deployment deployment, Map<String, ServiceHealth> health) {
        Set<String> out = new java.util.TreeSet<>();
        Topology.downEdges(deployment, health).forEach(e -> out.add(e.service()));
        return out;
    }

    /** The DOWN services that the given DOWN services depend on directly. */
    private static Set<String> downDependencies(Map<String, Service> services, Map<String, ServiceHealth> health,
                                                List<String> dependents) {
        Set<String> out = new java.util.TreeSet<>();
        for (String id : dependents) {
            Service service = services.get(id);
            for (String dep : service == null ? List.<String>of() : service.dependsOn()) {
                ServiceHealth h = health.get(dep);
                if (h != null && h.status() == Status.DOWN) {
                    out.add(dep);
                }
            }
        }
        return out;
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
