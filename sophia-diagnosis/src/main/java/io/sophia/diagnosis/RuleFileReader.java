package io.sophia.diagnosis;

import io.sophia.core.Secrets;
import io.sophia.core.Action;
import io.sophia.core.CauseId;
import io.sophia.diagnosis.InputTree.ListNode;
import io.sophia.diagnosis.InputTree.MapNode;
import io.sophia.diagnosis.InputTree.Node;
import io.sophia.diagnosis.InputTree.Scalar;
import io.sophia.diagnosis.internal.kb.FactTypes;
import io.sophia.diagnosis.internal.kb.RegexGuard;
import io.sophia.diagnosis.internal.kb.Template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a knowledge-base file (YAML or JSON) and merges it over a base. Every problem becomes a
 * {@link InputException} with the file, the line and the key path.
 */
final class RuleFileReader {

    /**
     * What a file yields: settings, causes in order, and the log indications it adds to the built-in ones (those of
     * the base first, then the file's; {@link IndicationSet#NONE} when none).
     */
    record Result(KnowledgeBase.Settings settings, List<KnowledgeBase.Cause> causes, IndicationSet indications) {
        Result(KnowledgeBase.Settings settings, List<KnowledgeBase.Cause> causes) {
            this(settings, causes, IndicationSet.NONE);
        }
    }

    private static final Set<String> TOP_KEYS = Set.of("version", "settings", "causes", "indications");
    private static final Set<String> SETTINGS_KEYS = Set.of("unknownPrior", "unexplainedLr", "floor", "aggregationBonus",
            "aggregationCap", "silentLr", "evidenceScale", "unknownFloor", "sourceCaps", "wrappers", "provenCap", "provenEvidence");
    private static final Set<String> CAUSE_KEYS = Set.of("title", "prior", "rules", "actions", "nextCheck",
            "vocabulary");
    private static final Set<String> VOCABULARY_KEYS = Set.of("pattern", "topic", "enabled");
    private static final Set<String> RULE_KEYS = Set.of("when", "match", "pattern", "atLeast", "atMost", "minCount", "lr",
            "text", "textMany", "group", "enabled", "weak");
    private static final Set<String> ACTION_KEYS = Set.of("priority", "within", "title", "detail");

    private final String file;

    private RuleFileReader(String file) {
        this.file = file;
    }

    /** Rule files are small; a larger file is a mistake (a log or a binary named by accident). */
    /**
     * Largest rule file read: 16 times the built-in knowledge base. SnakeYAML scans a long scalar at
     * a few microseconds a character, so a bigger file (a log or a dump named by mistake) would
     * stall the start for seconds; it is refused instead.
     */
    static final long MAX_BYTES = 1024 * 1024;

    /** Reads {@code path} and merges it over {@code base} (null for a standalone knowledge base). */
    static Result read(Path path, Result base) {
        String name = path.toString();
        Node root = InputTree.read(path, InputTree.Format.of(name), MAX_BYTES)
                .orElseThrow(() -> InputException.of(name, 0, "", "the file is empty"));
        return new RuleFileReader(name).merge(root, base);
    }

    /** Reads {@code content} named {@code name} and merges it over {@code base}. */
    static Result read(byte[] content, String name, Result base) {
        Node root = InputTree.parse(content, name, InputTree.Format.of(name), MAX_BYTES)
                .orElseThrow(() -> InputException.of(name, 0, "", "the file is empty"));
        return new RuleFileReader(name).merge(root, base);
    }

    // ---- drafts: mutable while merging ------------------------------------------------------

    private static final class CauseDraft {
        CauseId id;
        String title;
        Double prior;
        int line;
        final Map<String, RuleDraft> rules = new LinkedHashMap<>();
        List<KnowledgeBase.Remedy> actions = new ArrayList<>();
        List<String> nextChecks = new ArrayList<>();
        String vocabularyPattern;
        String vocabularyTopic;
    }

    private static final class RuleDraft {
        String id;
        String when;
        Map<String, List<String>> match = new TreeMap<>();
        Map<String, String> pattern = new TreeMap<>();
        Map<String, Double> atLeast = new TreeMap<>();
        Map<String, Double> atMost = new TreeMap<>();
        int minCount = 1;
        Double lr;
        String text;
        String textMany;
        String group;
        Boolean weak;
        int line;
        String path;
    }

