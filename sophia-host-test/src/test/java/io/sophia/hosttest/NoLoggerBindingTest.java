package io.sophia.hosttest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 11: "the library never binds a logger; the CLI binds one." This module depends on the CLI's module too (for
 * {@code DemoFleet} and {@code Main}, as a host would for {@code SophiaMeters}); the CLI's logger binding is in
 * sophia.jar but is not passed on to such a host, which binds its own or none.
 */
class NoLoggerBindingTest {

    @Test
    void dependingOnTheCliModuleBringsNoLoggerBinding() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.simple.SimpleServiceProvider"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ch.qos.logback.classic.spi.LogbackServiceProvider"));
    }
}
