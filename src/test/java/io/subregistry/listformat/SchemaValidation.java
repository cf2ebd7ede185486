package io.subregistry.listformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates JSON against one of the published schemas (draft 2020-12), as a consumer's tool would. */
public final class SchemaValidation {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private SchemaValidation() {
    }

    /** The schema as the service serves it. */
    public static Schema schema(String servedText) {
        return REGISTRY.getSchema(servedText);
    }

    /** The errors, as readable lines: empty when the document conforms. */
    public static List<String> errors(Schema schema, String document) {
        return schema.validate(node(document)).stream().map(Error::toString).toList();
    }

    public static List<String> errors(Schema schema, JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    public static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
