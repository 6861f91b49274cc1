package io.sophia.core;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of file a change between two deploys touched, so that "what changed since the last
 * good deploy" can be read as evidence: a changed lockfile points at the dependency download, a
 * changed {@code fly.toml} at the platform configuration. {@link #of(String)} classes a
 * repository path by name alone (no content is read); the first class whose rule matches wins, in
 * declaration order.
 *
 * <p>Stability: public API; classes may be added, never renamed ({@link #wire()} is written to
 * report.json).
 */
public enum ChangeClass {

    /** {@code .github/workflows/*}, composite actions and other CI pipeline files. */
    WORKFLOW("workflow", "CI workflow files"),
    /** {@code Dockerfile}, {@code Containerfile}, {@code .dockerignore}, compose and bake files. */
    DOCKERFILE("dockerfile", "Dockerfile and build context"),
    /** Lockfiles and package manifests of every common ecosystem, runtime version pins. */
    DEPENDENCIES("dependencies", "lockfiles and manifests"),
    /** {@code fly.toml} and the deploy configuration of other platforms (Procfile, render.yaml, Kubernetes, Terraform). */
    PLATFORM_CONFIG("platform-config", "fly.toml and platform config"),
    /** Database migrations and schema files. */
    MIGRATION("migration", "migrations"),
    /** READMEs, changelogs, licences, {@code docs/}. */
    DOCUMENTATION("documentation", "documentation"),
    /** Source code and the application's own configuration. */
    APPLICATION("application", "application code"),
    /** Anything none of the rules above names. */
    OTHER("other", "other files");

    private static final Set<String> WORKFLOW_NAMES = Set.of(".gitlab-ci.yml", "jenkinsfile", "azure-pipelines.yml",
            "bitbucket-pipelines.yml", ".travis.yml", "cloudbuild.yaml", "cloudbuild.yml", "buildspec.yml",
            "action.yml", "action.yaml");
    private static final Set<String> DOCKER_NAMES = Set.of("dockerfile", "containerfile", ".dockerignore",
            ".containerignore", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml",
            "docker-bake.hcl", "docker-bake.json", "nixpacks.toml", "project.toml");
    private static final Set<String> DEPENDENCY_NAMES = Set.of(
            "package.json", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
            "pnpm-workspace.yaml", "bun.lockb", "bun.lock", "deno.lock", ".npmrc", ".yarnrc", ".yarnrc.yml",
            "poetry.lock", "pyproject.toml", "pipfile", "pipfile.lock", "setup.py", "setup.cfg", "uv.lock", "pdm.lock",
            "go.mod", "go.sum", "go.work", "go.work.sum", "cargo.toml", "cargo.lock",
            "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.lockfile",
            "libs.versions.toml", "gradle-wrapper.properties", "maven-wrapper.properties",
            "gemfile", "gemfile.lock", "mix.exs", "mix.lock", "rebar.config", "rebar.lock",
            "composer.json", "composer.lock", "packages.lock.json", "directory.packages.props", "nuget.config",
            "package.resolved", "podfile.lock", "pubspec.yaml", "pubspec.lock", "flake.lock", "build.sbt",
            ".nvmrc", ".node-version", ".python-version", ".ruby-version", ".tool-versions", ".java-version",
            "runtime.txt", "rust-toolchain", "rust-toolchain.toml");
    private static final Set<String> PLATFORM_NAMES = Set.of("procfile", "app.json", "render.yaml", "railway.json",
            "railway.toml", "vercel.json", "netlify.toml", "heroku.yml", "app.yaml", "kustomization.yaml",
            "chart.yaml", "skaffold.yaml", "serverless.yml", "serverless.yaml", "wrangler.toml", "appspec.yml");
    private static final Set<String> PLATFORM_DIRS = Set.of(".fly", "k8s", "kubernetes", "helm", "charts", "deploy",
            "deployment", "manifests", "terraform", "infra", ".platform");
    private static final Set<String> MIGRATION_DIRS = Set.of("migrations", "migration", "migrate", "alembic", "flyway",
            "liquibase", "changelog", "changelogs", "db_migrations");
    private static final Set<String> MIGRATION_NAMES = Set.of("schema.rb", "structure.sql", "schema.prisma");
    private static final Set<String> DOC_PREFIXES = Set.of("readme", "changelog", "changes", "license", "licence",
            "notice", "contributing", "code_of_conduct", "security", "authors", "history");
    private static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "asciidoc");
    private static final Set<String> DOC_DIRS = Set.of("docs", "doc", "documentation");
    private static final Set<String> SOURCE_EXTENSIONS = Set.of("java", "kt", "kts", "scala", "groovy", "clj", "py",
            "pyi", "rb", "erb", "js", "mjs", "cjs", "ts", "mts", "cts", "tsx", "jsx", "vue", "svelte", "go", "rs", "ex",
            "exs", "heex", "eex", "erl", "hrl", "php", "cs", "fs", "vb", "swift", "c", "h", "cc", "cpp", "hpp", "m", "mm",
            "dart", "lua", "pl", "pm", "r", "jl", "zig", "nim", "sh", "bash", "ps1", "html", "htm", "css", "scss",
            "sass", "less", "sql", "graphql", "gql", "proto", "properties", "yml", "yaml", "json", "toml", "ini", "conf",
            "cfg", "xml", "env", "tmpl", "tpl", "jinja", "j2", "hbs", "ejs", "twig");
    private static final Set<String> SOURCE_DIRS = Set.of("src", "app", "lib", "cmd", "pkg", "internal", "test",
            "tests", "spec", "priv", "config", "server", "client", "web", "public", "static", "templates");

    private final String wire;
    private final String label;

    ChangeClass(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    /** {@return the class's name in report.json and in rule files ({@code platform-config})} */
    public String wire() {
        return wire;
    }

    /** {@return the class for a reader ("lockfiles and manifests")} */
    public String label() {
        return label;
    }

    /**
     * {@return the class named {@code wire} (case-insensitive), or {@link #OTHER} for a name not known}
     *
     * @param wire the wire
     */
    public static ChangeClass ofWire(String wire) {
        for (ChangeClass c : values()) {
            if (c.wire.equalsIgnoreCase(wire == null ? "" : wire.strip())) {
                return c;
            }
        }
        return OTHER;
    }

    /**
     * {@return the class of a repository path ({@code services/api/package-lock.json}), by its name and the
     * directories it lies in; a null or blank path is {@link #OTHER}}
     *
     * @param path the path
     */
    public static ChangeClass of(String path) {
        if (path == null || path.isBlank()) {
            return OTHER;
        }
        String p = path.strip().replace('\\', '/').toLowerCase(Locale.ROOT);
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("/") ? 1 : 2);
        }
        String[] parts = p.split("/");
        String name = parts[parts.length - 1];
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        if (p.startsWith(".github/workflows/") || p.startsWith(".github/actions/") || p.startsWith(".circleci/")
                || p.startsWith(".buildkite/") || WORKFLOW_NAMES.contains(name)) {
            return WORKFLOW;
        }
        if (DOCKER_NAMES.contains(name) || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.startsWith("containerfile.") || name.startsWith("docker-compose.")) {
            return DOCKERFILE;
        }
        if (DEPENDENCY_NAMES.contains(name) || name.endsWith(".gemspec") || name.endsWith(".csproj")
                || name.endsWith(".fsproj") || (name.startsWith("requirements") && ext.equals("txt"))
                || (name.startsWith("requirements") && ext.equals("in"))
                || (name.startsWith("constraints") && ext.equals("txt"))) {
            return DEPENDENCIES;
        }
        if (name.equals("fly.toml") || (name.startsWith("fly.") && ext.equals("toml")) || name.endsWith(".fly.toml")
                || PLATFORM_NAMES.contains(name) || ext.equals("tf") || ext.equals("tfvars")
                || (parts.length > 1 && PLATFORM_DIRS.contains(parts[0]))) {
            return PLATFORM_CONFIG;
        }
        if (MIGRATION_NAMES.contains(name) || name.matches("v\\d+(_\\d+)*__.+\\.sql")
                || anyDirIn(parts, MIGRATION_DIRS)) {
            return MIGRATION;
        }
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (DOC_EXTENSIONS.contains(ext) || DOC_PREFIXES.contains(stem) || (parts.length > 1 && DOC_DIRS.contains(parts[0]))) {
            return DOCUMENTATION;
        }
        if (SOURCE_EXTENSIONS.contains(ext) || anyDirIn(parts, SOURCE_DIRS)) {
            return APPLICATION;
        }
        return OTHER;
    }

    private static boolean anyDirIn(String[] parts, Set<String> dirs) {
        for (int i = 0; i < parts.length - 1; i++) {
            if (dirs.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }
}
