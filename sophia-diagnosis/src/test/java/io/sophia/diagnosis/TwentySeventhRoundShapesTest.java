package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes for the families the p28- tuning set (session 12, how applications and their clients say it in many
 * languages) was missed on: Rails without the key to its credentials, a setting's value rejected by its configuration
 * library (Spring Boot's binder, viper/mapstructure, dynaconf, node-convict), musl's "Name does not resolve", and
 * gunicorn's worker failing to boot. Each is tested on public wording from other reports than the scenario it was found
 * in, with near misses; each new log indication reads no line of the shared corpus and, on the labelled scenarios, only
 * lines of its own cause.
 */
class TwentySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("rails.master-key-missing", "config.missing-secret"),
            Map.entry("config.value-rejected-by-binder", "config.invalid"),
            Map.entry("gunicorn.worker-failed-to-boot", "app.crash-on-boot"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    /**
     * ActiveSupport's MissingKeyError as a Rails 5.2 app prints it at boot (a repository's issue: "=> Booting Puma ...
     * Missing encryption key to decrypt file with. Ask your team for your master key and write it to
     * /xxx/my-app/config/master.key or put it in the ENV['RAILS_MASTER_KEY']."); a wrong key's InvalidMessage is not read.
     */
    @Test
    void railsWithoutItsMasterKeyIsAMissingSecret() throws IOException {
        String id = "rails.master-key-missing";
        ROUND.reads(id, "Missing encryption key to decrypt file with. Ask your team for your master key and write it to "
                + "/xxx/my-app/config/master.key or put it in the ENV['RAILS_MASTER_KEY'].");
        ROUND.readsNot(id, "ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)");
    }

    /**
     * The libraries' own sentences, from other reports: Spring Boot's failure analysis ("Failed to bind properties under
     * 'spring.datasource.hikari.maximum-pool-size' to java.lang.Integer", a Spring troubleshooting guide), viper's
     * "Unable to decode into struct" (a Go project's config loader), dynaconf's documented "dynaconf.validator
     * .ValidationError: TCP_SERVER_PORT must gte 1000 but it is 1 in env PRODUCTION", convict's "port: ports must be
     * within range 0 - 65535: value was 99999" (a test suite); the binder's bare exception header and a config file
     * that was merely read are not.
     */
    @Test
    void aSettingsValueRejectedByItsLibraryIsTheConfiguration() throws IOException {
        String id = "config.value-rejected-by-binder";
        ROUND.reads(id, "Failed to bind properties under 'spring.datasource.hikari.maximum-pool-size' to java.lang.Integer");
        ROUND.reads(id, "[Config] Unable to decode into struct: 1 error(s) decoding:");
        ROUND.reads(id, "dynaconf.validator.ValidationError: TCP_SERVER_PORT must gte 1000 but it is 1 in env PRODUCTION");
        ROUND.reads(id, "Error: port: ports must be within range 0 - 65535: value was 99999");
        ROUND.readsNot(id, "Binding to target org.springframework.boot.context.properties.bind.BindException:");
        ROUND.readsNot(id, "Using config file: /etc/reports/config.yaml");
    }

    /**
     * musl's EAI_NONAME as Python clients print it on Alpine ("socket.gaierror: [Errno -2] Name does not resolve");
     * prose that a name "does not resolve" (a deploy script's message) is not read.
     */
    @Test
    void muslsNameDoesNotResolveIsDns() throws IOException {
        ROUND.reads("dns.no-such-host", "network.dns", "socket.gaierror: [Errno -2] Name does not resolve");
        ROUND.reads("dns.no-such-host", "network.dns", "redis.exceptions.ConnectionError: Error -2 connecting to "
                + "cache:6379. Name does not resolve.");
        ROUND.readsNot("dns.no-such-host", "DNS MISSING: api.example.dev does not resolve.");
    }

    /** gunicorn's HaltServer (its arbiter's words, quoted in many deploy reports); a worker booting is not read. */
    @Test
    void gunicornsWorkerFailingToBootIsACrashOnBoot() throws IOException {
        String id = "gunicorn.worker-failed-to-boot";
        ROUND.reads(id, "gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>");
        ROUND.readsNot(id, "[2024-03-01 10:00:00 +0000] [22] [INFO] Booting worker with pid: 22");
    }

    @Test
    void eachNewPatternReadsNoCorpusLineAndOnTheLabelledScenariosOnlyLinesOfItsOwnCause() throws IOException {
        // h44-37 (consumed in session 19): the binder refuses a value that is a placeholder nobody filled, whose next
        // lines ("Value: "${SYSH_SERVER_PORT}"") config.missing-secret's spring.binder-value-placeholder reads
        ROUND.staysInItsCauses("h44-37 config.value-rejected-by-binder");
    }
}