    private Result merge(Node root, Result base) {
        MapNode top = map(root, "");
        checkKeys(top, "", TOP_KEYS);
        KnowledgeBase.Settings settings = base == null ? KnowledgeBase.Settings.DEFAULTS : base.settings();
        Map<String, CauseDraft> causes = new LinkedHashMap<>();
        if (base != null) {
            for (KnowledgeBase.Cause c : base.causes()) {
                causes.put(c.id().value(), draftOf(c));
            }
        }
        if (top.has("version")) {
            Node v = top.node("version");
            if (!(v instanceof Scalar s) || !(s.value() instanceof Long l) || l != 1) {
                throw error(v, "version", "only version 1 is understood");
            }
        }
        if (top.has("settings")) {
            settings = settings(map(top.node("settings"), "settings"), settings);
        }
        if (top.has("causes")) {
            MapNode cs = map(top.node("causes"), "causes");
            for (Map.Entry<String, Node> e : cs.asMap().entrySet()) {
                mergeCause(causes, e.getKey(), e.getValue(), cs.keyLines().get(e.getKey()));
            }
        }
        List<KnowledgeBase.Cause> out = new ArrayList<>();
        for (CauseDraft d : causes.values()) {
            out.add(freeze(d));
        }
        if (out.isEmpty()) {
            throw InputException.of(file, top.line(), "causes", "the knowledge base defines no cause");
        }
        IndicationSet indications = base == null ? IndicationSet.NONE : base.indications();
        if (top.has("indications")) {
            // the indications a family file holds, in its format: read by the scanner of every log and line
            indications = indications.with(IndicationSet.ofRuleFile(top, file, i -> indicationProblem(i, out)));
        }
        return new Result(settings, out, indications);
    }

    /**
     * What is wrong with a rule file's indication in the knowledge base of {@code causes}, null when nothing: its cause
     * must be one of them ({@code unknown} too: a line that names no cause), and some rule must read its findings (a
     * {@code when: log} rule whose {@code match} names its cause or its id), else it would find lines that never count.
     */
    private static String indicationProblem(Indication indication, List<KnowledgeBase.Cause> causes) {
        CauseId cause = indication.causeId();
        if (cause.equals(CauseId.UNKNOWN)) {
            return null;
        }
        if (causes.stream().noneMatch(c -> c.id().equals(cause))) {
            return "'" + excerpt(cause.value()) + "' is not a cause of the knowledge base (define it under causes: first)";
        }
        for (KnowledgeBase.Cause c : causes) {
            for (KnowledgeBase.Rule r : c.rules()) {
                if ("log".equals(r.when()) && reads(r, cause.value(), indication.id())) {
                    return null;
                }
            }
        }
        String c = cause.value();
        return "no rule reads the log findings of cause " + c + ", so its lines in a log would never count: add one"
                + " under causes." + c + ".rules (when: log, match: {causeId: " + c + "}, an lr, a text)";
    }

    /**
     * Whether {@code rule} (a {@code when: log} one) reads the findings of an indication: its {@code match} names the
     * indication's cause or id, and does not leave either out (a rule that reads lines by their words alone, with
     * neither, reads lines of its own choosing, not the indication's).
     */
    private static boolean reads(KnowledgeBase.Rule rule, String cause, String id) {
        List<String> causes = rule.match().get("causeId");
        List<String> ids = rule.match().get("indication");
        if (causes == null && ids == null) {
            return false;
        }
        return (causes == null || causes.stream().anyMatch(cause::equalsIgnoreCase))
                && (ids == null || ids.stream().anyMatch(id::equalsIgnoreCase));
    }

    private static CauseDraft draftOf(KnowledgeBase.Cause c) {
        CauseDraft d = new CauseDraft();
        d.id = c.id();
        d.title = c.title();
        d.prior = c.prior();
        for (KnowledgeBase.Rule r : c.rules()) {
            RuleDraft rd = new RuleDraft();
            rd.id = r.id();
            rd.when = r.when();
            rd.match = new TreeMap<>(r.match());
            rd.pattern = new TreeMap<>(r.pattern());
            rd.atLeast = new TreeMap<>(r.atLeast());
            rd.atMost = new TreeMap<>(r.atMost());
            rd.minCount = r.minCount();
            rd.lr = r.lr();
            rd.text = r.text();
            rd.textMany = r.textMany();
            rd.group = r.group();
            rd.weak = r.weak();
            d.rules.put(r.id(), rd);
        }
        d.actions = new ArrayList<>(c.actions());
        d.nextChecks = new ArrayList<>(c.nextChecks());
        if (c.vocabulary() != null) {
            d.vocabularyPattern = c.vocabulary().pattern();
            d.vocabularyTopic = c.vocabulary().topic();
        }
        return d;
    }

