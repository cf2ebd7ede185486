package io.subregistry.registry.version.rest;

import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;

import java.util.List;
import java.util.Map;

/** What changes between two versions (or the latest version and the draft). */
public record DiffResponse(Integer from, Integer to, Map<ChangeType, Integer> counts, List<Change> changes) {
}
