package io.subregistry.registry.draft;

import io.subregistry.registry.Subprocessor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A sub-processor in the draft; its id becomes the stable id of every version that lists it. */
@Entity
@Table(name = "draft_subprocessor")
public class DraftSubprocessor {

    @Id
    public UUID id;

    @Column(name = "section_id")
    public UUID sectionId;

    public String name;

    @Column(name = "legal_address")
    public String legalAddress;

    public String location;

    @Column(name = "processing_activity")
    public String processingActivity;

    public String website;

    @Column(name = "data_categories")
    public String dataCategories;

    @Column(name = "transfer_mechanism")
    public String transferMechanism;

    @Column(name = "dpa_url")
    public String dpaUrl;

    public long revision;

    public Subprocessor toSubprocessor() {
        return new Subprocessor(id, name, legalAddress, location, processingActivity, website, dataCategories,
                transferMechanism, dpaUrl);
    }

    public void setFields(SubprocessorInput fields) {
        name = fields.name();
        legalAddress = fields.legalAddress();
        location = fields.location();
        processingActivity = fields.processingActivity();
        website = fields.website();
        dataCategories = fields.dataCategories();
        transferMechanism = fields.transferMechanism();
        dpaUrl = fields.dpaUrl();
    }
}
