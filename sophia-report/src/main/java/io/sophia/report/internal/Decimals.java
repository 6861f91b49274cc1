package io.sophia.report.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Fixed-scale numbers of report.json ({@link Formats#decimal}: half-even, trailing zeros dropped,
 * at least one decimal), so the same assessment gives the same bytes on every JVM.
 */
final class Decimals {

    private Decimals() {
    }

    private abstract static class Scaled extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;
        private final int scale;

        Scaled(int scale) {
            super(Double.class);
            this.scale = scale;
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(new BigDecimal(Formats.decimal(value, scale)));
        }
    }

    /** Four decimals: probabilities, weights, scores. */
    static final class Four extends Scaled {
        private static final long serialVersionUID = 1L;

        Four() {
            super(4);
        }
    }

    /** Two decimals: percentages. */
    static final class Two extends Scaled {
        private static final long serialVersionUID = 1L;

        Two() {
            super(2);
        }
    }
}
