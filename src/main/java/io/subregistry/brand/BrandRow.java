package io.subregistry.brand;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** The brand as an admin saved it (the single row of {@code brand}); config may override each field. */
@Entity
@Table(name = "brand")
public class BrandRow {

    public static final int ID = 1;

    @Id
    public int id;

    @Column(name = "company_name")
    public String companyName;

    @Column(name = "accent_color")
    public String accentColor;

    @Column(name = "privacy_url")
    public String privacyUrl;

    @Column(name = "dpa_url")
    public String dpaUrl;

    @Column(name = "legal_pages_url")
    public String legalPagesUrl;

    @Column(name = "contact_email")
    public String contactEmail;

    public String footer;

    @Column(name = "binding_language")
    public String bindingLanguage;

    public byte[] logo;

    @Column(name = "logo_type")
    public String logoType;

    @Column(name = "logo_sha256")
    public String logoSha256;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long revision;
}
