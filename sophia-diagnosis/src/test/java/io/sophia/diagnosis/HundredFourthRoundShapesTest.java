package io.sophia.diagnosis;

import io.sophia.core.Assessment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * General shapes of the thirty-sixth session's rule writer rules36-p165, each in its tool's own words: its round on
 * p165- (release commands and application boot across languages, many on Fly with machine state). Zeitwerk refusing
 * a file at eager load; Bundler's "Bundler::GemNotFound: Could not find X in any of the sources" at run time (the class
 * first, widening bundler.gems-missing-at-runtime); the buildpack's JVM memory calculator refusing a machine too small
 * for the JVM; Maven packaging an empty jar; HotSpot refusing its heap options; .NET options validation refusing a
 * value out of range; a start-up check for an environment variable without its name on the line; gunicorn given a
 * file path for a module; a Spring placeholder that the build fills from its own metadata. Each is tested on its
 * source's words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes
 * and a line of another cause that shares its words); each new log indication reads no line of the shared corpus and,
 * on the labelled scenarios, only lines of its own cause (or a consequence named with its reason). The knowledge
 * base's new readings (a machine's exit naming an invalid setting or the memory calculator, a probe's detail that is
 * the kubelet's kill on a failed probe, a build-metadata placeholder not being a setting to set, a loader's refusal in
 * a test step, Bundler's exception class at require time, an empty jar behind a class not found, a loopback database
 * shown exiting under the same process manager) are pinned on their scenarios.
 */
class HundredFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules36-p165 (p165-: release commands and application boot)
            Map.entry("config.env-var-must-be-defined", "config.missing-secret"),
            Map.entry("dotnet.options-value-invalid", "config.invalid"),
            Map.entry("jvm.heap-options-refused", "config.invalid"),
            Map.entry("jvm.memory-calculator-exceeds-limit", "app.oom"),
            Map.entry("maven.jar-will-be-empty", "build.dockerfile"),
            Map.entry("python.module-name-is-a-path", "config.invalid"),
            Map.entry("spring.placeholder-build-metadata", "config.invalid"),
            Map.entry("zeitwerk.expected-file-to-define-constant", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("config.env-var-must-be-defined", "2026-11-30T14:03:12Z\tERROR\tsetup\tplease define the environment variable\t{\"name\": \"KYVERNO_POD_NAME\", \"error\": \"environement variable must be defined\"}");
        ROUND.readsNot("config.env-var-must-be-defined", "npm ERR! please set the environment variable NODE_OPTIONS=--max-old-space-size=4096 and retry");
        ROUND.reads("config.env-var-must-be-defined", "Error: environment variable must be set");
        ROUND.readsNot("config.env-var-must-be-defined", "The environment variable DOCKER_HOST is set, using tcp://docker:2375");
        ROUND.reads("dotnet.options-value-invalid", "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for members: 'RetryCount' with the error: 'Out of range.'.");
        ROUND.readsNot("dotnet.options-value-invalid", "Unhandled exception. Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for members: 'ClientId' with the error: 'The ClientId field is required.'."); // dotnet.options-required-missing
        ROUND.reads("dotnet.options-value-invalid", "Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'RatesClientOptions' members: 'RetryCount' with the error: 'The field RetryCount must be between 1 and 10.'.");
        ROUND.readsNot("dotnet.options-value-invalid", "Microsoft.Extensions.Options.OptionsValidationException: DataAnnotation validation failed for 'SmtpOptions' members: 'Password' with the error: 'The Password field is required.'.");
        ROUND.reads("jvm.heap-options-refused", "Could not reserve enough space for 2097152KB object heap");
        ROUND.readsNot("jvm.heap-options-refused", "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"); // app.oom
        ROUND.reads("jvm.heap-options-refused", "2026-12-01T09:00:01Z app[e82d9ce4c12938] sin [info]Invalid maximum heap size: -Xmx2g g");
        ROUND.readsNot("jvm.heap-options-refused", "Picked up JAVA_TOOL_OPTIONS: -Xmx2048m -XX:MaxRAMPercentage=75");
        ROUND.reads("jvm.memory-calculator-exceeds-limit", "required memory 394176K is greater than 256M available for allocation: -XX:MaxDirectMemorySize=10M, -XX:MaxMetaspaceSize=86976K, -XX:ReservedCodeCacheSize=240M, -Xss1M x 50 threads");
        ROUND.readsNot("jvm.memory-calculator-exceeds-limit", "Calculated JVM Memory Configuration: -XX:MaxDirectMemorySize=10M -Xmx437195K -XX:MaxMetaspaceSize=99380K -XX:ReservedCodeCacheSize=240M -Xss1M (Total Memory: 1G, Thread Count: 250, Loaded Class Count: 16104, Headroom: 0%)");
        ROUND.reads("jvm.memory-calculator-exceeds-limit", "2026-12-02T10:00:00Z app[3d8d312c215689] fra [info]unable to calculate memory configuration");
        ROUND.readsNot("jvm.memory-calculator-exceeds-limit", "Calculating JVM memory based on 213408K available memory");
        ROUND.reads("maven.jar-will-be-empty", "#9 21.41 [WARNING] JAR will be empty - no content was marked for inclusion!");
        ROUND.readsNot("maven.jar-will-be-empty", "[INFO] Building jar: /app/target/words-1.0.jar");
        ROUND.reads("maven.jar-will-be-empty", "[WARNING] JAR will be empty - no content was marked for inclusion!");
        ROUND.readsNot("maven.jar-will-be-empty", "Error: Could not find or load main class Main"); // jvm.class-not-found
        ROUND.reads("python.module-name-is-a-path", "ModuleNotFoundError: No module named '/src/myproject'");
        ROUND.readsNot("python.module-name-is-a-path", "ModuleNotFoundError: No module named 'myproject'"); // python.module-not-found
        ROUND.reads("python.module-name-is-a-path", "2026-12-03T17:05:32Z app[7811e21c9a0d88] sea [info]ModuleNotFoundError: No module named 'app.py'; 'app' is not a package");
        ROUND.readsNot("python.module-name-is-a-path", "ModuleNotFoundError: No module named 'gunicorn.app'; 'gunicorn' is not a package");
        ROUND.reads("spring.placeholder-build-metadata", "Caused by: org.springframework.util.PlaceholderResolutionException: Could not resolve placeholder 'application.version' in value \"${application.version}\"");
        ROUND.readsNot("spring.placeholder-build-metadata", "Caused by: java.lang.IllegalArgumentException: Could not resolve placeholder 'JWT_SECRET' in value \"${JWT_SECRET}\""); // spring.placeholder-unresolved
        ROUND.reads("spring.placeholder-build-metadata", "java.lang.IllegalArgumentException: Could not resolve placeholder 'git.commit.id.abbrev' in value \"${git.commit.id.abbrev}\"");
        ROUND.readsNot("spring.placeholder-build-metadata", "java.lang.IllegalArgumentException: Could not resolve placeholder 'app.datasource.url' in value \"${app.datasource.url}\"");
        ROUND.reads("zeitwerk.expected-file-to-define-constant", "Zeitwerk::NameError: expected file /usr/local/bundle/ruby/3.3.0/gems/hotwire-livereload-1.2.0/app/channels/hotwire/livereload/reload_channel.rb to define constant Hotwire::Livereload::ReloadChannel, but didn't");
        ROUND.readsNot("zeitwerk.expected-file-to-define-constant", "      raise Zeitwerk::NameError.new(\"expected file #{file} to define constant #{cpath}, but didn't\", cref.last)");
        ROUND.reads("zeitwerk.expected-file-to-define-constant", "/home/ruby/3.1.0/gems/zeitwerk-2.6.12/lib/zeitwerk/loader/callbacks.rb:33:in `on_file_autoloaded': expected file /home/ruby/3.1.0/gems/gruf-2.18.0/lib/gruf/version.rb to define constant Gruf::Version, but didn't (Zeitwerk::NameError)");
        ROUND.readsNot("zeitwerk.expected-file-to-define-constant", "NameError: uninitialized constant Hotwire::Livereload::ReloadChannel");
        // the widened bundler.gems-missing-at-runtime: the class first, as `bundle exec` prints it
        ROUND.reads("bundler.gems-missing-at-runtime", "app.crash-on-boot", "2026-11-27T22:10:15Z app[0e2864f1b37d98] scl [info]Bundler::GemNotFound: Could not find bcrypt-3.1.13 in any of the sources");
        ROUND.readsNot("bundler.gems-missing-at-runtime", "#9 12.40 Could not find gem 'bcrypt (~> 3.1.7)' in any of the gem sources listed in your Gemfile."); // package.not-resolvable-generic
    }

    /** No corpus line is read by the round, and on the labelled scenarios only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // Zeitwerk's refusal is the same fault in a test environment's eager load (p111-33: the test job fails first,
        // ci.test-failure's tests-could-not-load) and in an image build's assets:precompile (p165-25: build.dockerfile)
        // jvm.heap-options-refused and jvm.memory-calculator-exceeds-limit read no labelled scenario's log: p165-18 and
        // p165-27, their sources, carry the lines in a machine's exit detail, which the exit rules read
        ROUND.without(java.util.Set.of("jvm.heap-options-refused", "jvm.memory-calculator-exceeds-limit")).staysInItsCauses(
                "p111-33 zeitwerk.expected-file-to-define-constant",
                "p165-25 zeitwerk.expected-file-to-define-constant");
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }


    /**
     * A machine's exit detail that names an invalid setting (p165-18: HotSpot's "Could not reserve enough space for
     * 2097152KB object heap" after an -Xmx larger than the machine) is read by the new indication and weighs for
     * config.invalid; the buildpack's memory calculator refusing a small machine (p165-27) is an exit out of memory.
     */
    @Test
    void aMachinesExitNamingItsSettingOrItsMemoryIsRead() throws IOException {
        Assessment heap = Fleet.scenario("p165-18-config-invalid-probe-only-fly-jvm-xmx-exceeds-machine-reserve-heap");
        assertTrue(Fleet.weighs(heap, "config.invalid/exit-detail-indication"), heap.causes().toString());
        assertEquals("config.invalid", heap.causes().get(0).id().value(), heap.causes().toString());
        Assessment calc = Fleet.scenario("p165-27-app-oom-fly-paketo-jvm-memory-calculator-256m-machine");
        assertTrue(Fleet.weighs(calc, "app.oom/exit-names-memory"), calc.causes().toString());
        assertEquals("app.oom", calc.causes().get(0).id().value(), calc.causes().toString());
    }

    /**
     * A probe whose detail quotes the kubelet killing the container on a failed liveness probe (p165-31) is the
     * check's failure; Spring's unresolved placeholder of the build's own metadata (p165-15) is no setting to set.
     */
    @Test
    void aProbeRestartAndABuildMetadataPlaceholderAreRead() throws IOException {
        Assessment probe = Fleet.scenario("p165-31-app-healthcheck-failing-k8s-spring-carts-liveness-kills-before-started");
        assertTrue(Fleet.weighs(probe, "app.healthcheck-failing/probe-detail-names-probe-restart"), probe.causes().toString());
        Assessment placeholder = Fleet.scenario("p165-15-config-invalid-fly-spring-placeholder-application-version-unfiltered");
        assertEquals("config.invalid", placeholder.causes().get(0).id().value(), placeholder.causes().toString());
        // the same probe detail quoting the runtime's OutOfMemoryError beside the kill is not the check's alone
        Assessment oom = Fleet.scenario("p85-27-app-oom-openshift-jenkins-heap-percent-liveness-kill");
        assertFalse(Fleet.weighs(oom, "app.healthcheck-failing/probe-detail-names-probe-restart"), oom.causes().toString());
        // Bundler's exception class at require time is a bundle without the gem, not a download (p165-08)
        Assessment gem = Fleet.scenario("p165-08-app-crash-on-boot-fly-rails-bundler-gem-not-found-bcrypt-stale-layer");
        assertEquals("app.crash-on-boot", gem.causes().get(0).id().value(), gem.causes().toString());
    }

    /**
     * Readings of a log against a crash at start: a loader's refusal in a step that runs the tests while no service is
     * down (p165-35: ERR_REQUIRE_ESM under "npm test") is the tests failing to load; a build that packaged an empty jar
     * (p165-26) is why the class is not found; a loopback database refused while the same process manager shows it
     * exiting (p165-23) is a dependency down, no setting missing.
     */
    @Test
    void aLogSaysWhyTheAppDidNotStart() throws IOException {
        Assessment tests = Fleet.scenario("p165-35-ci-test-failure-gha-node22-test-runner-ts-node-esm-require");
        assertTrue(Fleet.weighs(tests, "ci.test-failure/tests-could-not-load"), tests.causes().toString());
        assertEquals("ci.test-failure", tests.causes().get(0).id().value(), tests.causes().toString());
        Assessment eager = Fleet.scenario("p111-33-ci-test-failure-zeitwerk-eager-load-gem-version-test-env");
        assertEquals("ci.test-failure", eager.causes().get(0).id().value(), eager.causes().toString());
        Assessment jar = Fleet.scenario("p165-26-build-dockerfile-fly-maven-jar-empty-copy-src-dot-class-not-found");
        assertEquals("build.dockerfile", jar.causes().get(0).id().value(), jar.causes().toString());
        Assessment db = Fleet.scenario("p165-23-dependency-down-fly-discord-bot-colocated-postgres-process-exited");
        assertTrue(Fleet.weighs(db, "dependency.down/local-datastore-process-exited"), db.causes().toString());
        assertEquals("dependency.down", db.causes().get(0).id().value(), db.causes().toString());
    }
}
