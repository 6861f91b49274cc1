package io.sophia.examples.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, written from the format's
 * specification (prometheus.io/docs/instrumenting/exposition_formats, "Text format details"):
 * no Java library on Maven Central parses it (the Prometheus Java client only writes it), so the test
 * checks the scrape against the rules themselves and fails on anything a Prometheus server would reject:
 * names and label names outside their grammar, bad escapes, values that are not Go floats, a TYPE after
 * its family's samples or given twice, duplicate series, and histograms whose buckets are not cumulative
 * or whose {@code +Inf} bucket differs from {@code _count}.
 */
final class PrometheusText {

    /** One metric family: its TYPE, HELP and samples (name, labels, value). */
    record Family(String name, String type, String help, List<Sample> samples) {
    }

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(Inf|NaN|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PrometheusText() {
    }

    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line must end with a line feed");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        Set<String> series = new java.util.HashSet<>();
        Set<String> sampled = new java.util.HashSet<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] t = line.split("[ \t]+", 4);
                if (t.length >= 3 && (t[1].equals("HELP") || t[1].equals("TYPE"))) {
                    String name = t[2];
                    require(NAME.matcher(name).matches(), n, "metric name " + name);
                    if (t[1].equals("TYPE")) {
                        require(t.length == 4 && TYPES.contains(t[3]), n, "TYPE " + line);
                        require(!types.containsKey(name), n, "second TYPE for " + name);
                        require(!sampled.contains(name), n, "TYPE after samples of " + name);
                        types.put(name, t[3]);
                    } else {
                        require(!helps.containsKey(name), n, "second HELP for " + name);
                        helps.put(name, t.length == 4 ? unescape(t[3], false, n) : "");
                    }
                }
                continue;
            }
            Sample s = sample(line, n);
            String family = familyOf(s.name(), types);
            sampled.add(family);
            require(series.add(s.name() + new TreeMap<>(s.labels())), n, "duplicate series " + line);
            families.computeIfAbsent(family, f -> new Family(f, types.getOrDefault(f, "untyped"), helps.get(f),
                    new ArrayList<>())).samples().add(s);
        }
        families.replaceAll((k, f) -> new Family(f.name(), types.getOrDefault(k, "untyped"), helps.get(k),
                List.copyOf(f.samples())));
        families.values().stream().filter(f -> f.type().equals("histogram")).forEach(PrometheusText::checkHistogram);
        return families;
    }

    private static String familyOf(String sample, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                if (Objects.equals(types.get(base), "histogram") || Objects.equals(types.get(base), "summary")) {
                    return base;
                }
            }
        }
        return sample;
    }

    private static Sample sample(String line, int n) {
        Matcher m = NAME.matcher(line);
        require(m.lookingAt(), n, "sample without a metric name: " + line);
        String name = m.group();
        int i = m.end();
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                Matcher lm = LABEL.matcher(line).region(i, line.length());
                require(lm.lookingAt(), n, "label name at column " + i + ": " + line);
                String label = lm.group();
                i = lm.end();
                require(line.startsWith("=\"", i), n, "label " + label + " without =\"");
                i += 2;
                StringBuilder v = new StringBuilder();
                while (line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        char e = line.charAt(i + 1);
                        require(e == '\\' || e == '"' || e == 'n', n, "escape \\" + e + " in a label value");
                        v.append(e == 'n' ? '\n' : e);
                        i += 2;
                    } else {
                        v.append(c);
                        i++;
                    }
                }
                i++;
                require(labels.put(label, v.toString()) == null, n, "label " + label + " twice");
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    require(line.charAt(i) == '}', n, "expected , or } at column " + i + ": " + line);
                }
            }
        }
        String[] rest = line.substring(i).trim().split("[ \t]+");
        require(line.length() > i && (line.charAt(i) == ' ' || line.charAt(i) == '\t'), n, "no blank before the value");
        require(rest.length == 1 || rest.length == 2, n, "value [timestamp] expected: " + line);
        require(FLOAT.matcher(rest[0]).matches(), n, "not a Go float: " + rest[0]);
        if (rest.length == 2) {
            require(rest[1].matches("-?\\d+"), n, "timestamp " + rest[1]);
        }
        String v = rest[0];
        double value = v.endsWith("Inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : v.endsWith("NaN") ? Double.NaN : Double.parseDouble(v);
        return new Sample(name, labels, value);
    }

    /** Cumulative buckets per series, ending with le="+Inf" equal to _count. */
    private static void checkHistogram(Family f) {
        Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        for (Sample s : f.samples()) {
            Map<String, String> key = new TreeMap<>(s.labels());
            key.remove("le");
            if (s.name().endsWith("_bucket")) {
                require(s.labels().containsKey("le"), 0, f.name() + " bucket without le");
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name().endsWith("_count")) {
                counts.put(key, s.value());
            }
        }
        buckets.forEach((series, bs) -> {
            double last = -1;
            double lastLe = Double.NEGATIVE_INFINITY;
            for (Sample b : bs) {
                String le = b.labels().get("le");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                require(bound > lastLe, 0, f.name() + series + " buckets not in increasing le order");
                require(b.value() >= last, 0, f.name() + series + " buckets not cumulative");
                last = b.value();
                lastLe = bound;
            }
            require(lastLe == Double.POSITIVE_INFINITY, 0, f.name() + series + " has no +Inf bucket");
            require(Objects.equals(counts.get(series), last), 0, f.name() + series + " +Inf bucket != _count");
        });
    }

    private static String unescape(String s, boolean quotes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                require(e == '\\' || e == 'n' || (quotes && e == '"'), n, "escape \\" + e + " in HELP");
                sb.append(e == 'n' ? '\n' : e);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void require(boolean ok, int line, String what) {
        if (!ok) {
            throw new IllegalArgumentException((line > 0 ? "line " + line + ": " : "") + what);
        }
    }
}
