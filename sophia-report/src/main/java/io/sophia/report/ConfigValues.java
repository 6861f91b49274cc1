package io.sophia.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.sophia.core.Secrets;
import io.sophia.core.ServiceKind;
import io.sophia.diagnosis.GatePolicy;
import io.sophia.diagnosis.InputTree;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Jackson binds a config: the mapper, the readers of Sophia's own value grammars (one duration grammar,
 * {@link InputTree#parseDuration}; byte sizes; service kinds; the gate section, parsed once into a
 * {@link GatePolicy}; webhooks) and a problem handler. A value that cannot be used is recorded as a
 * {@link ConfigReader.Problems problem} with its key path and binding goes on with a null, so one run reports
 * every problem of a file, not only the first (Jackson alone stops at the first).
 */
final class ConfigValues {

    private static final Pattern SIZE = Pattern.compile("(?i)(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(b|kb|kib|mb|mib|gb|gib)?");
    private static final long MIN_LOG_BYTES = 1L << 10;
    private static final long MAX_LOG_BYTES = 64L << 30;

    /** Databind for config documents: records; an unknown key is an error (handed to {@link Handler}). */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("sophia-config")
                    // as written, not coerced: 'true' is no boolean, 1 no boolean, true no text
                    .addDeserializer(String.class, new Text())
                    .addDeserializer(Boolean.class, new Flag())
                    .addDeserializer(Long.class, new WholeNumber())
                    .addDeserializer(Duration.class, new DurationValue())
                    .addDeserializer(ServiceKind.class, new KindValue())
                    .addDeserializer(GatePolicy.class, new GateValue())
                    .addDeserializer(DeploymentConfig.Webhook.class, new WebhookValue()))
            .addHandler(new Handler())
            .build();

    private ConfigValues() {
    }

    /**
     * Binds {@code tree} to a {@link ConfigDocument}, recording problems in {@code problems}.
     *
     * @throws IOException for a problem Jackson cannot hand to the handler (the caller maps it by its path)
     */
    static ConfigDocument bind(JsonNode tree, ConfigReader.Problems problems) throws IOException {
        ObjectReader reader = MAPPER.readerFor(ConfigDocument.class).withAttribute(ConfigReader.Problems.class, problems);
        return reader.readValue(tree);
    }

    // ---------------------------------------------------------------- key paths

    /**
     * The path of a key as problems name it ({@code services[0].expect.maxLatency}), as segments: a String
     * for a mapping key, an Integer for a list index.
     */
    record Key(List<Object> segments) {
        static final Key ROOT = new Key(List.of());

        Key {
            segments = List.copyOf(segments);
        }

        Key child(String name) {
            List<Object> s = new ArrayList<>(segments);
            s.add(name);
            return new Key(s);
        }

        Key at(int index) {
            List<Object> s = new ArrayList<>(segments);
            s.add(index);
            return new Key(s);
        }

        /** The value the parser is on: the key of the current field, or the index of the current item. */
        static Key of(JsonParser p) {
            List<Object> reversed = new ArrayList<>();
            JsonStreamContext c = p.getParsingContext();
            // on a START_OBJECT/START_ARRAY the context is already the new, still empty container's
            if (c != null && (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY)) {
                c = c.getParent();
            }
            for (; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray() && c.getCurrentIndex() >= 0) {
                    reversed.add(c.getCurrentIndex());
                } else if (c.inObject() && c.getCurrentName() != null) {
                    reversed.add(c.getCurrentName());
                }
            }
            java.util.Collections.reverse(reversed);
            return new Key(reversed);
        }

        /** From a Jackson exception's path. */
        static Key of(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
            List<Object> s = new ArrayList<>();
            for (var r : path) {
                s.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
            }
            return new Key(s);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (Object s : segments) {
                if (s instanceof Integer i) {
                    b.append('[').append(i).append(']');
                } else {
                    b.append(b.length() == 0 ? "" : ".").append(s);
                }
            }
            return b.toString();
        }
    }

    // ---------------------------------------------------------------- value readers

    /** Base of the value readers: the problem goes to the collector, the value becomes null. */
    private abstract static class Value<T> extends StdDeserializer<T> {
        Value(Class<T> type) {
            super(type);
        }

        /** Records a problem with the value the parser is on, skips it and returns null. */
        T reject(JsonParser p, DeserializationContext ctxt, String expected) throws IOException {
            Key key = Key.of(p);
            ConfigReader.Problems problems = ConfigReader.Problems.of(ctxt);
            problems.atValue(key, expected + ", got " + problems.shown(key));
            p.skipChildren();
            return null;
        }
    }

    /** Text written as text. */
    static final class Text extends Value<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : reject(p, ctxt, "expected a text");
        }
    }

    /** Any scalar as text: a workflow may be given by its id, a JSON value to compare may be a number. */
    static final class ScalarText extends Value<String> {
        ScalarText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.currentToken().isScalarValue() ? p.getText() : reject(p, ctxt, "expected a text");
        }
    }

    /** {@code true} or {@code false} (YAML 1.1 spellings such as {@code yes} included, as the parser reads them). */
    static final class Flag extends Value<Boolean> {
        Flag() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isBoolean()) {
                return p.getBooleanValue();
            }
            return reject(p, ctxt, "expected true or false");
        }
    }

    /** A whole number, or one written as digits in quotes (a run id copied from a URL). */
    static final class WholeNumber extends Value<Long> {
        WholeNumber() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING && p.getText().matches("\\d{1,18}")) {
                try {
                    return Long.parseLong(p.getText());
                } catch (NumberFormatException e) {
                    // too large: the message below
                }
            }
            return reject(p, ctxt, "expected a whole number");
        }
    }

    /** A positive duration of at most 24 h, in the one grammar of {@link InputTree#parseDuration}. */
    static final class DurationValue extends Value<Duration> {
        DurationValue() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                Duration d = InputTree.parseDuration(p.getText()).orElse(null);
                if (d != null && !d.isNegative() && !d.isZero()) {
                    if (d.compareTo(Duration.ofHours(24)) > 0) {
                        return reject(p, ctxt, "expected at most 24h");
                    }
                    return d;
                }
            }
            return reject(p, ctxt, "expected a positive duration like 300ms, 2s or 1m");
        }
    }

    /** A byte size: a whole number of bytes, or a number with B, KB/MB/GB (powers of 1000) or KiB/MiB/GiB (of 1024). */
    static final class ByteSize extends Value<Long> {
        ByteSize() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
                Matcher m = SIZE.matcher(p.getText().strip());
                if (m.matches()) {
                    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
                    long factor = switch (unit) {
                        case "kb" -> 1_000L;
                        case "kib" -> 1L << 10;
                        case "mb" -> 1_000_000L;
                        case "mib" -> 1L << 20;
                        case "gb" -> 1_000_000_000L;
                        case "gib" -> 1L << 30;
                        default -> 1L;
                    };
                    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
                    if (bytes.compareTo(BigDecimal.valueOf(MIN_LOG_BYTES)) < 0
                            || bytes.compareTo(BigDecimal.valueOf(MAX_LOG_BYTES)) > 0) {
                        return reject(p, ctxt, "expected a size from 1KiB to 64GiB");
                    }
                    return bytes.longValue();
                }
            }
            return reject(p, ctxt, "expected a size like 64MiB, 512KB or a number of bytes");
        }
    }

    /** {@code http}, {@code mcp} or {@code tcp}, any case. */
    static final class KindValue extends Value<ServiceKind> {
        KindValue() {
            super(ServiceKind.class);
        }

        @Override
        public ServiceKind deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                try {
                    return ServiceKind.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    // the message below
                }
            }
            return reject(p, ctxt, "expected http, mcp or tcp");
        }
    }

    /**
     * The {@code gate} section, read here once into the policy the diagnosis uses; a threshold it cannot use is
     * a config error before any probing, named at the {@code gate} key.
     */
    static final class GateValue extends Value<GatePolicy> {
        GateValue() {
            super(GatePolicy.class);
        }

        @Override
        public GatePolicy deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return reject(p, ctxt, "expected a mapping (key: value)");
            }
            Key key = Key.of(p);
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = ctxt.readValue(p, Map.class);
            try {
                return GatePolicy.fromMap(plain);
            } catch (IllegalArgumentException e) {
                ConfigReader.Problems.of(ctxt).atKey(key, String.valueOf(e.getMessage()));
                return null;
            }
        }
    }

    /** An owner: the team alone, as text, or {@code {team, contact}}. */
    static final class OwnerValue extends Value<ConfigDocument.OwnerDoc> {
        OwnerValue() {
            super(ConfigDocument.OwnerDoc.class);
        }

        @Override
        public ConfigDocument.OwnerDoc deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                return new ConfigDocument.OwnerDoc(p.getText(), null);
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                // the record's own binding: this reader is the property's, not the type's
                return ctxt.readValue(p, ConfigDocument.OwnerDoc.class);
            }
            return reject(p, ctxt, "expected a team name or {team, contact}");
        }
    }

    /** A webhook: its URL, or {@code {urlEnv: NAME}}, the variable that holds it. The URL is never echoed. */
    static final class WebhookValue extends Value<DeploymentConfig.Webhook> {
        WebhookValue() {
            super(DeploymentConfig.Webhook.class);
        }

        @Override
        public DeploymentConfig.Webhook deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Key key = Key.of(p);
            ConfigReader.Problems problems = ConfigReader.Problems.of(ctxt);
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                java.net.URI uri = ConfigReader.httpUrl(p.getText()).orElse(null);
                if (uri == null) {
                    // the value itself is not echoed: a webhook URL carries its credential
                    problems.atValue(key, "expected an http or https URL with a host");
                    return null;
                }
                return DeploymentConfig.Webhook.url(uri);
            }
            if (p.currentToken() == JsonToken.START_OBJECT) {
                JsonNode node = ctxt.readTree(p);
                JsonNode env = node.get("urlEnv");
                if (node.size() == 1 && env != null && env.isTextual()) {
                    if (!ConfigReader.isEnvName(env.asText())) {
                        problems.atValue(key.child("urlEnv"), "expected the name of an environment variable, got "
                                + problems.shown(key.child("urlEnv")));
                        return null;
                    }
                    return DeploymentConfig.Webhook.fromEnv(env.asText());
                }
                problems.atValue(key, "expected a URL or {urlEnv: NAME}");
                return null;
            }
            problems.atValue(key, "expected a URL or {urlEnv: NAME}");
            p.skipChildren();
            return null;
        }
    }

    // ---------------------------------------------------------------- problems Jackson finds

    /**
     * Turns what Jackson's own deserializers cannot read into problems that name the key and show the value as
     * written (never a value that looks like a secret), and lets binding go on.
     */
    static final class Handler extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Set<String> known = new TreeSet<>();
            Collection<Object> names = deserializer.getKnownPropertyNames();
            if (names != null) {
                names.forEach(n -> known.add(String.valueOf(n)));
            }
            Key key;
            if (p != ctxt.getParser()) {
                // a record's unknown keys are buffered and handed over once it is built: the main parser is then
                // at the end of the record's mapping, its context that of the mapping's own key
                key = Key.of(ctxt.getParser()).child(propertyName);
            } else {
                key = Key.of(p);
                if (key.segments().isEmpty() || !propertyName.equals(key.segments().get(key.segments().size() - 1))) {
                    key = key.child(propertyName);
                }
            }
            ConfigReader.Problems.of(ctxt).atKey(key, "unknown key" + ConfigReader.suggestion(propertyName, known)
                    + "; allowed: " + String.join(", ", known));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            return reject(ctxt, p, targetType.getRawClass());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsts, JsonParser p, String msg)
                throws IOException {
            return reject(ctxt, p, instClass);
        }

        private static Object reject(DeserializationContext ctxt, JsonParser p, Class<?> target) throws IOException {
            Key key = Key.of(p);
            ConfigReader.Problems problems = ConfigReader.Problems.of(ctxt);
            problems.atValue(key, expected(target) + ", got " + problems.shown(key));
            p.skipChildren();
            return null;
        }
    }

    /** What a value of {@code target} looks like, for "expected X, got Y". */
    static String expected(Class<?> target) {
        if (target == Boolean.class || target == boolean.class) {
            return "expected true or false";
        }
        if (target == Long.class || target == Integer.class || target == long.class || target == int.class) {
            return "expected a whole number";
        }
        if (target == String.class) {
            return "expected a text";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "expected a list";
        }
        return "expected a mapping (key: value)";
    }

    /** Quotes a value for a message, unless it looks like a secret; redacted before it is cut. */
    static String show(String value) {
        if (Secrets.looksLikeSecret(value.strip())) {
            return "a value that looks like a secret (not shown)";
        }
        String oneLine = value.replaceAll("[\\r\\n\\t]+", " ");
        return "'" + Secrets.patterns().cut(oneLine, 60) + "'";
    }
}
