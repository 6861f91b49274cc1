package io.sophia.report;

import io.sophia.core.Source;
import io.sophia.core.Assessment;
import io.sophia.core.ChangeClass;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Observation.ChangeSet;
import io.sophia.core.Observation.ChangedCommit;
import io.sophia.core.Observation.ChangedFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Changed since the last good deploy" in every report. The change set is the one the GitHub
 * probe reads from hub4j's recorded comparison (../shared/corpus/github-api/hub4j-recorded/
 * GHRepositoryTest/wiremock/listCommitsBetween): 9 commits, 6 files; one hostile path is added.
 */
@DisplayName("Reports: changed since the last good deploy")
class ChangeSectionTest {

    static final String BASE = "e46a9f3f2ac55db96de3c5c4706f2813b3a96465";
    static final String HEAD = "8051615eff597f4e49f4f47625e6fc2b49f26bfc";
    static final String COMPARE = "https://github.com/hub4j-test-org/github-api/compare/" + BASE + "..." + HEAD;

    static ChangeSet recorded() {
        List<ChangedFile> files = List.of(
                new ChangedFile(".github/workflows/maven.yml", null, null, "modified", 1, 7),
                new ChangedFile("README", null, null, "removed", 0, 3),
                new ChangedFile("README.md", null, null, "added", 3, 0),
                new ChangedFile("pom.xml", null, null, "modified", 6, 6),
                new ChangedFile("squashMerge", null, null, "added", 1, 0),
                new ChangedFile("src/<script>alert(1)</script>*x*.js", null, null, "added", 1, 0));
        List<ChangedCommit> commits = List.of(
                new ChangedCommit("499d91f9f846b0f22d39fa3c2e2b6e5f4a1b2c3d", "jackson-databind 2.9.9.3", "sullis",
                        "https://github.com/hub4j-test-org/github-api/commit/499d91f9f846b0f22d39fa3c2e2b6e5f4a1b2c3d"),
                new ChangedCommit(HEAD, "squashMerge (#333)\n\nbody", "bitwiseman", null));
        return new ChangeSet(null, Source.GITHUB, "hub4j-test-org/github-api", 6804432017L, BASE, 7842477524L, HEAD, "ahead", 9,
                commits, files, false, COMPARE);
    }

    static Assessment with(Observation... extra) {
        Assessment a = ReferenceScenario.assessment();
        List<Observation> obs = new ArrayList<>(a.observations());
        obs.addAll(List.of(extra));
        return a.toBuilder().observations(obs).build();
    }

    @Test
    @DisplayName("Markdown: a section with the compare link, the telling classes in bold, collapsible files and commits")
    void markdown() {
        String md = MarkdownReport.render(with(recorded()));

        assertTrue(md.contains("## Changed since the last good deploy"), md);
        assertTrue(md.contains("Last good deploy run 6804432017 `e46a9f3` → run 7842477524 `8051615`: **9 commits**, **6 files** — ["
                + "compare on GitHub](" + COMPARE + ")"), md);
        assertTrue(md.contains("- **CI workflow files** (1): `.github/workflows/maven.yml`"), md);
        assertTrue(md.contains("- **Lockfiles and manifests** (1): `pom.xml`"), md);
        assertTrue(md.contains("- Documentation (2): `README`, `README.md`"), md);
        assertTrue(md.contains("<details><summary>6 changed files by class</summary>"), md);
        assertTrue(md.contains("- `pom.xml` — modified, +6 −6"), md);
        assertTrue(md.contains("- [499d91f](https://github.com/hub4j-test-org/github-api/commit/"), md);
        assertTrue(md.contains("`8051615` squashMerge (#333) — bitwiseman"), md);
        // a path is a code span, whose content CommonMark prints literally, never as markup
        assertEquals(md.split("<script>", -1).length - 1, md.split("`src/<script>", -1).length - 1, md);
        assertTrue(md.indexOf("## Changed since the last good deploy") > md.indexOf("## Pipeline"), "after the pipeline");
    }

