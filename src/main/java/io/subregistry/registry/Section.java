package io.subregistry.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A group of sub-processors on the page ("Product-related sub-processors"), in page order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Section(String key, String title, String description, String note, List<Subprocessor> subprocessors) {

    public Section {
        subprocessors = subprocessors.stream().sorted(Subprocessor.PAGE_ORDER).toList();
    }
}
