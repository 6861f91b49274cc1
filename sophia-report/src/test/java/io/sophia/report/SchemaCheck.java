package io.sophia.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * report.json against a JSON Schema with networknt's json-schema-validator: a complete
 * draft 2020-12 implementation, with {@code format} asserted (an instant must be a date-time),
 * as a consumer of the report would validate it.
 */
final class SchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(com.networknt.schema.SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private SchemaCheck() {
    }

    /** The violations of {@code json} against {@code schema}, each with its instance location; empty when it conforms. */
    static List<String> violations(String schema, String json) {
        Schema s = REGISTRY.getSchema(schema, InputFormat.JSON);
        return s.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
