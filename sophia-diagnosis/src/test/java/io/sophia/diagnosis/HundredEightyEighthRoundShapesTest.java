package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the forty-seventh session's rule writer r47-p214, each in its tool's own words: its round on the
 * tuning set p214- (DNS providers, registrars and domain setup in deploys). The DNS provider's API refusing the records a
 * publisher asks for: the identity (Route 53's "is not authorized to perform: route53:ChangeResourceRecordSets",
 * cert-manager/cert-manager#4061; Cloud DNS's "Request had insufficient authentication scopes",
 * kubernetes-sigs/external-dns#690; GKE's "Unable to generate access token; IAM returned 403 Forbidden", #2064;
 * Cloudflare's "Actor ... requires permission 'com.cloudflare.api.account.zone.list'", cert-manager#2878; Namecheap's
 * "Invalid request IP", meonkeys/shb#7), the account's rate or plan (Cloudflare's "Please wait and consider throttling
 * your request speed", external-dns#5971 and RiotGames/cloud-inquisitor#153; Route 53's "Rate for operation
 * ChangeResourceRecordSets exceeded", rancher/rancher#3257; GoDaddy's "Authenticated user is not allowed access",
 * navilg/godaddy-ddns#32, srvrco/getssl#847), the records themselves (Cloudflare's 81057 "The record already exists.",
 * hashicorp/terraform#25728; Cloud DNS's "Invalid value for 'entity.change.additions[0].rrdata[2]'",
 * DNSControl/dnscontrol#349; DNSControl's "cannot create CNAME record for bare domain", #2946), the publisher's own
 * settings (kingpin's "enum value must be one of ..., got 'rfc2136'", external-dns#738; the AWS SDK's "MissingEndpoint",
 * cert-manager#4422), and the AWS Health Dashboard's "Increased API error rates" entry (rancher/rancher#3257). And four
 * rules: a look at the record publisher showing such a refusal explains the name that does not resolve
 * (network.dns/record-publisher-refused-probe) and the fallback certificate (tls.certificate/issuer-dns-provider-refused-probe),
 * a quota named by the crash-looping process explains its loop (app.crash-on-boot/quota-refused-probe-detail), and the
 * provider's incident notice takes the throttle from the account (platform.quota/provider-incident-notice-probed). Each
 * test fails before its change.
 */
class HundredEightyEighthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            Map.entry("route53.not-authorized", "auth.deploy-token"),
            Map.entry("googleapi.insufficient-authentication-scopes", "auth.deploy-token"),
            Map.entry("gke.metadata-token-iam-denied", "auth.deploy-token"),
            Map.entry("cloudflare.token-lacks-permission", "auth.deploy-token"),
            Map.entry("namecheap.invalid-request-ip", "auth.deploy-token"),
            Map.entry("cloudflare.api-rate-limited", "platform.quota"),
            Map.entry("godaddy.api-access-denied-for-account", "platform.quota"),
            Map.entry("aws.rate-for-operation-exceeded", "platform.quota"),
            Map.entry("aws.health-dashboard-increased-error-rates", "platform.outage"),
            Map.entry("cloudflare.record-already-exists", "config.invalid"),
            Map.entry("googleapi.invalid-field-value", "config.invalid"),
            Map.entry("dnscontrol.validation-errors", "config.invalid"),
            Map.entry("kingpin.enum-value-not-offered", "config.invalid"),
            Map.entry("aws.missing-endpoint", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        ROUND.reads("route53.not-authorized", "\"error\"=\"failed to change Route 53 record set: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/cert-manager/1647294759484156602 is not authorized to perform: route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/Z0123 because no identity-based policy allows the route53:ChangeResourceRecordSets action\"");
        ROUND.readsNot("route53.not-authorized", "User: arn:aws:sts::123456789012:assumed-role/app/1 is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:123456789012:jobs");
        ROUND.reads("googleapi.insufficient-authentication-scopes", "time=\"2026-12-11T14:15:02Z\" level=error msg=\"googleapi: Error 403: Request had insufficient authentication scopes., forbidden\"");
        ROUND.readsNot("googleapi.insufficient-authentication-scopes", "time=\"2026-12-11T14:15:02Z\" level=error msg=\"googleapi: Error 403: Forbidden, forbidden\"");
        ROUND.reads("gke.metadata-token-iam-denied", "compute: Received 403 `Unable to generate access token; IAM returned 403 Forbidden: The caller does not have permission");
        ROUND.readsNot("gke.metadata-token-iam-denied", "compute: Received 500 `Unable to generate access token; IAM returned 500 Internal Server Error");
        ROUND.reads("cloudflare.token-lacks-permission", "Cloudflare API Error for GET \"/zones?name=acme-tenant.example.com\" Error: 0: Actor 'com.cloudflare.api.token.5e1d2d8b' requires permission 'com.cloudflare.api.account.zone.list' to list zones");
        ROUND.readsNot("cloudflare.token-lacks-permission", "Cloudflare API Error for GET \"/zones?name=example.com\" Error: 6003: Invalid request headers");
        ROUND.reads("namecheap.invalid-request-ip", "acme: error presenting token: namecheap: Invalid request IP: 127.0.0.1 [1011150]");
        ROUND.readsNot("namecheap.invalid-request-ip", "acme: error presenting token: namecheap: API Key is invalid or API access has not been enabled [1011102]");
        ROUND.reads("cloudflare.api-rate-limited", "level=fatal msg=\"Failed to do run once: GET \\\"https://api.cloudflare.com/client/v4/zones/8a41/dns_records?page=11\\\": 429 Too Many Requests {\\\"success\\\":false,\\\"errors\\\":[{\\\"code\\\":10429,\\\"message\\\":\\\"Rate limited. Please wait and consider throttling your request speed\\\"}]}");
        ROUND.reads("cloudflare.api-rate-limited", "cloud_inquisitor.exceptions.CloudFlareError: Request failed: {\"success\":false,\"errors\":[{\"code\":10100,\"message\":\"More than 1200 requests per 300 seconds reached. Please wait and consider throttling your request speed\"}],\"messages\":[],\"result\":null}");
        ROUND.readsNot("cloudflare.api-rate-limited", "cloud_inquisitor.exceptions.CloudFlareError: Request failed: {\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}");
        ROUND.reads("godaddy.api-access-denied-for-account", "{\"code\":\"ACCESS_DENIED\",\"message\":\"Authenticated user is not allowed access\"}");
        ROUND.readsNot("godaddy.api-access-denied-for-account", "{\"code\":\"UNABLE_TO_AUTHENTICATE\",\"message\":\"Unauthorized : Could not authenticate API key/secret\"}");
        ROUND.reads("aws.rate-for-operation-exceeded", "level=error msg=\"Failed to add DNS record to provider {galaxy-balancer.example.internal. [198.51.100.8] A 60}: Throttling: Rate for operation ChangeResourceRecordSets exceeded");
        ROUND.readsNot("aws.rate-for-operation-exceeded", "level=error msg=\"Failed to add DNS record to provider {galaxy-balancer.example.internal. [198.51.100.8] A 60}: InvalidChangeBatch: [Tried to create resource record set but it already exists]");
        ROUND.reads("aws.health-dashboard-increased-error-rates", "Amazon Route 53 (Global): Increased API error rates and propagation delays for ChangeResourceRecordSets. DNS query answering is not affected.");
        ROUND.readsNot("aws.health-dashboard-increased-error-rates", "Amazon Route 53 (Global): Service is operating normally");
        ROUND.reads("cloudflare.record-already-exists", "│ Error: Failed to create record: error from makeRequest: HTTP status 400: content \"{\\\"result\\\":null,\\\"success\\\":false,\\\"errors\\\":[{\\\"code\\\":81057,\\\"message\\\":\\\"The record already exists.\\\"}],\\\"messages\\\":[]}\"");
        ROUND.readsNot("cloudflare.record-already-exists", "│ Error: failed to create DNS record: error from makeRequest: HTTP status 403: Authentication error");
        ROUND.reads("googleapi.invalid-field-value", "FAILURE! googleapi: Error 400: Invalid value for 'entity.change.additions[0].rrdata[2]': 'ns-1752.awsdns-27.co.uk'");
        ROUND.readsNot("googleapi.invalid-field-value", "FAILURE! googleapi: Error 403: Forbidden, forbidden");
        ROUND.reads("dnscontrol.validation-errors", "ERROR: in CNAME @.lanternmoth.com: cannot create CNAME record for bare domain");
        ROUND.reads("dnscontrol.validation-errors", "exiting due to validation errors");
        ROUND.readsNot("dnscontrol.validation-errors", "WARNING: in CNAME www.lanternmoth.com: target does not end with a dot");
        ROUND.reads("kingpin.enum-value-not-offered", "time=\"2026-12-10T16:41:12Z\" level=fatal msg=\"flag parsing error: enum value must be one of aws,aws-sd,google,azure,cloudflare,linode, got 'rfc2136'\"");
        ROUND.readsNot("kingpin.enum-value-not-offered", "time=\"2026-12-10T16:41:12Z\" level=fatal msg=\"flag parsing error: required flag --provider not provided\"");
        ROUND.reads("aws.missing-endpoint", "Error presenting challenge: failed to change Route 53 record set: MissingEndpoint: 'Endpoint' configuration is required for this service");
        ROUND.readsNot("aws.missing-endpoint", "Error presenting challenge: failed to change Route 53 record set: NoCredentialProviders: no valid providers in chain");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios' logs only lines of the indications' own causes
     * (p156-08's disputed label recorded).
     */
    @Test
    void staysInItsCauses() throws IOException {
        // p156-08 is labelled tls.certificate for the same refusal that p214-11 labels auth.deploy-token (cert-manager's
        // Cloudflare token without zone.list): the two labels disagree on one wording; p156-08, read from its job's log,
        // is still led by its label (the certificate rules outweigh the log line there)
        // these read only a look's detail (a probe of the publisher's or the solver's log, the provider's dashboard), which
        // the walk over the scenarios' log lines does not reach: their lines are pinned above and led by their labels below
        ROUND.without(java.util.Set.of("route53.not-authorized", "googleapi.insufficient-authentication-scopes",
                        "gke.metadata-token-iam-denied", "namecheap.invalid-request-ip", "aws.rate-for-operation-exceeded",
                        "aws.health-dashboard-increased-error-rates", "kingpin.enum-value-not-offered"))
                .staysInItsCauses("p156-08 cloudflare.token-lacks-permission");
    }

    /**
     * A look at the record publisher (external-dns) whose log shows the DNS provider refusing the records: Route 53's
     * InvalidChangeBatch for a conflicting CNAME (external-dns#1517), Cloud DNS's insufficient scopes (#690), Workload
     * Identity's missing binding (#2064), Cloudflare's rate limit (#5971), a flag value the image predates (#738). Before,
     * the names that do not resolve stated network.dns at 0.9 (0.881 on p214-14, where the crash loop followed).
     */
    @Test
    void aPublishersRefusedRecordsExplainTheNameThatDoesNotResolve() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p214-01-config-invalid-external-dns-route53-batch-rejected-conflicting-manual-cname", "config.invalid",
                "p214-02-config-invalid-external-dns-upgrade-txt-registry-records-already-exist", "config.invalid",
                "p214-06-config-invalid-external-dns-provider-rfc2136-not-in-image-flag-parsing-crashloop", "config.invalid",
                "p214-09-auth-deploy-token-external-dns-gke-node-scopes-insufficient-authentication", "auth.deploy-token",
                "p214-10-auth-deploy-token-external-dns-workload-identity-iam-403-generate-access-token", "auth.deploy-token",
                "p214-14-platform-quota-external-dns-cloudflare-429-rate-limited-crash-loop", "platform.quota",
                "p214-15-platform-quota-external-dns-route53-throttling-rate-exceeded-all-clusters", "platform.quota"));
    }

    /**
     * A look at the certificate issuer's DNS-01 solver showing its DNS provider refusing it (cert-manager#4061, #2878,
     * meonkeys/shb#7) or its SDK without a region (cert-manager#4422). Before, the fallback certificates stated
     * tls.certificate at 0.9.
     */
    @Test
    void anIssuersRefusedDnsProviderExplainsTheFallbackCertificate() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p214-07-config-invalid-cert-manager-route53-missing-endpoint-region-unset", "config.invalid",
                "p214-08-auth-deploy-token-cert-manager-route53-role-lacks-changeresourcerecordsets", "auth.deploy-token",
                "p214-11-auth-deploy-token-cert-manager-cloudflare-token-scoped-zone-cannot-list-zones", "auth.deploy-token",
                "p214-13-auth-deploy-token-traefik-namecheap-dns01-invalid-request-ip-1011150", "auth.deploy-token"));
    }

    /**
     * A zone tool's job failing on the provider's or its own refusal of the records (terraform#25728, dnscontrol#349,
     * #2946) or on the provider's limits (godaddy-ddns#32, cloud-inquisitor#153); and the provider's incident notice beside
     * a throttle (rancher#3257). Before, each stated unknown (config.invalid 0.490 on p214-04) or network.dns at 0.9.
     */
    @Test
    void aZoneToolsProviderRefusalNamesItsCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p214-03-config-invalid-terraform-cloud-migration-cloudflare-record-already-exists-81057", "config.invalid",
                "p214-04-config-invalid-dnscontrol-gcloud-ns-rrdata-missing-trailing-dot", "config.invalid",
                "p214-05-config-invalid-dnscontrol-preview-apex-cname-bare-domain-no-alias", "config.invalid",
                "p214-16-platform-quota-godaddy-dns-api-access-denied-account-below-domain-threshold", "platform.quota",
                "p214-17-platform-quota-dns-collector-cloudflare-1200-requests-per-300-seconds", "platform.quota",
                "p214-19-platform-outage-rancher-route53-changeresourcerecordsets-throttled-during-aws-incident", "platform.outage"));
    }
}
