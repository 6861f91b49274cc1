package io.sophia.diagnosis.internal.logs;

import com.google.re2j.Pattern;
import io.sophia.diagnosis.Indication;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiled form of a list of indications, shared by all scans: one literal automaton over every
 * indication's literals (plus the scanner's own step markers) and the RE2/J patterns. Immutable and
 * thread-safe.
 */
public final class ScanEngine {

    /** A compiled indication. */
    record Compiled(int index, Indication indication, Pattern[] patterns, Pattern followedBy) {
        boolean matches(String text) {
            for (Pattern p : patterns) {
                if (p.matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    static final Pattern GITHUB_EXIT = Pattern.compile("Process completed with exit code (\\d+)");
    static final Pattern TRAVIS_EXIT = Pattern.compile("^The command \"(.*)\" exited with (\\d+)\\.?$");

    final List<Compiled> compiled;
    final LiteralMatcher literals;
    /** Tag of the marker literals, after the indications' tags. */
    final int markerExitTag;
    final int tags;

    public ScanEngine(List<Indication> indications) {
        List<Compiled> list = new ArrayList<>();
        List<String> lits = new ArrayList<>();
        List<Integer> litTags = new ArrayList<>();
        for (int i = 0; i < indications.size(); i++) {
            Indication ind = indications.get(i);
            Pattern[] ps = new Pattern[ind.patterns().size()];
            for (int j = 0; j < ps.length; j++) {
                ps[j] = Pattern.compile(ind.patterns().get(j));
            }
            list.add(new Compiled(i, ind, ps, ind.followedBy() == null ? null : Pattern.compile(ind.followedBy())));
            for (String literal : ind.literals()) {
                lits.add(literal);
                litTags.add(i);
            }
        }
        markerExitTag = indications.size();
        for (String marker : List.of("process completed with exit code", "\" exited with ")) {
            lits.add(marker);
            litTags.add(markerExitTag);
        }
        tags = markerExitTag + 1;
        compiled = List.copyOf(list);
        literals = new LiteralMatcher(lits, litTags.stream().mapToInt(Integer::intValue).toArray());
    }

    public List<Indication> indications() {
        return compiled.stream().map(Compiled::indication).toList();
    }
}
