package io.sophia.report.internal;

import io.sophia.core.Assessment;
import io.sophia.core.ChangeClass;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ChangeSet;
import io.sophia.core.Observation.ChangeSetUnavailable;
import io.sophia.core.Observation.ChangedFile;
import io.sophia.core.ReleaseSplit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the reports say under "Changed since the last good deploy": the last {@link ChangeSet} of
 * the assessment (or why there is none), its files grouped by class in {@link ChangeClass} order.
 *
 * @param changes     the change set, or null
 * @param unavailable why the changes could not be read, or null (only when {@code changes} is null)
 * @param byClass     the change set's files per class, classes in declaration order, empty classes left out
 * @param releases    platform apps whose healthy machines run another image than their failing ones
 */
record ChangeView(ChangeSet changes, ChangeSetUnavailable unavailable, Map<ChangeClass, List<ChangedFile>> byClass,
                  List<ReleaseSplit> releases) {

    /** Files listed per class in a report before "and N more". */
    static final int MAX_FILES_PER_CLASS = 50;
    /** Commits listed in a report before "and N more". */
    static final int MAX_COMMITS = 30;

    /** The view of {@code a}, or null when it holds no change observation and no release split. */
    static ChangeView of(Assessment a) {
        ChangeSet changes = null;
        ChangeSetUnavailable unavailable = null;
        for (Observation o : a.observations()) {
            if (o instanceof ChangeSet c) {
                changes = c;
                unavailable = null;
            } else if (o instanceof ChangeSetUnavailable u && changes == null) {
                unavailable = u;
            }
        }
        List<ReleaseSplit> releases = ReleaseSplit.of(a.observations());
        if (changes == null && unavailable == null && releases.isEmpty()) {
            return null;
        }
        Map<ChangeClass, List<ChangedFile>> byClass = new EnumMap<>(ChangeClass.class);
        if (changes != null) {
            for (ChangedFile f : changes.files()) {
                byClass.computeIfAbsent(f.changeClass(), k -> new ArrayList<>()).add(f);
            }
        }
        return new ChangeView(changes, unavailable, byClass, releases);
    }

    /** The class's label with a capital first letter ("Lockfiles and manifests"). */
    static String title(ChangeClass c) {
        String l = c.label();
        return Character.toUpperCase(l.charAt(0)) + l.substring(1);
    }

    /** True for the classes diagnosis reads as evidence (everything but docs, application code and other). */
    static boolean telling(ChangeClass c) {
        return c != ChangeClass.DOCUMENTATION && c != ChangeClass.APPLICATION && c != ChangeClass.OTHER;
    }
}
