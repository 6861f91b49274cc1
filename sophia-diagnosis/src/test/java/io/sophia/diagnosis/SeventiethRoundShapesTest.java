package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the twenty-ninth session's rule writer rules29d, each in its tool's own words: its round on the
 * p138- tuning set's Python web apps and workers (issue 9 of the session). py-amqp's "failed to resolve broker
 * hostname" under the OSError or kombu's OperationalError that carries it (Celery's broker name does not resolve; a
 * resolved name's retry or another broker error is not read); pydantic refusing a setting named like an environment
 * variable (upper case) as an extra field, v1's "extra fields not permitted (type=value_error.extra)" or v2's "Extra
 * inputs are not permitted [type=extra_forbidden, ...]" on the line under the name (a request body's lower-case field
 * and the "field required" of the same report are not read); Django's DisallowedHost for a Host that is an address or
 * a container's id ('10.152.183.187:8000', '7c7168a662c1:8000'), not the loopback and not a host name (that one is
 * django.disallowed-host's); Django's staticfiles "You're using the staticfiles app without having set the STATIC_ROOT
 * setting" (and before Django 1.4 "the required STATIC_URL setting"), not the traceback's raise frame; Frappe's
 * "Please make sure that Redis Queue runs @ redis://127.0.0.1:11311" when the redis_queue setting names the loopback,
 * not another host. Each is tested on its source's words and a near miss (the first pair of each is
 * indication-cases.tsv's row, then a line its comment quotes or its scenario shows and a line of another cause that
 * shares its words); each reads no line of the shared corpus and, on the labelled scenarios, only lines of its own
 * cause (or a consequence of that scenario's cause, named with its reason).
 */
class SeventiethRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules29d (p138-)
            Map.entry("amqp.broker-hostname-unresolved", "network.dns"),
            Map.entry("django.disallowed-host-address", "config.invalid"),
            Map.entry("django.staticfiles-setting-unset", "config.invalid"),
            Map.entry("frappe.redis-queue-loopback", "config.invalid"),
            Map.entry("pydantic.settings-extra-forbidden", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules29d (p138-)
        ROUND.reads("amqp.broker-hostname-unresolved", "kombu.exceptions.OperationalError: failed to resolve broker hostname");
        ROUND.readsNot("amqp.broker-hostname-unresolved", "kombu.connection WARNING Retrying connection to broker in 2.00 seconds, broker hostname resolved to 10.0.3.17");
        // py-amqp's own OSError under a compose prefix (p138-32), Django's debug repr of it, and one timestamped
        ROUND.reads("amqp.broker-hostname-unresolved", "celerybeat  | OSError: failed to resolve broker hostname");
        ROUND.reads("amqp.broker-hostname-unresolved", "E   AssertionError: POST /finding/128/edit returned 500: OperationalError('failed to resolve broker hostname')");
        ROUND.reads("amqp.broker-hostname-unresolved", "2026-11-25T10:00:01.234Z celery-worker  | kombu.exceptions.OperationalError: failed to resolve broker hostname");
        ROUND.readsNot("amqp.broker-hostname-unresolved", "kombu.exceptions.OperationalError: [Errno 111] Connection refused"); // exception.line
        ROUND.readsNot("amqp.broker-hostname-unresolved", "amqp.exceptions.AccessRefused: (0, 0): (403) ACCESS_REFUSED - Login was refused using authentication mechanism AMQPLAIN."); // broker.credentials-refused

        ROUND.reads("pydantic.settings-extra-forbidden", "MAIL_SSL\n  extra fields not permitted (type=value_error.extra)");
        ROUND.readsNot("pydantic.settings-extra-forbidden", "MAIL_STARTTLS\n  field required (type=value_error.missing)");
        // p138-08's renamed key as the Cloud Run log shows it, and pydantic v2's extra_forbidden
        ROUND.reads("pydantic.settings-extra-forbidden", "        MAIL_TLS\n          extra fields not permitted (type=value_error.extra)");
        ROUND.reads("pydantic.settings-extra-forbidden", "MAIL_TLS\n  Extra inputs are not permitted [type=extra_forbidden, input_value='True', input_type=str]");
        ROUND.readsNot("pydantic.settings-extra-forbidden", "DATABASE_URL\n  Field required [type=missing, input_value={}, input_type=dict]"); // pydantic.settings-missing
        // a request body's lower-case field (an API client's), and another error of the same report: read by none
        ROUND.readsNot("pydantic.settings-extra-forbidden", "email_address\n  extra fields not permitted (type=value_error.extra)");
        ROUND.readsNot("pydantic.settings-extra-forbidden", "MAIL_FROM\n  value is not a valid email address (type=value_error.email)");

        ROUND.reads("django.disallowed-host-address", "[WARNING] django.security.DisallowedHost: Invalid HTTP_HOST header: '10.152.183.187:8000'. You may need to add '10.152.183.187' to ALLOWED_HOSTS.");
        ROUND.readsNot("django.disallowed-host-address", "ERROR    django.security.DisallowedHost:exception.py:124 Invalid HTTP_HOST header: '127.0.0.1:8000'. You may need to add '127.0.0.1' to ALLOWED_HOSTS.");
        // the kubelet's probe by pod IP (p138-13), kamal-proxy by container id (p138-15), and a checker's private IP
        // in Django's timestamped logging format (p138-12's, h4-28's address)
        ROUND.reads("django.disallowed-host-address", "django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: '10.42.8.201:8000'. You may need to add '10.42.8.201' to ALLOWED_HOSTS.");
        ROUND.reads("django.disallowed-host-address", "  django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: '7c7168a662c1:8000'. You may need to add '7c7168a662c1' to ALLOWED_HOSTS.");
        ROUND.reads("django.disallowed-host-address", "2026-11-24 11:43:30,308 ERROR [django.security.DisallowedHost:124] exception 3 139624116890376 Invalid HTTP_HOST header: '172.19.4.170:8000'. You may need to add '172.19.4.170' to ALLOWED_HOSTS.");
        ROUND.readsNot("django.disallowed-host-address", "Invalid HTTP_HOST header: 'healthcheck.railway.app'. You may need to add 'healthcheck.railway.app' to ALLOWED_HOSTS."); // django.disallowed-host
        // a single-label name and a name Django finds invalid (RFC 1034/1035): read by none
        ROUND.readsNot("django.disallowed-host-address", "django.core.exceptions.DisallowedHost: Invalid HTTP_HOST header: 'localhost:8000'. You may need to add 'localhost' to ALLOWED_HOSTS.");
        ROUND.readsNot("django.disallowed-host-address", "Invalid HTTP_HOST header: 'web_app:8000'. The domain name provided is not valid according to RFC 1034/1035.");

        ROUND.reads("django.staticfiles-setting-unset", "django.core.exceptions.ImproperlyConfigured: You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path.");
        ROUND.readsNot("django.staticfiles-setting-unset", "142 static files copied to '/app/staticfiles', 3 unmodified.");
        // the Heroku buildpack's collectstatic (p138-10), a BuildKit RUN step's (p138-24), and before Django 1.4
        ROUND.reads("django.staticfiles-setting-unset", "remote:        django.core.exceptions.ImproperlyConfigured: You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path.");
        ROUND.reads("django.staticfiles-setting-unset", "#10 1.231 django.core.exceptions.ImproperlyConfigured: You're using the staticfiles app without having set the STATIC_ROOT setting to a filesystem path.");
        ROUND.reads("django.staticfiles-setting-unset", "ImproperlyConfigured: You're using the staticfiles app without having set the required STATIC_URL setting.");
        ROUND.readsNot("django.staticfiles-setting-unset", "django.core.exceptions.ImproperlyConfigured: Set the SECRET_KEY environment variable"); // django.setting-missing
        ROUND.readsNot("django.staticfiles-setting-unset", "django.core.exceptions.ImproperlyConfigured: The SECRET_KEY setting must not be empty."); // django.setting-missing
        // the traceback's raise frame above it (p138-10): read by none
        ROUND.readsNot("django.staticfiles-setting-unset", "remote:            raise ImproperlyConfigured(\"You're using the staticfiles app \"");

        ROUND.reads("frappe.redis-queue-loopback", "Please make sure that Redis Queue runs @ redis://127.0.0.1:11311. Redis reported error: Error 111 connecting to 127.0.0.1:11311. Connection refused.");
        ROUND.readsNot("frappe.redis-queue-loopback", "Please make sure that Redis Queue runs @ redis://redis-queue:6379. Redis reported error: Connection closed by server.");
        // under compose's prefix (p138-11), and bench's localhost form timestamped
        ROUND.reads("frappe.redis-queue-loopback", "queue-short-1  | Please make sure that Redis Queue runs @ redis://127.0.0.1:11311. Redis reported error: Error 111 connecting to 127.0.0.1:11311. Connection refused.");
        ROUND.reads("frappe.redis-queue-loopback", "2026-11-26T08:00:00Z Please make sure that Redis Queue runs @ redis://localhost:11000. Redis reported error: Error 111 connecting to localhost:11000. Connection refused.");
        ROUND.readsNot("frappe.redis-queue-loopback", "redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:11311. Connection refused."); // dependency.connection-refused-generic
        ROUND.readsNot("frappe.redis-queue-loopback", "Please make sure that Redis Queue runs @ redis://redis-queue:6379. Redis reported error: Error -2 connecting to redis-queue:6379. Name or service not known."); // dns.no-such-host
        // an address that only begins like the loopback's: generic.error-word only
        ROUND.readsNot("frappe.redis-queue-loopback", "Please make sure that Redis Queue runs @ redis://127.0.0.10:6379. Redis reported error: Connection closed by server.");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // h4-28, p138-13, p138-15 (app.healthcheck-failing): the app serves its users while a checker calls it
                // by address (Fly's checker by the machine's private IP, the kubelet's liveness probe by the pod IP,
                // kamal-proxy by the container id) and ALLOWED_HOSTS refuses it; the refusal's words are true (the
                // setting lacks the address), the service's own answer (UP) decides for the checker
                // (app.healthcheck-failing/checker-host-refused, rules29d) and the weak reading (0.6) gives way
                "h4-28 django.disallowed-host-address", "p138-13 django.disallowed-host-address",
                "p138-15 django.disallowed-host-address",
                // h117-32 (consumed session 35, app.healthcheck-failing): the same, Fly's checker by the machine's address
                "h117-32 django.disallowed-host-address",
                // p138-24 (build.dockerfile): collectstatic run by a Dockerfile RUN instruction with settings that have
                // no STATIC_ROOT at build time; the words are true of the settings, the RUN step's failure decides
                // (build.dockerfile/staticfiles-in-a-run-step, rules29d, p138-24 named in its commit)
                "p138-24 django.staticfiles-setting-unset");
    }
}