    private KnowledgeBase.Settings settings(MapNode m, KnowledgeBase.Settings base) {
        checkKeys(m, "settings", SETTINGS_KEYS);
        KnowledgeBase.Settings.Builder settings = base.toBuilder();
        for (Map.Entry<String, Node> e : m.asMap().entrySet()) {
            String key = "settings." + e.getKey();
            if (e.getKey().equals("sourceCaps")) {
                settings.sourceCaps(caps(e.getValue(), key));
                continue;
            }
            if (e.getKey().equals("wrappers")) {
                settings.wrappers(new java.util.TreeSet<>(values(e.getValue(), key)));
                continue;
            }
            if (e.getKey().equals("provenEvidence")) {
                settings.provenEvidence(new java.util.TreeSet<>(values(e.getValue(), key)));
                continue;
            }
            Node n = e.getValue();
            double v = number(n, key);
            try {
                switch (e.getKey()) {
                    case "unknownPrior" -> settings.unknownPrior(v);
                    case "unexplainedLr" -> settings.unexplainedLr(v);
                    case "floor" -> settings.floor(v);
                    case "aggregationBonus" -> settings.aggregationBonus(v);
                    case "aggregationCap" -> settings.aggregationCap(v);
                    case "silentLr" -> settings.silentLr(v);
                    case "evidenceScale" -> settings.evidenceScale(v);
                    case "unknownFloor" -> settings.unknownFloor(v);
                    case "provenCap" -> settings.provenCap(v);
                    default -> throw error(n, key, "unknown key");
                }
            } catch (IllegalArgumentException outOfRange) {
                // the builder knows each setting's range; the file knows where the value stands
                throw error(n, key, outOfRange.getMessage());
            }
        }
        return settings.build();
    }

    /**
     * A list of probabilities in (0, 1], not decreasing (more independent sources never lower the cap), at most 20: the
     * ranges Settings.Builder.sourceCaps checks too, checked here item by item so that an error names the item's line.
     */
    private List<Double> caps(Node n, String key) {
        if (!(n instanceof ListNode list)) {
            throw error(n, key, "must be a list of probabilities, one per number of independent sources (0, 1, 2 …)");
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            double v = number(item, key + "[" + i + "]");
            if (!(v > 0) || v > 1) {
                throw error(item, key + "[" + i + "]", "must be in (0, 1], was " + v);
            }
            if (!out.isEmpty() && v < out.get(out.size() - 1)) {
                throw error(item, key + "[" + i + "]", "must not be lower than the cap before it (" + out.get(out.size() - 1)
                        + "): more independent sources never lower the cap");
            }
            out.add(v);
        }
        if (out.size() > 20) {
            throw error(n, key, "at most 20 values");
        }
        return out;
    }

    private CauseId causeId(String id, int keyLine, String path) {
        CauseId causeId;
        try {
            causeId = CauseId.of(id);
        } catch (IllegalArgumentException e) {
            throw InputException.of(file, keyLine, path, "'" + excerpt(id)
                    + "' is not a cause id (dotted lower-case words, such as build.dockerfile)");
        }
        if (causeId.equals(CauseId.UNKNOWN)) {
            throw InputException.of(file, keyLine, path,
                    "'unknown' is not a cause to define; tune it with settings.unknownPrior and settings.unexplainedLr", null);
        }
        return causeId;
    }

