package io.sophia.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 12: a service's health is built by name, part by part, not through thirteen positional components. */
class ServiceHealthTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void theBuilderSetsEachPartByName() {
        ServiceHealth h = ServiceHealth.builder("api", Status.DEGRADED).name("API").capability("Public API")
                .critical(true).url("https://api.example.test").httpStatus(200).latencyMs(1_900L).failure("slow")
                .version("1.4.2").owner(Owner.of("core")).upSince(STARTED).baselineMs(120L).build();

        assertEquals(new ServiceHealth("api", "API", "Public API", true, "https://api.example.test", Status.DEGRADED,
                200, 1_900L, "slow", "1.4.2", Owner.of("core"), STARTED, 120L), h);
    }

    @Test
    void onlyTheIdAndStatusAreNeededAndWhatIsNotSetIsAbsent() {
        ServiceHealth h = ServiceHealth.builder("x", Status.UNKNOWN).build();

        assertEquals("x", h.id());
        assertFalse(h.critical());
        assertNull(h.name());
        assertNull(h.httpStatus());
        assertNull(h.owner());
        assertNull(h.baselineMs());
        assertThrows(NullPointerException.class, () -> ServiceHealth.builder((String) null, Status.UP));
        assertThrows(NullPointerException.class, () -> ServiceHealth.builder("x", null));
    }

    @Test
    void aServicesConfiguredPartsAreCopiedAndADownServiceHasNoUpSince() {
        Service s = Service.builder("db", "https://db.example.test/health").name("Database").capability("Orders")
                .critical().owner(Owner.of("data")).build();

        ServiceHealth h = ServiceHealth.builder(s, Status.DOWN).failure("connection refused").upSince(STARTED).build();

        assertEquals(new ServiceHealth("db", "Database", "Orders", true, "https://db.example.test/health", Status.DOWN,
                null, null, "connection refused", null, Owner.of("data"), null, null), h);
    }
}
