package io.sophia.probes.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sophia.core.Observation.PlatformMachine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A machine's last start (its newest start or launch event) from the Fly docs' example payloads
 * (../shared/corpus/fly-api/examples, superfly/docs, Apache-2.0; see its SOURCE.md).
 */
class FlyMachineStartTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-31T04:00:00Z"), ZoneOffset.UTC);

    private static List<PlatformMachine> parse(JsonNode array) {
        return FlyMachines.parse(array, "web", "fleet-web", CLOCK, Duration.ofMinutes(5));
    }

    @Test
    void theNewestStartOrLaunchEventOfEachMachineOfTheListResponse() throws IOException {
        List<PlatformMachine> ms = parse(M.readTree(corpus("fly-api/examples/list_resp.json")));
        assertEquals(Instant.ofEpochMilli(1698719726615L), ms.get(0).startedAt(), "its start, after its launch");
        assertEquals(Instant.ofEpochMilli(1697145796337L), ms.get(1).startedAt());
        assertTrue(ms.get(0).started());
    }

    @Test
    void aStoppedMachineKeepsItsLastStartButIsNotStarted() throws IOException {
        PlatformMachine m = parse(M.readTree("[" + corpus("fly-api/examples/2023-get_resp.json") + "]")).get(0);
        assertEquals(Instant.ofEpochMilli(1653346103201L), m.startedAt(), "the start before its exit 127");
        assertEquals("stopped", m.state());
        assertFalse(m.started());
    }

    @Test
    void theStartSurvivesTheEventCapEvenBehindManyNewerEvents() throws IOException {
        ArrayNode array = (ArrayNode) M.readTree("[" + corpus("fly-api/examples/get_resp.json") + "]");
        ArrayNode events = (ArrayNode) array.get(0).get("events");
        long start = events.get(0).get("timestamp").asLong();
        for (int i = 1; i <= 30; i++) {
            ObjectNode update = M.createObjectNode().put("type", "update").put("status", "replacing")
                    .put("source", "user").put("timestamp", start + i * 1000L);
            events.insert(0, update);
        }
        PlatformMachine m = parse(array).get(0);
        assertEquals(20, m.events().size(), "the events are capped");
        assertTrue(m.events().stream().noneMatch(e -> "start".equals(e.type())), "the start event itself was dropped");
        assertEquals(Instant.ofEpochMilli(start), m.startedAt(), "but the start was read before the cap");
    }

    @Test
    void aFailedLaunchIsNoStartAndNoEventsSayNothing() throws IOException {
        JsonNode failed = M.readTree("""
                [{"id": "m1", "state": "started", "events": [
                  {"type": "launch", "status": "failed", "source": "flyd", "timestamp": 1698719729000},
                  {"type": "start", "status": "started", "source": "flyd", "timestamp": 1698719726615}]},
                 {"id": "m2", "state": "started", "events": []}]
                """);
        List<PlatformMachine> ms = parse(failed);
        assertEquals(Instant.ofEpochMilli(1698719726615L), ms.get(0).startedAt());
        assertNull(ms.get(1).startedAt(), "no event, no start: nothing invented");
    }

    private static String corpus(String relative) throws IOException {
        String configured = System.getProperty("sophia.corpus");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared/corpus");
        return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
    }
}
