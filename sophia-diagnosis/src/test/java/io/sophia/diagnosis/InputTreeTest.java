package io.sophia.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputTreeTest {

    @Test
    void everyNodeKnowsItsLineInYamlAndJson() {
        InputTree.MapNode yaml = (InputTree.MapNode) InputTree.parse("a: 1\nb:\n  - x\n  - {c: true}\n", "f.yaml",
                InputTree.Format.YAML).orElseThrow();
        assertEquals(2, yaml.keyLine("b"));
        InputTree.ListNode list = (InputTree.ListNode) yaml.node("b");
        assertEquals(4, list.items().get(1).line());
        assertEquals(Map.of("a", 1L, "b", List.of("x", Map.of("c", true))), InputTree.toPlain(yaml));

        InputTree.MapNode json = (InputTree.MapNode) InputTree.parse("{\n \"a\": 1,\n \"b\": [2.5]\n}", "f.json",
                InputTree.Format.JSON).orElseThrow();
        assertEquals(3, json.keyLine("b"));
        assertEquals(2.5, ((InputTree.Scalar) ((InputTree.ListNode) json.node("b")).items().get(0)).value());
    }

    @Test
    void aDuplicateKeyNamesBothLines() {
        InputException e = assertThrows(InputException.class,
                () -> InputTree.parse("x:\n  a: 1\n  b: 2\n  a: 3\n", "d.yaml", InputTree.Format.YAML));
        assertEquals("d.yaml line 4: x.a: duplicate key (first at line 2)", e.getMessage());
    }

    @Test
    void malformedInputAndDeepNestingAreTypedErrors() {
        InputException bad = assertThrows(InputException.class,
                () -> InputTree.parse("{\"a\": [1,}\n", "b.json", InputTree.Format.JSON));
        assertTrue(bad.getMessage().startsWith("b.json line 1: malformed JSON"), bad.getMessage());
        String deep = "[".repeat(100) + "]".repeat(100);
        InputException tooDeep = assertThrows(InputException.class,
                () -> InputTree.parse(deep, "deep.json", InputTree.Format.JSON));
        assertTrue(tooDeep.problem().contains("nested deeper than"), tooDeep.getMessage());
        InputException notUtf8 = assertThrows(InputException.class, () -> InputTree.parse(new byte[]{'a', ':', ' ',
                (byte) 0xff}, "x.yaml", InputTree.Format.YAML, 100));
        assertEquals("not UTF-8 text", notUtf8.problem());
        InputException big = assertThrows(InputException.class, () -> InputTree.parse(
                "a: 1\n".getBytes(StandardCharsets.UTF_8), "x.yaml", InputTree.Format.YAML, 3));
        assertTrue(big.problem().contains("at most 3"), big.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"300ms,300", "2s,2000", "1.5s,1500", "30m,1800000", "30min,1800000", "4h,14400000",
            "1d,86400000", "PT2S,2000", "P1D,86400000", "' 5 s ',5000"})
    void oneDurationGrammarForConfigsAndRuleFiles(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), InputTree.parseDuration(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "fast", "-2s", "2 weeks", "1e3s", "99999999999999d"})
    void anythingElseIsNoDuration(String text) {
        assertTrue(InputTree.parseDuration(text).isEmpty(), text);
    }

    @Test
    void formattingRoundTrips() {
        for (String s : List.of("300ms", "2s", "1m", "4h", "1d")) {
            assertEquals(s, InputTree.formatDuration(InputTree.parseDuration(s).orElseThrow()));
        }
    }
}
