package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import io.sophia.core.Confidence;
import io.sophia.core.Evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sentences that say why a cause ranks where it does, with the numbers. For the leading
 * cause they also argue, the way an engineer would, why the competing families of causes
 * (configuration, platform, registry …) are less likely, quoting the evidence against them.
 */
final class Explanations {

    private Explanations() {
    }

    /**
     * @param dependencyReported whether dependency.down is among the reported causes
     * @param dependencies       each service explained by a DOWN dependency, with those dependencies
     * @param notDeployed        DOWN services added to this cause because the run stopped before their deploy
     * @param differentErrors    sentences on jobs that failed at the same step with different errors
     */
    static String top(Inference.Scored s, Confidence conf, List<Inference.Scored> all, Set<String> explained,
                      boolean dependencyReported, java.util.Map<String, List<String>> dependencies, List<String> notDeployed,
                      List<String> differentErrors) {
        if (s.id().equals(CauseId.UNKNOWN)) {
            return unknown(s, all);
        }
        StringBuilder sb = new StringBuilder();
        appendLead(sb, s, conf);
        for (String d : differentErrors) {
            sb.append(' ').append(d);
        }
        List<Inference.Scored> contrasts = contrasts(s, all);
        appendContrasts(sb, contrasts);
        appendNotDeployed(sb, notDeployed);
        if (!explained.isEmpty() && !s.id().equals(CauseId.DEPENDENCY_DOWN)) {
            appendExplainedByDependencies(sb, explained, dependencyReported, dependencies);
        }
        appendRunnerUp(sb, runnerUp(s, all), contrasts);
        return sb.toString();
    }

    /** The cause's probability, confidence and prior, with its strongest evidence for and against. */
    private static void appendLead(StringBuilder sb, Inference.Scored s, Confidence conf) {
        List<Evidence> pro = s.direction(Evidence.Direction.FOR);
        List<Evidence> con = s.direction(Evidence.Direction.AGAINST);
        sb.append(s.title()).append(" is the most likely cause at ").append(Words.percent(s.probability()))
                .append(" (").append(conf.name().toLowerCase(Locale.ROOT)).append(" confidence, up from a prior of ")
                .append(Words.percent(s.prior())).append("), on ").append(Words.plural(pro.size(), "piece", "pieces"))
                .append(" of evidence for it and ").append(con.size()).append(" against.");
        if (!pro.isEmpty()) {
            sb.append(" Strongest: ").append(pro.get(0).text());
        }
        if (!con.isEmpty()) {
            sb.append(" Against it: ").append(con.get(0).text());
        }
    }

    /** Up to three other causes, one per family (not the top cause's), with the strongest evidence against them. */
    private static List<Inference.Scored> contrasts(Inference.Scored s, List<Inference.Scored> all) {
        List<Inference.Scored> others = new ArrayList<>();
        for (Inference.Scored o : all) {
            if (!o.id().equals(s.id()) && !o.id().equals(CauseId.UNKNOWN) && o.weight(Evidence.Direction.AGAINST) > 0) {
                others.add(o);
            }
        }
        others.sort(Comparator.comparingDouble((Inference.Scored o) -> -o.weight(Evidence.Direction.AGAINST))
                .thenComparing(o -> o.id().value()));
        Set<String> families = new LinkedHashSet<>();
        families.add(family(s.id()));
        List<Inference.Scored> contrasts = new ArrayList<>();
        for (Inference.Scored o : others) {
            if (contrasts.size() < 3 && families.add(family(o.id()))) {
                contrasts.add(o);
            }
        }
        return contrasts;
    }

    private static void appendContrasts(StringBuilder sb, List<Inference.Scored> contrasts) {
        for (Inference.Scored o : contrasts) {
            List<Evidence> against = o.direction(Evidence.Direction.AGAINST);
            sb.append(' ').append(o.title()).append(o.probability() < 0.05 ? " is unlikely (" : " is less likely (")
                    .append(Words.percent(o.probability())).append("): ").append(against.get(0).text());
            if (against.size() > 1) {
                sb.append(' ').append(against.get(1).text());
            }
        }
    }

    /** The first other known cause with evidence for it, or null. */
    private static Inference.Scored runnerUp(Inference.Scored s, List<Inference.Scored> all) {
        for (Inference.Scored o : all) {
            if (!o.id().equals(s.id()) && !o.id().equals(CauseId.UNKNOWN) && !o.direction(Evidence.Direction.FOR).isEmpty()) {
                return o;
            }
        }
        return null;
    }

