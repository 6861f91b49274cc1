package io.sophia.core;

import java.util.List;
import java.util.Objects;

/**
 * Two sources that contradict each other, such as a cancelled deploy job while its service answers.
 *
 * @param kind        stable id of the contradiction ({@code stale-version-serving}, {@code run-succeeded-service-down} …)
 * @param serviceId   the service concerned, or null
 * @param summary     what it means, in one sentence
 * @param statements  what each source said, one entry each ("GitHub: job Deploy MCP Repo was cancelled")
 */
public record Anomaly(String kind, String serviceId, String summary, List<String> statements) {
    /**
     * Canonical constructor: copies the collections, so the record is immutable.
     *
     * @param kind       stable id of the contradiction ({@code stale-version-serving}, {@code
     *                   run-succeeded-service-down} …)
     * @param serviceId  the service concerned, or null
     * @param summary    what it means, in one sentence
     * @param statements what each source said, one entry each ("GitHub: job Deploy MCP Repo was cancelled")
     */
    public Anomaly {
        statements = List.copyOf(Objects.requireNonNullElse(statements, List.of()));
    }
}
