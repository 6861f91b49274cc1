package io.sophia.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Changed paths classed by name: the six files of the recorded hub4j comparison and common layouts. */
class ChangeClassTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // the files of hub4j-test-org/github-api compare e46a9f3f...8051615e (../shared/corpus/github-api)
            ".github/workflows/maven.yml, WORKFLOW",
            "README, DOCUMENTATION",
            "README.md, DOCUMENTATION",
            "pom.xml, DEPENDENCIES",
            "squashMerge, OTHER",
            "updateContentSquashMerge, OTHER",
            // the classes the issue names
            "Dockerfile, DOCKERFILE",
            "services/api/Dockerfile.prod, DOCKERFILE",
            "api.Dockerfile, DOCKERFILE",
            ".dockerignore, DOCKERFILE",
            "package-lock.json, DEPENDENCIES",
            "web/yarn.lock, DEPENDENCIES",
            "pnpm-lock.yaml, DEPENDENCIES",
            "poetry.lock, DEPENDENCIES",
            "requirements-dev.txt, DEPENDENCIES",
            "go.sum, DEPENDENCIES",
            "Cargo.lock, DEPENDENCIES",
            "app/build.gradle.kts, DEPENDENCIES",
            "Gemfile.lock, DEPENDENCIES",
            "mix.lock, DEPENDENCIES",
            "gradle/libs.versions.toml, DEPENDENCIES",
            "fly.toml, PLATFORM_CONFIG",
            "apps/api/fly.staging.toml, PLATFORM_CONFIG",
            "Procfile, PLATFORM_CONFIG",
            "k8s/deployment.yaml, PLATFORM_CONFIG",
            "infra/main.tf, PLATFORM_CONFIG",
            "db/migrate/20240101_add_users.rb, MIGRATION",
            "priv/repo/migrations/20240101_add.exs, MIGRATION",
            "src/main/resources/db/migration/V2__add_index.sql, MIGRATION",
            "alembic/versions/abc_add.py, MIGRATION",
            "prisma/schema.prisma, MIGRATION",
            "src/main/java/App.java, APPLICATION",
            "server.js, APPLICATION",
            "app/models/user.rb, APPLICATION",
            "config/application.yml, APPLICATION",
            "docs/deploy.md, DOCUMENTATION",
            "LICENSE, DOCUMENTATION",
            ".gitlab-ci.yml, WORKFLOW",
            ".github/actions/setup/action.yml, WORKFLOW",
            "logo.png, OTHER"})
    void paths_are_classed_by_name(String path, ChangeClass expected) {
        assertEquals(expected, ChangeClass.of(path));
    }

    @Test
    void blank_and_odd_paths_are_other_or_normalised() {
        assertEquals(ChangeClass.OTHER, ChangeClass.of(null));
        assertEquals(ChangeClass.OTHER, ChangeClass.of("  "));
        assertEquals(ChangeClass.DEPENDENCIES, ChangeClass.of("./Package-Lock.JSON"));
        assertEquals(ChangeClass.WORKFLOW, ChangeClass.of("\\.github\\workflows\\deploy.yml"));
    }

    @Test
    void wire_names_read_back() {
        for (ChangeClass c : ChangeClass.values()) {
            assertEquals(c, ChangeClass.ofWire(c.wire()));
        }
        assertEquals(ChangeClass.OTHER, ChangeClass.ofWire("no-such-class"));
    }

    @Test
    void a_change_set_classes_its_files_and_keeps_the_first_line_of_messages() {
        Observation.ChangeSet cs = new Observation.ChangeSet(null, Source.GITHUB, "o/r", 1, "a", 2, "b", "ahead", 1,
                List.of(new Observation.ChangedCommit("b", "Bump lodash\r\n\nlong body", "dev", null)),
                List.of(new Observation.ChangedFile("package-lock.json", null, null, "modified", 10, 2),
                        new Observation.ChangedFile("fly.toml", null, null, "modified", 1, 1)),
                false, null);
        assertEquals("Bump lodash", cs.commits().get(0).message());
        assertEquals(Set.of(ChangeClass.DEPENDENCIES, ChangeClass.PLATFORM_CONFIG), cs.classes());
        assertEquals("fly.toml", cs.files(ChangeClass.PLATFORM_CONFIG).get(0).path());
    }
}
