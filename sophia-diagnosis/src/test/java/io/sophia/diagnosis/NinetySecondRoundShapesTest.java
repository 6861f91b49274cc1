package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * General shapes of the thirty-third session's rule writer rules33d, each in its tool's own words: its round on p152-
 * (Go and Rust services from build to boot). runtime.libc-version-missing reads the dynamic loader's "version
 * `GLIBC_2.34' not found (required by /app)" (glibc elf/dl-version.c), a binary built against a newer C library than the
 * image it runs in (a distroless or slim runtime stage), app.crash-on-boot; go.dial-loopback-datastore-refused reads Go's
 * "dial tcp 127.0.0.1:6379: connect: connection refused" for a datastore's port, a service whose configured host is the
 * loopback, config.invalid (taken back by the knowledge base when the service depends on a service that is down). The
 * changed go.module-vcs-fetch-failed (pinned in SixtyFirstRoundShapesTest) is checked here on the line its widening is
 * for: the requirement chain's last, tab-indented element without "go: " before it. Each is tested on its source's words
 * and a near miss (the first pair of each is indication-cases.tsv's row, then a line its comment quotes or its scenario
 * shows and a line of another cause that shares its words); each new log indication reads no line of the shared corpus
 * and, on the labelled scenarios, only lines of its own cause (or a consequence of that scenario's cause, named with
 * its reason).
 */
class NinetySecondRoundShapesTest {

    private static final Map<String, String> CAUSE_OF = Map.ofEntries(
            // rules33d (p152-: Go and Rust services from build to boot)
            Map.entry("runtime.libc-version-missing", "app.crash-on-boot"),
            Map.entry("go.dial-loopback-datastore-refused", "config.invalid"));

    private static final ShapeRound ROUND = new ShapeRound(CAUSE_OF);

    @Test
    void eachReadsItsSourcesWordsAndNotItsNearMiss() throws IOException {
        // rules33d (p152-)
        ROUND.reads("runtime.libc-version-missing", "/app: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app)");
        ROUND.readsNot("runtime.libc-version-missing", "ldd (Debian GLIBC 2.36-9+deb12u4) 2.36");
        ROUND.reads("runtime.libc-version-missing", "2026-11-26T15:07:41Z app[3d8d9d1fe65e48] ams [info]/usr/bin/miniflux: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /usr/bin/miniflux)");
        ROUND.reads("runtime.libc-version-missing", "./remindee-bot: /lib/x86_64-linux-gnu/libm.so.6: version `GLIBC_2.35' not found (required by ./remindee-bot)");
        ROUND.reads("runtime.libc-version-missing", "./server: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.29' not found (required by ./server)");
        ROUND.readsNot("runtime.libc-version-missing", "go: github.com/acme/widgets@v1.2.3: invalid version: unknown revision v1.2.3"); // go.module-fetch
        ROUND.reads("go.dial-loopback-datastore-refused", "panic: dial tcp [::1]:5432: connect: connection refused");
        ROUND.readsNot("go.dial-loopback-datastore-refused", "panic: dial tcp 10.0.3.14:5432: connect: connection refused");
        ROUND.reads("go.dial-loopback-datastore-refused", "2026/03/06 14:18:31 error connecting to DB: dial tcp 127.0.0.1:5432: connect: connection refused");
        ROUND.reads("go.dial-loopback-datastore-refused", "{\"error\":\"ratelimit: dial tcp 127.0.0.1:6379: connect: connection refused\"}");
        ROUND.reads("go.dial-loopback-datastore-refused", "dial tcp 127.0.0.1:6379: getsockopt: connection refused");
        // an app port at the loopback, not a datastore's
        ROUND.readsNot("go.dial-loopback-datastore-refused", "Bad Gateway (Caddy: dial tcp 127.0.0.1:22300: connect: connection refused)");
        ROUND.readsNot("go.dial-loopback-datastore-refused", "go: github.com/onsi/ginkgo@v1.16.3: Get \"https://proxy.golang.org/github.com/onsi/ginkgo/@v/v1.16.3.mod\": proxyconnect tcp: dial tcp 127.0.0.1:3001: connect: connection refused"); // go.module-fetch
        // go.module-vcs-fetch-failed (changed): the requirement chain's last element (pulumi/pulumi#14541, p152-02)
        ROUND.reads("go.module-vcs-fetch-failed", "build.dependency-fetch", "\tgithub.com/mitchellh/osext@v0.0.0-20151018003038-5e2d6d41470f: invalid version: git ls-remote -q origin in /builddir/go/pkg/mod/cache/vcs/94ed57c5b21c953d93b47487113db43a5c9b69fd990329ec70dc77348c4dd443: exit status 128:");
        ROUND.readsNot("go.module-vcs-fetch-failed", "\tgithub.com/docker/distribution@v0.0.0-20190905152932-14b96e55d84c requires");
        ROUND.reads("go.module-vcs-fetch-failed", "build.dependency-fetch", "2026-11-22T08:41:12.5000000Z \tgithub.com/mitchellh/osext@v0.0.0-20151018003038-5e2d6d41470f: invalid version: git ls-remote -q origin in /root/go/pkg/mod/cache/vcs/94ed57c5: exit status 128:");
        ROUND.readsNot("go.module-vcs-fetch-failed", "fatal: could not read Username for 'https://github.com': terminal prompts disabled");
    }

    /**
     * No corpus line is read by the round. On the labelled scenarios, the lines of another cause read are named below
     * with their reasons.
     */
    @Test
    void newIndicationsStayInTheirCauses() throws IOException {
        ROUND.staysInItsCauses(
                // p132-15: pgwatch's Postgres sink runs on the collector's own host and is down (its port refuses),
                // dependency.down: the loopback is where the down datastore is (config.invalid's
                // loopback-datastore-of-a-down-dependency takes the reading back)
                "p132-15 go.dial-loopback-datastore-refused");
    }
}
