package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

/**
 * General shapes of the fortieth session's rule writer r40-p183, each in its tool's own words: its round on p183- (mobile
 * app backends and release pipelines). The Expo API refusing the CI's token when the CLI checks the account (whoami,
 * 401); firebase-tools' 403 PERMISSION_DENIED with Google's JSON body on the lines after it; fastlane match given a
 * password that does not decrypt its repo; Firebase security rules that do not compile or are not configured for a
 * target; the Supabase CLI's migration history that does not match the remote; Expo push finding no FCM credential for
 * an app; an app naming a secret it reads as not configured; CocoaPods unable to reach a spec repo; OpenSSL's
 * certificate expired alert; Supabase's edge runtime failing to boot a function's worker; the Supabase CLI's local stack
 * failing its health checks; firebase-tools' debug trace of a Google API answering a server error. One rule added: a
 * host's look at an image build whose record is BuildKit's failed RUN instruction, and no inner error, is the
 * Dockerfile's (build.dockerfile/host-look-image-build-failed, moderate as the wrapper line is in a log).
 */
class HundredThirtySeventhRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // r40-p183 (p183-: mobile app backends and release pipelines)
            Map.entry("expo.whoami-unauthorized", "auth.deploy-token"),
            Map.entry("firebase.http-403-body-permission-denied", "auth.deploy-token"),
            Map.entry("fastlane.match-invalid-password", "config.invalid"),
            Map.entry("firebase.rules-invalid", "config.invalid"),
            Map.entry("supabase.migration-history-mismatch", "config.invalid"),
            Map.entry("expo.push-fcm-credential-missing", "config.missing-secret"),
            Map.entry("env.named-secret-not-configured", "config.missing-secret"),
            Map.entry("cocoapods.repo-type-undetermined-unreachable", "build.dependency-fetch"),
            Map.entry("openssl.alert-certificate-expired", "tls.certificate"),
            Map.entry("supabase.edge-worker-boot-error", "app.crash-on-boot"),
            Map.entry("supabase.start-service-not-healthy", "app.healthcheck-failing"),
            Map.entry("firebase.debug-google-api-5xx", "platform.outage"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // expo/expo-github-action#175 (expo-cli 4.x/5.x under the action's tool cache); eas-cli's own whoami
        ROUND.reads("expo.whoami-unauthorized", "  /home/runner/work/_tool/expo-cli/4.1.6/x64/node_modules/.bin/expo whoami\n"
                + "[10:02:11] Request failed with status code 401");
        ROUND.readsNot("expo.whoami-unauthorized", "  /home/runner/work/_tool/expo-cli/4.1.6/x64/node_modules/.bin/expo whoami\n"
                + "Logged in as ci-bot");
        ROUND.reads("expo.whoami-unauthorized", "$ npx eas whoami\nError: Request failed with status code 401");
        ROUND.readsNot("expo.whoami-unauthorized", "AxiosError: Request failed with status code 401"); // any client's, an app's own call
        // wzieba/Firebase-Distribution-Github-Action#60; the same body after a functions deploy's call
        ROUND.reads("firebase.http-403-body-permission-denied", "Error: failed to upload release. HTTP Error: 403, {\n"
                + "  \"error\": {\n    \"code\": 403,\n    \"message\": \"The caller does not have permission\",");
        ROUND.readsNot("firebase.http-403-body-permission-denied", "Error: failed to upload release. HTTP Error: 400, {\n"
                + "  \"error\": {\n    \"code\": 400,\n    \"message\": \"Request contains an invalid argument.\",");
        ROUND.reads("firebase.http-403-body-permission-denied", "Error: HTTP Error: 403, {\n  \"error\": {\n    \"code\": 403,\n"
                + "    \"message\": \"Permission 'firebaseappdistro.releases.update' denied on resource\",\n    \"status\": \"PERMISSION_DENIED\"");
        ROUND.readsNot("firebase.http-403-body-permission-denied", "Error: HTTP Error: 404, {\n  \"error\": {\n    \"code\": 404,\n"
                + "    \"status\": \"NOT_FOUND\""); // no such app or project: not the credential's roles
        // fastlane/fastlane#20716 (match/lib/match/encryption/openssl.rb)
        ROUND.reads("fastlane.match-invalid-password", "[!] Invalid password passed via 'MATCH_PASSWORD'");
        ROUND.readsNot("fastlane.match-invalid-password", "[!] Neither the MATCH_PASSWORD environment variable nor the local keychain contained a password."); // unset: the missing secret's
        ROUND.reads("fastlane.match-invalid-password", "[14:02:11]: Invalid password passed via 'MATCH_PASSWORD'");
        ROUND.readsNot("fastlane.match-invalid-password", "[10:59:04]: Couldn't decrypt the repo, please make sure you enter the right password!"); // also printed when none was given
        // firebase/functions-samples#246, w9jds/firebase-action#148
        ROUND.reads("firebase.rules-invalid", "Error: Compilation error in firestore.rules:");
        ROUND.readsNot("firebase.rules-invalid", "i  firestore: checking firestore.rules for compilation errors...");
        ROUND.reads("firebase.rules-invalid", "Error: Could not find rules for the following storage targets: rules");
        ROUND.readsNot("firebase.rules-invalid", "✔  database: rules syntax for database orchard-run-staging-default-rtdb is valid");
        // supabase/cli#2063 and the CLI's other refusal of a history out of order
        ROUND.reads("supabase.migration-history-mismatch", "Remote migration versions not found in supabase/migrations directory.");
        ROUND.readsNot("supabase.migration-history-mismatch", "Skipping migration .DS_Store... (file name must match pattern \"<timestamp>_name.sql\")");
        ROUND.reads("supabase.migration-history-mismatch", "Found local migration files to be inserted before the last migration on remote database.");
        ROUND.readsNot("supabase.migration-history-mismatch", "failed to connect to postgres: failed to connect to `host=db.abcd.supabase.co user=postgres database=postgres`: dial error (timeout: dial tcp 3.1.2.3:5432: i/o timeout)"); // the database unreachable
        // expo/expo#31648, expo-community/expo-server-sdk-ruby#17 (its typo); #14022's uploaded key refused is not read
        ROUND.reads("expo.push-fcm-credential-missing", "InvalidCredentials: Unable to retrieve the FCM server key for the recipient's app. "
                + "Make sure you have provided a server key as directed by the Expo FCM documentation.");
        ROUND.readsNot("expo.push-fcm-credential-missing", "message: 'Failed to authenticate with the FCM server. Ensure the FCM server key you uploaded is correct.',");
        ROUND.reads("expo.push-fcm-credential-missing", "Unable to retrive the FCM server key for recipients's app Make sure you have provided a server key as directed by the expo FCM");
        ROUND.readsNot("expo.push-fcm-credential-missing", "DeviceNotRegistered: \"ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]\" is not a registered push notification recipient");
        // supabase/supabase#38329
        ROUND.reads("env.named-secret-not-configured", "Error: GOOGLE_VERTEX_SA_KEY_JSON secret not configured");
        ROUND.readsNot("env.named-secret-not-configured", "ERROR: JAVA_HOME is not set and no 'java' command could be found in your PATH."); // the build machine's JDK
        ROUND.reads("env.named-secret-not-configured", "Error: OPENAI_API_KEY secret is not configured");
        ROUND.readsNot("env.named-secret-not-configured", "Warning: the secret STRIPE_WEBHOOK_SECRET is configured but unused");
        // CocoaPods/CocoaPods#9213, #9335; #9273 (a broken install) is not read
        ROUND.reads("cocoapods.repo-type-undetermined-unreachable", "[!] Couldn't determine repo type for URL: `https://cdn.cocoapods.org/`: 503 \"Forwarding failure\"");
        ROUND.readsNot("cocoapods.repo-type-undetermined-unreachable", "[!] Couldn't determine repo type for URL: `https://cdn.cocoapods.org/`: uninitialized constant Pod::Source::Manager::REST");
        ROUND.reads("cocoapods.repo-type-undetermined-unreachable", "[!] Couldn't determine repo type for URL: `https://cdn.cocoapods.org/`: execution expired");
        ROUND.readsNot("cocoapods.repo-type-undetermined-unreachable", "[!] Couldn't determine repo type for URL: `http://igit.example.com/specs.git`: (<unknown>): mapping values are not allowed in this context at line 13 column 19"); // the source's answer does not parse
        // Edujugon/PushNotification#37, cedadev/ndg_httpsclient#20, rpush/rpush#58, billzhong/py-bark#1
        ROUND.reads("openssl.alert-certificate-expired", "139899582240576:error:14094415:SSL routines:ssl3_read_bytes:sslv3 alert certificate expired:ssl/record/rec_layer_s3.c:1543:SSL alert number 45");
        ROUND.readsNot("openssl.alert-certificate-expired", "SSL_connect returned=1 errno=0 state=error: certificate verify failed (unable to get local issuer certificate)");
        ROUND.reads("openssl.alert-certificate-expired", "[ERROR] OpenSSL::SSL::SSLError, SSL_connect returned=1 errno=0 state=SSLv3 read finished A: sslv3 alert certificate expired");
        ROUND.readsNot("openssl.alert-certificate-expired", "ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1123)"); // plain text on a TLS port
        // supabase/supabase#30243 and the edge runtime's answer
        ROUND.reads("supabase.edge-worker-boot-error", "worker boot error: failed to read path: No such file or directory (os error 2)");
        ROUND.readsNot("supabase.edge-worker-boot-error", "Serving functions on http://127.0.0.1:54321/functions/v1/<function-name>");
        ROUND.reads("supabase.edge-worker-boot-error", "{\"code\":\"BOOT_ERROR\",\"message\":\"Function failed to start (please check logs)\"}");
        ROUND.readsNot("supabase.edge-worker-boot-error", "{\"code\":\"WORKER_LIMIT\",\"message\":\"Function failed due to not having enough compute resources (please check logs)\"}"); // the platform's limit
        // supabase/cli#778, #937, #1083
        ROUND.reads("supabase.start-service-not-healthy", "service not healthy: [supabase_storage_swiftcrate supabase_pg_meta_swiftcrate supabase_studio_swiftcrate]");
        ROUND.readsNot("supabase.start-service-not-healthy", "Waiting for health checks...");
        ROUND.reads("supabase.start-service-not-healthy", "Error: service not healthy: [realtime-dev.supabase_realtime_limey supabase_pg_meta_limey supabase_studio_limey]");
        ROUND.readsNot("supabase.start-service-not-healthy", "supabase_rest_suptest container logs:");
        // firebase/firebase-tools#387 (--debug trace)
        ROUND.reads("firebase.debug-google-api-5xx", "[debug] [2026-12-11T11:57:02.238Z] >>> HTTP REQUEST POST https://www.googleapis.com/oauth2/v3/token\n"
                + "[debug] [2026-12-11T11:57:02.902Z] <<< HTTP RESPONSE 503");
        ROUND.readsNot("firebase.debug-google-api-5xx", "[debug] [2026-12-11T11:57:02.238Z] >>> HTTP REQUEST POST https://www.googleapis.com/oauth2/v3/token\n"
                + "[debug] [2026-12-11T11:57:02.902Z] <<< HTTP RESPONSE 400"); // the caller's
        ROUND.reads("firebase.debug-google-api-5xx", "[debug] [2026-12-11T11:57:03.100Z] >>> HTTP REQUEST GET https://firebase.googleapis.com/v1beta1/projects/shop\n"
                + "[debug] [2026-12-11T11:57:04.211Z] <<< HTTP RESPONSE 502");
        ROUND.readsNot("firebase.debug-google-api-5xx", "[debug] [2026-12-11T11:57:03.100Z] >>> HTTP REQUEST GET https://firebase.googleapis.com/v1beta1/projects/shop\n"
                + "[debug] [2026-12-11T11:57:04.211Z] <<< HTTP RESPONSE 200");
    }

    /**
     * No corpus line is read by the round, and on the labelled scenarios each reads only lines of its own cause. The FCM
     * credential, the named secret, OpenSSL's alert and the edge runtime's boot error are carried by their sources in a
     * service's answer or a look at its logs, which the probe-detail rule reads (p183-12, p183-21, p183-22, p183-23), and
     * no scenario's log.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.without(java.util.Set.of("expo.push-fcm-credential-missing", "env.named-secret-not-configured",
                "openssl.alert-certificate-expired", "supabase.edge-worker-boot-error")).staysInItsCauses();
    }

    /** The scenarios whose words only a service's answer or a look at its logs carries lead with their cause. */
    @Test
    void answersAndLooksCarryingTheWordsLeadWithTheirCause() throws IOException {
        ShapeRound.leadWith(Map.of(
                "p183-12-app-crash-on-boot-supabase-edge-function-worker-boot-failed-read-path", "app.crash-on-boot",
                "p183-21-tls-certificate-php-apns-stream-socket-sslv3-alert-certificate-expired", "tls.certificate",
                "p183-22-config-missing-secret-expo-push-invalidcredentials-no-fcm-server-key", "config.missing-secret",
                "p183-23-config-missing-secret-supabase-edge-function-vertex-key-not-configured", "config.missing-secret"));
    }

    /**
     * A host's look at the image build it ran for a service, whose record is only BuildKit's failed RUN instruction
     * (grdnmsz/prisma-docker#1, p183-37), is the image build (build.dockerfile/host-look-image-build-failed); before it the
     * wrapper words were read nowhere outside a log and the refused port left the service unexplained.
     */
    @Test
    void aHostsLookAtAFailedImageBuildIsTheDockerfile() throws IOException {
        ShapeRound.leadWith(Map.of("p183-37-build-dockerfile-compose-build-run-prisma-generate-step-fails", "build.dockerfile"));
    }
}
