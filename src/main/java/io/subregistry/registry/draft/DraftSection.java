package io.subregistry.registry.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A section of the draft. */
@Entity
@Table(name = "draft_section")
public class DraftSection {

    @Id
    public UUID id;

    @Column(name = "key")
    public String sectionKey;

    public String title;

    public String description;

    public String note;

    /** 0-based place on the page. */
    @Column(name = "position")
    public int displayOrder;

    public long revision;
}
