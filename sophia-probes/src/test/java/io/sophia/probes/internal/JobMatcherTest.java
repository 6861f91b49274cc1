package io.sophia.probes.internal;

import io.sophia.core.Deployment;
import io.sophia.core.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("JobMatcher finds the service a CI job deploys")
class JobMatcherTest {

    private static Service svc(String id, String name) {
        return Service.builder(id, "http://127.0.0.1/").name(name).build();
    }

    private final JobMatcher matcher = new JobMatcher(new Deployment("fleet", List.of(
            svc("mcp-repo", "MCP Repo"), svc("mcp-repo-admin", "Repo Admin"), svc("dashboard", "Operations Dashboard"))));

    @Test
    @DisplayName("by the service name as whole words, ignoring case and punctuation")
    void byName() {
        assertEquals("mcp-repo", matcher.serviceOf("Deploy MCP Repo"));
        assertEquals("dashboard", matcher.serviceOf("deploy / Operations Dashboard"));
    }

    @Test
    @DisplayName("by the service id, as in matrix job names")
    void byId() {
        assertEquals("mcp-repo", matcher.serviceOf("deploy (mcp-repo)"));
    }

    @Test
    @DisplayName("the longest match wins")
    void longest() {
        assertEquals("mcp-repo-admin", matcher.serviceOf("Deploy mcp-repo-admin"));
    }

    @Test
    @DisplayName("a partial word does not match")
    void partialWord() {
        assertNull(matcher.serviceOf("Deploy MCP Repository"));
        assertNull(matcher.serviceOf("Run tests"));
    }
}
