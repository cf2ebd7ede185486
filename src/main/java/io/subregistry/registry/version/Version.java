package io.subregistry.registry.version;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A published version's header. Written once by {@link VersionRepository#insert}; the database refuses changes. */
@Entity
@Immutable
@Table(name = "version")
public class Version {

    @Id
    public int number;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "effective_at")
    public Instant effectiveAt;

    public String summary;

    public String publisher;

    @Column(name = "emergency_reason")
    public String emergencyReason;

    @Column(name = "notice_period_days")
    public int noticePeriodDays;

    @Column(name = "entry_count")
    public int entryCount;

    @Column(name = "previous_hash")
    public String previousHash;

    public String hash;

    public boolean isEffectiveAt(Instant moment) {
        return !effectiveAt.isAfter(moment);
    }
}
