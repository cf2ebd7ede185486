package io.subregistry.importer;

/** The file formats legal staff can load into the draft. */
public enum ImportFormat {
    /** The shape of {@code GET /api/v1/draft} or a version's snapshot: sections with their sub-processors. */
    JSON,
    /** A header row naming the fields, then one sub-processor per row. */
    CSV,
    /** The text of an existing "Sub-processors" page, as copied from a browser. */
    PAGE
}
