package io.subregistry.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A customer and the notice terms of its contract. Archived, never deleted: its obligations stay evidence. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    public String name;

    /** A contract or CRM id, unique; what a CSV import matches on. */
    public String reference;

    @Column(name = "notice_period_days")
    public int noticePeriodDays;

    /** Days from notice within which the customer may object; null: until the effective date. */
    @Column(name = "objection_window_days")
    public Integer objectionWindowDays;

    /** Section keys its contract covers; null for every section. */
    public String[] sections;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Version
    public long revision;

    public boolean isArchived() {
        return archivedAt != null;
    }
}
