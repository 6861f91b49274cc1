package io.sophia.probes.internal;

import io.sophia.core.Deployment;
import io.sophia.core.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the service a CI job deploys from the job's name.
 *
 * <p>Names are compared as slugs: lower case, every run of characters other than letters and
 * digits turned into one {@code -}. A job matches a service when the service's id slug or name slug
 * appears in the job's slug as whole words: {@code "Deploy MCP Repo"} ({@code deploy-mcp-repo})
 * matches the service named {@code "MCP Repo"} and the id {@code mcp-repo}; {@code "deploy (mcp-repo)"}
 * matches too, {@code "Deploy MCP Repository"} does not. When several services match, the longest
 * slug wins ({@code mcp-repo-admin} over {@code mcp-repo}); no match gives null.
 */
public final class JobMatcher {

    private record Candidate(String slug, String serviceId) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    public JobMatcher(Deployment deployment) {
        if (deployment != null) {
            for (Service s : deployment.services()) {
                candidates.add(new Candidate(slug(s.id()), s.id()));
                candidates.add(new Candidate(slug(s.name()), s.id()));
            }
        }
    }

    /** The id of the service {@code jobName} deploys, or null. */
    public String serviceOf(String jobName) {
        if (jobName == null) {
            return null;
        }
        String job = "-" + slug(jobName) + "-";
        Candidate best = null;
        for (Candidate c : candidates) {
            if (!c.slug().isEmpty() && job.contains("-" + c.slug() + "-")
                    && (best == null || c.slug().length() > best.slug().length())) {
                best = c;
            }
        }
        return best == null ? null : best.serviceId();
    }

    /** {@code text} in lower case with each run of non-alphanumerics turned into one dash, trimmed of dashes. */
    static String slug(String text) {
        if (text == null) {
            return "";
        }
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "-");
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }
}
