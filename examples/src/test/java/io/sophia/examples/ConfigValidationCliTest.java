package io.sophia.examples;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Impossible config values stop {@code check} before any probe: exit 64, the file, line and key named. */
class ConfigValidationCliTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a port above 65535      | - {id: a, url: 'http://127.0.0.1:65536/'}                     | line 3: services[0].url: port 65536 is outside 1-65535
            port zero               | - {id: a, kind: tcp, url: 'tcp://db.internal:0'}              | line 3: services[0].url: port 0 is outside 1-65535
            a negative duration     | - {id: a, url: 'http://127.0.0.1:9/', expect: {maxLatency: -1s}} | line 3: services[0].expect.maxLatency: expected a positive duration
            a zero duration         | - {id: a, url: 'http://127.0.0.1:9/', expect: {maxLatency: 0ms}} | line 3: services[0].expect.maxLatency: expected a positive duration
            duplicate service ids   | - {id: a, url: 'http://127.0.0.1:9/'}\\n  - {id: a, url: 'http://127.0.0.1:9/'} | line 4: services[1].id: duplicate id 'a'
            an unknown dependency   | - {id: a, url: 'http://127.0.0.1:9/', dependsOn: [b]}         | line 3: services[0].dependsOn[0]: 'b' is not the id of a service
            """)
    void anImpossibleValueExits64NamingTheKey(String scenario, String services, String expected) throws Exception {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, "deployment: x\nservices:\n  " + services.replace("\\n", "\n") + "\n");
        CliRun r = MainTest.run("check", "--config", config.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(64, r.exit(), r.err());
        assertTrue(r.err().contains("bad.yaml " + expected), () -> scenario + ": " + r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "no output directory for a config that cannot run");
    }
}
