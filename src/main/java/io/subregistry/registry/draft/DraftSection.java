package io.subregistry.registry.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
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

    /** Gives sections their positions in list order (0 first). */
    static void renumber(List<DraftSection> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).displayOrder = i;
        }
    }
}
