package io.subregistry.registry;

import java.util.Optional;
import java.util.function.Function;

/** The fields of a sub-processor that a diff compares, in the order a reader expects them. */
public enum SubprocessorField {
    NAME("name", Subprocessor::name),
    LEGAL_ADDRESS("legalAddress", Subprocessor::legalAddress),
    LOCATION("location", Subprocessor::location),
    PROCESSING_ACTIVITY("processingActivity", Subprocessor::processingActivity),
    WEBSITE("website", Subprocessor::website),
    DATA_CATEGORIES("dataCategories", Subprocessor::dataCategories),
    TRANSFER_MECHANISM("transferMechanism", Subprocessor::transferMechanism),
    DPA_URL("dpaUrl", Subprocessor::dpaUrl);

    private final String jsonName;
    private final Function<Subprocessor, String> accessor;

    SubprocessorField(String jsonName, Function<Subprocessor, String> accessor) {
        this.jsonName = jsonName;
        this.accessor = accessor;
    }

    public String jsonName() {
        return jsonName;
    }

    public String valueOf(Subprocessor subprocessor) {
        return accessor.apply(subprocessor);
    }

    /** The field a diff's JSON names ("legalAddress"), or empty for a name that is not one. */
    public static Optional<SubprocessorField> ofJsonName(String name) {
        for (SubprocessorField field : values()) {
            if (field.jsonName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
