package io.sophia.report.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sophia.core.Assessment;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * report.json through Jackson databind: the core records with the mix-ins of
 * {@link JsonMixins}, the top level of {@link ReportJson}, observation kinds from the sealed
 * hierarchy ({@link ObservationTypes}), instants and durations through the JSR-310 module
 * (ISO-8601 instants, durations in milliseconds).
 *
 * <p>Reading is strict about what it knows (types, enum values, cause ids; a number is never
 * taken from a string) and tolerant of what it does not: unknown fields are ignored and an
 * observation of an unknown {@code type} is skipped, so a report of a later minor version
 * reads (see report.schema.json's versioning rule). Errors name the JSON path.
 */
public final class JsonCodec {

    /** The major version this reader understands; minor versions only add fields and observation kinds. */
    private static final String MAJOR = Assessment.SCHEMA_VERSION.substring(0, Assessment.SCHEMA_VERSION.indexOf('.'));

    private static final ObjectMapper MAPPER = mapper();

    private static final ObjectWriter WRITER = MAPPER.writer(printer());

    private JsonCodec() {
    }

    private static ObjectMapper mapper() {
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("sophia-durations").addDeserializer(Duration.class, new Millis()))
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                // a reader of version 1.x accepts what a later 1.y adds
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        b.addHandler(new DeserializationProblemHandler() {
            @Override
            public JavaType handleUnknownTypeId(DeserializationContext ctxt, JavaType baseType, String subTypeId,
                                                TypeIdResolver idResolver, String failureMsg) {
                // a kind added by a later minor version: skipped (Void means "no value"); no type at all fails
                return ctxt.constructType(Void.class);
            }
        });
        ObjectMapper m = JsonMixins.register(b).build();
        m.registerSubtypes(ObservationTypes.namedTypes());
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(20_000_000).build());
        m.getFactory().setCharacterEscapes(new InvisibleEscapes());
        return m;
    }

    /**
     * Invisible format characters of the basic plane (bidirectional overrides and isolates, zero-width characters: {@link
     * io.sophia.core.RemoteText#isInvisible}), DEL and the C1 controls written as {@code \u202e}: the text read back is what the source sent,
     * and a viewer of the file cannot be made to show it in another order. Everything else as Jackson writes it.
     */
    private static final class InvisibleEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private static final int[] ASCII = asciiEscapes();

        private static int[] asciiEscapes() {
            int[] escapes = standardAsciiEscapesForJSON();
            escapes[0x7f] = ESCAPE_STANDARD; // DEL, like the C0 controls JSON escapes anyway
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            // Jackson asks char by char: a supplementary character (a tag character) comes as a surrogate, never
            // escaped here, since an escaped half and a raw half would not make one character again
            // the C1 controls too (U+0080-U+009F: an 8-bit CSI or OSC), so that `cat report.json` runs no sequence
            return io.sophia.core.RemoteText.isInvisible(ch) || ch >= 0x80 && ch <= 0x9f
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch))
                    : null;
        }
    }

    /**
     * {@code json} with each invisible character outside the basic plane (the tag characters U+E0000–U+E007F, which
     * spell text a reader does not see) written as its escaped surrogate pair ({@code \udb40\udc41}), which Jackson
     * cannot do char by char. The text read back is what the source sent; other characters of those planes (emoji)
     * stay as they are. Such a character can only stand inside a JSON string, where an escape means the same.
     */
    static String escapeInvisibleSupplementary(String json) {
        int i = 0;
        int n = json.length();
        while (i < n && !(Character.isHighSurrogate(json.charAt(i))
                && io.sophia.core.RemoteText.isInvisible(json.codePointAt(i)))) {
            i++;
        }
        if (i == n) {
            return json;
        }
        StringBuilder b = new StringBuilder(n + 64).append(json, 0, i);
        while (i < n) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && io.sophia.core.RemoteText.isInvisible(json.codePointAt(i))) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x\\u%04x", (int) c, (int) json.charAt(i + 1)));
                i += 2;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    /** Two-space indentation, {@code "key": value}, {@code []} and {@code {}} when empty, {@code \n} line ends. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    public static String write(Assessment a) {
        try {
            return escapeInvisibleSupplementary(WRITER.writeValueAsString(ReportJson.of(a))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an assessment: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The text is not a report.json this codec reads; the message names the JSON path. The API turns it into its
     * {@code ReportFormatException}, which masks secrets: this one never leaves the library.
     */
    public static final class FormatError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FormatError(String message) {
            super(message, null, false, false);
        }
    }

    public static Assessment read(String json) {
        ReportJson r;
        try {
            r = MAPPER.readValue(json, ReportJson.class);
        } catch (StreamReadException e) {
            throw new FormatError("not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (JsonMappingException e) {
            throw new FormatError(describe(e));
        } catch (JacksonException e) {
            throw new FormatError("$: " + e.getOriginalMessage());
        }
        if (r == null) {
            throw new FormatError("$: a report is a JSON object");
        }
        require(r.schemaVersion(), "schemaVersion");
        if (!r.schemaVersion().equals(MAJOR) && !r.schemaVersion().startsWith(MAJOR + ".")) {
            throw new FormatError("$.schemaVersion: '" + clip(r.schemaVersion())
                    + "' is of another major version; this reader reads " + MAJOR + ".x");
        }
        require(r.deployment(), "deployment");
        require(r.generatedAt(), "generatedAt");
        require(r.gate(), "gate");
        List<io.sophia.core.Observation> observations = r.observations().stream().filter(Objects::nonNull).toList();
        for (int i = 0; i < r.actions().size(); i++) {
            if (r.actions().get(i) == null) {
                throw new FormatError("$.actions[" + i + "]: expected an object");
            }
        }
        try {
            return new ReportJson(r.schemaVersion(), r.deployment(), r.generatedAt(), r.services(), null,
                    r.diagnosis(), r.anomalies(), r.impact(), r.actions(), null, r.gate(), r.probing(), observations)
                    .toAssessment();
        } catch (RuntimeException e) {
            throw new FormatError("$: " + e.getMessage());
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new FormatError("$." + field + ": missing");
        }
    }

    /** {@code $.services[0].status: 'SIDEWAYS' is not one of [...]}: where, then what. */
    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            }
        }
        String what;
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            what = "'" + clip(String.valueOf(f.getValue())) + "' is not one of "
                    + Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidTypeIdException t) {
            what = t.getTypeId() == null ? "type: missing"
                    : "unknown observation type '" + clip(t.getTypeId()) + "'";
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            Throwable c = v.getCause();
            what = c instanceof NullPointerException && c.getMessage() != null
                    && c.getMessage().matches("[a-zA-Z]+") ? c.getMessage() + ": missing" : c.getMessage();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            what = "expected " + expected(m.getTargetType());
        } else {
            what = e.getOriginalMessage();
        }
        return path + ": " + what;
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == Duration.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant";
        }
        return "an object";
    }

    private static String clip(String s) {
        return io.sophia.core.Secrets.patterns().cut(s, 60);
    }

    /** Durations are whole milliseconds; a fraction or a string is an error, not seconds. */
    private static final class Millis extends StdScalarDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        Millis() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.isExpectedNumberIntToken()) {
                return Duration.ofMillis(p.getLongValue());
            }
            return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
        }
    }
}
