package io.sophia.diagnosis.properties;

import io.sophia.core.testing.HostileJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.IndicationSet;
import io.sophia.diagnosis.KnowledgeBase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule files and indication files are written by users (and sometimes are the wrong file): whatever
 * their bytes, reading one gives a knowledge base or a {@link InputException}
 * (for indications too), never another exception and never a hang.
 */
class RuleFileProperties {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The first causes of the built-in knowledge base, as JSON: a valid rule file to break. */
    private static final String RULES = subset("knowledge-base.yaml", "causes", 3);
    private static final String INDICATIONS = subset("indications/build.yaml", "indications", 5);

    private static String subset(String resource, String key, int n) {
        try (InputStream in = KnowledgeBase.class.getResourceAsStream(resource)) {
            JsonNode all = YAML.readTree(in);
            JsonNode part = all.get(key);
            ObjectNode out = new ObjectMapper().createObjectNode();
            if (part.isArray()) {
                var array = out.putArray(key);
                for (int i = 0; i < Math.min(n, part.size()); i++) {
                    array.add(part.get(i));
                }
            } else {
                ObjectNode obj = out.putObject(key);
                Iterator<String> names = part.fieldNames();
                for (int i = 0; i < n && names.hasNext(); i++) {
                    String name = names.next();
                    obj.set(name, part.get(name));
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** YAML-only hostility: alias bombs, tabs, duplicate keys, tags, documents. */
    private static Arbitrary<String> yamlOnly() {
        StringBuilder laughs = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        return Arbitraries.of(laughs.toString(), "causes:\n\tx: 1\n", "causes: {}\ncauses: {}\n", "!!java.io.File x",
                "--- a\n--- b\n", "causes: !!binary AAAA", "causes:\n  a.b:\n    prior: .5\n    rules: *nope\n",
                "? [a, b]\n: c\n", "causes: &x\n  a.b: *x\n");
    }

    @Provide
    Arbitrary<String> ruleFiles() {
        return Arbitraries.oneOf(HostileJson.variantsOf(RULES, (1 << 20) + 1024), yamlOnly());
    }

    @Provide
    Arbitrary<String> indicationFiles() {
        return Arbitraries.oneOf(HostileJson.variantsOf(INDICATIONS, 256 << 10), yamlOnly());
    }

    @Property(tries = 100)
    void aRuleFileIsAKnowledgeBaseOrATypedError(@ForAll("ruleFiles") String text, @ForAll boolean asJson) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String name = asJson ? "rules.json" : "rules.yaml";
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try {
                Path dir = Files.createTempDirectory("rules");
                Path file = Files.write(dir.resolve(name), bytes);
                try {
                    KnowledgeBase kb = KnowledgeBase.builtIn().withRuleFile(file);
                    assertFalse(kb.causes().isEmpty());
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir);
                }
            } catch (InputException expected) {
                assertTrue(expected.getMessage().contains(name), expected.getMessage());
                assertTrue(expected.getMessage().length() < 2_000, "the message is bounded");
            }
        });
    }

    @Property(tries = 60)
    void anIndicationFileIsASetOrATypedError(@ForAll("indicationFiles") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try {
                IndicationSet set = IndicationSet.parse(text, "indications.yaml");
                assertTrue(set != null);
            } catch (InputException expected) {
                assertTrue(expected.getMessage().length() < 2_000, "the message is bounded");
            }
        });
    }
}