    private void mergeCause(Map<String, CauseDraft> causes, String id, Node node, int keyLine) {
        String path = "causes." + id;
        CauseId causeId = causeId(id, keyLine, path);
        MapNode m = map(node, path);
        checkKeys(m, path, CAUSE_KEYS);
        CauseDraft d = causes.get(id);
        if (d == null) {
            d = new CauseDraft();
            d.id = causeId;
            d.line = keyLine;
            causes.put(id, d);
        }
        if (m.has("title")) {
            d.title = text(m.node("title"), path + ".title", 200);
        }
        if (m.has("prior")) {
            Node p = m.node("prior");
            d.prior = probability(p, path + ".prior", number(p, path + ".prior"));
        }
        if (d.prior == null) {
            throw InputException.of(file, keyLine, path + ".prior", "a new cause needs a prior in (0, 1)");
        }
        if (d.title == null) {
            d.title = id;
        }
        if (m.has("rules")) {
            MapNode rules = map(m.node("rules"), path + ".rules");
            for (Map.Entry<String, Node> e : rules.asMap().entrySet()) {
                mergeRule(d, e.getKey(), e.getValue(), rules.keyLines().get(e.getKey()), path + ".rules." + e.getKey());
            }
        }
        if (m.has("vocabulary")) {
            mergeVocabulary(d, m.node("vocabulary"), m.keyLines().get("vocabulary"), path + ".vocabulary");
        }
        if (m.has("nextCheck")) {
            d.nextChecks = nextChecks(m.node("nextCheck"), path + ".nextCheck");
        }
        if (m.has("actions")) {
            d.actions = actions(m.node("actions"), path + ".actions");
        }
    }

    /**
     * A cause's {@code vocabulary}, merged key by key over the base's: {@code pattern} (an RE2 regular expression) and
     * {@code topic} (a noun phrase of the evidence sentence); a new one needs both; {@code enabled: false} removes it.
     */
    private void mergeVocabulary(CauseDraft d, Node node, int keyLine, String path) {
        MapNode m = map(node, path);
        checkKeys(m, path, VOCABULARY_KEYS);
        if (m.has("enabled") && !bool(m.node("enabled"), path + ".enabled")) {
            d.vocabularyPattern = null;
            d.vocabularyTopic = null;
            return;
        }
        if (m.has("pattern")) {
            d.vocabularyPattern = regex(m.node("pattern"), path + ".pattern");
        }
        if (m.has("topic")) {
            d.vocabularyTopic = template(m.node("topic"), path + ".topic", FactTypes.get("log"), 200);
        }
        if (d.vocabularyPattern == null || d.vocabularyTopic == null) {
            String missing = d.vocabularyPattern == null ? "pattern" : "topic";
            throw InputException.of(file, keyLine, path + "." + missing, "a new vocabulary needs '" + missing
                    + "' (pattern: the words, an RE2 regular expression; topic: what they speak of)");
        }
    }

