package io.subregistry.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds request bodies for sub-processors: valid by default, change what the test is about. */
public final class Entries {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Entries(String name) {
        fields.put("section", "product");
        fields.put("name", name);
        fields.put("legalAddress", "1 Example Street, 10115 Berlin, Germany");
        fields.put("location", "EU");
        fields.put("processingActivity", "Error reports with user ids");
    }

    public static Entries named(String name) {
        return new Entries(name);
    }

    public Entries in(String section) {
        return with("section", section);
    }

    public Entries with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Entries without(String field) {
        fields.remove(field);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }
}
