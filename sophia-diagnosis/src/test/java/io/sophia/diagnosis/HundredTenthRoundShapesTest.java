package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-seventh session's rule writer rules37-p169, each in its tool's own words: its round on
 * p169- (mobile and desktop app pipelines with their backends). Google Play's API refusing the publishing service account
 * (fastlane supply's "Google Api Error: forbidden: Forbidden"); an Android signing key alias naming no private key
 * (apksigner, the Android Gradle plugin, jarsigner); fastlane prompting for a password the CI did not supply in a
 * non-interactive run; an iOS signing action given no certificate or profile; a hosted image without the Xcode the job
 * selects; the Android emulator not booting on the CI machine; pub unable to reach its package server; App Store
 * Connect's request rate limit; Apple's upload and sign-in services answering 5xx. Each is tested on its source's
 * words and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or its
 * scenario shows and a line of another cause that shares its words); each new log indication reads no line of the
 * shared corpus and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause,
 * named with its reason).
 */
class HundredTenthRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules37-p169 (p169-: fastlane, apksigner, Xcode, Android emulator, pub, App Store Connect, EAS)
            Map.entry("android-emulator.boot-failed-on-runner", "ci.runner"),
            Map.entry("android.signing-key-alias-not-a-key", "config.invalid"),
            Map.entry("app-store-connect.rate-limited", "platform.quota"),
            Map.entry("app-store-connect.upload-service-5xx", "platform.outage"),
            Map.entry("apple.developer-services-5xx", "platform.outage"),
            Map.entry("dart-pub.package-server-unreachable", "build.dependency-fetch"),
            Map.entry("fastlane.password-prompt-non-interactive", "config.missing-secret"),
            Map.entry("google-play.api-forbidden", "auth.deploy-token"),
            Map.entry("ios-signing-action.signing-input-missing", "config.missing-secret"),
            Map.entry("xcode.version-not-on-runner-image", "ci.runner"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules37-p169 (p169-)
        ROUND.reads("android-emulator.boot-failed-on-runner", "##[error]Timeout waiting for emulator to boot.");
        ROUND.readsNot("android-emulator.boot-failed-on-runner", "Waiting for emulator to boot...");
        ROUND.reads("android-emulator.boot-failed-on-runner", "Timeout waiting for emulator to boot. Exiting");
        ROUND.readsNot("android-emulator.boot-failed-on-runner", "##[error]The job running on runner GitHub Actions 3 has exceeded the maximum execution time of 60 minutes."); // ci.timeout
        ROUND.reads("android.signing-key-alias-not-a-key", "Failed to load signer \"signer #1\": /home/runner/work/app/app/android/app/build/outputs/apk/release/signingKey.jks entry \"***\" does not contain a key");
        ROUND.readsNot("android.signing-key-alias-not-a-key", "Failed to load signer \"signer #1\": java.io.IOException: Invalid keystore format");
        ROUND.reads("android.signing-key-alias-not-a-key", "> com.android.ide.common.signing.KeytoolException: Failed to read key upload from store \"/home/runner/work/app/app/android/app/release.keystore\": No key with alias 'upload' found in keystore /home/runner/work/app/app/android/app/release.keystore");
        ROUND.readsNot("android.signing-key-alias-not-a-key", "   > SigningConfig \"release\" is missing required property \"storePassword\"."); // android.signing-config-value-missing
        ROUND.reads("app-store-connect.rate-limited", "/Users/runner/.bundle/ruby/3.1.0/gems/fastlane-2.220.0/spaceship/lib/spaceship/connect_api/api_client.rb:204:in `handle_response': [!] The request rate limit has been reached. - We've received too many requests for this API. Please wait and try again or slow down your request rate. (Spaceship::UnexpectedResponse)");
        ROUND.readsNot("app-store-connect.rate-limited", "toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit");
        ROUND.reads("app-store-connect.rate-limited", "[11:52:14]: Rate limit has been exceeded for: testflight|default|APPLE_CONNECT:20574611823");
        ROUND.readsNot("app-store-connect.rate-limited", "npm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/react-native"); // npm.too-many-requests
        ROUND.reads("app-store-connect.upload-service-5xx", "[10:58:37]: [ContentDelivery.Uploader.6F1E2A9C3] GET UPLOAD STATE (ASSET_DESCRIPTION): received status code 500; internal server error. (7QK2D4MZWTR3HCPLN5SXEYGBVA) (500)");
        ROUND.readsNot("app-store-connect.upload-service-5xx", "[10:58:37]: [ContentDelivery.Uploader.6F1E2A9C3] GET UPLOAD STATE (ASSET_DESCRIPTION): received status code 401; unauthorized. (401)");
        ROUND.reads("app-store-connect.upload-service-5xx", "[ContentDelivery.Uploader.BA8C359C0] GET UPLOAD STATE (ASSET_DESCRIPTION): received status code 502; bad gateway. (502)");
        ROUND.readsNot("app-store-connect.upload-service-5xx", "[!] Authentication credentials are missing or invalid. - Provide a properly configured and signed bearer token, and make sure that it has not expired."); // app-store-connect.credentials-invalid
        ROUND.reads("apple.developer-services-5xx", "Received an internal server error from Apple's App Store Connect / Developer Portal servers, please try again later");
        ROUND.readsNot("apple.developer-services-5xx", "Error: Request failed with status code 401 (POST https://idmsa.apple.com/appleauth/auth/signin)");
        ROUND.reads("apple.developer-services-5xx", "⠇ Logging in...Error: Request failed with status code 503 (POST https://idmsa.apple.com/appleauth/auth/signin)");
        ROUND.readsNot("apple.developer-services-5xx", "Error: Request failed with status code 503 (GET https://api.example-backend.io/health)"); // an app's own backend
        ROUND.reads("dart-pub.package-server-unreachable", "Got socket error trying to find package node_preamble at https://pub.dartlang.org.");
        ROUND.readsNot("dart-pub.package-server-unreachable", "Because app depends on node_preamble ^3.0.0 which doesn't match any versions, version solving failed.");
        ROUND.reads("dart-pub.package-server-unreachable", "pub get failed (server unavailable) -- attempting retry 6 in 32 seconds...");
        ROUND.readsNot("dart-pub.package-server-unreachable", "pub get failed (65; Because app depends on http ^2.0.0 which doesn't match any versions, version solving failed.)"); // version solving: the build's own constraints
        ROUND.reads("fastlane.password-prompt-non-interactive", "[16:08:22]: Passphrase for Match storage: \n[!] Could not retrieve response as fastlane runs in non-interactive mode");
        ROUND.readsNot("fastlane.password-prompt-non-interactive", "[16:08:22]: No deliver configuration found in the current directory. Do you want to setup deliver? (y/n)\n[!] Could not retrieve response as fastlane runs in non-interactive mode");
        ROUND.reads("fastlane.password-prompt-non-interactive", "[10:02:11]: Password (for release@example.com): \n[10:02:11]: Could not retrieve response as fastlane runs in non-interactive mode");
        ROUND.readsNot("fastlane.password-prompt-non-interactive", "[10:02:11]: Multiple teams found on the Developer Portal, please enter the number of the team you want to use: \n[!] Could not retrieve response as fastlane runs in non-interactive mode"); // a choice (config), not a secret
        ROUND.reads("google-play.api-forbidden", "/Users/runner/.gem/ruby/3.2.0/gems/fastlane-2.225.0/fastlane_core/lib/fastlane_core/ui/interface.rb:141:in `user_error!': [!] Google Api Error: forbidden: Forbidden (FastlaneCore::Interface::FastlaneError)");
        ROUND.readsNot("google-play.api-forbidden", "[!] Google Api Error: forbidden: Only releases with status draft may be created on draft app. - Only releases with status draft may be created on draft app.");
        ROUND.reads("google-play.api-forbidden", "[!] Google Api Error: forbidden: The current user has insufficient permissions to perform the requested operation. - The current user has insufficient permissions to perform the requested operation.");
        ROUND.readsNot("google-play.api-forbidden", "[!] Google Api Error: Invalid request - Package not found: com.example.app."); // google-play.artifact-rejected
        ROUND.reads("ios-signing-action.signing-input-missing", "##[error]No provisioning profile provided");
        ROUND.readsNot("ios-signing-action.signing-input-missing", "echo \"No provisioning profile provided -- package will not include ES authorization\"");
        ROUND.reads("ios-signing-action.signing-input-missing", "Error: mobileprovision missing or in the wrong format.");
        ROUND.readsNot("ios-signing-action.signing-input-missing", "error: exportArchive: \"Runner.app\" requires a provisioning profile."); // Xcode's own signing settings
        ROUND.reads("xcode.version-not-on-runner-image", "##[error]Could not find Xcode version that satisfied version spec: '16.0'");
        ROUND.readsNot("xcode.version-not-on-runner-image", "Switching Xcode to version '16.0'...");
        ROUND.reads("xcode.version-not-on-runner-image", "[08:34:27]: Cannot find an installed Xcode satisfying '~> 13.3'");
        ROUND.readsNot("xcode.version-not-on-runner-image", "[08:34:27]: Cannot find an installed Xcode satisfying ''"); // no version asked: the Fastfile's setting
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses();
    }
}
