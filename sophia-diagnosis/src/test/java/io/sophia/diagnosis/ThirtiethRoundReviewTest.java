package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * Review of the step that prints a service's own logs (LogScan's SERVICE_LOGS: {@code fly logs}, {@code docker compose
 * logs}, {@code railway logs} ...), whose lines now count as fully as the failed step's: lines a healthy service prints
 * in normal operation that a built-in indication read as a cause, each guarded here with its public source, next to a
 * line of the same failure the narrowed pattern still reads.
 */
class ThirtiethRoundReviewTest {

    /**
     * MySQL and MariaDB look up the name of each client's IP address (unless skip-name-resolve) and warn when it has
     * none, which in a compose network is every connection: "mariadb_1 | 2016-11-05  2:06:34 140288996005632 [Warning]
     * IP address '172.17.0.4' could not be resolved: Name or service not known", printed by a compose stack that went
     * on to create its schema and serve (chouseknecht/symfony-mariadb-nginx README.md,
     * https://github.com/chouseknecht/symfony-mariadb-nginx/blob/master/README.md). It was read as network.dns at
     * 0.85; a name the service itself could not resolve still is.
     */
    @Test
    void aDatabaseWithoutANameForItsClientsIpIsNoDnsFailure() throws IOException {
        Fleet.assertReadsNot("dns.no-such-host", "mariadb_1            | 2016-11-05  2:06:34 140288996005632 [Warning] "
                + "IP address '172.17.0.4' could not be resolved: Name or service not known");
        Fleet.assertReadsNot("dns.no-such-host", "2024-03-01T10:00:00.000000Z 8 [Warning] [MY-010055] [Server] IP "
                + "address '172.18.0.1' could not be resolved: Name or service not known");
        Fleet.assertReads("dns.no-such-host", "network.dns", "php_network_getaddresses: getaddrinfo failed: Name or "
                + "service not known");
        Fleet.assertReads("dns.no-such-host", "network.dns", "socket.gaierror: [Errno -2] Name or service not known");
    }

    /**
     * An app that rate-limits its clients logs each refused request in its access log; uvicorn's access formatter
     * writes the status with its phrase: "INFO:     100.64.0.14:11070 - \"POST /v1/chat/completions HTTP/1.1\" 429 Too
     * Many Requests" (uvicorn/logging.py's AccessFormatter, https://github.com/encode/uvicorn/blob/master/uvicorn/logging.py;
     * this line from a healthy Railway deployment's logs, reviewed as "rate limiting working as designed"). It was read
     * as registry.unavailable at 0.6; a registry's own 429 still is.
     */
    @Test
    void aClientTheAppRateLimitedIsNoRegistryOutage() throws IOException {
        Fleet.assertReadsNot("registry.too-many-requests", "INFO:     100.64.0.14:11070 - \"POST /v1/chat/completions "
                + "HTTP/1.1\" 429 Too Many Requests");
        Fleet.assertReadsNot("registry.too-many-requests", "INFO:     127.0.0.1:61032 - \"GET /items HTTP/2\" 429 "
                + "too many requests");
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "Error response from daemon: received "
                + "unexpected HTTP status: 429 Too Many Requests");
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "ERROR: failed to solve: "
                + "node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: 429 Too Many "
                + "Requests");
        Fleet.assertReads("registry.too-many-requests", "registry.unavailable", "Too Many Requests (HAP429).");
    }

    /**
     * systemd-resolved on Ubuntu logs, when a DNS server answers NXDOMAIN to an EDNS0 query, "Server returned error
     * NXDOMAIN, mitigating potential DNS violation DVE-2018-0001, retrying transaction with reduced feature level UDP."
     * and retries: a healthy host's journal repeats it (systemd commit 1ed4e584f3a03f47d2313314b6b5a78c9dc6f135
     * "resolved: address DVE-2018-0001", https://github.com/systemd/systemd/commit/1ed4e584f3a03f47d2313314b6b5a78c9dc6f135;
     * https://askubuntu.com/questions/1058750/new-alert-keeps-showing-up-server-returned-error-nxdomain-mitigating-potential).
     * A {@code journalctl} step printed it and it was read as network.dns at 0.85; a resolver's own NXDOMAIN still is.
     */
    @Test
    void resolvedsDve20180001RetryIsNoDnsFailure() throws IOException {
        Fleet.assertReadsNot("dns.no-such-host", "Nov 29 06:09:21 ubuntu-bionic systemd-resolved[639]: Server returned "
                + "error NXDOMAIN, mitigating potential DNS violation DVE-2018-0001, retrying transaction with reduced "
                + "feature level UDP.");
        Fleet.assertReads("dns.no-such-host", "network.dns", ";; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 4242");
        Fleet.assertReads("dns.no-such-host", "network.dns", "Host my-db.internal not found: 3(NXDOMAIN)");
    }

    /**
     * An API that charges per request answers 402 by design (HTTP 402 / x402 payment-gated endpoints), and uvicorn's
     * access log writes the status with its phrase: "INFO:     127.0.0.1:53316 - \"POST /api/v1/jobs HTTP/1.1\" 402
     * Payment Required" (uvicorn/logging.py's AccessFormatter,
     * https://github.com/encode/uvicorn/blob/master/uvicorn/logging.py). It was read as platform.quota at 0.9; the
     * platform's own 402 still is.
     */
    @Test
    void aRequestTheAppChargesForIsNoPlatformBillingStop() throws IOException {
        Fleet.assertReadsNot("fly.payment", "INFO:     127.0.0.1:53316 - \"POST /api/v1/jobs HTTP/1.1\" 402 Payment "
                + "Required");
        Fleet.assertReads("fly.payment", "platform.quota", "Error: failed to create app: 402 Payment Required");
        Fleet.assertReads("fly.payment", "platform.quota", "Error: Payment required: please add a payment method");
    }
}