    private static void appendNotDeployed(StringBuilder sb, List<String> notDeployed) {
        if (!notDeployed.isEmpty()) {
            sb.append(" The run stopped before deploying ").append(Words.list(notDeployed))
                    .append(notDeployed.size() == 1 ? " (its deploy job was skipped or cancelled), so it is down with no "
                            + "new release and is counted with this cause."
                            : " (their deploy jobs were skipped or cancelled), so they are down with no new release and are "
                            + "counted with this cause.");
        }
    }

    private static void appendExplainedByDependencies(StringBuilder sb, Set<String> explained, boolean dependencyReported,
                                                      java.util.Map<String, List<String>> dependencies) {
        if (dependencyReported) {
            sb.append(explained.size() == 1 ? " Service " : " Services ").append(Words.list(new ArrayList<>(explained)))
                    .append(explained.size() == 1 ? " is down only because a service it depends on is down; "
                            + "dependency.down covers it." : " are down only because services they depend on are down; "
                            + "dependency.down covers them.");
        }
        // the topology stays visible even when dependency.down is not ranked
        for (String id : explained) {
            List<String> deps = dependencies.getOrDefault(id, List.of());
            if (!deps.isEmpty()) {
                sb.append(' ').append(id).append(" depends on ").append(Words.list(deps))
                        .append(deps.size() == 1 ? ", which is DOWN" : ", which are DOWN")
                        .append(", so it cannot serve until ").append(deps.size() == 1 ? "that service is" : "they are")
                        .append(" restored.");
            }
        }
    }

    private static void appendRunnerUp(StringBuilder sb, Inference.Scored runnerUp, List<Inference.Scored> contrasts) {
        if (runnerUp != null && !contrasts.contains(runnerUp) && runnerUp.probability() >= 0.01) {
            sb.append(" The runner-up, ").append(runnerUp.title()).append(" at ").append(Words.percent(runnerUp.probability()))
                    .append(", rests on: ").append(runnerUp.direction(Evidence.Direction.FOR).get(0).text());
        }
    }

    /**
     * A cause no observation names, listed for the failure's context ({@link ContextPriors#listed}): its probability and
     * the few words on the context that listed it.
     */
    static String listedForContext(Inference.Scored s, String context) {
        return "No observation names this cause; it is listed at " + Words.percent(s.probability())
                + " because, in Sophia's labelled failures that looked like this one (" + context
                + "), it was among the most frequent root causes. Its next checks confirm or rule it out.";
    }

    static String other(Inference.Scored s, Confidence conf, Inference.Scored top) {
        if (s.id().equals(CauseId.UNKNOWN)) {
            List<Evidence> pro = s.direction(Evidence.Direction.FOR);
            return "Unknown keeps " + Words.percent(s.probability()) + " for causes outside the knowledge base"
                    + (pro.isEmpty() ? "." : ": " + pro.get(0).text());
        }
        StringBuilder sb = new StringBuilder();
        List<Evidence> pro = s.direction(Evidence.Direction.FOR);
        List<Evidence> con = s.direction(Evidence.Direction.AGAINST);
        sb.append(s.title()).append(" is at ").append(Words.percent(s.probability())).append(" (")
                .append(conf.name().toLowerCase(Locale.ROOT)).append(" confidence, prior ").append(Words.percent(s.prior()))
                .append("), behind ").append(top.title()).append(" at ").append(Words.percent(top.probability()))
                .append(".");
        if (!pro.isEmpty()) {
            sb.append(" For it: ").append(pro.get(0).text());
        }
        if (!con.isEmpty()) {
            sb.append(" Against it: ").append(con.get(0).text());
        }
        return sb.toString();
    }

    private static String unknown(Inference.Scored s, List<Inference.Scored> all) {
        StringBuilder sb = new StringBuilder("No known cause explains the failure well: unknown leads at ")
                .append(Words.percent(s.probability())).append('.');
        List<Evidence> pro = s.direction(Evidence.Direction.FOR);
        if (!pro.isEmpty()) {
            sb.append(' ').append(pro.get(0).text());
        }
        for (Inference.Scored o : all) {
            if (!o.id().equals(CauseId.UNKNOWN) && !o.direction(Evidence.Direction.FOR).isEmpty()) {
                sb.append(" The best known candidate, ").append(o.title()).append(" at ").append(Words.percent(o.probability()))
                        .append(", rests only on: ").append(o.direction(Evidence.Direction.FOR).get(0).text());
                break;
            }
        }
        return sb.toString();
    }

    static String family(CauseId id) {
        String v = id.value();
        int dot = v.indexOf('.');
        String f = dot < 0 ? v : v.substring(0, dot);
        return f.equals("image") ? "registry" : f;
    }
}
