package io.subregistry.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A member of staff who signs in: legal, auditor or admin. Only a bcrypt hash of the password is kept. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    @Id
    public UUID id;

    public String username;

    @Column(name = "password_hash")
    public String passwordHash;

    public String[] roles;

    public boolean disabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long revision;

    /** Failed sign-ins in a row; see {@link AccountService#signIn}. */
    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;
}
