package io.subregistry.registry.version;

import io.subregistry.platform.Precondition;
import io.subregistry.registry.Snapshot;

import java.time.Instant;

/**
 * What publishing needs of the draft, and no more: its revision under a lock, and its content.
 * The draft package implements it, so this package never reaches into the draft's entities
 * (the dependency runs draft → version; see docs/ARCHITECTURE.md).
 */
public interface PublishableDraft {

    /**
     * Takes the draft's exclusive lock for the rest of the transaction (no edit and no other
     * publish, from any instance, can land until it ends), then checks that {@code reviewed}
     * names the current revision: 428 if it names none, 412 if the draft changed since.
     */
    Revision lockReviewed(Precondition reviewed);

    /**
     * Takes the draft's shared lock for the rest of the transaction: every edit takes the
     * exclusive one first, so what is read next belongs to exactly the revision returned.
     */
    Revision lockForReading();

    /**
     * Takes the exclusive lock and moves the draft to a new revision without changing its
     * content: the version it is compared with changed (a withdrawal), so a diff reviewed before
     * must be reviewed again before it can be published.
     */
    Revision rebase(String actor, Instant at);

    /** The draft as the snapshot a publish freezes; call under one of the locks above. */
    Snapshot snapshot();

    /** A draft revision and the entity tag that names it in If-Match. */
    record Revision(long number, String etag) {
    }
}
