package io.subregistry.registry.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The draft's single header row: its revision is the draft's ETag and its row lock serialises edits. */
@Entity
@Table(name = "draft")
public class DraftState {

    public static final short ID = 1;

    @Id
    public short id;

    public long revision;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** Records a change: every edit, import and section move makes a new revision (a new ETag). */
    public void touch(String actor, Instant at) {
        revision++;
        updatedAt = at;
        updatedBy = actor;
    }
}
