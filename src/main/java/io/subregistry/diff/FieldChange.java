package io.subregistry.diff;

/** One field's value before and after; null means the field was empty. */
public record FieldChange(String field, String before, String after) {
}
