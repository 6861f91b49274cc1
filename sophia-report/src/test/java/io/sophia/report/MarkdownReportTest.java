package io.sophia.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownReportTest {

    private static final String MD = MarkdownReport.render(ReferenceScenario.assessment(), ReportFiles.FILE_NAMES);

    @Test
    void the_title_names_the_deployment_and_the_verdict() {
        String first = MD.lines().findFirst().orElseThrow();
        assertEquals("# 🔴 sophia-ai-v2 — BLOCKED, do not release", first);
        assertTrue(MD.contains("> **Verdict:** 1 of 6 services UP; CI run 17176258341 concluded failure at step "
                + "\"Deploy service (Dockerfile)\". Most probable cause: **Dockerfile build failure** (`build.dockerfile`) at 78.1 %."));
    }

    @Test
    void every_section_of_the_reference_scenario_is_present_in_order() {
        List<String> sections = List.of("## Executive summary", "## Key metrics", "## Service status", "## Pipeline",
                "## Log evidence", "## Root causes", "## Anomalies", "## Business impact", "## Actions",
                "## Gate: 🔴 BLOCKED", "## MCP servers", "## HTTP timing", "## Artifacts");
        int at = -1;
        for (String s : sections) {
            int i = MD.indexOf("\n" + s + "\n");
            assertTrue(i > at, s + " missing or out of order");
            at = i;
        }
    }

    @Test
    void the_executive_summary_gives_availability_top_cause_and_gate() {
        assertTrue(MD.contains("- **Availability:** 16.7 % — 1 of 6 services UP (5 DOWN)"));
        assertTrue(MD.contains("- **Top cause:** **Dockerfile build failure** (`build.dockerfile`) — **78.1 %**, HIGH confidence"));
        assertTrue(MD.contains("- **Gate:** 🔴 **BLOCKED** (score 25.0 %); failed: `critical-services-up`, "
                + "`deploy-run-succeeded`, `all-services-up`; warned: `tls-expiry`"));
    }

    @Test
    void the_service_matrix_has_six_rows_with_one_up_and_clear_markers() {
        List<String> rows = MD.lines().filter(l -> l.startsWith("| **")).toList();
        assertEquals(6, rows.size());
        assertEquals(1, rows.stream().filter(r -> r.contains("🟢 UP")).count());
        assertEquals(5, rows.stream().filter(r -> r.contains("🔴 DOWN")).count());
        assertTrue(rows.get(0).contains("| **Dashboard** `dashboard` · critical | `https://sophiaai-dashboard-v2.fly.dev` "
                + "| 🔴 DOWN | — | 16 ms | connection refused | — |"), rows.get(0));
        assertTrue(rows.get(3).contains("| 503 | 33 ms | HTTP 503 Service Unavailable |"), rows.get(3));
        assertTrue(rows.get(1).contains("`2025.08.02-4f1c2ab`"), rows.get(1));
    }

    @Test
    void the_pipeline_breakdown_marks_the_failing_step_of_each_failed_job() {
        assertTrue(MD.contains("**[Run 17176258341](https://github.com/sophia-ai/sophia/actions/runs/17176258341)**"));
        assertTrue(MD.contains("trigger `workflow_dispatch`"));
        assertTrue(MD.contains("- ❌ 5 · **Deploy service (Dockerfile)** — failure · 9 s ← **failed here**"));
        assertTrue(MD.contains("- ❌ 3 · **Deploy service (Dockerfile)** — failure · 2 s ← **failed here**"));
        assertTrue(MD.contains("🚫 **Deploy MCP Repo** — cancelled · 18 s"));
        assertTrue(MD.contains("✅ **Preflight (repo & secrets)** — success · 3 s"));
        assertEquals(2, count(MD, "failed here"));
    }

    @Test
    void a_runner_level_annotation_names_its_step_and_not_the_pseudo_path_github() {
        assertTrue(MD.contains("failure in **Deploy Dashboard**: Deploy service (Dockerfile) — Process completed with exit code 1."),
                MD);
        assertFalse(MD.contains("`.github"), "GitHub's .github pseudo path points nowhere");
    }

    @Test
    void the_log_evidence_quotes_the_buildkit_line_with_step_and_line_number() {
        assertTrue(MD.contains("**Deploy Dashboard** › step **Deploy service (Dockerfile)** › line 312"));
        int fence = MD.indexOf("```text\n", MD.indexOf("## Log evidence"));
        int end = MD.indexOf("\n```\n", fence);
        assertTrue(MD.substring(fence, end).contains(ReferenceScenario.BUILDKIT_LINE));
    }

    @Test
    void causes_are_ranked_with_probability_confidence_explanation_and_weighted_evidence() {
        assertTrue(MD.contains("| 1 | Dockerfile build failure `build.dockerfile` | ████████░░ 78.1 % | HIGH |"));
        assertTrue(MD.contains("### 1. Dockerfile build failure — 78.1 %, HIGH confidence"));
        assertTrue(MD.contains("argues against a configuration or platform cause."));
        assertTrue(MD.contains("| ➕ for | 2.3 | BuildKit reported \"failed to solve\" in step Deploy service (Dockerfile) of 2 deploy jobs |"));
        assertTrue(MD.contains("| ➖ against | 0.22 | MCP Repo, built by the same workflow, is serving |"));
        assertTrue(MD.indexOf("`platform.quota`") < MD.indexOf("`config.invalid`"));
    }

    @Test
    void the_stale_version_anomaly_says_what_each_source_said() {
        assertTrue(MD.contains("- ⚠️ `stale-version-serving` on **mcp-repo**: MCP Repo answers although its deploy job was cancelled"));
        assertTrue(MD.contains("  - GitHub: job Deploy MCP Repo was cancelled after 18 s"));
    }

    @Test
    void impact_lists_five_capabilities_offline_and_one_online() {
        assertTrue(MD.contains("**Severity: SEVERE** — 1 of 6 services UP, availability 16.7 %."));
        assertTrue(MD.contains("**Offline (5):**"));
        assertTrue(MD.contains("**Online (1):**\n\n- ✅ GitHub integration"));
    }

    @Test
    void actions_are_grouped_by_priority_with_their_time_windows() {
        int p0 = MD.indexOf("### P0 — act now (within 1 hour)");
        int p1 = MD.indexOf("### P1 — next (within 2 hours)");
        int p2 = MD.indexOf("### P2 — later (within 1 day)");
        assertTrue(p0 > 0 && p1 > p0 && p2 > p1);
        assertTrue(MD.contains("2. **Re-run the deploy workflow after the fix** — within 30 minutes."));
    }

    @Test
    void the_gate_shows_each_criterion_with_outcome_value_and_threshold() {
        assertTrue(MD.contains("| `critical-services-up` Every critical service is UP | 🔑 key | 3.0 | ❌ FAIL | "
                + "3 of 3 critical services DOWN | all critical services UP |"));
        assertTrue(MD.contains("| ✅ PASS |"));
        assertTrue(MD.contains("| ⚠️ WARN |"));
    }

    @Test
    void artifacts_and_footer_close_the_report() {
        assertTrue(MD.contains("## Artifacts\n\n- `report.md`\n- `report.json`\n- `report.html`\n- `junit.xml`\n"));
        assertTrue(MD.endsWith("_Generated by Sophia at 2025-08-23T14:12:55.244Z · report schema 1.0_\n"), MD);
    }

    @Test
    void sections_without_data_are_left_out() {
        String md = MarkdownReport.render(ReferenceScenario.healthy());
        for (String s : List.of("## Pipeline", "## Log evidence", "## Root causes", "## Anomalies", "## Actions",
                "## Platform machines", "## MCP servers", "## TLS certificates", "## Artifacts")) {
            assertFalse(md.contains(s), s + " should be absent");
        }
        assertTrue(md.startsWith("# 🟢 shop — OPEN, healthy"));
        assertTrue(md.contains("- **Top cause:** none — nothing failing needs explaining"));
        assertFalse(MD.contains("## Platform machines"));
    }

    @Test
    void platform_tls_expectations_and_unread_sources_appear_when_observed() {
        String md = MarkdownReport.render(ReferenceScenario.withPlatform());
        assertTrue(md.contains("## Platform machines"));
        assertTrue(md.contains("| `dashboard` | `sophiaai-dashboard-v2` | `148ed193b95089` dashboard-1 | 🔴 failed |"));
        assertTrue(md.contains("exit stopped, exit 137, OOM killed"));
        assertTrue(md.contains("check **servicecheck-00-http-8080** critical: connect: connection refused"));
        assertTrue(md.contains("## TLS certificates"));
        assertTrue(md.contains("| 9 | ❌ expires soon |"));
        assertTrue(md.contains("## Failed expectations\n\n- ❌ **mcp-context** `[STATUS] == 200` — actual `503`"));
        assertTrue(md.contains("## Sources that could not be read\n\n- ❌ fly `GET /v1/apps/sophiaai-jobs-v2/machines`: "
                + "UNAUTHORIZED (HTTP 401)"));
    }

    @Test
    void long_evidence_folds_into_collapsible_sections_and_the_essentials_stay_in_view() {
        String md = MarkdownReport.render(ReferenceScenario.withPlatform());
        assertEquals(count(md, "<details"), count(md, "</details>"), "balanced");
        // the failed job's steps fold, with the failed step named in the summary
        assertTrue(md.contains("<details>\n<summary>6 steps, failed at step 5</summary>\n\n- ✅ 1 · Set up job"), md);
        // the best log finding is in view, the second folds
        int firstFinding = md.indexOf("**1.** ");
        int fold = md.indexOf("<summary>1 more log finding</summary>");
        int secondFinding = md.indexOf("**2.** ");
        assertTrue(firstFinding > 0 && firstFinding < fold && fold < secondFinding, md);
        assertFalse(md.substring(md.lastIndexOf("<details", firstFinding) + 1, firstFinding).contains("<summary>1 more"));
        // the top cause's evidence is open, the others start folded
        assertTrue(md.contains("<details open>\n<summary>Evidence: 2 for, 1 against</summary>\n\n| | Weight |"), md);
        assertTrue(md.contains("<details>\n<summary>Evidence: 0 for, 1 against</summary>"), md);
    }

    @Test
    void the_same_assessment_renders_to_the_same_bytes() {
        assertEquals(MD, MarkdownReport.render(ReferenceScenario.assessment(), ReportFiles.FILE_NAMES));
        assertEquals(MarkdownReport.render(ReferenceScenario.hostile()), MarkdownReport.render(ReferenceScenario.hostile()));
    }

    @Test
    void hostile_names_bodies_and_log_lines_cannot_inject_html_links_or_table_cells() {
        String md = MarkdownReport.render(ReferenceScenario.hostile());
        // the renderer's own collapsible sections are the only tags it writes
        String outsideFences = stripFences(md).replaceAll("</?(details|summary)( open)?>", "");
        // a tag opens only with an unescaped '<'; a link only with an unescaped ']('
        assertFalse(Pattern.compile("(?<!\\\\)<(script|img|iframe|marquee|b>|/)").matcher(outsideFences).find(),
                "unescaped tag");
        assertFalse(Pattern.compile("(?<!\\\\)\\]\\(").matcher(outsideFences.replaceAll("\\]\\(https://github\\.com/", ""))
                .find(), "unescaped link");
        assertTrue(md.contains("\\<script\\>alert('x')\\</script\\>"));
        assertTrue(md.contains("\\[click\\](javascript:alert(1))"));
        for (char c = 0; c < 32; c++) {
            if (c != '\n') {
                assertEquals(-1, md.indexOf(c), "control character " + (int) c);
            }
        }
        // every table row keeps its column count: escaped pipes are not separators (the hostile owner adds a column)
        String header = "| Service | Endpoint | Status | HTTP | Latency | Failure | Version | Owner |";
        assertTrue(md.contains(header + "\n"), "the owner column");
        tableRows(md, "## Service status").forEach(l -> assertEquals(separators(header), separators(l), l));
        String escalation = "| Owner | Contact | Services | Capabilities at stake | Most urgent action |";
        assertTrue(md.contains(escalation + "\n"), "the escalation table");
        List<String> contacts = tableRows(md, "## Escalation");
        assertEquals(2, contacts.size(), "the hostile owner's group and the unowned one: " + contacts);
        contacts.forEach(l -> assertEquals(separators(escalation), separators(l), l));
        md.lines().filter(l -> l.startsWith("| `critical-services-up`")).forEach(l -> assertEquals(7, separators(l), l));
    }

    /** The body rows of the first table after {@code heading}. */
    private static List<String> tableRows(String md, String heading) {
        List<String> lines = md.lines().toList();
        int i = lines.indexOf(heading);
        assertTrue(i >= 0, heading);
        while (!lines.get(i).startsWith("|")) {
            i++;
        }
        List<String> rows = new java.util.ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }
        return rows;
    }

    @Test
    void a_log_line_with_backtick_fences_stays_inside_a_longer_fence() {
        String md = MarkdownReport.render(ReferenceScenario.hostile());
        int at = md.indexOf("## Log evidence");
        int open = md.indexOf("``````text\n", at);
        assertTrue(open > 0, "fence of six backticks for a line holding five");
        int close = md.indexOf("\n``````\n", open);
        String inside = md.substring(open, close);
        assertTrue(inside.contains("</code></pre><script>alert(\"log\")</script>"));
        assertTrue(inside.contains("`````"));
    }

    @Test
    void the_short_summary_has_the_verdict_services_and_top_causes_but_not_the_details() {
        String s = MarkdownReport.summary(ReferenceScenario.assessment());
        assertTrue(s.contains("# 🔴 sophia-ai-v2 — BLOCKED"));
        assertTrue(s.contains("- 🔴 **Dashboard** (`dashboard`) DOWN: connection refused"));
        assertTrue(s.contains("1. **Dockerfile build failure** (`build.dockerfile`) — 78.1 %, HIGH confidence"));
        assertFalse(s.contains("## Pipeline"));
        assertTrue(s.length() < MD.length() / 3);
    }

    private static String stripFences(String md) {
        return md.replaceAll("(?s)(`{3,})text\\n.*?\\n\\1\\n", "");
    }

    /** Number of unescaped pipes outside code spans' escaped form. */
    private static int separators(String row) {
        int n = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '|' && (i == 0 || row.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
