package io.subregistry.registry;

import java.util.Optional;

/** The properties of a section that a diff compares: its texts and its place among the sections. */
public enum SectionField {
    TITLE("title"),
    DESCRIPTION("description"),
    NOTE("note"),
    POSITION("position");

    private final String jsonName;

    SectionField(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The field a diff's JSON names ("title"), or empty for a name that is not one. */
    public static Optional<SectionField> ofJsonName(String name) {
        for (SectionField field : values()) {
            if (field.jsonName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