    /** One template or a list of them. */
    private List<String> nextChecks(Node nc, String path) {
        List<String> checks = new ArrayList<>();
        if (nc instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                checks.add(template(list.items().get(i), path + "[" + i + "]", null));
            }
        } else {
            checks.add(template(nc, path, null));
        }
        return checks;
    }

    private List<KnowledgeBase.Remedy> actions(Node a, String path) {
        if (!(a instanceof ListNode list)) {
            throw error(a, path, "must be a list of actions");
        }
        List<KnowledgeBase.Remedy> actions = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            actions.add(action(list.items().get(i), path + "[" + i + "]"));
        }
        return actions;
    }

    private void mergeRule(CauseDraft cause, String id, Node node, int keyLine, String path) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,80}")) {
            throw InputException.of(file, keyLine, path, "a rule id is letters, digits, '.', '-' or '_'");
        }
        if (id.equals(KnowledgeBase.Vocabulary.RULE_ID)) {
            throw InputException.of(file, keyLine, path, "'" + id + "' is the engine's rule for the cause's vocabulary;"
                    + " set the cause's 'vocabulary' (pattern, topic) instead");
        }
        if (io.sophia.diagnosis.internal.reasoning.Knowledge.ENGINE_RULE_IDS.contains(id)) {
            throw InputException.of(file, keyLine, path, "'" + id + "' is a rule the engine adds to every cause (a line"
                    + " read outside a log); choose another id");
        }
        MapNode m = map(node, path);
        checkKeys(m, path, RULE_KEYS);
        Map<String, Node> e = m.asMap();
        if (e.containsKey("enabled") && !bool(e.get("enabled"), path + ".enabled")) {
            cause.rules.remove(id);
            return;
        }
        RuleDraft r = cause.rules.get(id);
        if (r == null) {
            r = new RuleDraft();
            r.id = id;
            cause.rules.put(id, r);
        }
        r.line = keyLine;
        r.path = path;
        FactTypes.Type type = mergeWhen(r, e, keyLine, path);
        mergeConditions(r, e, type, path);
        mergeCounting(r, e, keyLine, path);
        mergeTexts(r, e, keyLine, path, type);
        if (e.containsKey("when") || e.containsKey("match") || e.containsKey("pattern") || e.containsKey("atLeast")
                || e.containsKey("atMost")) {
            // a changed fact type must still fit the attributes kept from the base rule
            recheckAttributes(r, type, keyLine, path);
        }
    }

    /** The rule's fact type: the file's {@code when}, else the base rule's; a new rule must name one. */
    private FactTypes.Type mergeWhen(RuleDraft r, Map<String, Node> e, int keyLine, String path) {
        if (e.containsKey("when")) {
            String when = text(e.get("when"), path + ".when", 40);
            if (FactTypes.get(when) == null) {
                throw error(e.get("when"), path + ".when", "'" + excerpt(when) + "' is not a fact type; known: "
                        + FactTypes.names());
            }
            r.when = when;
        }
        if (r.when == null) {
            throw InputException.of(file, keyLine, path + ".when", "a new rule needs 'when' (one of "
                    + FactTypes.names() + ")");
        }
        return FactTypes.get(r.when);
    }

    /** {@code match}, {@code pattern}, {@code atLeast} and {@code atMost}: which facts the rule matches. */
    private void mergeConditions(RuleDraft r, Map<String, Node> e, FactTypes.Type type, String path) {
        if (e.containsKey("match")) {
            MapNode mm = map(e.get("match"), path + ".match");
            Map<String, List<String>> match = new TreeMap<>();
            for (Map.Entry<String, Node> me : mm.asMap().entrySet()) {
                String key = path + ".match." + me.getKey();
                attribute(type, me.getKey(), mm.keyLines().get(me.getKey()), key);
                match.put(me.getKey(), values(me.getValue(), key));
            }
            r.match = match;
        }
        if (e.containsKey("pattern")) {
            r.pattern = patterns(map(e.get("pattern"), path + ".pattern"), path + ".pattern", type);
        }
        if (e.containsKey("atLeast")) {
            r.atLeast = bounds(e.get("atLeast"), path + ".atLeast", type);
        }
        if (e.containsKey("atMost")) {
            r.atMost = bounds(e.get("atMost"), path + ".atMost", type);
        }
    }

    private Map<String, String> patterns(MapNode pm, String path, FactTypes.Type type) {
        Map<String, String> pattern = new TreeMap<>();
        for (Map.Entry<String, Node> pe : pm.asMap().entrySet()) {
            String key = path + "." + pe.getKey();
            attribute(type, pe.getKey(), pm.keyLines().get(pe.getKey()), key);
            pattern.put(pe.getKey(), regex(pe.getValue(), key));
        }
        return pattern;
    }

    /** An RE2/J regular expression that compiles and would not backtrack catastrophically elsewhere. */
    private String regex(Node n, String key) {
        String regex = text(n, key, RegexGuard.MAX_LENGTH + 1);
        try {
            RegexGuard.compile(regex);
        } catch (IllegalArgumentException ex) {
            throw InputException.of(file, n.line(), key, ex.getMessage());
        }
        return regex;
    }

    /** {@code group}, {@code weak}, {@code minCount} and {@code lr}: how the rule's matches count. */
    private void mergeCounting(RuleDraft r, Map<String, Node> e, int keyLine, String path) {
        if (e.containsKey("group")) {
            Node g = e.get("group");
            r.group = g instanceof Scalar sc && sc.value() == null ? null : text(g, path + ".group", 60);
        }
        if (e.containsKey("weak")) {
            r.weak = bool(e.get("weak"), path + ".weak");
        }
        if (e.containsKey("minCount")) {
            double v = number(e.get("minCount"), path + ".minCount");
            if (v < 1 || v > 1000 || v != Math.rint(v)) {
                throw error(e.get("minCount"), path + ".minCount", "must be a whole number from 1 to 1000, was " + v);
            }
            r.minCount = (int) v;
        }
        if (e.containsKey("lr")) {
            Node n = e.get("lr");
            double v = number(n, path + ".lr");
            if (!(v > 0) || v > 1e6 || Math.abs(Math.log(v)) < 1e-9) {
                throw error(n, path + ".lr", "a likelihood ratio must be > 0, not 1 and at most 1e6 (above 1 supports "
                        + "the cause, below 1 refutes it), was " + v);
            }
            r.lr = v;
        }
        if (r.lr == null) {
            throw InputException.of(file, keyLine, path + ".lr", "a new rule needs 'lr' (its likelihood ratio)");
        }
    }

    private void mergeTexts(RuleDraft r, Map<String, Node> e, int keyLine, String path, FactTypes.Type type) {
        if (e.containsKey("text")) {
            r.text = template(e.get("text"), path + ".text", type);
        }
        if (r.text == null) {
            throw InputException.of(file, keyLine, path + ".text", "a new rule needs 'text' (the sentence it prints)");
        }
        if (e.containsKey("textMany")) {
            Node t = e.get("textMany");
            r.textMany = t instanceof Scalar s && s.value() == null ? null : template(t, path + ".textMany", type);
        }
    }

    private void recheckAttributes(RuleDraft r, FactTypes.Type type, int keyLine, String path) {
        for (String a : r.match.keySet()) {
            attribute(type, a, keyLine, path + ".match." + a);
        }
        for (String a : r.pattern.keySet()) {
            attribute(type, a, keyLine, path + ".pattern." + a);
        }
        for (String a : r.atLeast.keySet()) {
            attribute(type, a, keyLine, path + ".atLeast." + a);
        }
        for (String a : r.atMost.keySet()) {
            attribute(type, a, keyLine, path + ".atMost." + a);
        }
    }

    private Map<String, Double> bounds(Node n, String path, FactTypes.Type type) {
        MapNode m = map(n, path);
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Node> be : m.asMap().entrySet()) {
            String key = path + "." + be.getKey();
            attribute(type, be.getKey(), m.keyLines().get(be.getKey()), key);
            out.put(be.getKey(), number(be.getValue(), key));
        }
        return out;
    }

    private void attribute(FactTypes.Type type, String attribute, int line, String key) {
        if (!type.attributes().contains(attribute)) {
            throw InputException.of(file, line, key, "'" + excerpt(attribute) + "' is not an attribute of '"
                    + type.name() + "' facts; known: " + new java.util.TreeSet<>(type.attributes()), null);
        }
    }

    private String template(Node n, String key, FactTypes.Type type) {
        return template(n, key, type, 2000);
    }

    private String template(Node n, String key, FactTypes.Type type, int max) {
        String t = text(n, key, max);
        for (String p : Template.placeholders(t)) {
            Set<String> allowed = type == null ? FactTypes.allPlaceholders() : type.placeholders();
            if (!FactTypes.COMMON.contains(p) && !allowed.contains(p)) {
                java.util.TreeSet<String> known = new java.util.TreeSet<>(FactTypes.COMMON);
                known.addAll(allowed);
                throw error(n, key, "unknown placeholder {" + excerpt(p) + "}; known here: " + known);
            }
        }
        return t;
    }

    private KnowledgeBase.Remedy action(Node node, String path) {
        MapNode m = map(node, path);
        checkKeys(m, path, ACTION_KEYS);
        Map<String, Node> e = m.asMap();
        for (String required : List.of("priority", "within", "title")) {
            if (!e.containsKey(required)) {
                throw InputException.of(file, m.line(), path + "." + required, "an action needs '" + required + "'");
            }
        }
        String p = text(e.get("priority"), path + ".priority", 5);
        Action.Priority priority;
        try {
            priority = Action.Priority.valueOf(p.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw error(e.get("priority"), path + ".priority", "must be P0, P1 or P2, was '" + excerpt(p) + "'");
        }
        Duration within = duration(e.get("within"), path + ".within");
        String title = template(e.get("title"), path + ".title", null);
        String detail = e.containsKey("detail") ? template(e.get("detail"), path + ".detail", null) : "";
        return new KnowledgeBase.Remedy(priority, within, title, detail);
    }

    private Duration duration(Node n, String key) {
        String s = text(n, key, 40).trim();
        Duration d = InputTree.parseDuration(s).orElse(null);
        if (d == null || d.isNegative() || d.isZero()) {
            throw error(n, key, "must be a positive duration such as 30m, 1h, 4h, 1d or PT1H, was '" + excerpt(s) + "'");
        }
        return d;
    }

    private KnowledgeBase.Cause freeze(CauseDraft d) {
        List<KnowledgeBase.Rule> rules = new ArrayList<>();
        for (RuleDraft r : d.rules.values()) {
            rules.add(new KnowledgeBase.Rule(r.id, r.when, r.match, r.pattern, r.atLeast, r.atMost, r.minCount, r.lr,
                    r.text, r.textMany, r.group, r.weak));
        }
        KnowledgeBase.Vocabulary vocabulary = d.vocabularyPattern == null ? null
                : new KnowledgeBase.Vocabulary(d.vocabularyPattern, d.vocabularyTopic);
        return new KnowledgeBase.Cause(d.id, d.title, d.prior, rules, d.actions, d.nextChecks, vocabulary);
    }

    // ---- scalar helpers ------------------------------------------------------------------------

    private MapNode map(Node n, String key) {
        if (n instanceof MapNode m) {
            return m;
        }
        // at the top the file is not a rule file at all (a credentials file, say): never echo its content
        throw error(n, key, "must be a mapping (key: value lines), was "
                + (key.isEmpty() && n instanceof Scalar s && s.value() != null ? "text" : kind(n)));
    }

    private void checkKeys(MapNode m, String path, Set<String> allowed) {
        for (Map.Entry<String, Integer> e : m.keyLines().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                // the key path never holds a key that looks like a secret (a credentials file named as a rule file)
                String shown = IndicationSet.keyShown(e.getKey());
                String key = path.isEmpty() ? shown : path + "." + shown;
                throw InputException.of(file, e.getValue(), key, "unknown key '" + excerpt(e.getKey()) + "'; known keys: "
                        + new java.util.TreeSet<>(allowed), null);
            }
        }
    }

    private double number(Node n, String key) {
        if (n instanceof Scalar s && s.value() instanceof Number num) {
            double d = num.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw error(n, key, "must be a number, was " + kind(n));
    }

    private double probability(Node n, String key, double v) {
        if (!(v > 0 && v < 1)) {
            throw error(n, key, "must be a probability in (0, 1), was " + v);
        }
        return v;
    }

    private boolean bool(Node n, String key) {
        if (n instanceof Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw error(n, key, "must be true or false, was " + kind(n));
    }

    private String text(Node n, String key, int max) {
        if (n instanceof Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
            String v = String.valueOf(s.value());
            if (v.isBlank()) {
                throw error(n, key, "must not be blank");
            }
            if (v.length() > max) {
                throw error(n, key, "is " + v.length() + " characters long; at most " + max + " are accepted");
            }
            return v;
        }
        throw error(n, key, "must be text, was " + kind(n));
    }

    private List<String> values(Node n, String key) {
        List<String> out = new ArrayList<>();
        if (n instanceof ListNode l) {
            for (int i = 0; i < l.items().size(); i++) {
                out.add(scalarText(l.items().get(i), key + "[" + i + "]"));
            }
            if (out.isEmpty()) {
                throw error(n, key, "an empty list matches nothing");
            }
        } else {
            out.add(scalarText(n, key));
        }
        return out;
    }

    private String scalarText(Node n, String key) {
        if (n instanceof Scalar s && s.value() != null) {
            Object v = s.value();
            if (v instanceof Double d && d == Math.rint(d)) {
                return String.valueOf(d.longValue());
            }
            return String.valueOf(v);
        }
        throw error(n, key, "must be a value or a list of values, was " + kind(n));
    }

    private InputException error(Node n, String key, String problem) {
        return InputException.of(file, n == null ? 0 : n.line(), key, problem);
    }

    private static String kind(Node n) {
        if (n instanceof MapNode) {
            return "a mapping";
        }
        if (n instanceof ListNode) {
            return "a list";
        }
        if (n instanceof Scalar s) {
            if (s.value() == null) {
                return "empty";
            }
            String v = String.valueOf(s.value());
            return "'" + excerpt(v) + "'";
        }
        return "nothing";
    }

    private static String excerpt(String s) {
        if (Secrets.looksLikeSecret(s)) {
            return "(a value that looks like a secret, not shown)";
        }
        String one = s.replaceAll("[\\r\\n\\t]", " ");
        // redacted before the cut, and the cut never ends inside a word
        return Secrets.patterns().cut(one, 60);
    }
}
