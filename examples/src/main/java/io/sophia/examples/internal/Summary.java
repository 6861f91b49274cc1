package io.sophia.examples.internal;

import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.report.CheckRun;
import io.sophia.report.DeploymentConfig;
import io.sophia.report.TextSummary;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one-screen summary printed after a check: the library's {@link TextSummary}, the probing time (when a service
 * was probed), the files.
 */
public final class Summary {

    private Summary() {
    }

    /** Renders the summary of {@code result}; every line is already free of secrets if the assessment is. */
    public static String render(CheckRun result, DeploymentConfig config) {
        StringBuilder sb = new StringBuilder(TextSummary.render(result.assessment()));
        // a log or a run explained alone: nothing was probed, so no probing time or timeout to state
        if (!result.assessment().services().isEmpty()) {
            long notProbed = result.assessment().observations(Observation.ProbeFailure.class).stream()
                    .filter(f -> f.kind() == FailureKind.NOT_PROBED).count();
            sb.append(String.format(Locale.ROOT, "Probing    %.2f s (probe timeout %.2f s)%s%n",
                    result.probing().toMillis() / 1000.0, config.probe().timeout().toMillis() / 1000.0,
                    notProbed == 0 ? "" : "; " + notProbed + " probes not run: the check's time budget ran out"));
        }
        return sb.append("Wrote      ").append(files(result.files())).append('\n').toString();
    }

    /** {@code dir/ report.md, report.json, ...} when the files share a directory, else the full paths. */
    private static String files(List<Path> files) {
        if (files.isEmpty()) {
            return "nothing";
        }
        Path parent = files.get(0).getParent();
        if (parent == null || !files.stream().allMatch(f -> parent.equals(f.getParent()))) {
            return files.stream().map(Path::toString).collect(Collectors.joining(", "));
        }
        return parent + java.io.File.separator + " " + files.stream().map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", "));
    }
}
