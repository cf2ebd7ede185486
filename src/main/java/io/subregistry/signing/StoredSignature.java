package io.subregistry.signing;

import io.subregistry.registry.version.VersionSignature;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A version's signature as stored; written once, the database refuses changes (V5__signing.sql). */
@Entity
@Immutable
@Table(name = "version_signature")
public class StoredSignature {

    @Id
    @Column(name = "version_number")
    public int versionNumber;

    @Column(name = "key_id")
    public String keyId;

    public String value;

    @Column(name = "signed_at")
    public Instant signedAt;

    public VersionSignature view() {
        return VersionSignature.ed25519(keyId, value);
    }
}
