package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-p215, each in its tool's own words: its round on the
 * tuning set p215- (IoT and MQTT backends in deploys). A server that cannot restore its persisted state at start-up
 * (Mosquitto's "Error restoring persistent database, message store corrupt.", eclipse/mosquitto src/persist_read.c; its
 * "persist__restore_sub: Assertion `client_id' failed.", home-assistant/addons#3264); an image that will not run until
 * its licence is accepted in its environment (vernemq/docker-vernemq#178; ankane/setup-sqlserver's SQL Server EULA
 * wording); a broker rejecting clients at its licence's connection limit (EMQX's
 * "connection_rejected_due_to_license_limit_reached", emqx/emqx#6943); an MQTT client without its broker
 * ("Not connected to MQTT server!", Koenkk/zigbee2mqtt lib/mqtt.ts); a device that cannot parse its CA certificate
 * (Zephyr's net_sock_tls "Failed to parse CA certificate", zephyrproject-rtos/zephyr sockets_tls.c); a Rust client's
 * "hostname resolution error: Name does not resolve" (wez/govee2mqtt#345). And one reading: a host's look of kind
 * RATE_LIMITED is a record of the limit it shows, as SERVER_ERROR's is. Each test fails before its change.
 */
class HundredEightyNinthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("server.persisted-state-restore-failed", "app.crash-on-boot"),
            Map.entry("image.licence-acceptance-env-unset", "config.missing-secret"),
            Map.entry("broker.license-connection-limit-reached", "platform.quota"),
            Map.entry("mqtt.client-not-connected-to-broker", "dependency.down"),
            Map.entry("tls.ca-certificate-parse-failed", "tls.certificate"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("server.persisted-state-restore-failed", "1797360727: Error restoring persistent database, message store corrupt.");
        ROUND.reads("server.persisted-state-restore-failed", "mosquitto: persist_read.c:550: persist__restore_sub: Assertion `client_id' failed.");
        ROUND.readsNot("server.persisted-state-restore-failed", "1797360727: Config loaded from /etc/mosquitto/mosquitto.conf.");
        ROUND.reads("image.licence-acceptance-env-unset", "Product license not accepted. Stopping.");
        ROUND.reads("image.licence-acceptance-env-unset", "The SQL Server End-User License Agreement (EULA) must be accepted before SQL Server can start");
        ROUND.readsNot("image.licence-acceptance-env-unset", "The license can be viewed at https://vernemq.com/end-user-license-agreement");
        ROUND.reads("broker.license-connection-limit-reached", "2026-12-15T17:51:22.114+00:00 [error] msg: connection_rejected_due_to_license_limit_reached, clientid: meter-0041893");
        ROUND.readsNot("broker.license-connection-limit-reached", "customer_type: 0 / max_connections: 10000 / expiry: false / deployment: gridmeter-prod");
        ROUND.reads("mqtt.client-not-connected-to-broker", "error 2026-12-15 15:28:49: Not connected to MQTT server!");
        ROUND.readsNot("mqtt.client-not-connected-to-broker", "info  2026-12-15 15:28:49: Connected to MQTT server");
        ROUND.reads("tls.ca-certificate-parse-failed", "DEBUG   - [00:00:11.401,000] <err> net_sock_tls: Failed to parse CA certificate, err: -0xfffffffe");
        ROUND.readsNot("tls.ca-certificate-parse-failed", "DEBUG   - [00:00:16.430,000] <err> mqtt_azure: mqtt_connect failed -113");
    }

    /**
     * No corpus line is read by the round's indications that scenario logs carry, and on the labelled scenarios only lines
     * of their own causes. The persisted-state, licence-acceptance and licence-limit indications read the p215- scenarios'
     * looks at a host (probe details, which this check does not walk): their reading is asserted by the leads below.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        new ShapeRound(Map.of(
                "mqtt.client-not-connected-to-broker", "dependency.down",
                "tls.ca-certificate-parse-failed", "tls.certificate")).staysInItsCauses();
    }

    /** Each fixed p215- miss now led by its label (unknown or another cause led at 0.49 to 0.9 before). */
    @Test
    void theMqttMissesLeadWithTheirLabels() throws IOException {
        ShapeRound.leadWith(Map.ofEntries(
                Map.entry("p215-06-config-missing-secret-vernemq-accept-eula-env-unset-fly", "config.missing-secret"),
                Map.entry("p215-10-tls-certificate-zephyr-azure-iot-hub-baltimore-root-g2-migration-ci", "tls.certificate"),
                Map.entry("p215-12-network-dns-govee2mqtt-aws-iot-endpoint-name-does-not-resolve-fly", "network.dns"),
                Map.entry("p215-15-dependency-down-smart-home-stack-mosquitto-exited-zigbee2mqtt-not-connected", "dependency.down"),
                Map.entry("p215-22-app-crash-on-boot-mosquitto-persistence-message-store-corrupt", "app.crash-on-boot"),
                Map.entry("p215-23-app-crash-on-boot-mosquitto-addon-persist-restore-sub-assertion-loop", "app.crash-on-boot")));
    }

    /**
     * A host's look of kind RATE_LIMITED is the record of the limit it read: an IoT hub's "IotHubQuotaExceeded (403002):
     * Total number of messages on IotHub 'coldroom-hub' exceeded the allocated quota." (Azure IoT Hub's error 403002)
     * and a broker's "connection_rejected_due_to_license_limit_reached" with the client's CONNACK "Quota exceeded"
     * (emqx/emqx#6943, emqx/emqx-docs#3173). Before, unknown led p215-19 and p215-20 at 0.49.
     */
    @Test
    void aHostsRateLimitedLookIsTheLimitsRecord() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p215-19-platform-quota-python-gateway-iot-hub-quota-exceeded-background-thread-fly", "platform.quota",
                "p215-20-platform-quota-emqx-license-limit-reconnect-storm-quota-exceeded", "platform.quota"));
    }
}