    @Test
    @DisplayName("HTML: the same section, escaped, with details elements")
    void html() {
        String html = HtmlReport.render(with(recorded()));

        assertTrue(html.contains("<section id=\"changes\">\n<h2>Changed since the last good deploy</h2>"), html);
        assertTrue(html.contains("<a href=\"" + COMPARE + "\" rel=\"noopener noreferrer\">compare on GitHub</a>"));
        assertTrue(html.contains("<li><strong>Lockfiles and manifests</strong> (1): <code>pom.xml</code></li>"));
        assertTrue(html.contains("<details><summary>6 changed files by class</summary>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    @DisplayName("JSON: the change set is a change-set observation that reads back equal and conforms to the schema")
    void json() throws Exception {
        Assessment a = with(recorded(), new Observation.ChangeSetUnavailable(null, Source.GITHUB, "o/r", 1, "http://x/compare",
                FailureKind.RATE_LIMITED, 403, "rate limited"));
        String json = JsonReport.render(a);

        assertTrue(json.contains("\"type\": \"change-set\""), json);
        assertTrue(json.contains("\"changeClass\": \"dependencies\""), json);
        assertTrue(json.contains("\"type\": \"change-set-unavailable\""), json);
        Assessment back = JsonReport.read(json);
        assertEquals(a.observations(ChangeSet.class), back.observations(ChangeSet.class));
        assertEquals(a.observations(Observation.ChangeSetUnavailable.class),
                back.observations(Observation.ChangeSetUnavailable.class));
        assertEquals(ChangeClass.DEPENDENCIES, back.observations(ChangeSet.class).get(0).files().get(3).changeClass());
        assertEquals(List.of(), SchemaCheck.violations(JsonReport.schema(), json));
    }

    @Test
    @DisplayName("a class a later version adds reads back as 'other'")
    void unknownClass() {
        String json = JsonReport.render(with(recorded())).replace("\"changeClass\": \"dependencies\"",
                "\"changeClass\": \"infrastructure-as-poetry\"");
        ChangeSet back = JsonReport.read(json).observations(ChangeSet.class).get(0);
        assertEquals(ChangeClass.OTHER, back.files().get(3).changeClass());
    }

    @Test
    @DisplayName("not compared: the reason, in Markdown and HTML")
    void unavailable() {
        Assessment a = with(new Observation.ChangeSetUnavailable(null, Source.GITHUB, "o/r", 1, "http://x/compare",
                FailureKind.NOT_FOUND, null, "no successful run of workflow \"deploy\" on branch main before run 1"));

        String md = MarkdownReport.render(a);
        String html = HtmlReport.render(a);

        assertTrue(md.contains("_Not compared (NOT_FOUND): no successful run of workflow \"deploy\" on branch main before run 1_"), md);
        assertTrue(html.contains("Not compared (NOT_FOUND): no successful run of workflow &quot;deploy&quot;"), html);
    }

    @Test
    @DisplayName("a re-run of the same commit says nothing changed")
    void sameCommit() {
        Assessment a = with(new ChangeSet(null, Source.GITHUB, "o/r", 5, HEAD, 6, HEAD, "identical", 0, List.of(), List.of(),
                false, null));
        assertTrue(MarkdownReport.render(a).contains("**the same commit** — nothing in the repository changed"));
    }

    @Test
    @DisplayName("without a change observation there is no section")
    void absent() {
        assertFalse(MarkdownReport.render(ReferenceScenario.assessment()).contains("Changed since the last good deploy"));
        assertFalse(HtmlReport.render(ReferenceScenario.assessment()).contains("id=\"changes\""));
    }

    @Test
    @DisplayName("per platform app: the image of the healthy machines against the image of the failing ones")
    void releaseSplit() {
        String old = "registry.fly.io/shop-api:deployment-01J9";
        String fresh = "registry.fly.io/shop-api:deployment-01JA";
        Assessment a = with(
                Observation.PlatformMachine.builder("api", Source.FLY, "shop-api", "m1").name("m1")
                        .state("started", false).region("fra").imageRef(old).hostStatus("ok")
                        .updatedAt(ReferenceScenario.assessment().generatedAt()).build(),
                Observation.PlatformMachine.builder("api", Source.FLY, "shop-api", "m2").name("m2")
                        .state("failed", false).region("fra").imageRef(fresh).hostStatus("ok")
                        .updatedAt(ReferenceScenario.assessment().generatedAt()).build());

        String md = MarkdownReport.render(a);
        String html = HtmlReport.render(a);

        assertTrue(md.contains("## Changed since the last good deploy\n\n- Platform app `shop-api`: 1 healthy machine(s) on `"
                + old + "`, 1 failing on `" + fresh + "`"), md);
        assertTrue(html.contains("<li>Platform app <code>shop-api</code>: 1 healthy machine(s) on <code>" + old
                + "</code>, 1 failing on <code>" + fresh + "</code></li>"), html);
    }
}
