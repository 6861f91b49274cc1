package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the fortieth session's rule writer r40-p180, each in its tool's own words: its round on p180-
 * (configuration management: Ansible, Chef, Puppet, Salt, cloud-init, Packer). Ansible's become password refused
 * ("Incorrect sudo password") against none given ("Missing sudo password"); a Chef node's client key refused by the
 * server ("Invalid signature for user or client"); a Salt minion's key rejected by the master; Chef's encrypted data bag
 * secret absent from the node; a Salt state that fails to render; cloud-init's malformed runcmd entry ("Failed to
 * shellify"); nginx refusing a directive's argument ("[emerg] invalid parameter"); Ansible Galaxy's index answering a
 * server error; Packer finding no source AMI for its filters; Ansible's wait_for never seeing the status string, and its
 * uri check answered by a gateway error. Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a variant its comment quotes and a line of another cause that shares its words); each
 * reads no line of the shared corpus and, on the labelled scenarios, only lines of its own cause.
 */
class HundredThirtyFourthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("ansible.become-password-incorrect", "auth.deploy-token"),
            Map.entry("chef.client-authentication-failed", "auth.deploy-token"),
            Map.entry("salt.minion-key-rejected", "auth.deploy-token"),
            Map.entry("ansible.become-password-missing", "config.missing-secret"),
            Map.entry("chef.data-bag-secret-missing", "config.missing-secret"),
            Map.entry("salt.sls-rendering-failed", "config.invalid"),
            Map.entry("cloud-init.runcmd-shellify-failed", "config.invalid"),
            Map.entry("nginx.config-invalid-argument", "config.invalid"),
            Map.entry("ansible-galaxy.server-error", "build.dependency-fetch"),
            Map.entry("packer.source-ami-not-found", "image.not-found"),
            Map.entry("ansible.wait-for-search-string-timeout", "app.healthcheck-failing"),
            Map.entry("ansible.uri-gateway-error", "app.healthcheck-failing"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("ansible.become-password-incorrect", "fatal: [wrk-01.example.internal]: FAILED! => {\"msg\": \"Incorrect sudo password\"}");
        ROUND.readsNot("ansible.become-password-incorrect", "fatal: [apim_1]: FAILED! => {\"msg\": \"Missing sudo password\"}");
        ROUND.reads("ansible.become-password-incorrect", "fatal: [db-2]: FAILED! => {\"changed\": false, \"module_stderr\": \"Sorry, try again.\\n[sudo via ansible, key=abc] password:\\nsudo: 1 incorrect password attempt\\n\", \"msg\": \"MODULE FAILURE\", \"rc\": 1}");
        ROUND.readsNot("ansible.become-password-incorrect", "fatal: [db-2]: FAILED! => {\"msg\": \"Timeout (12s) waiting for privilege escalation prompt: \"}");
        ROUND.reads("chef.client-authentication-failed", "Failed to authenticate to the chef server (http 401).");
        ROUND.readsNot("chef.client-authentication-failed", "Chef encountered an error attempting to load the node data for \"web-1\"");
        ROUND.reads("chef.client-authentication-failed", "    amazon-ebs: Invalid signature for user or client 'builder'");
        ROUND.readsNot("chef.client-authentication-failed", "Net::HTTPServerException: 403 \"Forbidden\""); // a permission, not the key
        ROUND.reads("salt.minion-key-rejected", "[CRITICAL] The Salt Master has rejected this minion's public key!");
        ROUND.readsNot("salt.minion-key-rejected", "[ERROR   ] The Salt Master has cached the public key for this node, this salt minion will wait for 10 seconds before attempting to re-authenticate");
        ROUND.reads("salt.minion-key-rejected", "2026-12-10 10:04:11,201 [salt.crypt :722][CRITICAL][1874] The Salt Master has rejected this minion's public key! To repair this issue, delete the public key for this minion on the Salt Master and restart this minion.");
        ROUND.readsNot("salt.minion-key-rejected", "[ERROR   ] Minion failed to authenticate with the master, has the minion key been accepted?");
        ROUND.reads("ansible.become-password-missing", "fatal: [apim_1]: FAILED! => {\"msg\": \"Missing sudo password\"}");
        ROUND.readsNot("ansible.become-password-missing", "fatal: [wrk-01]: FAILED! => {\"msg\": \"Incorrect sudo password\"}");
        ROUND.reads("ansible.become-password-missing", "www-dev | FAILED! => {\"changed\": false, \"module_stderr\": \"Shared connection to www-dev closed.\\r\\n\", \"module_stdout\": \"sudo: a password is required\\r\\n\", \"msg\": \"MODULE FAILURE\", \"rc\": 1}");
        ROUND.readsNot("ansible.become-password-missing", "fatal: [web-1]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: deploy@web-1: Permission denied (publickey).\", \"unreachable\": true}");
        ROUND.reads("chef.data-bag-secret-missing", "No secret specified and no secret found at /etc/chef/encrypted_data_bag_secret");
        ROUND.readsNot("chef.data-bag-secret-missing", "encrypted_data_bag_secret \"/etc/chef/encrypted_data_bag_secret\"");
        ROUND.reads("chef.data-bag-secret-missing", "       No such file or directory - file not found '/tmp/kitchen/encrypted_data_bag_secret'");
        ROUND.readsNot("chef.data-bag-secret-missing", "       No such file or directory - file not found '/tmp/kitchen/data_bags/users/deploy.json'");
        ROUND.reads("salt.sls-rendering-failed", "Rendering SLS 'base:cpu-mitigations' failed: Jinja variable 'supported' is undefined");
        ROUND.readsNot("salt.sls-rendering-failed", "Rendering SLS 'base:cpu-mitigations' succeeded");
        ROUND.reads("salt.sls-rendering-failed", "    Rendering SLS 'base:prometheus.exporter.node.install' failed: Jinja variable 'dict object' has no attribute 'version'");
        ROUND.readsNot("salt.sls-rendering-failed", "    No matching sls found for 'prometheus.exporter' in env 'base'");
        ROUND.reads("cloud-init.runcmd-shellify-failed", "cc_runcmd.py[WARNING]: Failed to shellify ['echo \"begin runcmd\"', None, 'echo \"end\"'] into file /var/lib/cloud/instances/i-0f3a/scripts/runcmd");
        ROUND.readsNot("cloud-init.runcmd-shellify-failed", "schema.py[WARNING]: Invalid cloud-config provided: Please run 'sudo cloud-init schema --system' to see the schema errors.");
        ROUND.reads("cloud-init.runcmd-shellify-failed", "2019-11-19 12:39:10,124 - cc_runcmd.py[WARNING]: Failed to shellify ['echo start', None] into file /var/lib/cloud/instances/abc/scripts/runcmd");
        ROUND.readsNot("cloud-init.runcmd-shellify-failed", "2026-12-10 18:52:09,956 - cc_scripts_user.py[WARNING]: Failed to run module scripts-user (scripts in /var/lib/cloud/instance/scripts)");
        ROUND.reads("nginx.config-invalid-argument", "nginx: [emerg] invalid parameter \"/32\" in /etc/nginx/conf.d/admin.conf:6");
        ROUND.readsNot("nginx.config-invalid-argument", "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
        ROUND.reads("nginx.config-invalid-argument", "2026/12/10 08:00:01 [emerg] 1#1: invalid value \"on\" in /etc/nginx/nginx.conf:14");
        ROUND.readsNot("nginx.config-invalid-argument", "nginx: [emerg] host not found in upstream \"app:3000\" in /etc/nginx/conf.d/default.conf:3");
        ROUND.reads("ansible-galaxy.server-error", "ERROR! Error when getting available collection versions for community.vmware from default (https://galaxy.ansible.com/api/) (HTTP Code: 502, Message: Bad Gateway Code: Unknown)");
        ROUND.readsNot("ansible-galaxy.server-error", "ERROR! Error when getting available collection versions for acme.tools from default (https://galaxy.ansible.com/api/) (HTTP Code: 401, Message: Unauthorized)");
        ROUND.reads("ansible-galaxy.server-error", "[WARNING]: - kamaln7.swapfile was NOT installed successfully: Error when finding available api versions from default (https://galaxy.ansible.com) (HTTP Code: 503, Message: Service Unavailable)");
        ROUND.readsNot("ansible-galaxy.server-error", "ERROR! - you can use --ignore-errors to skip failed roles and finish processing the list.");
        ROUND.reads("packer.source-ami-not-found", "==> amazon-ebs: No AMI was found matching filters: {");
        ROUND.readsNot("packer.source-ami-not-found", "==> amazon-ebs: Found Image ID: ami-40d28157");
        ROUND.reads("packer.source-ami-not-found", "Error: Datasource.Execute failed: No AMI was found matching filters: {");
        ROUND.readsNot("packer.source-ami-not-found", "Build 'amazon-ebs' errored after 12 minutes: Timeout waiting for SSH.");
        ROUND.reads("ansible.wait-for-search-string-timeout", "fatal: [10.0.0.9]: FAILED! => {\"changed\": false, \"elapsed\": 300, \"msg\": \"Timeout when waiting for search string TiDB in 10.0.0.9:10080\"}");
        ROUND.readsNot("ansible.wait-for-search-string-timeout", "fatal: [web1]: FAILED! => {\"changed\": false, \"elapsed\": 60, \"msg\": \"Timeout when waiting for 127.0.0.1:8080\"}");
        ROUND.reads("ansible.wait-for-search-string-timeout", "fatal: [node-3]: FAILED! => {\"changed\": false, \"elapsed\": 120, \"msg\": \"Timeout when waiting for search string OpenSSH in node-3.internal:22\"}");
        ROUND.readsNot("ansible.wait-for-search-string-timeout", "fatal: [node-3]: FAILED! => {\"changed\": false, \"elapsed\": 120, \"msg\": \"Timeout when waiting for search string ready in /var/log/app/boot.log\"}");
        ROUND.reads("ansible.uri-gateway-error", "fatal: [server]: FAILED! => {\"changed\": false, \"msg\": \"Status code was 502 and not [200]: HTTP Error 502: Bad Gateway\", \"status\": 502}");
        ROUND.readsNot("ansible.uri-gateway-error", "fatal: [server]: FAILED! => {\"changed\": false, \"msg\": \"Status code was 404 and not [200]: HTTP Error 404: Not Found\", \"status\": 404}");
        ROUND.reads("ansible.uri-gateway-error", "fatal: [app-1]: FAILED! => {\"attempts\": 1, \"changed\": false, \"msg\": \"Status code was 503 and not [200, 204]: HTTP Error 503: Service Unavailable\", \"status\": 503}");
        ROUND.readsNot("ansible.uri-gateway-error", "fatal: [app-1]: FAILED! => {\"changed\": false, \"msg\": \"Status code was 500 and not [200]: HTTP Error 500: Internal Server Error\", \"status\": 500}");
    }

    /** No corpus line is read by the round; on the labelled scenarios, only lines of each indication's own cause. */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        // these read no labelled scenario's log: p180-03, -04, -20, -21 and -22, their sources, carry the line in a look at
        // the host (api:), which the probe-detail rule reads
        ROUND.without(java.util.Set.of("chef.client-authentication-failed", "salt.minion-key-rejected",
                "salt.sls-rendering-failed", "nginx.config-invalid-argument", "cloud-init.runcmd-shellify-failed"))
                .staysInItsCauses();
        assertEquals(List.of(), Fleet.corpusLinesReadBy(CAUSE_OF.keySet()));
    }
}
